import Testing
import RotaCore
import RotaSolvers
import Rota

/// A hand-made instance whose classes are known: one item, lag 1, horizon 8; lines 0 and 1
/// (due day 3, weight 2) and line 2 (no due day) form class 0 with groups 0 and 1. acct-1
/// (daily limit 2) is off on day 2; acct-2 has a daily limit of 3. With `history`, line 2's
/// purchase is completed by acct-2 the day before the start: it becomes review-only class 1.
enum ExportHandInstance {
    static let start = Day(year: 2026, month: 12, day: 1)!

    static func make(reviewsPerDay: Int? = nil, history: Bool = false) -> Instance {
        let item = ItemID("book")
        let orders = [
            Order(
                id: OrderID("ord-1"), dueDate: start + 3, weight: 2,
                lines: [Line(id: LineID("ord-1/1"), item: item), Line(id: LineID("ord-1/2"), item: item)]),
            Order(id: OrderID("ord-2"), lines: [Line(id: LineID("ord-2/1"), item: item)]),
        ]
        let existing =
            history
            ? [
                PlanTask(
                    id: TaskID("P:ord-2/1"), kind: .purchase, line: LineID("ord-2/1"), order: OrderID("ord-2"), item: item,
                    account: AccountID("acct-2"), date: start - 1, status: .completed)
            ] : []
        return Instance(
            name: "hand", start: start, horizonDays: 8,
            rules: Rules(reviewLagDays: 1, sameItemPerAccountPerDay: nil, reviewsPerAccountPerDay: reviewsPerDay),
            accounts: [
                Account(id: AccountID("acct-1"), dailyLimit: 2, unavailable: [start + 2]),
                Account(id: AccountID("acct-2"), dailyLimit: 3),
            ],
            orders: orders, existing: existing)
    }

    /// (account, day offset) of each pending task of `plan`, by line id and kind.
    static func placements(_ plan: Plan) -> [String: String] {
        var found: [String: String] = [:]
        for task in plan.tasks where task.status == .pending {
            found["\(task.kind.rawValue) \(task.line.rawValue)"] = "\(task.account.rawValue) \(task.date - start)"
        }
        return found
    }
}

@Suite struct ExportImportTests {
    func importing(_ text: String, _ format: SolutionFormat = .mathprog, reviewsPerDay: Int? = nil, history: Bool = false)
        throws -> ImportedPlan
    {
        try SolutionImport.plan(
            ExportHandInstance.make(reviewsPerDay: reviewsPerDay, history: history), solution: text, format: format,
            solverName: "test")
    }

    @Test func handInstanceHasTheExpectedClasses() {
        let classes = LineClass.classes(of: PlanningProblem(ExportHandInstance.make()))
        #expect(classes.count == 1)
        #expect(classes[0].groups.map(\.lines) == [[0, 1], [2]])
        let withHistory = LineClass.classes(of: PlanningProblem(ExportHandInstance.make(history: true)))
        #expect(withHistory.map(\.need) == [.purchase, .review(account: 1)])
    }

    /// Uncapped reviews go on the first day the account works after the lag (acct-1 is off on
    /// day 2), and each group gets the review days its z lines name.
    @Test func uncappedReviewsAndGroupsFollowTheSolution() throws {
        let imported = try importing(
            """
            Model has been successfully processed
            rota unscheduled 0
            rota makespan 4
            rota x 0 0 0 1
            rota x 0 0 1 1
            rota x 0 1 1 1
            rota z 0 2 1
            rota z 0 3 1
            rota z 1 1 1
            """)
        #expect(imported.outcome.validation.isFeasible, "\(imported.outcome.validation.violations.map(\.message))")
        #expect(imported.notes.isEmpty, "\(imported.notes)")
        let at = ExportHandInstance.placements(imported.outcome.plan)
        #expect(at["review ord-2/1"] == "acct-1 1")
        #expect(at["purchase ord-2/1"] == "acct-1 0")
        #expect(at["review ord-1/1"] == "acct-2 2")
        #expect(at["review ord-1/2"] == "acct-1 3")
        #expect(at["purchase ord-1/2"] == "acct-1 1")
        #expect(imported.outcome.metrics.makespan == 4)
        #expect(imported.outcome.plan.solver?.name == "import:test")
        #expect(imported.outcome.plan.solver?.settings["format"] == "mathprog")
    }

    /// Capped reviews: review days later than the earliest are kept, each paired with the
    /// earliest purchase the lag allows; without z lines the earliest reviews go to the lines
    /// due first.
    @Test func cappedReviewsArePairedInDayOrder() throws {
        let imported = try importing(
            "x[0,0,0] 2\ny[0,0,4] 1\ny[0,0,5] 1\nx[0,1,3] 1\ny[0,1,6] 1\n", .columns, reviewsPerDay: 1)
        #expect(imported.outcome.validation.isFeasible, "\(imported.outcome.validation.violations.map(\.message))")
        #expect(imported.notes.isEmpty, "\(imported.notes)")
        let at = ExportHandInstance.placements(imported.outcome.plan)
        #expect(at["review ord-1/1"] == "acct-1 4")
        #expect(at["review ord-1/2"] == "acct-1 5")
        #expect(at["purchase ord-2/1"] == "acct-2 3")
        #expect(at["review ord-2/1"] == "acct-2 6")
        #expect(imported.outcome.plan.solver?.status == .feasible)
    }

