import Testing

@testable import RotaCore
@testable import RotaEvaluation

/// The validator and the scorer try each task's line and account next to the previous
/// task's before asking a dictionary; the answers must not depend on the order of the tasks,
/// on ids listed twice, or on whether a guess hits.
@Suite struct ValidationLookupTests {
    /// The large case with a few faults: a review naming no purchase, a task of an unknown
    /// line, a purchase by an unknown account. (A task id used twice makes the report depend
    /// on which task comes first, by design: see `duplicateIDsAreFoundAsBefore`.)
    static func faultyCase() -> (Instance, Plan) {
        var (instance, plan) = ValidationScaleTests.largeCase(lineCount: 2_000)
        plan.tasks[7].after = "nowhere"
        plan.tasks[20].line = "no-such-line"
        plan.tasks[60].account = "no-such-account"
        // A line listed twice in the instance (its first entry wins).
        instance.orders[0].lines.append(instance.orders[0].lines[0])
        return (instance, plan)
    }

    /// What each violation is about: rule, day, tasks and lines (both sorted by id).
    static func summary(_ report: ValidationReport) -> [String] {
        report.violations.map { "\($0.rule) \($0.day.map(\.iso) ?? "-") \($0.tasks) \($0.lines)" }
    }

    @Test func reportsDoNotDependOnTaskOrder() {
        let (instance, plan) = Self.faultyCase()
        var reversed = plan
        reversed.tasks.reverse()
        var shuffled = plan
        var generator = SplitMix(seed: 11)
        shuffled.tasks.shuffle(using: &generator)
        let expected = Self.summary(Validator().validate(plan, against: instance))
        #expect(!expected.isEmpty)
        #expect(Self.summary(Validator().validate(reversed, against: instance)).sorted() == expected.sorted())
        #expect(Self.summary(Validator().validate(shuffled, against: instance)).sorted() == expected.sorted())
    }

    @Test func duplicateIDsAreFoundAsBefore() {
        var (instance, plan) = Self.faultyCase()
        plan.tasks[41].id = plan.tasks[40].id  // the review of line 20 takes its purchase's id
        instance.name = "duplicates"
        let report = Validator().validate(plan, against: instance)
        #expect(report.violations.contains { $0.message == "task id P:20 is used by 2 tasks" })
        // The review's `after` names the first task with the id, its purchase: no complaint.
        #expect(!report.violations.contains { $0.message.hasPrefix("review P:20 follows") })
    }

    @Test func metricsDoNotDependOnTaskOrder() {
        let (instance, plan) = Self.faultyCase()
        var shuffled = plan
        var generator = SplitMix(seed: 5)
        shuffled.tasks.shuffle(using: &generator)
        #expect(Scorer().score(shuffled, for: instance) == Scorer().score(plan, for: instance))
    }

    @Test func dayLoadsOverAFarSpanAreCountedAlike() {
        let (instance, original) = ValidationScaleTests.largeCase(lineCount: 200)
        var plan = original
        let near = Scorer().score(plan, for: instance).dayLoads
        plan.tasks[0].date = Day(ordinal: 2_000_000)
        let far = Scorer().score(plan, for: instance).dayLoads
        #expect(far.last?.day == Day(ordinal: 2_000_000))
        #expect(far.last?.purchases == 1)
        #expect(far.reduce(0) { $0 + $1.purchases + $1.reviews } == near.reduce(0) { $0 + $1.purchases + $1.reviews })
    }
}

/// A small seeded generator for shuffles in tests.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
