import RotaCore
import RotaFormat
import RotaEvaluation

/// What the regression gate checks against (`results/baseline.json`): for every instance file
/// and solver, the metrics of the plan made under a deterministic work limit, with the
/// objective that ranks plans and a digest of each instance so a changed file is noticed.
public struct Baseline: Hashable, Sendable {
    public static let formatTag = "rota-baseline/1"

    /// How plans are ranked (FORMAT.md's lexicographic order by default).
    public var objective: Objective
    /// Search nodes every solver was given (`SolveOptions.nodeLimit`); never a time limit.
    public var nodeLimit: Int
    /// Search solvers (`needsSearchLimit`) only ran on instances up to this many lines.
    public var searchMaxLines: Int
    /// The folder of the instance files, as given when the baseline was made.
    public var instances: String
    /// rota's version and commit when the baseline was made (for people; never compared).
    public var madeBy: String?
    public var entries: [BaselineEntry]

    public init(
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
public struct BaselineEntry: Hashable, Sendable {
    public var instance: String
    /// `InstanceDigest` of the instance when the baseline was made.
    public var digest: String
    public var solver: String
    /// The solver's status (`heuristic`, `optimal`, `node-limit`…), for people.
    public var status: String
    public var metrics: BaselineMetrics

    public init(instance: String, digest: String, solver: String, status: String, metrics: BaselineMetrics) {
        self.instance = instance
        self.digest = digest
        self.solver = solver
        self.status = status
        self.metrics = metrics
    }
}

/// The metrics a baseline keeps: every objective term of FORMAT.md's quality section except
/// `changes` (there is no previous plan) and the per-tier SLA shares.
public struct BaselineMetrics: Hashable, Sendable {
    public var unscheduled: Int
    public var makespan: Int
    public var weightedLateness: Double
    public var lateLines: Int
    public var largestLoad: Int
    public var spread: Int
    public var softOverruns: Int
    public var purchases: Int
    public var reviews: Int

    public init(
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

    public init(_ m: PlanMetrics) {
        self.init(
            unscheduled: m.unscheduled, makespan: m.makespan, weightedLateness: m.weightedLateness,
            lateLines: m.lateLines, largestLoad: m.largestLoad, spread: m.spread, softOverruns: m.softOverruns,
            purchases: m.purchases, reviews: m.reviews)
    }

    /// As `PlanMetrics` (no SLA tiers, loads or changes), for `Objective.compare`.
    public var planMetrics: PlanMetrics {
        PlanMetrics(
            unscheduled: unscheduled, makespan: makespan, weightedLateness: weightedLateness, lateLines: lateLines,
            slaAdherence: [], largestLoad: largestLoad, spread: spread, softOverruns: softOverruns,
            purchases: purchases, reviews: reviews, accountLoads: [], dayLoads: [])
    }
}

/// A short fingerprint of an instance's content: FNV-1a (64 bits) of its canonical JSON
/// (`RotaJSON.encode`), so reformatting a file does not change it and any edit does.
public enum InstanceDigest {
    public static func of(_ instance: Instance) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in RotaJSON.encode(instance) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }
}
