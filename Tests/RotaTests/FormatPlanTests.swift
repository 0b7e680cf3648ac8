import Testing

import RotaCore
import RotaFormat

@Suite struct FormatPlanTests {
    func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test func decodesEveryFieldAndIgnoresUnknownOnes() throws {
        let plan = try RotaJSON.decodePlan(FormatSupport.fixture("format-plan.json"), file: "format-plan.json")
        #expect(plan.format == Plan.formatTag)
        #expect(plan.instance == "seed-example")
        #expect(plan.solver == SolverRun(
            name: "glpk-mip", status: .timeLimit, seconds: 0.84, lowerBound: 9, gap: 0.125,
            settings: ["time-limit": "30", "gap": "0"], versions: ["rota": "0.1.0", "glpk": "5.0"]))
        #expect(plan.tasks.count == 4)
        #expect(plan.tasks[0] == PlanTask(
            id: "P:ord-1/1", kind: .purchase, line: "ord-1/1", order: "ord-1", item: "978-0-13-468599-1", account: "acct-1",
            date: try day("2026-12-02")))
        #expect(plan.tasks[1].after == "P:ord-1/1")
        #expect(plan.tasks[1].kind == .review)
        #expect(plan.tasks[2].status == .completed)
        #expect(plan.tasks[3].status == .missed)
        #expect(plan.unscheduled == [UnscheduledLine(line: "ord-9/3", reason: "no account is available before the horizon ends")])
    }

    @Test func roundTrips() throws {
        let plan = try RotaJSON.decodePlan(FormatSupport.fixture("format-plan.json"))
        let encoded = RotaJSON.encode(plan)
        #expect(try RotaJSON.decodePlan(encoded) == plan)
        #expect(RotaJSON.encode(try RotaJSON.decodePlan(encoded)) == encoded)
    }

    @Test(arguments: SolveStatus.allCases)
    func roundTripsEverySolveStatus(_ status: SolveStatus) throws {
        let run = SolverRun(name: "greedy", status: status, seconds: 1e-3, lowerBound: nil, gap: nil)
        let plan = Plan(instance: nil, solver: run, tasks: [], unscheduled: [UnscheduledLine(line: "l", reason: "r")])
        #expect(try RotaJSON.decodePlan(RotaJSON.encode(plan)) == plan)
    }

    @Test func encodesTheSolverBlockAndAnEmptyUnscheduledList() throws {
        let start = try day("2026-12-01")
        let plan = Plan(
            instance: "seed",
            solver: SolverRun(name: "greedy", status: .heuristic, seconds: 0.5, lowerBound: 3, gap: 0.25,
                              settings: ["seed": "7", "order": "due"], versions: ["rota": "0.1.0"]),
            tasks: [PlanTask(id: "P:l", kind: .purchase, line: "l", order: "o", item: "i", account: "a", date: start),
                    PlanTask(id: "R:l", kind: .review, line: "l", order: "o", item: "i", account: "a", date: start + 4, after: "P:l")])
        let expected = """
            {
              "format": "fulfillment-plan/1",
              "instance": "seed",
              "solver": {
                "name": "greedy",
                "status": "heuristic",
                "seconds": 0.5,
                "lowerBound": 3,
                "gap": 0.25,
                "settings": {
                  "order": "due",
                  "seed": "7"
                },
                "versions": {
                  "rota": "0.1.0"
                }
              },
              "tasks": [
                {
                  "id": "P:l",
                  "kind": "purchase",
                  "line": "l",
                  "order": "o",
                  "item": "i",
                  "account": "a",
                  "date": "2026-12-01",
                  "status": "pending"
                },
                {
                  "id": "R:l",
                  "kind": "review",
                  "line": "l",
                  "order": "o",
                  "item": "i",
                  "account": "a",
                  "date": "2026-12-05",
                  "status": "pending",
                  "after": "P:l"
                }
              ],
              "unscheduled": []
            }

            """
        #expect(String(decoding: RotaJSON.encode(plan), as: UTF8.self) == expected)
        #expect(try RotaJSON.decodePlan(RotaJSON.encode(plan)) == plan)
    }

    @Test func callersCanAddFieldsThatReadersIgnore() throws {
        let plan = Plan(tasks: [])
        guard case .object(var members) = RotaJSON.jsonValue(plan) else {
            Issue.record("not an object")
            return
        }
        members.append((key: "metrics", value: ["makespan": 0]))
        #expect(try RotaJSON.decodePlan(JSONWriter.write(.object(members))) == plan)
    }

    @Test func minimalPlanHasDefaults() throws {
        let plan = try RotaJSON.decodePlan(FormatSupport.bytes(#"{"format": "fulfillment-plan/1", "tasks": []}"#))
        #expect(plan == Plan(instance: nil, solver: nil, tasks: [], unscheduled: []))
    }

    @Test func checksShapeOnly() throws {
        // Duplicate ids and unknown lines are the validator's business, not the decoder's.
        let task = #"{"id": "t", "kind": "purchase", "line": "x", "order": "y", "item": "z", "account": "w", "date": "2026-12-01"}"#
        let plan = try RotaJSON.decodePlan(FormatSupport.bytes(#"{"format": "fulfillment-plan/1", "tasks": [\#(task), \#(task)]}"#))
        #expect(plan.tasks.count == 2)
    }

    static let errorCases: [(String, [String])] = [
        (#"{"tasks": []}"#, ["format: missing"]),
        (#"{"format": "fulfillment-instance/1", "tasks": []}"#, [#"format: expected "fulfillment-plan/1", got "fulfillment-instance/1""#]),
        (#"{"format": "fulfillment-plan/1"}"#, ["tasks: missing"]),
        (#"{"format": "fulfillment-plan/1", "tasks": {}}"#, ["tasks: expected an array, got an object"]),
        (#"{"format": "fulfillment-plan/1", "tasks": [{"id": "t", "kind": "audit", "line": "l", "order": "o", "item": "i", "account": "a", "date": "2026-12-01", "status": "late"}]}"#,
         [#"tasks[0].kind: expected "purchase" or "review", got "audit""#, #"tasks[0].status: expected "pending", "completed" or "missed", got "late""#]),
        (#"{"format": "fulfillment-plan/1", "tasks": [7, {"id": "t", "kind": "review", "line": "l", "order": "o", "item": "i", "account": "a", "date": "2026-06-31", "after": 3}]}"#,
         ["tasks[0]: expected an object, got a number", #"tasks[1].date: expected a date YYYY-MM-DD, got "2026-06-31""#, "tasks[1].after: expected a string, got a number"]),
        (#"{"format": "fulfillment-plan/1", "tasks": [], "unscheduled": [{"line": "l"}, {"reason": 1}]}"#,
         ["unscheduled[0].reason: missing", "unscheduled[1].line: missing", "unscheduled[1].reason: expected a string, got a number"]),
        (#"{"format": "fulfillment-plan/1", "tasks": [], "solver": {"name": "x", "status": "done", "settings": {"a": 1}, "lowerBound": 1.5}}"#,
         [#"solver.status: expected "optimal", "feasible", "time-limit", "node-limit", "interrupted", "infeasible" or "heuristic", got "done""#,
          "solver.lowerBound: expected an integer, got 1.5", "solver.settings.a: expected a string, got a number"]),
        (#"{"format": "fulfillment-plan/1", "tasks": [], "solver": {"status": "optimal", "seconds": "1"}}"#,
         ["solver.name: missing", "solver.seconds: expected a number, got a string"]),
        ("[1, 2", ["malformed JSON at line 1, column 6: unexpected end of input, expected ',' or ']'"]),
    ]

    @Test(arguments: errorCases)
    func reportsShapeErrors(_ text: String, _ expected: [String]) {
        #expect(FormatSupport.planErrors(text) == expected)
    }
}
