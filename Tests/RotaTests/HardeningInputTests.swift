import Foundation
import Testing

@testable import Rota
@testable import RotaCore
@testable import RotaFormat
@testable import RotaEvaluation

/// Issue #8, input hardening, in the library: the read limit and content checks of
/// `InputFile`, cut echoes, the calendar's end, weight bounds, history checks, control
/// characters, and comparisons that never decide on a non-finite value.
@Suite struct HardeningInputTests {
    /// A valid instance document; tests edit it as a dictionary.
    static func document() -> [String: Any] {
        [
            "format": "fulfillment-instance/1",
            "name": "hardening",
            "start": "2026-12-01",
            "horizonDays": 30,
            "rules": ["reviewLagDays": 2],
            "accounts": [["id": "a1", "dailyLimit": 2], ["id": "a2", "dailyLimit": 2]],
            "orders": [
                [
                    "id": "o1", "createdAt": "2026-11-30", "slaTier": "high", "indices": ["sla": 1, "value": 0.5],
                    "lines": [["id": "o1/1", "item": "i1"], ["id": "o1/2", "item": "i2"]],
                ],
                ["id": "o2", "dueDate": "2026-12-03", "lines": [["id": "o2/1", "item": "i1"]]],
            ],
            "policy": ["weights": ["sla": 0.5, "value": 0.5], "slaTierDays": ["high": 3]],
            "existing": [
                [
                    "id": "P1", "kind": "purchase", "line": "o1/1", "order": "o1", "item": "i1", "account": "a1",
                    "date": "2026-11-28", "status": "completed",
                ],
                [
                    "id": "R1", "kind": "review", "line": "o1/1", "order": "o1", "item": "i1", "account": "a1",
                    "date": "2026-11-30", "status": "completed", "after": "P1",
                ],
            ],
        ]
    }

    /// The `path: message` lines decoding the edited document gives (none: it decodes).
    static func errors(_ edit: (inout [String: Any]) -> Void) throws -> [String] {
        var document = document()
        edit(&document)
        let data = try JSONSerialization.data(withJSONObject: document)
        return FormatSupport.instanceErrors(String(decoding: data, as: UTF8.self))
    }

    static func existing(_ document: inout [String: Any], _ index: Int, _ key: String, _ value: Any?) {
        var tasks = document["existing"] as! [[String: Any]]
        tasks[index][key] = value
        document["existing"] = tasks
    }

    static func order(_ document: inout [String: Any], _ index: Int, _ key: String, _ value: Any?) {
        var orders = document["orders"] as! [[String: Any]]
        orders[index][key] = value
        document["orders"] = orders
    }

    @Test func theDocumentIsValid() throws {
        #expect(try Self.errors { _ in } == [])
    }

    // MARK: Reading

    func scratchFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rota-hardening-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func readError(_ path: String, as content: InputFile.Content, limit: InputLimit? = nil) -> String? {
        do {
            _ = try InputFile.read(path, as: content, limit: limit)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func limitParsing() throws {
        #expect(try InputLimit.parse("1000").bytes == 1000)
        #expect(try InputLimit.parse("9223372036854775807").bytes == Int.max)
        for bad in ["", "0", "-1", "+5", "1e3", " 7", "7 ", "4GiB", "9223372036854775808", String(repeating: "x", count: 500)] {
            #expect(throws: InputErrors.self) { try InputLimit.parse(bad) }
        }
        do {
            _ = try InputLimit.parse(String(repeating: "x", count: 500))
        } catch {
            #expect(error.description.hasPrefix("ROTA_MAX_INPUT_BYTES: expected a whole number of bytes from 1 to "))
            #expect(error.description.hasSuffix("…\" (500 characters)"))
        }
        #expect(InputLimit(bytes: InputLimit.defaultBytes).text == "4294967296 bytes (4 GiB)")
        #expect(InputLimit(bytes: 1).text == "1 byte")
    }

    @Test func readsUpToTheLimitAndNoMore() throws {
        let path = try scratchFile(Array(repeating: UInt8(ascii: " "), count: 999) + [UInt8(ascii: "{")])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try InputFile.read(path, as: .json, limit: InputLimit(bytes: 1000)).count == 1000)
        #expect(
            readError(path, as: .json, limit: InputLimit(bytes: 999))
                == "\(path): larger than the input limit of 999 bytes; set ROTA_MAX_INPUT_BYTES to read larger files")
    }

