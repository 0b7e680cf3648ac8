import Foundation
import Testing
import _GLPK

@Suite struct SearchLimitTests {
    @Test func nodeLimitStopsAnEndlessSearch() throws {
        let outcome = try TestModels.jeroslow(41).solve(MIPOptions(nodeLimit: 100, presolve: false))
        #expect(outcome.status == .nodeLimit)
        #expect(outcome.nodes == 100)
        #expect(outcome.objective == nil)
        #expect(outcome.bestBound == 0)
    }

    @Test func nodeLimitIsDeterministic() throws {
        let runs = try (0..<2).map { _ in
            try TestModels.hardKnapsack().solve(MIPOptions(nodeLimit: 12, presolve: false))
        }
        #expect(runs[0].status == .nodeLimit)
        #expect(runs[0].nodes == 12)
        #expect(runs[0].nodes == runs[1].nodes)
        #expect(runs[0].objective == runs[1].objective)
        #expect(runs[0].values == runs[1].values)
        if let objective = runs[0].objective, let bound = runs[0].bestBound {
            #expect(bound >= objective)
            #expect(runs[0].gap != nil)
        }
    }

    @Test func timeLimitIsHonoured() throws {
        let outcome = try TestModels.jeroslow(41).solve(MIPOptions(timeLimit: 0.5))
        #expect(outcome.status == .timeLimit)
        #expect(outcome.seconds >= 0.4)
        #expect(outcome.seconds < 3)
        #expect(outcome.nodes > 0)
    }

    @Test func relativeGapEndsTheSearchEarly() throws {
        let outcome = try TestModels.hardKnapsack().solve(MIPOptions(relativeGap: 0.2))
        #expect(outcome.status == .feasible || outcome.status == .optimal)
        #expect(outcome.objective != nil)
        #expect((outcome.gap ?? 1) <= 0.2)
    }

    @Test func progressIsReported() throws {
        let reports = Locked<[MIPProgress]>([])
        let outcome = try TestModels.hardKnapsack().solve(
            MIPOptions(progressInterval: 0, progress: { report in reports.update { $0.append(report) } }))
        #expect(outcome.status == .optimal)
        let seen = reports.value
        #expect(seen.count > 5)
        #expect(seen.contains { $0.event == .newIncumbent && $0.incumbent != nil })
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.nodes <= $1.nodes && $0.seconds <= $1.seconds })
        #expect(seen.allSatisfy { $0.nodes <= outcome.nodes })
        #expect(seen.contains { $0.bound != nil && $0.gap != nil })
    }

    @Test func stopTokenRaisedFromTheProgressCallbackInterrupts() throws {
        let stop = StopToken()
        let options = MIPOptions(
            presolve: false, progressInterval: 0,
            progress: { report in if report.nodes >= 50 { stop.stop() } }, stop: stop)
        let outcome = try TestModels.jeroslow(41).solve(options)
        #expect(outcome.status == .interrupted)
        #expect(outcome.nodes == 50)
    }

    @Test func stopTokenRaisedFromAnotherThreadInterrupts() throws {
        let stop = StopToken()
        let stopper = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            stop.stop()
        }
        stopper.start()
        let outcome = try TestModels.jeroslow(41).solve(MIPOptions(timeLimit: 30, stop: stop))
        #expect(outcome.status == .interrupted)
        #expect(outcome.seconds < 10)
    }

    @Test func raisedStopTokenSkipsTheSolve() throws {
        let stop = StopToken()
        stop.stop()
        #expect(stop.isStopped)
        let outcome = try TestModels.textbookLP().solve(MIPOptions(stop: stop))
        #expect(outcome.status == .interrupted)
        #expect(!outcome.hasSolution)
    }

    @Test func callbacksCannotReenterTheModel() throws {
        let model = try TestModels.hardKnapsack()
        let box = UncheckedBox(model)
        let errors = Locked<[GLPKError]>([])
        let outcome = try model.solve(MIPOptions(progressInterval: 0, progress: { _ in
            do { try box.value.addColumn() } catch let error as GLPKError { errors.update { $0.append(error) } } catch {}
        }))
        #expect(outcome.status == .optimal)
        #expect(!errors.value.isEmpty && errors.value.allSatisfy { $0 == .busy })
        #expect(model.counts.columns == 50)
    }
}

/// Moves a non-Sendable value across a closure boundary the test controls.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
