import RotaCore

/// Builds `MIPFormulation`: columns first (their upper bounds already hold every single-column
/// cap), then one family of rows at a time. A row is only added when the bounds of its
/// columns could break it.
struct MIPFormulationBuilder {
    let problem: PlanningProblem
    let history: PlanningHistory
    let classes: [LineClass]
    let reviewsCapped: Bool

    var program = LinearProgram()
    var purchases: [MIPFormulation.PurchaseColumn] = []
    var reviews: [MIPFormulation.ReviewColumn] = []
    var unscheduled: [[Int]] = []
    var groupReviews: [MIPFormulation.GroupReviewColumn] = []
    var largestLoad = 0
    var smallestLoad = 0
    var softOverruns: [Int] = []
    var dayTotals: [MIPFormulation.DayTotalColumn] = []
    /// Rows whose first term is a backlog column and whose last is an overrun indicator.
    var backlogRows: [Int] = []
    var softRows: [Int] = []
    /// P[a,d] column per account and day, when the day has purchase columns.
    var dayTotal: [[Int?]] = []
    var reviewDay: [Int?] = []
    var lateness: [Double] = []
    var levelRows: [ObjectiveLevel: Int] = [:]
    var latenessConstant = 0.0
    var softOverrunConstant = 0
    /// Hard-cap room per account and window start (`windowRoom[a][s + length - 1]`).
    let windowRoom: [[Int]]

    init(problem: PlanningProblem) {
        self.problem = problem
        let history = PlanningHistory(problem)
        self.history = history
        classes = LineClass.classes(of: problem)
        reviewsCapped = problem.reviewsPerDay < PlanningProblem.unlimited
        windowRoom = (0..<problem.accountCount).map { a in
            guard let length = problem.windowLength(account: a), let hard = problem.rolling[a]?.hard else { return [] }
            return (0..<(problem.horizon + length - 1)).map { k in
                hard - history.purchases(account: a, window: k - length + 1, length: length)
            }
        }
    }

    mutating func build() {
        addPurchaseColumns()
        addReviewColumns()
        addCountRows()
        addPurchaseCapRows()
        addReviewCapRows()
        addBacklogRows()
        addBalance()
        addSoftOverruns()
        addLevelRows()
    }

    /// Adds a column with its review day and lateness cost.
    mutating func column(_ name: String, kind: LinearProgram.Kind, upper: Double, reviewDay: Int?, lateness: Double)
        -> Int
    {
        let kind: LinearProgram.Kind = kind == .integer && upper <= 1 ? .binary : kind
        self.reviewDay.append(reviewDay)
        self.lateness.append(lateness)
        return program.addColumn(name, kind: kind, lower: 0, upper: upper)
    }

    // MARK: Room left by completed history

    func dailyRoom(_ a: Int, _ d: Int) -> Int { problem.dailyLimit[a] - history.purchases(account: a, day: d) }

    func itemDayRoom(_ a: Int, _ i: Int, _ d: Int) -> Int {
        problem.sameItemPerDay - history.purchases(account: a, item: i, day: d)
    }

    func itemTotalRoom(_ a: Int, _ i: Int) -> Int { problem.sameItemTotal - history.purchases(account: a, item: i) }

    func reviewRoom(_ a: Int, _ r: Int) -> Int { problem.reviewsPerDay - history.reviews(account: a, day: r) }

    /// The least hard-cap room over the windows holding day `d`.
    func windowRoom(_ a: Int, day d: Int) -> Int {
        guard let length = problem.windowLength(account: a), !windowRoom[a].isEmpty else {
            return PlanningProblem.unlimited
        }
        return windowRoom[a][d..<(d + length)].min() ?? PlanningProblem.unlimited
    }
}
