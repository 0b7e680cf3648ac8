import Testing

import RotaCore
import RotaFormat

@Suite struct FormatPolicyTests {
    @Test func readsABarePolicy() throws {
        let policy = try RotaJSON.decodePolicy(FormatSupport.fixture("format-policy-bare.json"))
        #expect(policy == Policy(weights: ["sla": 0.5, "value": 0.5], slaTierDays: ["critical": 3, "standard": 10]))
    }

    @Test func readsAWrappedPolicy() throws {
        let policy = try RotaJSON.decodePolicy(FormatSupport.fixture("format-policy-wrapped.json"))
        #expect(policy == Policy(weights: ["sla": 0.5, "value": 0.25, "risk": 0.25], slaTierDays: ["high": 5]))
    }

    @Test func readsTheInstancePolicyOfAnInstanceFile() throws {
        let policy = try RotaJSON.decodePolicy(FormatSupport.fixture("format-full.json"))
        #expect(policy.slaTierDays?["deferred"] == 21)
        #expect(FormatSupport.policyErrors(String(decoding: try FormatSupport.fixture("format-minimal.json"), as: UTF8.self))
            == ["policy: missing"])
    }

    @Test func roundTrips() throws {
        let policy = Policy(weights: ["b": 0.25, "a": 1e-3], slaTierDays: ["slow": 30, "fast": 2, "mid": 2])
        #expect(try RotaJSON.decodePolicy(RotaJSON.encode(policy)) == policy)
        // Tiers from the shortest to the longest, weights in key order.
        #expect(String(decoding: RotaJSON.encode(policy), as: UTF8.self).replacingOccurrences(of: "\n", with: "")
            .replacingOccurrences(of: " ", with: "")
            == #"{"weights":{"a":0.001,"b":0.25},"slaTierDays":{"fast":2,"mid":2,"slow":30}}"#)
        #expect(try RotaJSON.decodePolicy(FormatSupport.bytes("{}")) == Policy())
    }

    static let errorCases: [(String, [String])] = [
        (#"{"weights": {"sla": -0.5}}"#, ["weights.sla: must be a finite number, not negative, got -0.5"]),
        (#"{"policy": {"slaTierDays": {"high": -1}}}"#, ["policy.slaTierDays.high: must not be negative, got -1"]),
        (#"{"policy": null}"#, ["policy: expected an object, got null"]),
        (#"{"weights": [0.5]}"#, ["weights: expected an object, got an array"]),
        (#"{"slaTierDays": {"high": "8"}}"#, ["slaTierDays.high: expected an integer, got a string"]),
        (#""policy""#, ["expected an object, got a string"]),
    ]

    @Test(arguments: errorCases)
    func reportsErrors(_ text: String, _ expected: [String]) {
        #expect(FormatSupport.policyErrors(text) == expected)
    }
}
