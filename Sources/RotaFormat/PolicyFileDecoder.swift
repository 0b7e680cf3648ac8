import RotaCore

/// A policy file as read (docs/POLICY.md): the policy exactly as written (fields left out are
/// `nil`; `Policy.filled(from:)` fills them) and the warnings to print (weights that do not
/// sum to 1).
package struct PolicyFile: Sendable {
    package var policy: Policy
    /// Problems that do not stop the command, located like errors.
    package var warnings: [InputError]
}

/// Decodes a policy file's document, JSON or YAML alike, strictly: every key must be known,
/// weights are from 0 to 1, objective levels and KPI tiers must exist. The document is a bare
/// policy object or `{"policy": {…}}` (an instance file with a policy serves as one; only its
/// policy object is read, strictly too).
enum PolicyFileDecoder {
    /// The keys of a policy file's policy object.
    static let keys = ["weights", "slaTierDays", "objective", "defaultRolling", "reasonCodes", "kpiTargets"]

    static func decode(_ root: JSONValue, reader: JSONReader) -> PolicyFile? {
        guard let document = reader.object(root) else { return nil }
        if document.has("policy") {
            guard let view = reader.object(document, "policy", required: true) else { return nil }
            return reader.at("policy") { decodePolicy(view, reader: reader) }
        }
        if document.has("format") {
            // An instance or plan without a policy: not a bare policy either.
            reader.fail("policy", "missing")
            return nil
        }
        return decodePolicy(document, reader: reader)
    }

    private static func decodePolicy(_ view: JSONObjectView, reader: JSONReader) -> PolicyFile? {
        for member in view.members where !keys.contains(member.key) {
            reader.fail(member.key, "unknown key; a policy has \(keys.joined(separator: ", "))")
        }
        var policy = Policy()
        var warnings: [InputError] = []
        if let value = reader.field(view, "weights", required: false) {
            policy.weights = reader.at("weights") {
                reader.map(value, keysAreNames: true) { element -> Double? in
                    guard let weight = reader.double(element) else { return nil }
                    guard (0...1).contains(weight) else {
                        reader.fail("expected a weight from 0 to 1, got \(KPIRequirement.plain(weight))")
                        return nil
                    }
                    return weight
                }
            }
            if let weights = policy.weights, !weights.isEmpty, abs(policy.weightSum - 1) > 1e-9 {
                warnings.append(
                    InputError(
                        file: reader.file, path: JSONReader.appending(reader.path, key: "weights"),
                        message: "the weights sum to \(KPIRequirement.plain(policy.weightSum)), not 1 "
                            + "(priorities are still their weighted sums)"))
            }
        }
        if let value = reader.field(view, "slaTierDays", required: false) {
            policy.slaTierDays = reader.at("slaTierDays") {
                reader.map(value, keysAreNames: true) { element -> Int? in
                    guard let days = reader.int(element) else { return nil }
                    guard (0...InstanceChecker.Limits.days).contains(days) else {
                        reader.fail("expected days from 0 to \(InstanceChecker.Limits.days), got \(days)")
                        return nil
                    }
                    return days
                }
            }
        }
        if let value = reader.field(view, "objective", required: false) {
            policy.objective = reader.at("objective") { objective(value, reader: reader) }
        }
        if let rolling = reader.object(view, "defaultRolling") {
            policy.defaultRolling = reader.at("defaultRolling") { defaultRolling(rolling, reader: reader) }
        }
        if let value = reader.field(view, "reasonCodes", required: false) {
            policy.reasonCodes = reader.at("reasonCodes") {
                reader.elements(value) { reader.identifier($0) }
            }.map { codes in codes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } }
        }
        if let value = reader.field(view, "kpiTargets", required: false) {
            policy.kpiTargets = reader.at("kpiTargets") {
                kpiTargets(value, tiers: policy.slaTierDays.map { Set($0.keys) }, reader: reader)
            }
        }
        guard !reader.hasErrors else { return nil }
        return PolicyFile(policy: policy, warnings: warnings)
    }

    /// A term list (`["makespan", "lateness"]`), a weighted sum (`{"makespan": 1, "lateness": 0.1}`)
    /// or the command line's text (`"makespan,lateness"`, `"weighted:makespan=1"`).
    private static func objective(_ value: JSONValue, reader: JSONReader) -> Objective? {
        let known = ObjectiveLevel.allCases.map(\.rawValue).joined(separator: ", ")
        switch value {
        case .string(let text):
            do {
                return try Objective(parsing: text)
            } catch {
                reader.fail(error.description)
                return nil
            }
        case .array:
            let levels = reader.elements(value) { element -> ObjectiveLevel? in
                guard let name = reader.string(element) else { return nil }
                guard let level = ObjectiveLevel(named: name) else {
                    reader.fail("unknown objective level \(InputExcerpt.quoted(name)); known levels: \(known)")
                    return nil
                }
                return level
            }
            guard let levels, !reader.hasErrors else { return nil }
            guard !levels.isEmpty else {
                reader.fail("expected at least one objective level; known levels: \(known)")
                return nil
            }
            var seen: [ObjectiveLevel] = []
            for (k, level) in levels.enumerated() {
                if seen.contains(level) { reader.at(k) { reader.fail("objective level \"\(level.rawValue)\" appears twice") } }
                seen.append(level)
            }
            return .lexicographic(seen)
        case .object(let members):
            var weights: [ObjectiveLevel: Double] = [:]
            for member in members {
                reader.at(member.key) {
                    guard let level = ObjectiveLevel(named: member.key) else {
                        reader.fail("unknown objective level \(InputExcerpt.quoted(member.key)); known levels: \(known)")
                        return
                    }
                    guard let weight = reader.double(member.value) else { return }
                    guard weights[level] == nil else {
                        reader.fail("objective level \"\(level.rawValue)\" appears twice")
                        return
                    }
                    weights[level] = weight
                }
            }
            guard !members.isEmpty else {
                reader.fail("expected at least one objective level; known levels: \(known)")
                return nil
            }
            return .weighted(weights)
        default:
            reader.fail(
                "expected a list of objective levels, an object of level weights or a string, got \(value.kindDescription)")
            return nil
        }
    }

    private static func defaultRolling(_ view: JSONObjectView, reader: JSONReader) -> RollingCap? {
        for member in view.members where !["days", "soft", "hard"].contains(member.key) {
            reader.fail(member.key, "unknown key; a rolling cap has days, soft, hard")
        }
        let days = reader.int(view, "days", required: true)
        let soft = reader.cap(view, "soft", default: nil)
        let hard = reader.cap(view, "hard", default: nil)
        if let days, !(1...InstanceChecker.Limits.days).contains(days) {
            reader.fail("days", "expected days from 1 to \(InstanceChecker.Limits.days), got \(days)")
        }
        for (key, cap) in [("soft", soft), ("hard", hard)] {
            if let cap, !(0...InstanceChecker.Limits.cap).contains(cap) {
                reader.fail(key, "expected a cap from 0 to \(InstanceChecker.Limits.cap) (or null), got \(cap)")
            }
        }
        guard let days else { return nil }
        return RollingCap(days: days, soft: soft, hard: hard)
    }

    /// `{"sla.critical": ">= 0.95", …}` or `["sla.critical >= 0.95", …]`. Metric names are
    /// checked against the plan metrics and, when the file lists tiers, its tiers.
    private static func kpiTargets(_ value: JSONValue, tiers: Set<String>?, reader: JSONReader) -> [KPIRequirement]? {
        func checked(_ requirement: KPIRequirement) -> KPIRequirement? {
            let metric = requirement.metric
            if let tier = KPIRequirement.tier(of: metric) {
                if let tiers, !tiers.contains(tier) {
                    reader.fail(
                        "unknown tier \(InputExcerpt.quoted(tier)) in \(InputExcerpt.quoted(metric)); slaTierDays has "
                            + tiers.sorted().joined(separator: ", "))
                    return nil
                }
                return requirement
            }
            guard KPIRequirement.planMetricNames.contains(metric) || metric == "changes" else {
                reader.fail(
                    "unknown metric \(InputExcerpt.quoted(metric)); metrics: "
                        + (KPIRequirement.planMetricNames + ["changes", "sla.TIER", "sla.TIER.lines", "sla.TIER.onTime"])
                        .joined(separator: ", "))
                return nil
            }
            return requirement
        }
        switch value {
        case .object(let members):
            var result: [KPIRequirement] = []
            for member in members {
                reader.at(member.key) {
                    let requirement: KPIRequirement
                    switch member.value {
                    case .string(let condition):
                        do {
                            requirement = try KPIRequirement(metric: member.key, condition: condition)
                        } catch {
                            reader.fail("\(error)")
                            return
                        }
                    default:
                        reader.fail("expected a condition such as \">= 0.95\", got \(member.value.kindDescription)")
                        return
                    }
                    if let requirement = checked(requirement) { result.append(requirement) }
                }
            }
            return result
        case .array:
            return reader.elements(value) { element -> KPIRequirement? in
                guard let text = reader.string(element) else { return nil }
                do {
                    return checked(try KPIRequirement(parsing: text))
                } catch {
                    reader.fail("\(error)")
                    return nil
                }
            }
        default:
            reader.fail(
                "expected an object of conditions ({\"sla.critical\": \">= 0.95\"}) or a list of expressions, got \(value.kindDescription)")
            return nil
        }
    }
}

