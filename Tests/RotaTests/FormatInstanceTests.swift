import Foundation
import Testing

import RotaCore
import RotaFormat

@Suite struct FormatInstanceTests {
    func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test func decodesEveryField() throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture("format-full.json"), file: "format-full.json")
        #expect(instance.format == Instance.formatTag)
        #expect(instance.name == "full-example")
        #expect(instance.start == (try day("2026-12-01")))
        #expect(instance.horizonDays == 90)
        #expect(instance.rules == Rules(reviewLagDays: 4, sameItemPerAccountPerDay: 2, sameItemPerAccount: nil, reviewsPerAccountPerDay: 5))
        #expect(instance.accounts.count == 3)
        #expect(instance.accounts[0] == Account(
            id: "acct-1", dailyLimit: 3, unavailable: [try day("2026-12-03"), try day("2026-12-04")],
            rolling: RollingCap(days: 7, soft: 15, hard: 18)))
        #expect(instance.accounts[1] == Account(id: "acct-2", dailyLimit: nil, rolling: RollingCap(days: 3, soft: nil, hard: nil)))
        #expect(instance.accounts[2] == Account(id: "acct-3", dailyLimit: 0))
        let first = instance.orders[0]
        #expect(first.id == "ord-1")
        #expect(first.client == "client-7")
        #expect(first.createdAt == (try day("2026-11-30")))
        #expect(first.dueDate == (try day("2026-12-10")))
        #expect(first.slaTier == "standard")
        #expect(first.weight == 1)
        #expect(first.indices == ["sla": 0.8, "value": 0.4, "readiness": 1.0, "customer": 0.5, "risk": 0.1])
        #expect(first.lines == [Line(id: "ord-1/1", item: "978-0-13-468599-1", earliest: try day("2026-12-02"), reviewLagDays: 5)])
        #expect(instance.orders[1].lines[1] == Line(id: "ord-2/2", item: "978-1-59327-584-6"))
        #expect(instance.orders[1].indices == ["sla": 1, "value": 0.5])
        #expect(instance.orders[4].lines.isEmpty)
        #expect(instance.policy == Policy(
            weights: ["sla": 0.35, "value": 0.20, "readiness": 0.20, "customer": 0.15, "risk": 0.10],
            slaTierDays: ["critical": 6, "high": 8, "standard": 12, "deferred": 21]))
        #expect(instance.existing.count == 3)
        #expect(instance.existing[0] == PlanTask(
            id: "P:ord-1/1", kind: .purchase, line: "ord-1/1", order: "ord-1", item: "978-0-13-468599-1",
            account: "acct-1", date: try day("2026-11-25"), status: .completed))
        #expect(instance.existing[1].status == .missed)
        #expect(instance.existing[1].after == "P:ord-1/1")
        // No status: pending.
        #expect(instance.existing[2].status == .pending)
    }

    @Test func appliesDefaults() throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture("format-minimal.json"))
        #expect(instance.name == nil)
        #expect(instance.horizonDays == 365)
        #expect(instance.rules == Rules(reviewLagDays: 3, sameItemPerAccountPerDay: 1, sameItemPerAccount: nil, reviewsPerAccountPerDay: nil))
        #expect(instance.accounts == [Account(id: "a", dailyLimit: 2, unavailable: [], rolling: nil)])
        #expect(instance.orders == [Order(id: "o", weight: 1, lines: [Line(id: "o/1", item: "i")])])
        #expect(instance.policy == nil)
        #expect(instance.existing.isEmpty)
    }

    @Test func absentCapsTakeDefaultsAndNullCapsAreUnlimited() throws {
        let allNull = FormatSupport.instance { document in
            document["rules"] = [
                "reviewLagDays": 2, "sameItemPerAccountPerDay": NSNull(), "sameItemPerAccount": NSNull(),
                "reviewsPerAccountPerDay": NSNull(),
            ]
            document["accounts"] = [["id": "a1", "dailyLimit": NSNull(), "rolling": ["days": 5, "soft": NSNull(), "hard": 4]]]
            document["horizonDays"] = NSNull()
        }
        let instance = try RotaJSON.decodeInstance(FormatSupport.bytes(allNull))
        #expect(instance.rules == Rules(reviewLagDays: 2, sameItemPerAccountPerDay: nil, sameItemPerAccount: nil, reviewsPerAccountPerDay: nil))
        #expect(instance.accounts[0].dailyLimit == nil)
        #expect(instance.accounts[0].rolling == RollingCap(days: 5, soft: nil, hard: 4))
        #expect(instance.horizonDays == 365)

        let given = FormatSupport.instance { document in
            document["rules"] = ["reviewLagDays": 2, "sameItemPerAccountPerDay": 0, "sameItemPerAccount": 3, "reviewsPerAccountPerDay": 7]
        }
        #expect(try RotaJSON.decodeInstance(FormatSupport.bytes(given)).rules
            == Rules(reviewLagDays: 2, sameItemPerAccountPerDay: 0, sameItemPerAccount: 3, reviewsPerAccountPerDay: 7))
    }

    @Test func acceptsIntegralNumbersWrittenWithAFraction() throws {
        let text = FormatSupport.instance { $0["horizonDays"] = 30.0 }
        #expect(text.contains("\"horizonDays\":30"))  // JSONSerialization writes 30
        let instance = try RotaJSON.decodeInstance(FormatSupport.bytes(text.replacingOccurrences(of: "\"horizonDays\":30", with: "\"horizonDays\":30.0")))
        #expect(instance.horizonDays == 30)
    }

    @Test(arguments: ["format-full.json", "format-minimal.json"])
    func roundTrips(_ name: String) throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture(name))
        let encoded = RotaJSON.encode(instance)
        let again = try RotaJSON.decodeInstance(encoded)
        #expect(again == instance)
        #expect(RotaJSON.encode(again) == encoded)
    }

    @Test func roundTripsBuiltInstancesWithNullCaps() throws {
        let start = try day("2027-01-01")
        let instance = Instance(
            name: "built \"quoted\" name", start: start, horizonDays: 7,
            rules: Rules(reviewLagDays: 0, sameItemPerAccountPerDay: nil, sameItemPerAccount: 0, reviewsPerAccountPerDay: nil),
            accounts: [
                Account(id: "x", dailyLimit: nil, unavailable: [start + 1], rolling: RollingCap(days: 2, soft: nil, hard: nil)),
                Account(id: "y", dailyLimit: 0),
            ],
            orders: [
                Order(id: "o", client: "c", createdAt: start - 3, dueDate: start + 5, slaTier: "t", weight: 0.1 + 0.2,
                      indices: ["k": 1e-9, "é": 3], lines: [Line(id: "l", item: "i", earliest: start + 2, reviewLagDays: 0)]),
            ],
            policy: Policy(weights: ["k": 0.5], slaTierDays: nil),
            existing: [
                PlanTask(id: "p", kind: .purchase, line: "l", order: "o", item: "i", account: "y", date: start - 2, status: .missed),
                PlanTask(id: "t", kind: .review, line: "l", order: "o", item: "i", account: "y", date: start - 1, status: .missed, after: "p"),
            ])
        let again = try RotaJSON.decodeInstance(RotaJSON.encode(instance))
        #expect(again == instance)
        let text = String(decoding: RotaJSON.encode(instance), as: UTF8.self)
        #expect(text.contains("\"sameItemPerAccountPerDay\": null"))
        #expect(text.contains("\"reviewsPerAccountPerDay\": null"))
        #expect(text.contains("\"dailyLimit\": null"))
    }

    @Test func encodesEveryRuleKeyInAFixedOrder() throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture("format-minimal.json"))
        let expected = """
            {
              "format": "fulfillment-instance/1",
              "start": "2026-12-01",
              "horizonDays": 365,
              "rules": {
                "reviewLagDays": 3,
                "sameItemPerAccountPerDay": 1,
                "sameItemPerAccount": null,
                "reviewsPerAccountPerDay": null
              },
              "accounts": [
                {
                  "id": "a",
                  "dailyLimit": 2
                }
              ],
              "orders": [
                {
                  "id": "o",
                  "weight": 1.0,
                  "lines": [
                    {
                      "id": "o/1",
                      "item": "i"
                    }
                  ]
                }
              ],
              "existing": []
            }

            """
        #expect(String(decoding: RotaJSON.encode(instance), as: UTF8.self) == expected)
    }

    @Test func derivesDueDatesAndPrioritiesFromThePolicy() throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture("format-full.json"))
        let lines = instance.resolvedLines
        #expect(lines.map(\.id) == ["ord-1/1", "ord-2/1", "ord-2/2", "ord-3/1", "ord-4/1"])
        // An explicit due date wins over the tier (standard would give 2026-12-12).
        #expect(lines[0].due == (try day("2026-12-10")))
        // createdAt + slaTierDays[tier].
        #expect(lines[1].due == (try day("2026-12-05")))
        #expect(lines[3].due == (try day("2026-12-22")))
        // An unknown tier gives no due date.
        #expect(lines[4].due == nil)
        // Lag: the line's own, else the rule's.
        #expect(lines[0].lag == 5)
        #expect(lines[1].lag == 4)
        // Priority: weighted sum of the indices (a missing index counts 0) replaces the weight.
        #expect(abs(lines[0].weight - (0.35 * 0.8 + 0.20 * 0.4 + 0.20 * 1.0 + 0.15 * 0.5 + 0.10 * 0.1)) < 1e-12)
        #expect(abs(lines[1].weight - (0.35 * 1 + 0.20 * 0.5)) < 1e-12)
        #expect(lines[1].weight == lines[2].weight)
        // No indices: the order's weight.
        #expect(lines[3].weight == 2.5)
        #expect(lines[4].weight == 0)
        #expect(lines[0].earliest == (try day("2026-12-02")))
        #expect(lines[0].slaTier == "standard")
    }

    @Test func aPolicyFileReplacesTheInstancePolicy() throws {
        var instance = try RotaJSON.decodeInstance(FormatSupport.fixture("format-full.json"))
        instance.policy = try RotaJSON.decodePolicy(FormatSupport.fixture("format-policy-bare.json"))
        let lines = instance.resolvedLines
        #expect(lines[1].due == (try day("2026-12-02")))  // critical: 3 days
        #expect(lines[3].due == nil)  // deferred is not in this policy
        #expect(abs(lines[0].weight - (0.5 * 0.8 + 0.5 * 0.4)) < 1e-12)
        instance.policy = nil
        #expect(instance.resolvedLines[0].weight == 1)
        #expect(instance.resolvedLines[1].due == nil)
    }

    @Test func decodedInstancesBuildAPlanningProblem() throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture("format-full.json"))
        let problem = PlanningProblem(instance)
        #expect(problem.lineCount == 5)
        #expect(problem.accountCount == 3)
        #expect(problem.itemCount == 3)
        #expect(problem.dailyLimit[1] == PlanningProblem.unlimited)
        #expect(problem.sameItemPerDay == 2)
        #expect(problem.need[0] == .review(account: 0, purchaseDay: -6))
    }
}

