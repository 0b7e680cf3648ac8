import Foundation
import Testing

@testable import RotaCore
@testable import RotaFormat

/// The events file (docs/EVENTS.md): every kind decodes, and every malformed line is reported
/// with the file, its line number and the field, all in one pass.
@Suite struct EventsDecoderTests {
    static let head = #""at":"2026-12-05T09:14:00Z","actor":"bot-7""#

    static func decode(_ lines: [String]) throws(InputErrors) -> [PlanEvent] {
        try RotaJSON.decodeEvents(Array(lines.joined(separator: "\n").utf8), file: "ev.jsonl")
    }

    static func problems(_ lines: [String]) -> [String] {
        do {
            _ = try decode(lines)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func everyKindDecodes() throws {
        let events = try Self.decode([
            #"{"event":"completed",\#(Self.head),"task":"t1","date":"2026-12-04","note":"done"}"#,
            #"{"event":"missed",\#(Self.head),"task":"t2"}"#,
            "",
            #"{"event":"delayed",\#(Self.head),"task":"t3","notBefore":"2026-12-09"}"#,
            #"{"event":"account-unavailable",\#(Self.head),"account":"a1","from":"2026-12-05","to":"2026-12-06"}"#,
            #"{"event":"account-limit",\#(Self.head),"account":"a1","dailyLimit":2,"from":"2026-12-05"}"#,
            #"{"event":"orders-added",\#(Self.head),"orders":[{"id":"o9","lines":[{"id":"o9/1","item":"i1"}]}]}"#,
            #"{"event":"line-cancelled",\#(Self.head),"line":"o2/1"}"#,
            #"{"event":"override",\#(Self.head),"line":"o3/1","reasonCode":"vip-customer","pin":{"account":"a2","date":"2026-12-07"}}"#,
            #"{"event":"override",\#(Self.head),"line":"o3/2","reasonCode":"capacity-conflict","forbid":"a1"}"#,
            #"{"event":"override",\#(Self.head),"line":"o3/3","reasonCode":"expedite","weight":5}"#,
        ])
        #expect(events.map(\.kind) == [
            .completed, .missed, .delayed, .accountUnavailable, .accountLimit, .ordersAdded, .lineCancelled,
            .override, .override, .override,
        ])
        #expect(events.map(\.sourceLine) == [1, 2, 4, 5, 6, 7, 8, 9, 10, 11])
        #expect(events[0].change == .completed(task: "t1", date: Day(iso: "2026-12-04")!))
        #expect(events[0].note == "done")
        #expect(events[7].change == .override(Override(line: "o3/1", reasonCode: "vip-customer", action: .pin(account: "a2", date: Day(iso: "2026-12-07")))))
        #expect(events[9].change == .override(Override(line: "o3/3", reasonCode: "expedite", action: .raisePriority(weight: 5))))
    }

    /// The example of docs/EVENTS.md decodes: one event of every kind, in order.
    @Test func documentedExampleDecodes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/EVENTS.md"), encoding: .utf8)
        let block = try #require(doc.components(separatedBy: "```jsonl\n").dropFirst().first?.components(separatedBy: "```").first)
        let events = try RotaJSON.decodeEvents(Array(block.utf8), file: "EVENTS.md")
        #expect(Set(events.map(\.kind)) == Set(PlanEvent.Kind.allCases))
        #expect(events.count == 10)
    }

    @Test func emptyFileHasNoEvents() throws {
        #expect(try Self.decode([]).isEmpty)
        #expect(try Self.decode(["", "  "]).isEmpty)
    }

    @Test func eachProblemNamesFileLineAndField() {
        let found = Self.problems([
            #"{"event":"completed",\#(Self.head),"task":"t1"}"#,
            #"{"event":"completed","actor":"x","task":"t1","date":"2026-12-04"}"#,
            #"{"event":"override",\#(Self.head),"line":"o1/1","pin":{"account":"a1"}}"#,
            #"{"event":"override",\#(Self.head),"line":"o1/1","reasonCode":"because","forbid":"a1"}"#,
            #"{"event":"teleported",\#(Self.head)}"#,
            #"{"event":"missed",\#(Self.head),"task":"t1","pinn":1}"#,
            #"{"event":"missed","at":"yesterday","actor":"x","task":"t1"}"#,
            #"{"event":"missed",\#(Self.head),"task":"t1""#,
            #"{"event":"override",\#(Self.head),"line":"o1/1","reasonCode":"expedite","pin":{},"forbid":"a1"}"#,
            #"{"event":"account-unavailable",\#(Self.head),"account":"a1","from":"2026-12-06","to":"2026-12-05"}"#,
        ])
        #expect(found.contains("ev.jsonl:1: date: missing"), "\(found)")
        #expect(found.contains("ev.jsonl:2: at: missing"), "\(found)")
        #expect(found.contains("ev.jsonl:3: reasonCode: missing"), "\(found)")
        #expect(found.contains { $0.hasPrefix("ev.jsonl:4: reasonCode: unknown reason code \"because\"; expected one of: account-issue,") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ev.jsonl:5: event: expected ") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ev.jsonl:6: pinn: unknown field for a missed event") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ev.jsonl:7: at: expected an RFC 3339 timestamp") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ev.jsonl:8: malformed JSON at column 74: unexpected end of input") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ev.jsonl:9: an override does one thing") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ev.jsonl:10: to: 2026-12-05 is before from") }, "\(found)")
    }

    @Test(arguments: [
        ("2026-12-05T09:14:00Z", true), ("2026-12-05t09:14:00.250+01:00", true), ("2026-12-05T23:59:60-05:30", true),
        ("2026-02-30T09:14:00Z", false), ("2026-12-05 09:14:00Z", false), ("2026-12-05T24:00:00Z", false),
        ("2026-12-05T09:14:00", false), ("2026-12-05T09:14:00.Z", false), ("2026-12-05T09:14:00+1:00", false),
    ])
    func timestamps(_ text: String, _ valid: Bool) {
        #expect(Timestamp.isValid(text) == valid)
    }
}
