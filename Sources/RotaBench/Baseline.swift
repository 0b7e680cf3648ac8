import RotaCore
import RotaFormat
import RotaEvaluation

/// What the regression gate checks against (`results/baseline.json`): for every instance file
/// and solver, the metrics of the plan made under a deterministic work limit, with the
/// objective that ranks plans and a digest of each instance so a changed file is noticed.
package struct Baseline: Hashable, Sendable {
    package static let formatTag = "rota-baseline/1"

    /// How plans are ranked (FORMAT.md's lexicographic order by default).
    package var objective: Objective
    /// Search nodes every solver was given (`SolveOptions.nodeLimit`); never a time limit.
    package var nodeLimit: Int
    /// Search solvers (`needsSearchLimit`) only ran on instances up to this many lines.
    package var searchMaxLines: Int
    /// The folder of the instance files, as given when the baseline was made.
    package var instances: String
    /// rota's version and commit when the baseline was made (for people; never compared).
    package var madeBy: String?
    package var entries: [BaselineEntry]

    package init(
        objective: Objective = .default, nodeLimit: Int, searchMaxLines: Int, instances: String, madeBy: String? = nil,
        entries: [BaselineEntry]
    ) {
        self.objective = objective
        self.nodeLimit = nodeLimit
        self.searchMaxLines = searchMaxLines
        self.instances = instances
        self.madeBy = madeBy
        self.entries = entries
    }
}

/// One plan of the baseline: the instance file (relative to the baseline's folder), its
/// digest, the solver, and the plan's metrics.
package struct BaselineEntry: Hashable, Sendable {
    package var instance: String
    /// `InstanceDigest` of the instance when the baseline was made.
    package var digest: String
    package var solver: String
    /// The solver's status (`heuristic`, `optimal`, `node-limit`…), for people.
    package var status: String
    package var metrics: BaselineMetrics

    package init(instance: String, digest: String, solver: String, status: String, metrics: BaselineMetrics) {
        self.instance = instance
        self.digest = digest
        self.solver = solver
        self.status = status
        self.metrics = metrics
    }
}

/// The metrics a baseline keeps: every objective term of FORMAT.md's quality section except
/// `changes` (there is no previous plan), and the per-tier SLA adherence (absent from
/// baselines made before it was recorded).
package struct BaselineMetrics: Hashable, Sendable {
    package var unscheduled: Int
    package var makespan: Int
    package var weightedLateness: Double
    package var lateLines: Int
    package var largestLoad: Int
    package var spread: Int
    package var softOverruns: Int
    package var purchases: Int
    package var reviews: Int
    /// Per SLA tier, as `PlanMetrics.slaAdherence`; `nil` in an older baseline.
    package var slaAdherence: [TierAdherence]?

    package init(
        unscheduled: Int, makespan: Int, weightedLateness: Double, lateLines: Int, largestLoad: Int, spread: Int,
        softOverruns: Int, purchases: Int, reviews: Int
    ) {
        self.unscheduled = unscheduled
        self.makespan = makespan
        self.weightedLateness = weightedLateness
        self.lateLines = lateLines
        self.largestLoad = largestLoad
        self.spread = spread
        self.softOverruns = softOverruns
        self.purchases = purchases
        self.reviews = reviews
    }

    package init(_ m: PlanMetrics) {
        self.init(
            unscheduled: m.unscheduled, makespan: m.makespan, weightedLateness: m.weightedLateness,
            lateLines: m.lateLines, largestLoad: m.largestLoad, spread: m.spread, softOverruns: m.softOverruns,
            purchases: m.purchases, reviews: m.reviews)
        self.slaAdherence = m.slaAdherence
    }

    /// As `PlanMetrics` (SLA tiers when recorded; no loads or changes), for `Objective.compare`
    /// and the KPI gate.
    package var planMetrics: PlanMetrics {
        PlanMetrics(
            unscheduled: unscheduled, makespan: makespan, weightedLateness: weightedLateness, lateLines: lateLines,
            slaAdherence: slaAdherence ?? [], largestLoad: largestLoad, spread: spread, softOverruns: softOverruns,
            purchases: purchases, reviews: reviews, accountLoads: [], dayLoads: [])
    }
}

/// A short fingerprint of an instance's content: FNV-1a (64 bits) of its canonical JSON
/// (`RotaJSON.encode`), so reformatting a file does not change it and any edit does.
package enum InstanceDigest {
    package static func of(_ instance: Instance) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in RotaJSON.encode(instance) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }
}
