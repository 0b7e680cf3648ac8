import Foundation
import Testing

import Rota
@testable import RotaCore
@testable import RotaFormat

/// The tree-free reader (`PlainScanner`, `InstanceDecoder.streamed`, `PlanDecoder.streamed`)
/// gives exactly what the checked tree reader gives, and leaves every document it does not
/// take — and every error — to it; `IdentifierMap` answers as a dictionary does.
@Suite struct FormatTreeFreeReaderTests {
    static let families: [InstanceFamily] = [.seed, .tiny, .small, .medium, .tight, .crunch, .resched, .mipMedium]

    /// The checked reading of `bytes`: the document tree and `InstanceDecoder.decode`.
    static func checkedInstance(_ bytes: [UInt8]) throws -> Instance {
        try RotaJSON.decodeInstance(RotaJSON.parse(bytes))
    }

    @Test(arguments: families)
    func streamedInstancesEqualCheckedOnes(_ family: InstanceFamily) throws {
        for seed: UInt64 in 1...3 {
            let bytes = RotaJSON.encode(family.generate(seed: seed))
            let streamed = try #require(InstanceDecoder.streamed(bytes), "\(family.rawValue) \(seed) not streamed")
            #expect(streamed == (try Self.checkedInstance(bytes)))
        }
    }

