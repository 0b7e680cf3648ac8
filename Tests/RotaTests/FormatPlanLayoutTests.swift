import Foundation
import Testing

@testable import RotaCore
@testable import RotaFormat

/// The streaming plan writer: pretty output byte for byte as the document tree's, compact
/// output with the same content, chunked writes equal to the whole, and the fast task reader
/// agreeing with the checked one.
@Suite struct FormatPlanLayoutTests {
    /// A plan of `lines` lines (a purchase and a review each), a solver block and a line left out.
    static func plan(lines: Int) -> Plan {
        let start = Day(ordinal: 20_000)
        var tasks: [PlanTask] = []
        for n in 0..<lines {
            let line = LineID("ord-\(n / 3)/\(n % 3)")
            let purchase = TaskID("P:\(line)")
            let account = AccountID("acct-\(n % 17)")
            let item = ItemID(n % 5 == 0 ? "item \"quoted\"\\\(n % 11)" : "item-\(n % 11)")
            tasks.append(
                PlanTask(
                    id: purchase, kind: .purchase, line: line, order: OrderID("ord-\(n / 3)"), item: item,
                    account: account, date: start + n % 40, status: n % 7 == 0 ? .completed : .pending))
            tasks.append(
                PlanTask(
                    id: TaskID("R:\(line)"), kind: .review, line: line, order: OrderID("ord-\(n / 3)"), item: item,
                    account: account, date: start + n % 40 + 5, after: purchase))
        }
        let run = SolverRun(
            name: "greedy", status: .heuristic, seconds: 0.25, lowerBound: 4, gap: 0.2,
            settings: ["order": "due", "seed": "7"], versions: ["rota": "0.1.0"])
        return Plan(
            instance: "layout", solver: run, tasks: tasks,
            unscheduled: [UnscheduledLine(line: "ord-x/1", reason: "no account\ncan take it")])
    }

    @Test func prettyIsTheDocumentTreeByteForByte() {
        for plan in [Self.plan(lines: 0), Self.plan(lines: 3), Plan(tasks: [])] {
            #expect(RotaJSON.encode(plan, pretty: true) == JSONWriter.write(RotaJSON.jsonValue(plan)))
            #expect(RotaJSON.encode(plan) == RotaJSON.encode(plan, pretty: true))
        }
    }

    /// Strings that need escapes (quotes, backslashes, control characters, DEL) or are not
    /// ASCII, long and short, in every string of a task: the task writer's bytes are the
    /// document tree's, pretty, and the same document compact.
    @Test func escapedAndNonASCIIStringsAreWrittenAsTheTreeWritesThem() throws {
        let odd = ["a\"b", "back\\slash", "tab\there", "line\nbreak", "nul\u{0}", "del\u{7F}", "über", "日本語の長い識別子です", "x"]
        var plan = Self.plan(lines: 20)
        for k in plan.tasks.indices {
            let text = odd[k % odd.count] + "-\(k)"
            switch k % 5 {
            case 0: plan.tasks[k].id = TaskID(text)
            case 1: plan.tasks[k].line = LineID(text)
            case 2: plan.tasks[k].order = OrderID(text)
            case 3: plan.tasks[k].item = ItemID(text)
            default:
                plan.tasks[k].account = AccountID(text)
                plan.tasks[k].after = TaskID(odd[(k + 3) % odd.count])
            }
        }
        #expect(RotaJSON.encode(plan, pretty: true) == JSONWriter.write(RotaJSON.jsonValue(plan)))
        #expect(try RotaJSON.parse(RotaJSON.encode(plan, pretty: false)) == RotaJSON.parse(RotaJSON.encode(plan, pretty: true)))
    }

    @Test func compactHoldsTheSamePlanWithoutWhitespace() throws {
        let plan = Self.plan(lines: 50)
        let compact = RotaJSON.encode(plan, pretty: false)
        let pretty = RotaJSON.encode(plan, pretty: true)
        #expect(compact.count < pretty.count)
        #expect(try RotaJSON.decodePlan(compact) == plan)
        #expect(try RotaJSON.decodePlan(compact) == RotaJSON.decodePlan(pretty))
        // The same document: equal trees.
        #expect(try RotaJSON.parse(compact) == RotaJSON.parse(pretty))
        // One line, ending with the newline; no space outside strings (the reason's line
        // break is escaped).
        #expect(compact.last == 0x0A)
        #expect(compact.dropLast().contains(0x0A) == false)
        #expect(String(decoding: compact, as: UTF8.self).hasPrefix(#"{"format":"fulfillment-plan/1","instance":"layout","solver":{"name":"greedy""#))
        // Compact round trip is stable.
        #expect(RotaJSON.encode(try RotaJSON.decodePlan(compact), pretty: false) == compact)
    }

