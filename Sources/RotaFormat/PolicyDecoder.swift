import RotaCore

/// Decodes a policy: `weights` of the order indices and `slaTierDays` per SLA tier, from an
/// instance's `policy` field or from a policy file (a bare policy object or `{"policy": {…}}`).
enum PolicyDecoder {
    /// The policy object at the reader's current path.
    static func decode(_ view: JSONObjectView, reader: JSONReader) -> Policy {
        let weights = reader.field(view, "weights", required: false).flatMap { value in
            reader.at("weights") { reader.map(value, keysAreNames: true) { reader.double($0) } }
        }
        let tiers = reader.field(view, "slaTierDays", required: false).flatMap { value in
            reader.at("slaTierDays") { reader.map(value, keysAreNames: true) { reader.int($0) } }
        }
        var policy = Policy(weights: weights, slaTierDays: tiers)
        // Extra override reason codes: the instance's overrides and the events of a
        // reschedule may use them, and `--instance-out` carries them forward.
        if let value = reader.field(view, "reasonCodes", required: false) {
            policy.reasonCodes = reader.at("reasonCodes") {
                reader.elements(value) { reader.identifier($0) }
            }.map { codes in codes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } }
        }
        return policy
    }

    /// A policy file's document; the second value is the path prefix of the policy object
    /// (`"policy"` when wrapped, `""` when bare).
    static func decodeFile(_ root: JSONValue, reader: JSONReader) -> (policy: Policy, path: String)? {
        guard let document = reader.object(root) else { return nil }
        let policy: Policy?
        let path: String
        if document.has("policy") {
            path = "policy"
            policy = reader.object(document, "policy", required: true).map { view in
                reader.at("policy") { decode(view, reader: reader) }
            }
        } else if document.has("format") {
            // An instance or plan without a policy: not a bare policy either.
            reader.fail("policy", "missing")
            return nil
        } else {
            path = ""
            policy = decode(document, reader: reader)
        }
        guard !reader.hasErrors, let policy else { return nil }
        return (policy, path)
    }
}
