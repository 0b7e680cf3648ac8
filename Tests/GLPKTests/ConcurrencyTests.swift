import Foundation
import Testing
import _GLPK

@Suite struct ConcurrencyTests {
    /// Runs `work` on `count` fresh threads at once and waits for all of them.
    private func onThreads(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                work(index)
                group.leave()
            }
            thread.start()
        }
        group.wait()
    }

    @Test func fourModelsSolvedConcurrentlyGiveCorrectAnswers() throws {
        let results = Locked<[Int: (Double?, MIPStatus, Bool)]>([:])
        onThreads(4) { index in
            do {
                // Capacity 10 + index changes the optimum: 21, 21, 23, 25 (checked by brute force below).
                let model = try TestModels.knapsack(
                    values: [10, 13, 7, 8, 4], weights: [5, 6, 3, 4, 2], capacity: Double(10 + index))
                let outcome = try model.solve(MIPOptions(progressInterval: 0, progress: { _ in }))
                let lp = try TestModels.textbookLP().solve()
                // Each log holds its own solve only: the hook is per thread and per call.
                let logOK = outcome.log.filter { $0.hasPrefix("GLPK Integer Optimizer") }.count == 1
                    && !lp.log.contains { $0.hasPrefix("GLPK Integer Optimizer") }
                    && lp.objective.map { abs($0 - 11) < 1e-9 } == true
                results.update { $0[index] = (outcome.objective, outcome.status, logOK) }
            } catch {
                results.update { $0[index] = (nil, .infeasible, false) }
            }
        }
        let values: [Double] = [10, 13, 7, 8, 4]
        let weights: [Double] = [5, 6, 3, 4, 2]
        for index in 0..<4 {
            var best = 0.0
            for mask in 0..<(1 << 5) {
                let chosen = (0..<5).filter { mask & (1 << $0) != 0 }
                if chosen.map({ weights[$0] }).reduce(0, +) <= Double(10 + index) {
                    best = max(best, chosen.map { values[$0] }.reduce(0, +))
                }
            }
            let result = results.value[index]
            #expect(result?.1 == .optimal)
            #expect(result?.0 == best)
            #expect(result?.2 == true)
        }
    }

    @Test func hardSearchesRunSideBySide() throws {
        let outcomes = Locked<[MIPStatus]>([])
        onThreads(2) { index in
            let status = (try? TestModels.jeroslow(41).solve(MIPOptions(nodeLimit: 200 + index)).status) ?? .infeasible
            outcomes.update { $0.append(status) }
        }
        #expect(outcomes.value == [.nodeLimit, .nodeLimit])
    }

    @Test func useFromAnotherThreadThrows() throws {
        let model = try TestModels.textbookLP()
        let box = UncheckedBox(model)
        let errors = Locked<[GLPKError]>([])
        onThreads(1) { _ in
            for attempt in [
                { _ = try box.value.solve() },
                { _ = try box.value.addColumn() },
                { try box.value.setObjectiveDirection(.minimize) },
                { try box.value.writeLP(to: TestModels.temporaryPath(".lp")) },
            ] as [() throws -> Void] {
                do { try attempt() } catch let error as GLPKError { errors.update { $0.append(error) } } catch {}
            }
        }
        #expect(errors.value == Array(repeating: .wrongThread, count: 4))
        // Still usable on its own thread.
        #expect(try model.solve().status == .optimal)
    }

    /// A model released on a thread other than its creator's is leaked, never freed into the
    /// wrong thread's GLPK memory list (which would corrupt it).
    @Test func releaseOnAnotherThreadIsSafe() throws {
        let handOff = Locked<[UncheckedBox<LinearModel>]>([])
        onThreads(1) { _ in
            guard let model = try? TestModels.textbookLP() else { return }
            handOff.update { $0.append(UncheckedBox(model)) }
        }
        #expect(handOff.value.count == 1)
        #expect(throws: GLPKError.wrongThread) { try handOff.value[0].value.solve() }
        handOff.update { $0.removeAll() }
        #expect(try TestModels.textbookLP().solve().status == .optimal)
    }
}
