import RotaCore
import RotaSolvers

/// The exact model's size as one of lines, accounts or days grows and the others stay:
/// rows, columns, non-zeros and build seconds of `MIPFormulation` on cuts of one instance
/// (its first lines in order, its first accounts, its first days).
package enum ModelSizeSeries {
    /// One measured model.
    package struct Point: Sendable, Hashable {
        /// What varies along the series: `lines`, `accounts` or `days`.
        package var dimension: String
        package var lines: Int
        package var accounts: Int
        package var days: Int
        package var rows: Int
        package var columns: Int
        package var nonZeros: Int
        package var seconds: Double
    }

    /// Builds the model for every cut: `lines` with every account and day, `accounts` with every
    /// line and day, `days` with every line and account. An instance with `existing` tasks is
    /// only cut by lines and days (its tasks name accounts).
    package static func measure(_ instance: Instance, lines: [Int], accounts: [Int], days: [Int]) -> [Point] {
        var points: [Point] = []
        func add(_ dimension: String, _ cut: Instance) {
            let clock = ContinuousClock()
            let started = clock.now
            let problem = PlanningProblem(cut)
            let program = MIPFormulation(problem).program
            let elapsed = clock.now - started
            points.append(
                Point(
                    dimension: dimension, lines: problem.lineCount, accounts: problem.accountCount,
                    days: problem.horizon, rows: program.rows.count, columns: program.columns.count,
                    nonZeros: program.nonZeros,
                    seconds: elapsed.seconds))
        }
        for count in lines { add("lines", cut(instance, lines: count)) }
        if instance.existing.isEmpty {
            for count in accounts { add("accounts", cut(instance, accounts: count)) }
        }
        for count in days { add("days", cut(instance, days: count)) }
        return points
    }

    /// `instance` with only its first `lines` lines (orders in order), first `accounts`
    /// accounts, and a horizon of at most `days` days.
    static func cut(_ instance: Instance, lines: Int? = nil, accounts: Int? = nil, days: Int? = nil) -> Instance {
        var cut = instance
        if let lines {
            var left = max(0, lines)
            cut.orders = instance.orders.compactMap { order in
                guard left > 0 else { return nil }
                var kept = order
                kept.lines = Array(order.lines.prefix(left))
                left -= kept.lines.count
                return kept
            }
        }
        if let accounts { cut.accounts = Array(instance.accounts.prefix(max(1, accounts))) }
        if let days { cut.horizonDays = min(instance.horizonDays, max(1, days)) }
        return cut
    }
}