    /// A review before its purchase + lag pairs with nothing: both are dropped, said in notes,
    /// and the plan stays valid with the lines left out.
    @Test func unpairedCountsAreDroppedWithANote() throws {
        let imported = try importing("rota x 0 0 0 2\nrota y 0 0 0 1\nrota y 0 0 3 1\n", reviewsPerDay: 1)
        #expect(imported.outcome.validation.isFeasible, "\(imported.outcome.validation.violations.map(\.message))")
        #expect(imported.outcome.metrics.unscheduled == 2)
        #expect(imported.notes.count == 2, "\(imported.notes)")
        #expect(imported.notes.contains { $0.contains("1 purchase(s) with no review") })
        #expect(imported.notes.contains { $0.contains("1 review(s) with no purchase") })
    }

    @Test func reviewOnlyClassesReadFromWAndY() throws {
        for (text, format) in [("rota x 0 0 0 2\nrota w 1 0 1\n", SolutionFormat.mathprog), ("x(0,0,0) 2\ny(1,1,0) 1\n", .columns)] {
            let imported = try importing(text, format, history: true)
            #expect(imported.outcome.validation.isFeasible, "\(imported.outcome.validation.violations.map(\.message))")
            let at = ExportHandInstance.placements(imported.outcome.plan)
            #expect(at["review ord-2/1"] == "acct-2 0")
            #expect(at["purchase ord-2/1"] == nil)
            #expect(imported.outcome.metrics.unscheduled == 0)
        }
    }

    /// The solution's plan is validated, not trusted: three purchases on acct-1's day 0 break
    /// its daily limit of 2.
    @Test func aSolutionBreakingARuleGivesAnInvalidPlan() throws {
        let imported = try importing("rota x 0 0 0 3\n")
        #expect(!imported.outcome.validation.isFeasible)
        #expect(imported.outcome.validation.brokenRules == [4])
    }

    @Test func levelsTheSolverReportedAreCheckedAgainstThePlan() throws {
        let imported = try importing("rota unscheduled 0\nrota makespan 3\nrota x 0 1 0 3\nrota z 0 1 2\nrota z 1 1 1\n")
        #expect(imported.outcome.validation.isFeasible)
        #expect(imported.notes == ["the solver reported makespan 3; the imported plan has 2"])
    }

    @Test(arguments: [
        ("", "no `rota …` line"),
        ("glpsol: some log\n", "no `rota …` line"),
        ("rota x 0 0 0\n", "line 1: expected `rota x` and 4 whole numbers"),
        ("rota unscheduled 0\nrota x 0 0 a 1\n", "line 2: expected `rota x` and 4 whole numbers"),
        ("rota x 5 0 0 1", "class 5 does not exist"),
        ("rota x 0 7 0 1", "account 7 does not exist"),
        ("rota x 0 0 99 1", "day 99 is outside the horizon 0…7"),
        ("rota w 0 3 1", "0 is not a review-only class"),
        ("rota z 9 1 1", "group 9 does not exist"),
        ("rota x 0 0 0 -1", "a count must be 0 or more"),
    ])
    func badMathProgSolutionsAreErrors(_ text: String, _ message: String) {
        #expect {
            try importing(text)
        } throws: { error in
            (error as? SolutionError)?.description.contains(message) == true
        }
    }

    @Test(arguments: [
        ("", "no column of rota's model found"),
        ("Optimal\n3 4\nsplit(0,4) 1\nxx[0,0,0] 1\nx[0,0] 1\n", "no column of rota's model found"),
        ("x[0,0,0] 0.5\n", "line 1: x[0,0,0] = 0.5 is not a whole number"),
        ("x(0,0,0) 1\nx[0,0,0] 2\n", "line 2: x[0,0,0] = 2 was already read as 1"),
        ("x[0,0,0] nan\n", "a count must be 0 or more"),
        ("z[0,2,1] 1\n", "class 0 has no group 2"),
        ("x[1,0,0] 1\n", "class 1 does not exist"),
    ])
    func badColumnSolutionsAreErrors(_ text: String, _ message: String) {
        #expect {
            try importing(text, .columns)
        } throws: { error in
            (error as? SolutionError)?.description.contains(message) == true
        }
    }

    /// glpsol's report (long names on a line of their own), CBC's and HiGHS's lines all read.
    @Test func columnLinesOfSeveralSolversRead() throws {
        let problem = PlanningProblem(ExportHandInstance.make())
        let classes = LineClass.classes(of: problem)
        let text = """
               No. Column name       Activity     Lower bound   Upper bound
            ------ ------------    ------------- ------------- -------------
                 1 x(0,0,0)     *              1             0             2
                 2 x(0,1,1)
                                *              2             0             3
                 3 u(0,0)                      0             0             2
                 7 x(0,1,2)     *              0             0             1
                  4 z[0,1,1]                  1                       0
            z[0,0,2] 2
            # Rows 1
            count[0,0] 2
            """
        let counts = try ColumnSolutionReader.read(text, problem: problem, classes: classes)
        #expect(counts.purchases == [.init(lineClass: 0, index: 0, day: 0, count: 1), .init(lineClass: 0, index: 1, day: 1, count: 2)])
        #expect(counts.groupReviews == [.init(lineClass: 0, index: 0, day: 2, count: 2), .init(lineClass: 0, index: 1, day: 1, count: 1)])
        #expect(counts.reviews.isEmpty)
    }

    /// Only the lines-left-out columns: recognised, nothing placed, every line left out.
    @Test func aSolutionPlacingNothingLeavesEveryLineOut() throws {
        let imported = try importing("u[0,0] 2\nu[0,1] 1\n", .columns)
        #expect(imported.outcome.validation.isFeasible)
        #expect(imported.outcome.metrics.unscheduled == 3)
    }
}
