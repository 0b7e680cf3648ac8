import Testing

import RotaCore
import RotaEvaluation
import RotaSolvers

/// Instances for the flow tests: a compact builder for hand-made ones, a seeded generator for
/// random ones, and plan measurements taken from the plan itself.
enum FlowTestInstances {
    static let start = Day(ordinal: 20_788)  // 2026-12-01

    /// One order per line, ids `l<i>`; `items[i]` is line i's item.
    static func instance(
        accounts: [Account], items: [String], lag: Int = 4, horizon: Int = 30, earliest: [Int: Int] = [:],
        lineLag: [Int: Int] = [:], due: [Int: Int] = [:], weight: [Int: Double] = [:],
        sameItemPerDay: Int? = 1, sameItemTotal: Int? = nil, reviewsPerDay: Int? = nil, existing: [PlanTask] = []
    ) -> Instance {
        let orders = items.enumerated().map { i, item in
            Order(
                id: OrderID("o\(i)"), dueDate: due[i].map { start + $0 }, weight: weight[i] ?? 1,
                lines: [
                    Line(
                        id: LineID("l\(i)"), item: ItemID(item), earliest: earliest[i].map { start + $0 },
                        reviewLagDays: lineLag[i])
                ])
        }
        return Instance(
            name: "flow-test", start: start, horizonDays: horizon,
            rules: Rules(
                reviewLagDays: lag, sameItemPerAccountPerDay: sameItemPerDay, sameItemPerAccount: sameItemTotal,
                reviewsPerAccountPerDay: reviewsPerDay),
            accounts: accounts, orders: orders, existing: existing)
    }

    /// An account `a<index>` with a daily limit and days off (offsets from `start`).
    static func account(_ index: Int, limit: Int?, off: [Int] = [], rolling: RollingCap? = nil) -> Account {
        Account(id: AccountID("a\(index)"), dailyLimit: limit, unavailable: off.map { start + $0 }, rolling: rolling)
    }

    /// A task of `existing` for line `l<line>` (whose item is `item`).
    static func task(
        _ kind: TaskKind, line: Int, item: String, account: Int, day: Int, status: TaskStatus
    ) -> PlanTask {
        PlanTask(
            id: TaskID("\(kind == .purchase ? "P" : "R"):l\(line)"), kind: kind, line: LineID("l\(line)"),
            order: OrderID("o\(line)"), item: ItemID(item), account: AccountID("a\(account)"), date: start + day,
            status: status, after: kind == .review ? TaskID("P:l\(line)") : nil)
    }

    /// The makespan of a plan, read from its tasks as the format defines it.
    static func makespan(_ plan: Plan, _ instance: Instance) -> Int {
        plan.tasks.filter { $0.kind == .review && $0.status != .missed }
            .map { $0.date - instance.start + 1 }.max().map { max(0, $0) } ?? 0
    }

    /// Solves with the flow solver and records every validator complaint as a test issue.
    @discardableResult
    static func solveValid(_ instance: Instance, _ comment: String = "") throws -> SolveResult {
        let result = try FlowSolver().solve(PlanningProblem(instance), options: SolveOptions())
        let report = Validator().validate(result.plan, against: instance)
        #expect(report.isFeasible, "\(comment) \(report.violations.prefix(3).map(\.description))")
        return result
    }
}

/// A small seeded generator (SplitMix64).
struct FlowRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }
}

extension FlowTestInstances {
    /// A small random instance; `caps` adds rolling hard caps and a daily review cap.
    static func random(seed: UInt64, caps: Bool, sameItemTotal: Bool = true) -> Instance {
        var rng = FlowRandom(seed: seed)
        let horizon = rng.int(4...16)
        let accountCount = rng.int(1...4)
        let accounts = (0..<accountCount).map { a -> Account in
            let off = (0..<horizon).filter { _ in rng.chance(0.15) }
            let rolling: RollingCap? =
                caps && rng.chance(0.7) ? RollingCap(days: rng.int(2...5), soft: nil, hard: rng.int(1...4)) : nil
            return account(a, limit: rng.chance(0.1) ? nil : rng.int(1...3), off: off, rolling: rolling)
        }
        let lineCount = rng.int(1...12)
        let itemCount = rng.int(1...5)
        let items = (0..<lineCount).map { _ in "item-\(rng.int(0...(itemCount - 1)))" }
        var earliest: [Int: Int] = [:]
        var lineLag: [Int: Int] = [:]
        var due: [Int: Int] = [:]
        var weight: [Int: Double] = [:]
        for l in 0..<lineCount {
            if rng.chance(0.3) { earliest[l] = rng.int(-2...(horizon / 2)) }
            if rng.chance(0.25) { lineLag[l] = rng.int(0...5) }
            if rng.chance(0.6) { due[l] = rng.int(1...horizon) }
            if rng.chance(0.5) { weight[l] = Double(rng.int(0...30)) / 10 }
        }
        // History: completed purchases (some reviewed), missed and pending tasks.
        var existing: [PlanTask] = []
        for l in 0..<lineCount where rng.chance(0.25) {
            let a = rng.int(0...(accountCount - 1))
            switch rng.int(0...4) {
            case 0, 1:
                let day = rng.int(-4...1)
                existing.append(task(.purchase, line: l, item: items[l], account: a, day: day, status: .completed))
                if rng.chance(0.3) {
                    existing.append(
                        task(.review, line: l, item: items[l], account: a, day: day + 4, status: .completed))
                }
            case 2:
                existing.append(task(.purchase, line: l, item: items[l], account: a, day: -2, status: .missed))
            default:
                existing.append(task(.purchase, line: l, item: items[l], account: a, day: 1, status: .pending))
                existing.append(task(.review, line: l, item: items[l], account: a, day: 6, status: .pending))
            }
        }
        return instance(
            accounts: accounts, items: items, lag: rng.int(0...4), horizon: horizon, earliest: earliest,
            lineLag: lineLag, due: due, weight: weight, sameItemPerDay: rng.chance(0.2) ? nil : rng.int(1...2),
            sameItemTotal: sameItemTotal && rng.chance(0.3) ? rng.int(1...3) : nil,
            reviewsPerDay: caps && rng.chance(0.7) ? rng.int(1...2) : nil, existing: existing)
    }
}
