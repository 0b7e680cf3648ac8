/// What a policy file leaves out (docs/POLICY.md): the instance's policy field, else these
/// defaults; and how a policy is laid over an instance.
extension Policy {
    /// The priority weights of the order indices when neither the file nor the instance gives any.
    package static let defaultWeights: [String: Double] = [
        "sla": 0.35, "value": 0.20, "readiness": 0.20, "customer": 0.15, "risk": 0.10,
    ]

    /// The SLA tier windows when neither the file nor the instance gives any.
    package static let defaultSLATierDays: [String: Int] = ["critical": 6, "high": 8, "standard": 12, "deferred": 21]

    /// Every field this policy leaves out taken from `base` (an instance's policy), else from
    /// the defaults: the default weights and tiers, the default objective, no default rolling
    /// cap, no extra reason codes, no KPI targets.
    package func filled(from base: Policy? = nil) -> Policy {
        var result = self
        result.weights = weights ?? base?.weights ?? Self.defaultWeights
        result.slaTierDays = slaTierDays ?? base?.slaTierDays ?? Self.defaultSLATierDays
        result.objective = objective ?? base?.objective ?? .default
        result.defaultRolling = defaultRolling ?? base?.defaultRolling
        result.reasonCodes = reasonCodes ?? base?.reasonCodes ?? []
        result.kpiTargets = kpiTargets ?? base?.kpiTargets ?? []
        return result
    }

    /// `instance` under this policy file: its policy filled from the instance's own, and the
    /// default rolling cap given to every account that has none.
    package func applied(to instance: Instance) -> Instance {
        var result = instance
        result.policy = filled(from: instance.policy)
        if let rolling = defaultRolling {
            for k in result.accounts.indices where result.accounts[k].rolling == nil {
                result.accounts[k].rolling = rolling
            }
        }
        return result
    }

    /// The override reason codes an events file may use: the standard ones, then this
    /// policy's extra codes (each once).
    package var overrideReasonCodes: [String] {
        var codes = Override.standardReasonCodes
        for code in reasonCodes ?? [] where !codes.contains(code) { codes.append(code) }
        return codes
    }

    /// The sum of the weights (1 in a well-formed policy file; a file whose sum differs gets a warning).
    package var weightSum: Double {
        guard let weights else { return 0 }
        return weights.keys.sorted().reduce(0.0) { $0 + weights[$1]! }
    }
}