    @Test func theSeedInstanceFileIsStreamed() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("instances/seed.json")
        let bytes = try [UInt8](Data(contentsOf: url))
        let streamed = try #require(InstanceDecoder.streamed(bytes))
        #expect(streamed == (try Self.checkedInstance(bytes)))
    }

    /// Orders the scanner does not take (escapes, non-ASCII, exponents, `null`, unknown or
    /// repeated members) are read by the checked reader, with the same result.
    @Test func ordersOutsideTheLayoutTakeTheCheckedPath() throws {
        let orders = [
            #"{"id":"o","weight":1e0,"lines":[{"id":"l","item":"i"}]}"#,
            #"{"id":"o","dueDate":null,"lines":[{"id":"l","item":"i"}]}"#,
            #"{"id":"o","note":"x","lines":[{"id":"l","item":"i"}]}"#,
            #"{"id":"o","lines":[{"id":"l","item":"i","colour":"red"}]}"#,
        ]
        for order in orders {
            let text = #"{"format":"fulfillment-instance/1","start":"2026-12-01","rules":{"reviewLagDays":2},"#
                + #""accounts":[{"id":"a","dailyLimit":1}],"orders":["# + order + "]}"
            let bytes = Array(text.utf8)
            #expect(InstanceDecoder.streamed(bytes) == nil, "\(order)")
            #expect(try RotaJSON.decodeInstance(bytes) == (try Self.checkedInstance(bytes)))
        }
    }

    /// Escaped and non-ASCII strings are read by the scanner too, with the checked values.
    @Test func escapedStringsAreStreamed() throws {
        for order in [
            #"{"id":"o\u0031","lines":[{"id":"l\"","item":"i\\"}]}"#,
            #"{"id":"o","client":"Zoë","slaTier":"t\/1","lines":[{"id":"l","item":"ï"}]}"#,
        ] {
            let text = #"{"format":"fulfillment-instance/1","start":"2026-12-01","rules":{"reviewLagDays":2},"#
                + #""accounts":[{"id":"a","dailyLimit":1}],"orders":["# + order + "]}"
            let bytes = Array(text.utf8)
            let streamed = try #require(InstanceDecoder.streamed(bytes), "\(order)")
            #expect(streamed == (try Self.checkedInstance(bytes)))
        }
    }

    /// Orders in the layout, with every optional member, in any member order.
    @Test func ordersInTheLayoutAreReadInAnyMemberOrder() throws {
        let text = #"{"format":"fulfillment-instance/1","start":"2026-12-01","rules":{"reviewLagDays":2},"#
            + #""accounts":[{"id":"a","dailyLimit":1}],"orders":["#
            + #"{"lines":[{"item":"i","id":"l1","reviewLagDays":3,"earliest":"2026-12-04"}],"weight":2.5,"#
            + #""indices":{"risk":0.25,"value":3},"slaTier":"high","dueDate":"2027-01-02","createdAt":"2026-11-30","#
            + #""client":"c","id":"o1"},"#
            + #"{ "id" : "o2" , "weight" : -0 , "lines" : [ ] }]}"#
        let bytes = Array(text.utf8)
        let streamed = try #require(InstanceDecoder.streamed(bytes))
        #expect(streamed == (try Self.checkedInstance(bytes)))
        #expect(streamed.orders[1].weight.sign == .plus)
    }

    /// A bad value inside an order is reported exactly as before, with its path.
    @Test func badOrdersKeepTheirErrors() throws {
        let text = #"{"format":"fulfillment-instance/1","start":"2026-12-01","rules":{"reviewLagDays":2},"#
            + #""accounts":[{"id":"a","dailyLimit":1}],"orders":[{"id":"o","lines":[{"id":"l","item":""},"#
            + #"{"id":"l","item":"i","earliest":"2026-02-30"}]}]}"#
        do throws(InputErrors) {
            _ = try RotaJSON.decodeInstance(Array(text.utf8), file: "x.json")
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.path) == ["orders[0].lines[0].item", "orders[0].lines[1].earliest"])
        }
        let duplicate = #"{"format":"fulfillment-instance/1","start":"2026-12-01","rules":{"reviewLagDays":2},"#
            + #""accounts":[{"id":"a","dailyLimit":1}],"orders":[{"id":"o","lines":[{"id":"l","item":"i"},"#
            + #"{"id":"l","item":"i"}]}]}"#
        do throws(InputErrors) {
            _ = try RotaJSON.decodeInstance(Array(duplicate.utf8), file: "x.json")
            Issue.record("accepted")
        } catch {
            #expect(error.located.count == 1)
            #expect(error.errors.map(\.path) == ["orders[0].lines[1].id"])
        }
    }

    /// Plans whose ids need escapes or are not ASCII are streamed too, with the checked values.
    @Test func plansWithEscapedIdsAreStreamed() throws {
        let task = #"{"id":"P:\u00e9\"x","kind":"purchase","line":"l\/1","order":"o","item":"ï","account":"a","#
            + #""date":"2026-12-01","status":"pending"}"#
        let text = #"{"format":"fulfillment-plan/1","tasks":["# + task + "]}"
        let bytes = Array(text.utf8)
        let streamed = try #require(PlanDecoder.streamed(bytes))
        #expect(streamed == (try RotaJSON.decodePlan(RotaJSON.parse(bytes))))
        #expect(streamed.tasks[0].id.rawValue == "P:é\"x")
        // An escaped control character is not an id: the checked reader says so.
        let bad = Array(text.replacingOccurrences(of: #""order":"o""#, with: #""order":"o\u0007""#).utf8)
        #expect(PlanDecoder.streamed(bad) == nil)
        do throws(InputErrors) {
            _ = try RotaJSON.decodePlan(bad)
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.path) == ["tasks[0].order"])
        }
    }

    /// `IdentifierMap` against `Dictionary`: first value wins, the same lookups, through growth.
    @Test func identifierMapAnswersAsADictionary() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<5 {
            var map = IdentifierMap<LineTag>(capacity: round * 3)
            var dictionary: [LineID: Int] = [:]
            for n in 0..<(2_000 * (round + 1)) {
                let id = LineID("line-\(Int.random(in: 0..<3_000, using: &rng))\(round % 2 == 0 ? "" : "/é")")
                let old = map.insertIfAbsent(id, n)
                #expect(old == dictionary[id])
                if dictionary[id] == nil { dictionary[id] = n }
            }
            #expect(map.count == dictionary.count)
            for (key, value) in dictionary { #expect(map[key] == value) }
            for (number, key) in map.keys.enumerated() { #expect(map.number(of: key) == number) }
            #expect(map["absent"] == nil)
            #expect(map[""] == nil)
        }
    }
}
