import RotaCore

/// The exact model of FORMAT.md's rules over line classes, as plain data (models/README.md
/// documents every family; `models/rota.mod` is the same model in MathProg).
///
/// Purchases are counted per class, account and day (x); a purchase's review goes on the
/// first day the account may work after the lag, unless reviews have a daily cap, in which
/// case reviews are counted per class, account and day too (y) and linked to purchases by a
/// backlog. Lines left out are counted per class (u).
package struct MIPFormulation: Sendable {
    /// A column counting purchases of one class by one account on one day (x[c,a,d]).
    package struct PurchaseColumn: Sendable, Hashable {
        package var lineClass: Int
        package var account: Int
        package var day: Int
        /// The review's day when it is determined (reviews uncapped), else the earliest possible one.
        package var reviewDay: Int
        package var column: Int
    }

    /// A column counting reviews of one class by one account on one day (y[c,a,r]).
    package struct ReviewColumn: Sendable, Hashable {
        package var lineClass: Int
        package var account: Int
        package var day: Int
        package var column: Int
    }

    /// A column totalling the purchases of one account on one day (P[a,d]).
    package struct DayTotalColumn: Sendable, Hashable {
        package var account: Int
        package var day: Int
        package var column: Int
    }

    package let problem: PlanningProblem
    package let classes: [LineClass]
    package package(set) var program: LinearProgram
    /// Whether reviews have a daily cap, so their days are variables (y) rather than determined.
    package let reviewsCapped: Bool
    package let purchases: [PurchaseColumn]
    /// Review columns: review classes always, purchase classes when reviews are capped.
    package let reviews: [ReviewColumn]
    /// A column counting reviews of group g of class c on day r (z[c,g,r]), for classes of
    /// several groups.
    package struct GroupReviewColumn: Sendable, Hashable {
        package var lineClass: Int
        package var group: Int
        package var day: Int
        package var column: Int
    }

    /// P[a,d]: purchases per account and day.
    package let dayTotals: [DayTotalColumn]
    /// z[c,g,r]: review days shared out among the groups of classes with several groups.
    package let groupReviews: [GroupReviewColumn]
    /// u[c][g]: lines of group g of class c left out.
    package let unscheduled: [[Int]]
    /// L ≥ every account's purchases.
    package let largestLoad: Int
    /// M ≤ every account's purchases.
    package let smallestLoad: Int
    /// o[a,s]: the window of account a from day s holds more purchases than `soft`.
    package let softOverruns: [Int]
    /// Per column: the earliest review day a positive value implies (nil for other columns).
    package let reviewDay: [Int?]
    /// Per column: its lateness cost (weight × days late of the review it implies).
    package let lateness: [Double]
    /// Rows holding one objective level each (free until a stage caps them), by level.
    package let levelRows: [ObjectiveLevel: Int]
    /// Lateness of the lines whose review is already completed.
    package let latenessConstant: Double
    /// Windows over `soft` from completed purchases alone.
    package let softOverrunConstant: Int
    /// The makespan completed reviews force.
    package let makespanFloor: Int
    /// Backlog rows (first term: their backlog column), in day order per class and account.
    let backlogRows: [Int]
    /// Overrun rows (last term: their indicator).
    let softRows: [Int]

    /// Builds the model of `problem`.
    package init(_ problem: PlanningProblem) {
        var builder = MIPFormulationBuilder(problem: problem)
        builder.build()
        self.problem = problem
        classes = builder.classes
        program = builder.program
        reviewsCapped = builder.reviewsCapped
        purchases = builder.purchases
        reviews = builder.reviews
        unscheduled = builder.unscheduled
        dayTotals = builder.dayTotals
        groupReviews = builder.groupReviews
        largestLoad = builder.largestLoad
        smallestLoad = builder.smallestLoad
        softOverruns = builder.softOverruns
        reviewDay = builder.reviewDay
        lateness = builder.lateness
        levelRows = builder.levelRows
        latenessConstant = builder.latenessConstant
        softOverrunConstant = builder.softOverrunConstant
        makespanFloor = builder.history.makespanFloor
        backlogRows = builder.backlogRows
        softRows = builder.softRows
    }

    /// The terms a stage minimises (the makespan stage is a search over fixed horizons: none).
    package func objective(_ level: ObjectiveLevel) -> [LinearProgram.Term] {
        guard let row = levelRows[level] else { return [] }
        return program.rows[row].terms
    }
}
