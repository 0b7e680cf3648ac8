import Testing
@testable import RotaCore
@testable import RotaEvaluation
@testable import Rota

/// `BoundAccounts.windowedPrefix` is the exact maximum of purchases by each day under daily
/// capacities and a rolling hard cap with history: checked against every purchase vector.
@Suite struct WindowedPrefixTests {
    /// The most purchases on days `0...D`, for each `D`, over every vector within `daily` whose
    /// windows (history included) stay within `hard`.
    static func bruteForce(_ daily: [Int], days w: Int, hard: Int, history: [Int]) -> [Int] {
        var best = [Int](repeating: -1, count: daily.count)
        var y = [Int](repeating: 0, count: daily.count)
        let lowest = min(0, history.min() ?? 0)
        let highest = max(daily.count - 1, history.max() ?? 0)
        func valid() -> Bool {
            for s in (lowest - w + 1)...highest {
                let window = s...(s + w - 1)
                let bought = y.indices.filter { window.contains($0) }.reduce(0) { $0 + y[$1] }
                let held = history.count { window.contains($0) }
                // A window over its cap by history alone only forbids new purchases in it.
                if bought > 0 && bought + held > hard { return false }
            }
            return true
        }
        func visit(_ d: Int) {
            if d == daily.count {
                guard valid() else { return }
                var sum = 0
                for i in y.indices {
                    sum += y[i]
                    best[i] = max(best[i], sum)
                }
                return
            }
            for v in 0...daily[d] {
                y[d] = v
                visit(d + 1)
            }
            y[d] = 0
        }
        visit(0)
        return best
    }

    @Test(arguments: 0..<150)
    func greedyPrefixIsTheExactMaximum(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let days = random.int(in: 1...7)
        let daily = (0..<days).map { _ in random.int(in: 0...2) }
        let w = random.int(in: 1...4)
        let hard = random.int(in: 0...4)
        let history = (0..<random.int(in: 0...3)).map { _ in random.int(in: -3...(days - 1)) }.sorted()
        let expected = Self.bruteForce(daily, days: w, hard: hard, history: history)
        let got = BoundAccounts.windowedPrefix(daily, window: (w, hard), history: history)
        #expect(got == expected, "daily \(daily), window \(w), hard \(hard), history \(history)")
    }

    @Test func withoutWindowItIsTheRunningSum() {
        #expect(BoundAccounts.windowedPrefix([2, 0, 3], window: nil, history: []) == [2, 2, 5])
    }

    @Test func hugeWindowsDoNotLoop() {
        let result = BoundAccounts.windowedPrefix(
            [Int](repeating: 5, count: 30), window: (PlanningProblem.unlimited, 12), history: [-400, 3])
        #expect(result.last == 10)
    }
}