    @Test func jsonMustStartLikeJSON() throws {
        let starts: [([UInt8], String?)] = [
            (Array("{}".utf8), nil),
            (Array(" \n\t\r[1]".utf8), nil),
            ([0xEF, 0xBB, 0xBF] + Array(" {}".utf8), nil),
            ([], nil),  // empty: the parser reports it
            (Array("   ".utf8), nil),
            ([0], "got byte 0x00 at line 1, column 1"),
            (Array("\"text\"".utf8), "got '\"' at line 1, column 1"),
            (Array("\n\n  42".utf8), "got '4' at line 3, column 3"),
            ([0xEF, 0xBB, 0x00], "got byte 0xEF at line 1, column 1"),
            ([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], "got byte 0xEF at line 1, column 2"),
        ]
        for (bytes, expected) in starts {
            let path = try scratchFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let error = readError(path, as: .json)
            if let expected {
                #expect(error == "\(path): expected a JSON document starting with '{' or '[', \(expected)", "\(bytes)")
            } else {
                #expect(error == nil, "\(bytes)")
            }
        }
        let nul = try scratchFile(Array("{\"a\":\n \"b".utf8) + [0] + Array("\"}".utf8))
        defer { try? FileManager.default.removeItem(atPath: nul) }
        #expect(readError(nul, as: .json) == "\(nul): expected JSON text, got a NUL byte at line 2, column 4 (a binary file?)")
    }

    @Test func textHasNoControlBytes() throws {
        let fine = try scratchFile(Array("x[0,1,2] 1\r\n\tok\u{0B}\u{0C}\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: fine) }
        #expect(readError(fine, as: .text) == nil)
        let binary = try scratchFile(Array("line\nab".utf8) + [0x1B])
        defer { try? FileManager.default.removeItem(atPath: binary) }
        #expect(readError(binary, as: .text) == "\(binary): expected text, got the control byte 0x1B at line 2, column 3 (a binary file?)")
        #expect(try InputFile.read(binary, as: .bytes).count == 8)
    }

    @Test func devicesAreRefusedAtOnce() throws {
        #expect(readError("/dev/zero", as: .json)?.hasPrefix("/dev/zero: expected a JSON document") == true)
        #expect(readError("/dev/zero", as: .text)?.hasPrefix("/dev/zero: expected text, got the control byte 0x00") == true)
        #expect(readError("/dev/urandom", as: .json)?.hasPrefix("/dev/urandom: expected") == true)
        #expect(readError("/dev/urandom", as: .text)?.hasPrefix("/dev/urandom: expected text") == true)
        #expect(
            readError("/dev/zero", as: .bytes, limit: InputLimit(bytes: 1 << 20))
                == "/dev/zero: larger than the input limit of 1048576 bytes; set ROTA_MAX_INPUT_BYTES to read larger files")
    }

    // MARK: Echoes

    @Test func longValuesAreCut() {
        let long = String(repeating: "é", count: 1 << 20)
        let quoted = InputExcerpt.quoted(long)
        #expect(quoted == "\"" + String(repeating: "é", count: 100) + "…\" (1048576 characters)")
        #expect(InputExcerpt.plain(long) == String(repeating: "é", count: 100) + "… (1048576 characters)")
        let exact = String(repeating: "a", count: 100)
        #expect(InputExcerpt.quoted(exact) == "\"\(exact)\"")
        #expect(InputExcerpt.quoted("a\nb") == #""a\nb""#)
    }

    /// Messages quote values as the writer writes JSON strings, and DEL as well, so no control
    /// character reaches a terminal; the writer itself leaves DEL as it is (valid JSON).
    @Test func quotingEscapesEveryControlCharacter() {
        let text = "q\"b\\t\tc\u{01}d\u{7F}é"
        #expect(InputExcerpt.quoted(text) == #""q\"b\\t\tc\u0001d\u007fé""#)
        #expect(JSONWriter.quoted(text) == "\"q\\\"b\\\\t\\tc\\u0001d\u{7F}é\"")
    }

    @Test func longNumbersAreCut() {
        let text = "{\"start\": 1" + String(repeating: "0", count: 5000) + "}"
        let errors = FormatSupport.instanceErrors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("… (5001 characters)") == true, "\(errors)")
    }

    // MARK: 4. the calendar's end

    @Test func calendarEnds() {
        #expect(Day.latest == Day(iso: "9999-12-31"))
        #expect(Day.earliest == Day(iso: "0000-01-01"))
    }

