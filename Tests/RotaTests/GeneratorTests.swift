import Testing
import RotaCore
import RotaEvaluation
import Rota

@Suite struct GeneratorTests {
    @Test func splitMixIsReproducible() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        // The published SplitMix64 reference: the first output for seed 0.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func splitMixStaysInRange() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<2_000 {
            #expect((3...7).contains(rng.int(in: 3...7)))
            let u = rng.unit()
            #expect(u >= 0 && u < 1)
        }
        #expect(rng.int(in: 5...5) == 5)
        #expect(rng.int(in: Int.min...Int.max) != rng.int(in: Int.min...Int.max))
        #expect(rng.chance(0) == false)
        #expect(rng.chance(1) == true)
        #expect(rng.pick([Int]()) == nil)
    }

    @Test func sameSeedSameInstance() {
        var shapeRNG = SplitMix64(seed: 3)
        for _ in 0..<20 {
            let generator = InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &shapeRNG))
            #expect(generator.generate(seed: 11) == generator.generate(seed: 11))
        }
    }

    @Test func differentSeedsDiffer() {
        let generator = InstanceGenerator(shape: .init(accounts: 5, lines: 30, items: 10, unavailable: 0.1))
        let instances = (1...10).map { generator.generate(seed: UInt64($0)) }
        for i in instances.indices {
            for j in instances.indices where j > i {
                var a = instances[i]
                var b = instances[j]
                a.name = nil
                b.name = nil
                #expect(a != b)
            }
        }
    }

    @Test func shapeSizesAreRespected() {
        let shape = InstanceGenerator.Shape(
            name: "sized", accounts: 7, lines: 45, linesPerOrder: 2...4, items: 5, horizonDays: 40, dailyLimit: 2...3)
        let instance = InstanceGenerator(shape: shape).generate(seed: 5)
        #expect(instance.name == "sized-5")
        #expect(instance.accounts.count == 7)
        #expect(instance.resolvedLines.count == 45)
        #expect(instance.horizonDays == 40)
        #expect(Set(instance.resolvedLines.map(\.item)).count <= 5)
        #expect(instance.accounts.allSatisfy { ($0.dailyLimit ?? 0) >= 2 && ($0.dailyLimit ?? 0) <= 3 })
        #expect(instance.orders.dropLast().allSatisfy { (2...4).contains($0.lines.count) })
        // Ids are unique across the instance.
        #expect(Set(instance.orders.map(\.id)).count == instance.orders.count)
        #expect(Set(instance.resolvedLines.map(\.id)).count == 45)
        #expect(Set(instance.accounts.map(\.id)).count == 7)
    }

    @Test func skewFavoursTheFirstItems() {
        let shape = InstanceGenerator.Shape(lines: 2_000, items: 50, itemSkew: 1.2)
        let lines = InstanceGenerator(shape: shape).generate(seed: 1).resolvedLines
        let first = lines.filter { $0.item == "item-1" }.count
        let last = lines.filter { $0.item == "item-50" }.count
        #expect(first > 5 * max(1, last))
    }

    @Test func historyIsConsistent() throws {
        let shape = InstanceGenerator.Shape(
            accounts: 4, lines: 60, items: 10, horizonDays: 30, rolling: .init(days: 5...5, fill: 0.6),
            sameItemPerAccount: 2, reviewsPerAccountPerDay: 2, reviewLag: 3...3,
            history: .init(days: 8, lines: 0.6, missed: 0.3, pending: 0.7))
        var statuses = Set<TaskStatus>()
        for seed in 1...20 {
            let instance = InstanceGenerator(shape: shape).generate(seed: UInt64(seed))
            let lines = Dictionary(uniqueKeysWithValues: instance.resolvedLines.map { ($0.id, $0) })
            for task in instance.existing {
                statuses.insert(task.status)
                let line = try #require(lines[task.line])
                #expect(task.item == line.item && task.order == line.order)
                if task.status == .pending { #expect(task.date >= instance.start && task.date < instance.end) }
                if task.status != .pending { #expect(task.date < instance.start) }
                if task.kind == .purchase, task.status == .completed { #expect(line.earliest == nil) }
            }
            // Completed history obeys the caps by itself: an empty plan over it breaks nothing
            // besides lines without tasks (rule 1).
            let historyOnly = Plan(tasks: instance.existing.filter { $0.status != .pending })
            let report = Validator().validate(historyOnly, against: instance)
            #expect(report.brokenRules.allSatisfy { $0 == 1 }, "\(report.violations)")
            #expect(Set(instance.existing.map(\.id)).count == instance.existing.count)
        }
        #expect(statuses == [.completed, .missed, .pending])
    }

    @Test func randomShapesCoverEveryRule() {
        var rng = SplitMix64(seed: 1)
        var seen = Set<String>()
        for seed in 0..<300 {
            let instance = InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &rng)).generate(seed: UInt64(seed))
            #expect((1...8).contains(instance.accounts.count))
            #expect((1...60).contains(instance.resolvedLines.count))
            #expect((5...60).contains(instance.horizonDays))
            if instance.accounts.contains(where: { $0.rolling?.hard != nil }) { seen.insert("hard") }
            if instance.accounts.contains(where: { $0.rolling?.soft != nil }) { seen.insert("soft") }
            if instance.accounts.contains(where: { !$0.unavailable.isEmpty }) { seen.insert("unavailable") }
            if instance.accounts.contains(where: { $0.dailyLimit == nil }) { seen.insert("unlimited") }
            if instance.rules.sameItemPerAccount != nil { seen.insert("item total") }
            if instance.rules.sameItemPerAccountPerDay != 1 { seen.insert("item per day") }
            if instance.rules.reviewsPerAccountPerDay != nil { seen.insert("reviews") }
            if instance.orders.contains(where: { $0.lines.contains { $0.reviewLagDays != nil } }) { seen.insert("lag") }
            if instance.orders.contains(where: { $0.lines.contains { $0.earliest != nil } }) { seen.insert("earliest") }
            if instance.orders.contains(where: { $0.dueDate != nil }) { seen.insert("due") }
            if instance.orders.contains(where: { $0.slaTier != nil }) { seen.insert("sla") }
            if instance.orders.contains(where: { $0.indices != nil }) { seen.insert("indices") }
            for status in Set(instance.existing.map(\.status)) { seen.insert(status.rawValue) }
        }
        #expect(
            seen == [
                "hard", "soft", "unavailable", "unlimited", "item total", "item per day", "reviews", "lag", "earliest",
                "due", "sla", "indices", "completed", "missed", "pending",
            ])
    }
}