    @Test func chunkedWritesMakeTheWholeDocument() throws {
        // About 3 MB compact: several chunks.
        let plan = Self.plan(lines: 12_000)
        for pretty in [false, true] {
            var chunks: [[UInt8]] = []
            PlanWriter.write(plan, compact: !pretty) { (chunk: [UInt8]) -> Void in chunks.append(chunk) }
            #expect(chunks.count > 1)
            #expect(Array(chunks.joined()) == RotaJSON.encode(plan, pretty: pretty))

            let path = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID()).json").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try RotaJSON.write(plan, pretty: pretty, to: path)
            let written = try #require(FileManager.default.contents(atPath: path))
            #expect(Array(written) == RotaJSON.encode(plan, pretty: pretty))
            #expect(try RotaJSON.decodePlan(Array(written)) == plan)
        }
    }

    /// Large arrays are written in pieces, two side by side: the same bytes as one after the
    /// other, and (pretty) as the document tree, whatever the piece size.
    @Test func piecesWrittenSideBySideMakeTheSameDocument() throws {
        var plan = Self.plan(lines: 1_500)
        var lines: [LineAnnotation] = []
        for n in 0..<1_500 {
            let due: Day? = n % 3 == 0 ? nil : Day(iso: "2026-12-0\(1 + n % 9)")
            let tier: String? = n % 2 == 0 ? "high" : nil
            lines.append(LineAnnotation(line: LineID("line-\(n)"), priority: Double(n) / 7, due: due, tier: tier))
        }
        plan.lines = lines
        for pretty in [false, true] {
            let whole = RotaJSON.encode(plan, pretty: pretty)
            if pretty { #expect(JSONWriter.write(RotaJSON.jsonValue(plan)) == whole) }
            for size in [1, 7, 1_000, 5_000] {
                var chunks: [[UInt8]] = []
                PlanWriter.write(plan, compact: !pretty, pieces: .init(from: 1, size: size)) { (chunk: [UInt8]) -> Void in
                    chunks.append(chunk)
                }
                #expect(Array(chunks.joined()) == whole, "pieces of \(size), pretty \(pretty)")
            }
        }
    }

    @Test func smallPlansArePrettyLargeOnesCompactUnlessAsked() {
        let small = Self.plan(lines: RotaJSON.prettyTaskLimit / 2)
        let large = Self.plan(lines: RotaJSON.prettyTaskLimit / 2 + 1)
        #expect(RotaJSON.writesPretty(small, asked: false))
        #expect(!RotaJSON.writesPretty(large, asked: false))
        #expect(RotaJSON.writesPretty(large, asked: true))
    }

    @Test func theFastTaskReaderAgreesWithTheCheckedOne() throws {
        let plan = Self.plan(lines: 20)
        guard case .object(let members) = RotaJSON.jsonValue(plan),
            case .array(let tasks)? = members.first(where: { $0.key == "tasks" })?.value
        else {
            Issue.record("no tasks")
            return
        }
        for value in tasks {
            let fast = try #require(PlanDecoder.plainTask(value))
            guard case .object(let fields) = value else { continue }
            // The same task with its members reversed takes the checked path.
            let reversed = JSONValue.object(fields.reversed())
            #expect(PlanDecoder.plainTask(reversed) == nil)
            #expect(PlanDecoder.decodeTask(reversed, reader: JSONReader(file: nil)) == fast)
        }
    }

    @Test func tasksTheFastReaderRefusesReportTheSameErrors() {
        let bad: [(JSONValue, String)] = [
            (["id": "", "kind": "purchase", "line": "l", "order": "o", "item": "i", "account": "a",
              "date": "2026-12-01", "status": "pending"], "tasks[0].id"),
            (["id": "t", "kind": "purchase", "line": "l", "order": "o", "item": "i", "account": "a",
              "date": "2026-13-01", "status": "pending"], "tasks[0].date"),
            (["id": "t", "kind": "buy", "line": "l", "order": "o", "item": "i", "account": "a",
              "date": "2026-12-01", "status": "pending"], "tasks[0].kind"),
            (["id": "t", "kind": "purchase", "line": "l\u{7}", "order": "o", "item": "i", "account": "a",
              "date": "2026-12-01", "status": "pending"], "tasks[0].line"),
            (["id": "t", "kind": "review", "line": "l", "order": "o", "item": "i", "account": "a",
              "date": "2026-12-01", "status": "pending", "after": 3], "tasks[0].after"),
        ]
        for (task, path) in bad {
            #expect(PlanDecoder.plainTask(task) == nil)
            let document: JSONValue = ["format": "fulfillment-plan/1", "tasks": [task]]
            do throws(InputErrors) {
                _ = try RotaJSON.decodePlan(document)
                Issue.record("accepted \(task)")
            } catch {
                #expect(error.errors.map(\.path) == [path])
            }
        }
    }

    /// The solver block's seconds, lateness bound and lateness gap are never negative, as
    /// plan.schema.json says; the reader refuses a negative one with its path.
    @Test func negativeSolverNumbersAreRefused() {
        for key in ["seconds", "latenessBound", "latenessGap"] {
            let text = """
                {"format": "fulfillment-plan/1", "solver": {"name": "greedy", "status": "heuristic", "\(key)": -0.5}, "tasks": []}
                """
            #expect(FormatSupport.planErrors(text) == ["solver.\(key): expected 0 or more, got -0.5"])
        }
        let zero = #"{"format": "fulfillment-plan/1", "solver": {"name": "greedy", "status": "heuristic", "seconds": 0, "latenessGap": 0}, "tasks": []}"#
        #expect(FormatSupport.planErrors(zero) == [])
    }

    @Test func streamedReadingMatchesTheCheckedOne() throws {
        let plan = Self.plan(lines: 100)
        for pretty in [false, true] {
            let bytes = RotaJSON.encode(plan, pretty: pretty)
            #expect(PlanDecoder.streamed(bytes) == plan)
            #expect(try RotaJSON.decodePlan(RotaJSON.parse(bytes)) == plan)
            #expect(try RotaJSON.decodePlan(bytes) == plan)
        }
        // An empty task list, and a plan with no solver block or instance name.
        let bare = Plan(tasks: [])
        #expect(PlanDecoder.streamed(RotaJSON.encode(bare, pretty: false)) == bare)
    }

    @Test func aBadTaskAmongGoodOnesIsReportedWithItsPath() throws {
        let text = String(decoding: RotaJSON.encode(Self.plan(lines: 10), pretty: false), as: UTF8.self)
        let first = try #require(text.range(of: #""date":"2024-10-09""#))
        let broken = text.replacingCharacters(in: first, with: #""date":"2024-13-09""#)
        #expect(PlanDecoder.streamed(Array(broken.utf8)) == nil)
        do throws(InputErrors) {
            _ = try RotaJSON.decodePlan(Array(broken.utf8), file: "plan.json")
            Issue.record("accepted a bad date")
        } catch {
            #expect(error.located == [#"tasks[1].date: expected a date YYYY-MM-DD, got "2024-13-09""#])
            #expect(error.errors.map(\.file) == ["plan.json"])
        }
        // `tasks` twice: the streamed reading gives up, the checked one says so.
        let twice = text.replacingOccurrences(of: #""unscheduled":"#, with: #""tasks":[],"unscheduled":"#)
        #expect(PlanDecoder.streamed(Array(twice.utf8)) == nil)
        do throws(InputErrors) {
            _ = try RotaJSON.decodePlan(Array(twice.utf8))
            Issue.record("accepted tasks twice")
        } catch {
            #expect(error.located == ["tasks: given more than once"])
        }
        // Not JSON at all: the syntax error, as before.
        #expect(throws: InputErrors.self) { try RotaJSON.decodePlan(Array(text.dropLast(3).utf8)) }
    }

    @Test func isoDatesParseAndPrintAsBefore() {
        for ordinal in [-719_528, -1, 0, 20_000, 20_423, 2_932_896] {
            let day = Day(ordinal: ordinal)
            var bytes: [UInt8] = []
            day.appendISO(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == day.iso)
            #expect(Day(iso: day.iso) == day)
        }
        // Years not of four digits (no instance has them) take the slow path, as `iso` writes them.
        for ordinal in [-800_000, 3_000_000] {
            let day = Day(ordinal: ordinal)
            var bytes: [UInt8] = [7]
            day.appendISO(to: &bytes)
            #expect(String(decoding: bytes.dropFirst(), as: UTF8.self) == day.iso)
            #expect(bytes.first == 7)
        }
        for text in ["2026-12-1", "2026-12-011", "2026/12/01", "2026-1a-01", "２026-12-01", "", "2026-02-30"] {
            #expect(Day(iso: text) == nil)
        }
    }
}
