import Rota

/// Runs one (vector, instance) pair: the instance's policy weights replaced by the vector
/// (its SLA tiers kept), planned with the named solver within its work limits, and scored.
package enum SweepRunner {
    /// The status of a run that produced no valid plan (the solver threw, or broke a rule).
    static let failedStatus = "failed"

    /// One run to do.
    package struct Task: Sendable {
        package var run: Int
        package var vector: Int
        package var weights: WeightVector
        package var instance: SweepInstances.Entry
    }

    /// The result members of a run: `status`, `seconds` and the flattened KPIs (or `error`).
    package static func result(
        of instance: Instance, weights: WeightVector, solver name: String, nodeLimit: Int?
    ) -> [(key: String, value: JSONValue)] {
        var instance = instance
        instance.policy = Policy(weights: weights.weights, slaTierDays: instance.policy?.slaTierDays)
        guard let solver = SolverCatalog.solver(named: name) else {
            return failure("unknown solver '\(name)'", seconds: 0)
        }
        let outcome: PlanningOutcome
        do {
            outcome = try Planner().plan(instance, with: solver, options: SolveOptions(nodeLimit: nodeLimit))
        } catch {
            return failure("solver \(name) failed: \(error)", seconds: 0)
        }
        guard outcome.validation.isFeasible else {
            let rules = Set(outcome.validation.violations.map(\.rule)).sorted().map(String.init).joined(separator: ", ")
            return failure("solver \(name) produced a plan that breaks rule(s) \(rules)", seconds: outcome.run.seconds)
        }
        let score = RotaJSON.jsonValue(
            outcome.metrics, bound: outcome.bound, feasible: true, lateness: outcome.lateness)
        var members: [(key: String, value: JSONValue)] = [
            (key: "status", value: .string(outcome.run.status.rawValue)),
            (key: "seconds", value: .number(outcome.run.seconds)),
        ]
        flatten(score, into: &members)
        return members
    }

    /// The full line of a task whose result members are `result`.
    static func record(_ task: Task, solver: String, result: [(key: String, value: JSONValue)]) -> SweepRecord {
        let members: [(key: String, value: JSONValue)] = [
            (key: "run", value: .integer(task.run)),
            (key: "vector", value: .integer(task.vector)),
            (key: "weights", value: task.weights.json),
            (key: "instance", value: .string(task.instance.name)),
            (key: "digest", value: .string(task.instance.digest)),
            (key: "solver", value: .string(solver)),
        ]
        return SweepRecord(run: task.run, vector: task.vector, members: members + result)
    }

    package static func failure(_ message: String, seconds: Double) -> [(key: String, value: JSONValue)] {
        [
            (key: "status", value: .string(failedStatus)),
            (key: "seconds", value: .number(seconds)),
            (key: "error", value: .string(message)),
        ]
    }

    /// `score --json` as flat members: `metrics.*` without the prefix, other objects with
    /// theirs (`lowerBound.makespan`); `slaAdherence` as `sla.TIER` (the share),
    /// `sla.TIER.lines` and `sla.TIER.onTime`; the per-account and per-day load lists left out.
    static func flatten(_ score: JSONValue, into members: inout [(key: String, value: JSONValue)]) {
        func walk(_ value: JSONValue, prefix: String) {
            guard case .object(let fields) = value else { return }
            for field in fields {
                let name = prefix.isEmpty ? field.key : prefix + "." + field.key
                switch field.value {
                case .object:
                    walk(field.value, prefix: field.key == "metrics" && prefix.isEmpty ? "" : name)
                case .array(let tiers) where field.key == "slaAdherence":
                    for tier in tiers {
                        guard let tierName = tier["tier"]?.stringValue else { continue }
                        if let share = tier["share"] { members.append((key: "sla." + tierName, value: share)) }
                        if let lines = tier["lines"] { members.append((key: "sla.\(tierName).lines", value: lines)) }
                        if let onTime = tier["onTime"] { members.append((key: "sla.\(tierName).onTime", value: onTime)) }
                    }
                case .array:
                    continue
                default:
                    members.append((key: name, value: field.value))
                }
            }
        }
        walk(score, prefix: "")
    }
}
