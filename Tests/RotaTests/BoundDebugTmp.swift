import Testing
@testable import Rota

@Suite struct BoundDebugTmp {
    @Test(arguments: [129, 246, 266, 285, 585, 836] as [UInt64]) func dump(_ seed: UInt64) {
        let instance = TinyInstances.make(seed: seed)
        var brute = BruteForce(instance)
        let optimum = brute.solve()
        let bound = LowerBounds.compute(PlanningProblem(instance))
        var out = "SEED \(seed) H=\(instance.horizonDays) rules=\(instance.rules)\n"
        for a in instance.accounts { out += "  acct \(a.id) limit=\(String(describing: a.dailyLimit)) off=\(a.unavailable.map { $0 - instance.start }) rolling=\(String(describing: a.rolling))\n" }
        for l in instance.resolvedLines { out += "  line \(l.id) item=\(l.item) earliest=\(l.earliest.map { $0 - instance.start } as Any) lag=\(l.lag)\n" }
        for t in instance.existing { out += "  hist \(t.kind) \(t.line) \(t.account) \(t.date - instance.start) \(t.status)\n" }
        out += "  bound \(bound.unscheduled),\(bound.makespan) \(bound.parts.sorted { $0.key < $1.key })\n  opt \(optimum.unscheduled),\(optimum.makespan) \(optimum.choices)\n"
        print(out)
    }
}
