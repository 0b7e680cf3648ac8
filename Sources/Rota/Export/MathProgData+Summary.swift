import RotaCore
import RotaSolvers

extension MathProgData {
    /// What the data file holds, for a one-line account.
    package struct Summary: Sendable, Hashable {
        /// Classes of lines needing a purchase and a review (set C).
        package var purchaseClasses: Int
        /// Classes of lines needing only a review (set R).
        package var reviewClasses: Int
        /// Groups of lines sharing class, due day and weight (set G).
        package var groups: Int
        /// Lines still needing work.
        package var lines: Int
        package var accounts: Int
        package var days: Int
    }

    /// The size of `problem`'s data.
    package static func summary(for problem: PlanningProblem) -> Summary {
        let classes = LineClass.classes(of: problem)
        let purchase = classes.filter { $0.need == .purchase }.count
        return Summary(
            purchaseClasses: purchase, reviewClasses: classes.count - purchase,
            groups: classes.reduce(0) { $0 + $1.groups.count }, lines: classes.reduce(0) { $0 + $1.count },
            accounts: problem.accountCount, days: problem.horizon)
    }
}
