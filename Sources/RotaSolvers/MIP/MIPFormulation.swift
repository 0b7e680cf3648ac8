import RotaCore

/// The exact model of FORMAT.md's rules over line classes, as plain data (models/README.md
/// documents every family; `models/rota.mod` is the same model in MathProg).
///
/// Purchases are counted per class, account and day (x); a purchase's review goes on the
/// first day the account may work after the lag, unless reviews have a daily cap, in which
/// case reviews are counted per class, account and day too (y) and linked to purchases by a
/// backlog. Lines left out are counted per class (u).
public struct MIPFormulation: Sendable {
    /// A column counting purchases of one class by one account on one day (x[c,a,d]).
    public struct PurchaseColumn: Sendable, Hashable {
        public var lineClass: Int
        public var account: Int
        public var day: Int
        /// The review's day when it is determined (reviews uncapped), else the earliest possible one.
        public var reviewDay: Int
        public var column: Int
    }

    /// A column counting reviews of one class by one account on one day (y[c,a,r]).
    public struct ReviewColumn: Sendable, Hashable {
        public var lineClass: Int
        public var account: Int
        public var day: Int
        public var column: Int
    }

    /// A column totalling the purchases of one account on one day (P[a,d]).
    public struct DayTotalColumn: Sendable, Hashable {
        public var account: Int
        public var day: Int
        public var column: Int
    }

    public let problem: PlanningProblem
    public let classes: [LineClass]
    public package(set) var program: LinearProgram
    /// Whether reviews have a daily cap, so their days are variables (y) rather than determined.
    public let reviewsCapped: Bool
    public let purchases: [PurchaseColumn]
    /// Review columns: review classes always, purchase classes when reviews are capped.
    public let reviews: [ReviewColumn]
    /// A column counting reviews of group g of class c on day r (z[c,g,r]), for classes of
    /// several groups.
    public struct GroupReviewColumn: Sendable, Hashable {
        public var lineClass: Int
        public var group: Int
        public var day: Int
        public var column: Int
    }

    /// P[a,d]: purchases per account and day.
    public let dayTotals: [DayTotalColumn]
    /// z[c,g,r]: review days shared out among the groups of classes with several groups.
    public let groupReviews: [GroupReviewColumn]
    /// u[c][g]: lines of group g of class c left out.
    public let unscheduled: [[Int]]
    /// L ≥ every account's purchases.
    public let largestLoad: Int
    /// M ≤ every account's purchases.
    public let smallestLoad: Int
    /// o[a,s]: the window of account a from day s holds more purchases than `soft`.
    public let softOverruns: [Int]
    /// Per column: the earliest review day a positive value implies (nil for other columns).
    public let reviewDay: [Int?]
    /// Per column: its lateness cost (weight × days late of the review it implies).
    public let lateness: [Double]
    /// Rows holding one objective level each (free until a stage caps them), by level.
    public let levelRows: [ObjectiveLevel: Int]
    /// Lateness of the lines whose review is already completed.
    public let latenessConstant: Double
    /// Windows over `soft` from completed purchases alone.
    public let softOverrunConstant: Int
    /// The makespan completed reviews force.
    public let makespanFloor: Int
    /// Backlog rows (first term: their backlog column), in day order per class and account.
    let backlogRows: [Int]
    /// Overrun rows (last term: their indicator).
    let softRows: [Int]

    /// Builds the model of `problem`.
    public init(_ problem: PlanningProblem) {
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
    public func objective(_ level: ObjectiveLevel) -> [LinearProgram.Term] {
        guard let row = levelRows[level] else { return [] }
        return program.rows[row].terms
    }
}