    @Test func horizonEndsBy9999() throws {
        #expect(
            try Self.errors {
                $0["start"] = "9999-12-31"
                $0["horizonDays"] = 365
            } == ["horizonDays: the horizon must end by 9999-12-31: starting 9999-12-31, it is at most 1 day, got 365"])
        #expect(try Self.errors { $0["start"] = "9999-12-31"; $0["horizonDays"] = 1 } == [])
        #expect(try Self.errors { $0["start"] = "9999-12-01"; $0["horizonDays"] = 31 } == [])
        #expect(
            try Self.errors { $0["start"] = "9999-12-01"; $0["horizonDays"] = 32 }
                == ["horizonDays: the horizon must end by 9999-12-31: starting 9999-12-01, it is at most 31 days, got 32"])
        // The default horizon counts too.
        #expect(try Self.errors { $0["start"] = "9999-06-01"; $0["horizonDays"] = nil }.first?.hasPrefix("horizonDays:") == true)
    }

    @Test func computedDueDatesStayOnTheCalendar() throws {
        let created = try #require(Day(iso: "9999-12-30"))
        let order = Order(id: "o", createdAt: created, slaTier: "slow", lines: [])
        var instance = Instance(
            start: created, horizonDays: 2, rules: Rules(reviewLagDays: 0), accounts: [Account(id: "a", dailyLimit: 1)],
            orders: [order], policy: Policy(slaTierDays: ["slow": 1_000_000]))
        #expect(instance.dueDate(of: order) == Day.latest)
        instance.policy = Policy(slaTierDays: ["slow": Int.max])
        #expect(instance.dueDate(of: order) == Day.latest)
        instance.policy = Policy(slaTierDays: ["slow": 1])
        #expect(instance.dueDate(of: order) == Day(iso: "9999-12-31"))
    }

    // MARK: 6. weights

    @Test func weightsAreBounded() throws {
        #expect(
            try Self.errors { $0["policy"] = ["weights": ["sla": 1e308]] }
                == ["policy.weights.sla: must be at most 1000000, got 1e+308"])
        #expect(try Self.errors { $0["policy"] = ["weights": ["sla": 1_000_000]] } == [])
        #expect(
            try Self.errors { Self.order(&$0, 0, "indices", ["sla": -1]) }
                == ["orders[0].indices.sla: must not be negative, got -1.0"])
        #expect(
            try Self.errors { Self.order(&$0, 1, "weight", 1e7) }
                == ["orders[1].weight: must be at most 1000000, got 10000000.0"])
        let policy = InstanceChecker.check(Policy(weights: ["x": .nan, "y": .infinity]), at: "")
        #expect(policy.map(\.description) == [
            "weights.x: must be a finite number, not negative, got nan",
            "weights.y: must be a finite number, not negative, got inf",
        ])
    }

    @Test func largestWeightsKeepLatenessFinite() throws {
        var document = Self.document()
        document["policy"] = ["weights": ["sla": 1e6, "value": 1e6], "slaTierDays": ["high": 0]]
        Self.order(&document, 0, "indices", ["sla": 1e6, "value": 1e6])
        let data = try JSONSerialization.data(withJSONObject: document)
        let instance = try RotaJSON.decodeInstance([UInt8](data))
        let late = Plan(tasks: instance.existing + [
            PlanTask(id: "P2", kind: .purchase, line: "o1/2", order: "o1", item: "i2", account: "a2", date: Day.latest - 10),
            PlanTask(id: "R2", kind: .review, line: "o1/2", order: "o1", item: "i2", account: "a2", date: Day.latest),
        ])
        let metrics = Scorer().score(late, for: instance)
        #expect(metrics.weightedLateness.isFinite)
        #expect(metrics.weightedLateness > 1e12)
    }

    // MARK: 6. comparisons never decide on a non-finite value

    static func side(lateness: Double) -> ComparedPlan {
        var metrics = Scorer().score(Plan(tasks: []), for: Instance(
            start: Day(ordinal: 0), rules: Rules(reviewLagDays: 0), accounts: [Account(id: "a", dailyLimit: 1)], orders: []))
        metrics.weightedLateness = lateness
        return ComparedPlan(
            solver: nil, validation: ValidationReport(violations: [], rules: []), metrics: metrics, gap: nil)
    }

    @Test(arguments: [(Double.infinity, Double.infinity), (.infinity, 3), (3, .nan), (.nan, .nan)])
    func nonFiniteValuesGiveNoVerdict(_ a: Double, _ b: Double) {
        for (x, y) in [(a, b), (b, a)] {
            let verdict = Comparator.verdict(Self.side(lateness: x), Self.side(lateness: y), objective: .default)
            #expect(verdict.winner == .tie)
            guard case .notFinite(let term, _, _) = verdict.reason else {
                Issue.record("reason \(verdict.reason)")
                continue
            }
            #expect(term == .weightedLateness)
            #expect(verdict.summary.hasPrefix("No verdict: weighted lateness is not a finite number (A "))
            #expect(!verdict.summary.contains("is better"))
            #expect(MetricComparison(metric: .level(.weightedLateness), a: x, b: y).winner == nil)
        }
        let weighted = Comparator.verdict(
            Self.side(lateness: a), Self.side(lateness: b), objective: .weighted([.weightedLateness: 1]))
        #expect(weighted.winner == .tie)
        #expect(weighted.summary.hasPrefix("No verdict: the weighted objective (weighted:lateness=1.0)"))
    }

    @Test func finiteValuesStillDecide() {
        let verdict = Comparator.verdict(Self.side(lateness: 2), Self.side(lateness: 3), objective: .default)
        #expect(verdict.winner == .a)
        #expect(Objective.nearlyEqual(.infinity, .infinity))
        #expect(!Objective.nearlyEqual(.nan, .nan))
    }

    // MARK: 7. history and references

    @Test func unknownLinesAreReportedOnce() throws {
        #expect(
            try Self.errors {
                Self.existing(&$0, 1, "line", "o9/9")
                Self.existing(&$0, 1, "after", "nowhere")
            } == [#"existing[1].line: unknown line "o9/9""#])
    }

    @Test func completedReviewNeedsACompletedPurchase() throws {
        #expect(
            try Self.errors {
                Self.existing(&$0, 0, "status", "missed")
                Self.existing(&$0, 1, "after", nil)
            } == ["existing[1]: a completed review of line \"o1/1\" needs a completed purchase of that line in existing, and there is none"])
        // Listed after its review, the purchase still counts.
        #expect(
            try Self.errors {
                let tasks = $0["existing"] as! [[String: Any]]
                $0["existing"] = [tasks[1], tasks[0]]
            } == [])
        // A missed review needs no purchase.
        #expect(
            try Self.errors {
                $0["existing"] = [(($0["existing"] as! [[String: Any]])[1]).merging(["status": "missed"]) { $1 }]
                Self.existing(&$0, 0, "after", nil)
            } == [])
    }

    @Test func afterNamesAPurchaseOfTheLine() throws {
        let expected = "expected the id of the completed purchase of line \"o1/1\" in existing"
        #expect(try Self.errors { Self.existing(&$0, 1, "after", "R1") } == ["existing[1].after: names the review itself; \(expected)"])
        #expect(try Self.errors { Self.existing(&$0, 1, "after", "P9") } == ["existing[1].after: names no task of existing (\"P9\"); \(expected)"])
        #expect(try Self.errors { Self.existing(&$0, 1, "after", "") } == ["existing[1].after: expected a non-empty id"])
        #expect(
            try Self.errors {
                var tasks = $0["existing"] as! [[String: Any]]
                tasks.append([
                    "id": "P2", "kind": "purchase", "line": "o1/2", "order": "o1", "item": "i2", "account": "a2",
                    "date": "2026-12-02",
                ])
                tasks[1]["after"] = "P2"
                $0["existing"] = tasks
            } == ["existing[1].after: names existing[2], a purchase of line \"o1/2\"; \(expected)"])
        #expect(
            try Self.errors {
                var tasks = $0["existing"] as! [[String: Any]]
                tasks.append(tasks[0].merging(["id": "P0", "status": "missed"]) { $1 })
                tasks[1]["after"] = "P0"
                $0["existing"] = tasks
            } == ["existing[1].after: names existing[2], a missed purchase; \(expected)"])
        // A pending review may follow a pending purchase.
        #expect(
            try Self.errors {
                var tasks = $0["existing"] as! [[String: Any]]
                tasks.append(["id": "P2", "kind": "purchase", "line": "o1/2", "order": "o1", "item": "i2", "account": "a2", "date": "2026-12-02"])
                tasks.append(["id": "R2", "kind": "review", "line": "o1/2", "order": "o1", "item": "i2", "account": "a2", "date": "2026-12-05", "after": "P2"])
                $0["existing"] = tasks
            } == [])
    }

    @Test func historyEndsBeforeTheHorizon() throws {
        #expect(
            try Self.errors { Self.existing(&$0, 1, "date", "2026-12-31") } == [
                "existing[1].date: a completed task is history: expected a date before the horizon's end 2026-12-31 (start + horizonDays), got 2026-12-31"
            ])
        #expect(try Self.errors { Self.existing(&$0, 1, "date", "2026-12-30") } == [])
        #expect(
            try Self.errors { Self.existing(&$0, 0, "status", "missed"); Self.existing(&$0, 1, "status", "missed"); Self.existing(&$0, 0, "date", "3000-01-01") }
                .first?.hasPrefix("existing[0].date: a missed task is history") == true)
        // Pending tasks are intentions, moved by the plan.
        #expect(
            try Self.errors {
                var tasks = $0["existing"] as! [[String: Any]]
                tasks.append(["id": "P2", "kind": "purchase", "line": "o1/2", "order": "o1", "item": "i2", "account": "a2", "date": "2027-06-01"])
                $0["existing"] = tasks
            } == [])
    }

    @Test func idsAreNonEmpty() throws {
        #expect(try Self.errors { $0["accounts"] = [["id": "", "dailyLimit": 1]] } == ["accounts[0].id: expected a non-empty id"])
        #expect(try Self.errors { Self.order(&$0, 1, "id", "") } == ["orders[1].id: expected a non-empty id"])
        #expect(
            try Self.errors { Self.order(&$0, 1, "lines", [["id": "o2/1", "item": ""]]) }
                == ["orders[1].lines[0].item: expected a non-empty id"])
        #expect(try Self.errors { Self.existing(&$0, 0, "account", "") } == ["existing[0].account: expected a non-empty id"])
        #expect(FormatSupport.planErrors(#"{"format": "fulfillment-plan/1", "tasks": [], "unscheduled": [{"line": "", "reason": "x"}]}"#)
            == ["unscheduled[0].line: expected a non-empty id"])
    }

    /// A documented rule, not an error: a tier the policy does not list gives no due date
    /// (a policy file may replace the tiers).
    @Test func unknownSLATierGivesNoDueDate() throws {
        var document = Self.document()
        Self.order(&document, 0, "slaTier", "gold")
        let data = try JSONSerialization.data(withJSONObject: document)
        let instance = try RotaJSON.decodeInstance([UInt8](data))
        #expect(instance.resolvedLines[0].due == nil)
        #expect(instance.resolvedLines[2].due == Day(iso: "2026-12-03"))
    }

    // MARK: 8. control characters

    @Test func namesAndIdsHaveNoControlCharacters() throws {
        let message = "without control characters (U+0000–U+001F, U+007F), got"
        #expect(try Self.errors { $0["name"] = "week\n1" } == ["name: expected a name \(message) \"week\\n1\""])
        #expect(try Self.errors { $0["name"] = "del\u{7F}" } == ["name: expected a name \(message) \"del\\u007f\""])
        #expect(try Self.errors { $0["name"] = "Ünïcødé names are fine" } == [])
        #expect(try Self.errors { Self.order(&$0, 0, "id", "o\u{1}1") }.first?.hasPrefix("orders[0].id: expected an id \(message)") == true)
        #expect(try Self.errors { Self.order(&$0, 0, "client", "c\r") }.first?.hasPrefix("orders[0].client: expected a name") == true)
        #expect(try Self.errors { Self.existing(&$0, 0, "id", "P\t1") }.first?.hasPrefix("existing[0].id: expected an id") == true)
        #expect(
            try Self.errors { $0["policy"] = ["weights": ["s\u{0}": 1], "slaTierDays": ["high": 3]] }
                == ["policy.weights[\"s\\u0000\"]: expected a name without control characters (U+0000–U+001F, U+007F)"])
        #expect(FormatSupport.planErrors(#"{"format": "fulfillment-plan/1", "instance": "a\u0007", "tasks": []}"#)
            == ["instance: expected a name \(message) \"a\\u0007\""])
        #expect(
            FormatSupport.planErrors(#"{"format": "fulfillment-plan/1", "solver": {"name": "x\ny", "status": "optimal"}, "tasks": []}"#)
                == ["solver.name: expected a name \(message) \"x\\ny\""])
    }
}