@Suite struct FormatScaleTests {
    /// A generated instance of 10,000 lines decodes, checks and round-trips.
    @Test func handlesLargeInstances() throws {
        var orders: [JSONValue] = []
        for o in 0..<2_500 {
            let lines: [JSONValue] = (0..<4).map { l in
                ["id": .string("o\(o)/\(l)"), "item": .string("item-\((o * 7 + l) % 900)"), "earliest": "2026-12-03"]
            }
            orders.append(["id": .string("o\(o)"), "createdAt": "2026-12-01", "slaTier": "standard",
                           "indices": ["sla": 0.5, "value": .number(Double(o % 10) / 10)], "lines": .array(lines)])
        }
        let accounts: [JSONValue] = (0..<50).map { ["id": .string("a\($0)"), "dailyLimit": 3] }
        let document: JSONValue = [
            "format": "fulfillment-instance/1", "start": "2026-12-01", "rules": ["reviewLagDays": 4],
            "accounts": .array(accounts), "orders": .array(orders),
            "policy": ["weights": ["sla": 1, "value": 1], "slaTierDays": ["standard": 12]],
        ]
        let bytes = JSONWriter.write(document)
        let instance = try RotaJSON.decodeInstance(bytes)
        #expect(instance.resolvedLines.count == 10_000)
        #expect(instance.resolvedLines[3].due == Day(iso: "2026-12-13"))
        #expect(try RotaJSON.decodeInstance(RotaJSON.encode(instance)) == instance)
    }
}