extension RotaJSON {
    /// A policy file's document (already parsed from JSON or YAML), decoded strictly.
    package static func decodePolicyFile(_ document: JSONValue, file: String? = nil) throws(InputErrors) -> PolicyFile {
        let reader = JSONReader(file: file)
        guard let decoded = PolicyFileDecoder.decode(document, reader: reader) else { throw InputErrors(reader.errors) }
        return decoded
    }

    /// The policy with its new fields as a document (`rota policy show`): weights, slaTierDays,
    /// objective (a level list or a weighted object), defaultRolling, reasonCodes, kpiTargets (a
    /// list of expressions);
    /// fields that are `nil` are left out.
    package static func policyFileValue(_ policy: Policy) -> JSONValue {
        guard case .object(let encoded) = InstanceEncoder.encode(policy) else { return .null }
        // The instance's fields but reasonCodes, which goes after defaultRolling (below).
        var members = encoded.filter { $0.key != "reasonCodes" }
        if let objective = policy.objective {
            switch objective.form {
            case .lexicographic(let levels):
                members.append(("objective", .array(levels.map { .string($0.rawValue) })))
            case .weighted(let weights):
                members.append(
                    ("objective", .object(ObjectiveLevel.allCases.compactMap { level in
                        weights[level].map { (key: level.rawValue, value: .number($0)) }
                    })))
            }
        }
        if let rolling = policy.defaultRolling {
            members.append(
                ("defaultRolling", .object([
                    ("days", .integer(rolling.days)), ("soft", InstanceEncoder.cap(rolling.soft)),
                    ("hard", InstanceEncoder.cap(rolling.hard)),
                ])))
        } else {
            members.append(("defaultRolling", .null))
        }
        if let codes = policy.reasonCodes { members.append(("reasonCodes", .array(codes.map { .string($0) }))) }
        if let targets = policy.kpiTargets {
            members.append(("kpiTargets", .array(targets.map { .string($0.description) })))
        }
        return .object(members)
    }
}
