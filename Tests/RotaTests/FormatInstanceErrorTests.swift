import Foundation
import Testing

import RotaCore
import RotaFormat

/// Every input error of an instance file, with its exact path and message.
@Suite struct FormatInstanceErrorTests {
    typealias Edit = @Sendable (inout [String: Any]) -> Void

    static func order(_ index: Int, _ document: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var orders = document["orders"] as! [[String: Any]]
        edit(&orders[index])
        document["orders"] = orders
    }

    static func line(_ o: Int, _ l: Int, _ document: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        order(o, &document) { order in
            var lines = order["lines"] as! [[String: Any]]
            edit(&lines[l])
            order["lines"] = lines
        }
    }

    static func account(_ index: Int, _ document: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var accounts = document["accounts"] as! [[String: Any]]
        edit(&accounts[index])
        document["accounts"] = accounts
    }

    static func rules(_ document: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var rules = document["rules"] as! [String: Any]
        edit(&rules)
        document["rules"] = rules
    }

    static let shapeCases: [(String, Edit, [String])] = [
        ("format missing", { $0["format"] = nil }, ["format: missing"]),
        ("format of a plan", { $0["format"] = "fulfillment-plan/1" },
         [#"format: expected "fulfillment-instance/1", got "fulfillment-plan/1""#]),
        ("format not a string", { $0["format"] = 1 }, ["format: expected a string, got a number"]),
        ("start missing", { $0["start"] = nil }, ["start: missing"]),
        ("start impossible", { $0["start"] = "2026-02-30" }, [#"start: expected a date YYYY-MM-DD, got "2026-02-30""#]),
        ("start not ISO", { $0["start"] = "1/12/2026" }, [#"start: expected a date YYYY-MM-DD, got "1/12/2026""#]),
        ("start a number", { $0["start"] = 20261201 }, ["start: expected a string, got a number"]),
        ("horizon text", { $0["horizonDays"] = "30" }, ["horizonDays: expected an integer, got a string"]),
        ("horizon fraction", { $0["horizonDays"] = 2.5 }, ["horizonDays: expected an integer, got 2.5"]),
        ("horizon huge", { $0["horizonDays"] = 1e300 }, ["horizonDays: expected an integer, got 1e+300"]),
        ("rules missing", { $0["rules"] = nil }, ["rules: missing"]),
        ("rules an array", { $0["rules"] = [1] }, ["rules: expected an object, got an array"]),
        ("lag missing", { rules(&$0) { $0["reviewLagDays"] = nil } }, ["rules.reviewLagDays: missing"]),
        ("lag null", { rules(&$0) { $0["reviewLagDays"] = NSNull() } }, ["rules.reviewLagDays: expected an integer, got null"]),
        ("cap a boolean", { rules(&$0) { $0["sameItemPerAccount"] = true } }, ["rules.sameItemPerAccount: expected an integer, got a boolean"]),
        ("accounts missing", { $0["accounts"] = nil }, ["accounts: missing"]),
        ("accounts an object", { $0["accounts"] = ["id": "a"] }, ["accounts: expected an array, got an object"]),
        ("account not an object", { $0["accounts"] = [["id": "a1", "dailyLimit": 1], "a2"] }, ["accounts[1]: expected an object, got a string"]),
        ("account id missing", { account(1, &$0) { $0["id"] = nil } }, ["accounts[1].id: missing"]),
        ("account id a number", { account(0, &$0) { $0["id"] = 7 } }, ["accounts[0].id: expected a string, got a number"]),
        ("daily limit missing", { account(0, &$0) { $0["dailyLimit"] = nil } }, ["accounts[0].dailyLimit: missing"]),
        ("daily limit text", { account(0, &$0) { $0["dailyLimit"] = "3" } }, ["accounts[0].dailyLimit: expected an integer, got a string"]),
        ("unavailable day", { account(1, &$0) { $0["unavailable"] = ["2026-12-03", "2026-12-32"] } },
         [#"accounts[1].unavailable[1]: expected a date YYYY-MM-DD, got "2026-12-32""#]),
        ("rolling days missing", { account(0, &$0) { $0["rolling"] = ["soft": 3] } }, ["accounts[0].rolling.days: missing"]),
        ("orders missing", { $0["orders"] = nil }, ["orders: missing"]),
        ("order id missing", { order(1, &$0) { $0["id"] = nil } }, ["orders[1].id: missing"]),
        ("lines missing", { order(0, &$0) { $0["lines"] = nil } }, ["orders[0].lines: missing"]),
        ("lines a string", { order(0, &$0) { $0["lines"] = "o1/1" } }, ["orders[0].lines: expected an array, got a string"]),
        ("line item missing", { line(1, 0, &$0) { $0["item"] = nil } }, ["orders[1].lines[0].item: missing"]),
        ("line id null", { line(0, 1, &$0) { $0["id"] = NSNull() } }, ["orders[0].lines[1].id: expected a string, got null"]),
        ("line earliest", { line(0, 0, &$0) { $0["earliest"] = "2026-13-01" } },
         [#"orders[0].lines[0].earliest: expected a date YYYY-MM-DD, got "2026-13-01""#]),
        ("line lag", { line(0, 0, &$0) { $0["reviewLagDays"] = 1.5 } }, ["orders[0].lines[0].reviewLagDays: expected an integer, got 1.5"]),
        ("order weight text", { order(0, &$0) { $0["weight"] = "high" } }, ["orders[0].weight: expected a number, got a string"]),
        ("order due date", { order(1, &$0) { $0["dueDate"] = "2026-02-29" } },
         [#"orders[1].dueDate: expected a date YYYY-MM-DD, got "2026-02-29""#]),
        ("order created", { order(1, &$0) { $0["createdAt"] = ["2026-12-01"] } }, ["orders[1].createdAt: expected a string, got an array"]),
        ("order tier", { order(0, &$0) { $0["slaTier"] = 3 } }, ["orders[0].slaTier: expected a string, got a number"]),
        ("order indices", { order(0, &$0) { $0["indices"] = ["sla": "0.5", "risk": 0.1] } },
         ["orders[0].indices.sla: expected a number, got a string"]),
        ("policy weights", { $0["policy"] = ["weights": ["sla": "x"]] }, ["policy.weights.sla: expected a number, got a string"]),
        ("policy tier days", { $0["policy"] = ["slaTierDays": ["high": 2.5]] }, ["policy.slaTierDays.high: expected an integer, got 2.5"]),
        ("policy not an object", { $0["policy"] = "default" }, ["policy: expected an object, got a string"]),
        ("existing an object", { $0["existing"] = [:] as [String: Any] }, ["existing: expected an array, got an object"]),
        ("task kind", { $0["existing"] = [FormatSupport.task("t1", "buy")] },
         [#"existing[0].kind: expected "purchase" or "review", got "buy""#]),
        ("task status", { $0["existing"] = [FormatSupport.task("t1", status: "done")] },
         [#"existing[0].status: expected "pending", "completed" or "missed", got "done""#]),
        ("task date", { $0["existing"] = [FormatSupport.task("t1", date: "2026-11-31")] },
         [#"existing[0].date: expected a date YYYY-MM-DD, got "2026-11-31""#]),
        ("task fields missing", { $0["existing"] = [["id": "t1", "kind": "review"]] },
         ["existing[0].line: missing", "existing[0].order: missing", "existing[0].item: missing",
          "existing[0].account: missing", "existing[0].date: missing"]),
    ]

    @Test(arguments: shapeCases)
    func reportsShapeErrors(_ name: String, _ edit: Edit, _ expected: [String]) {
        #expect(FormatSupport.instanceErrors(FormatSupport.instance(edit)) == expected, "\(name)")
    }

    static let checkCases: [(String, Edit, [String])] = [
        ("horizon zero", { $0["horizonDays"] = 0 }, ["horizonDays: must be at least 1, got 0"]),
        ("horizon negative", { $0["horizonDays"] = -5 }, ["horizonDays: must be at least 1, got -5"]),
        ("horizon too long", { $0["horizonDays"] = 36_601 }, ["horizonDays: must be at most 36600, got 36601"]),
        ("huge values", {
            $0["horizonDays"] = Int.max
            rules(&$0) {
                $0["reviewLagDays"] = 1_000_001
                $0["sameItemPerAccount"] = Int.max
            }
            account(0, &$0) { $0["dailyLimit"] = 1_000_000_001 }
            account(1, &$0) { $0["rolling"] = ["days": Int.max, "hard": 1_000_000_000] }
            line(0, 0, &$0) { $0["reviewLagDays"] = Int.min }
            $0["policy"] = ["slaTierDays": ["slow": 9_000_000]]
        }, [
            "horizonDays: must be at most 36600, got 9223372036854775807",
            "rules.reviewLagDays: must be at most 1000000, got 1000001",
            "rules.sameItemPerAccount: must be at most 1000000000, got 9223372036854775807",
            "accounts[0].dailyLimit: must be at most 1000000000, got 1000000001",
            "accounts[1].rolling.days: must be at most 1000000, got 9223372036854775807",
            "orders[0].lines[0].reviewLagDays: must not be negative, got -9223372036854775808",
            "policy.slaTierDays.slow: must be at most 1000000, got 9000000",
        ]),
        ("no accounts", { $0["accounts"] = [] as [Any] }, ["accounts: at least one account is required"]),
        ("duplicate account", { account(1, &$0) { $0["id"] = "a1" } },
         [#"accounts[1].id: duplicate account id "a1", first at accounts[0].id"#]),
        ("duplicate order", { order(1, &$0) { $0["id"] = "o1" } }, [#"orders[1].id: duplicate order id "o1", first at orders[0].id"#]),
        ("duplicate line in an order", { line(0, 1, &$0) { $0["id"] = "o1/1" } },
         [#"orders[0].lines[1].id: duplicate line id "o1/1", first at orders[0].lines[0].id"#]),
        ("duplicate line across orders", { line(1, 0, &$0) { $0["id"] = "o1/2" } },
         [#"orders[1].lines[0].id: duplicate line id "o1/2", first at orders[0].lines[1].id"#]),
        ("negative daily limit", { account(1, &$0) { $0["dailyLimit"] = -1 } }, ["accounts[1].dailyLimit: must not be negative, got -1"]),
        ("negative lag", { rules(&$0) { $0["reviewLagDays"] = -2 } }, ["rules.reviewLagDays: must not be negative, got -2"]),
        ("negative caps", {
            rules(&$0) {
                $0["sameItemPerAccountPerDay"] = -1
                $0["sameItemPerAccount"] = -2
                $0["reviewsPerAccountPerDay"] = -3
            }
        }, ["rules.sameItemPerAccountPerDay: must not be negative, got -1", "rules.sameItemPerAccount: must not be negative, got -2",
            "rules.reviewsPerAccountPerDay: must not be negative, got -3"]),
        ("negative line lag", { line(1, 0, &$0) { $0["reviewLagDays"] = -1 } }, ["orders[1].lines[0].reviewLagDays: must not be negative, got -1"]),
        ("rolling days zero", { account(0, &$0) { $0["rolling"] = ["days": 0, "soft": 1] } }, ["accounts[0].rolling.days: must be at least 1, got 0"]),
        ("rolling caps negative", { account(0, &$0) { $0["rolling"] = ["days": 7, "soft": -1, "hard": -2] } },
         ["accounts[0].rolling.soft: must not be negative, got -1", "accounts[0].rolling.hard: must not be negative, got -2"]),
        ("negative weight", { order(1, &$0) { $0["weight"] = -0.5 } }, ["orders[1].weight: must be a finite number, not negative, got -0.5"]),
        ("negative policy weight", { $0["policy"] = ["weights": ["sla": 0.5, "risk": -1]] },
         ["policy.weights.risk: must be a finite number, not negative, got -1.0"]),
        ("negative tier days", { $0["policy"] = ["slaTierDays": ["high": -3, "low": 4]] }, ["policy.slaTierDays.high: must not be negative, got -3"]),
        ("unknown line", { $0["existing"] = [FormatSupport.task("t1", line: "o9/1")] }, [#"existing[0].line: unknown line "o9/1""#]),
        ("unknown account", { $0["existing"] = [FormatSupport.task("t1", account: "a9")] }, [#"existing[0].account: unknown account "a9""#]),
        ("wrong order", { $0["existing"] = [FormatSupport.task("t1", order: "o2")] },
         [#"existing[0].order: expected "o1" (the order of line "o1/1"), got "o2""#]),
        ("wrong item", { $0["existing"] = [FormatSupport.task("t1", line: "o1/2", item: "i1")] },
         [#"existing[0].item: expected "i2" (the item of line "o1/2"), got "i1""#]),
        ("duplicate task id", { $0["existing"] = [FormatSupport.task("t1"), FormatSupport.task("t1", "review", date: "2026-11-29")] },
         [#"existing[1].id: duplicate task id "t1", first at existing[0].id"#]),
        ("two completed purchases", {
            $0["existing"] = [FormatSupport.task("p1"), FormatSupport.task("p2", account: "a2", date: "2026-11-29")]
        }, [#"existing[1]: a second completed purchase of line "o1/1", first at existing[0]"#]),
        ("two completed reviews", {
            $0["existing"] = [FormatSupport.task("p1"), FormatSupport.task("r1", "review"), FormatSupport.task("r2", "review")]
        }, [#"existing[2]: a second completed review of line "o1/1", first at existing[1]"#]),
    ]

    @Test(arguments: checkCases)
    func reportsCheckErrors(_ name: String, _ edit: Edit, _ expected: [String]) {
        #expect(FormatSupport.instanceErrors(FormatSupport.instance(edit)) == expected, "\(name)")
    }

    @Test func historyThatCannotBePlannedIsNotAnError() {
        // A missed purchase beside a completed one, pending tasks anywhere, a pending review
        // without a purchase.
        let text = FormatSupport.instance { document in
            document["existing"] = [
                FormatSupport.task("p0", status: "missed"), FormatSupport.task("p1"),
                FormatSupport.task("p2", line: "o2/1", order: "o2", status: "pending"),
                FormatSupport.task("p3", line: "o2/1", order: "o2", date: "2027-06-01", status: "pending"),
                FormatSupport.task("r1", "review", line: "o1/2", item: "i2", account: "a2", status: "pending"),
            ]
            // Earliest after the horizon: the line cannot be planned, which is the solver's business.
            Self.line(1, 0, &document) { $0["earliest"] = "2027-12-01" }
        }
        #expect(FormatSupport.instanceErrors(text) == [])
    }

    @Test func reportsDuplicateKeys() {
        let text = #"{"format": "fulfillment-instance/1", "start": "2026-12-01", "start": "2026-12-02", "rules": {"reviewLagDays": 1},"#
            + #" "accounts": [{"id": "a", "dailyLimit": 1}], "orders": []}"#
        #expect(FormatSupport.instanceErrors(text) == ["start: given more than once"])
        let indices = #"{"format": "fulfillment-instance/1", "start": "2026-12-01", "rules": {"reviewLagDays": 1},"#
            + #" "accounts": [{"id": "a", "dailyLimit": 1}], "orders": [{"id": "o", "indices": {"sla": 1, "sla": 2}, "lines": []}]}"#
        #expect(FormatSupport.instanceErrors(indices) == ["orders[0].indices.sla: given more than once"])
    }

    @Test func quotesOddKeysInPaths() {
        let text = FormatSupport.instance { Self.order(0, &$0) { $0["indices"] = ["odd key.x": "1"] } }
        #expect(FormatSupport.instanceErrors(text) == [#"orders[0].indices["odd key.x"]: expected a number, got a string"#])
    }

    @Test func collectsSeveralErrorsInDocumentOrder() {
        let text = FormatSupport.instance { document in
            document["start"] = "2026-02-30"
            Self.account(0, &document) { $0["dailyLimit"] = nil }
            Self.line(1, 0, &document) { $0["item"] = nil }
        }
        #expect(FormatSupport.instanceErrors(text) == [
            #"start: expected a date YYYY-MM-DD, got "2026-02-30""#, "accounts[0].dailyLimit: missing", "orders[1].lines[0].item: missing",
        ])
    }

    @Test func describesEachErrorOnOneLineWithTheFile() throws {
        let text = FormatSupport.instance { Self.line(1, 0, &$0) { $0["item"] = nil } }
        do throws(InputErrors) {
            _ = try RotaJSON.decodeInstance(FormatSupport.bytes(text), file: "data/week.json")
            Issue.record("decoded")
        } catch {
            #expect(error.description == "data/week.json: orders[1].lines[0].item: missing")
            #expect(error.errors == [InputError(file: "data/week.json", path: "orders[1].lines[0].item", message: "missing")])
        }
    }

    @Test func reportsMalformedJSONWithLineAndColumn() throws {
        let text = "{\n  \"format\": \"fulfillment-instance/1\",\n  \"start\": \"2026-12-01\" \"rules\": {}\n}"
        do throws(InputErrors) {
            _ = try RotaJSON.decodeInstance(FormatSupport.bytes(text), file: "in.json")
            Issue.record("decoded")
        } catch {
            #expect(error.description == "in.json: malformed JSON at line 3, column 25: expected ',' or '}'")
        }
        #expect(FormatSupport.instanceErrors("[]") == ["expected an object, got an array"])
    }

    @Test func checksNonFiniteWeightsOfBuiltInstances() throws {
        var instance = try RotaJSON.decodeInstance(FormatSupport.fixture("format-minimal.json"))
        instance.orders[0].weight = .infinity
        instance.orders[0].indices = ["sla": .nan]
        instance.policy = Policy(weights: ["sla": .infinity], slaTierDays: nil)
        #expect(InstanceChecker.check(instance).map { "\($0.path): \($0.message)" } == [
            "orders[0].weight: must be a finite number, not negative, got inf", "orders[0].indices.sla: must be a finite number",
            "policy.weights.sla: must be a finite number, not negative, got inf",
        ])
        instance.format = "other/2"
        #expect(InstanceChecker.check(instance).first?.description == #"format: expected "fulfillment-instance/1", got "other/2""#)
    }
}
