import Testing
import RotaCore
import RotaEvaluation

@Suite struct ScoringObjectiveTests {
    static func metrics(
        unscheduled: Int = 0, makespan: Int = 10, lateness: Double = 0, load: Int = 5, spread: Int = 1,
        overruns: Int = 0
    ) -> PlanMetrics {
        PlanMetrics(
            unscheduled: unscheduled, makespan: makespan, weightedLateness: lateness, lateLines: 0, slaAdherence: [],
            largestLoad: load, spread: spread, softOverruns: overruns, purchases: 0, reviews: 0, accountLoads: [],
            dayLoads: [])
    }

    @Test func defaultIsLexicographic() {
        let objective = Objective()
        #expect(objective == .default)
        // Fewer lines left out wins over any makespan.
        #expect(objective.compare(Self.metrics(unscheduled: 0, makespan: 90), Self.metrics(unscheduled: 1, makespan: 5)) == .better)
        #expect(objective.compare(Self.metrics(makespan: 11), Self.metrics(makespan: 10)) == .worse)
        #expect(objective.compare(Self.metrics(lateness: 2, load: 3), Self.metrics(lateness: 3, load: 1)) == .better)
        #expect(objective.compare(Self.metrics(load: 4, spread: 9), Self.metrics(load: 5, spread: 0)) == .better)
        #expect(objective.compare(Self.metrics(spread: 2), Self.metrics(spread: 1)) == .worse)
        #expect(objective.compare(Self.metrics(overruns: 3), Self.metrics(overruns: 0)) == .equal)
        #expect(objective.value(Self.metrics(unscheduled: 1, makespan: 7, lateness: 0.5, load: 4, spread: 2)) == [1, 7, 0.5, 4, 2])
    }

    @Test func comparesWithTolerance() {
        let objective = Objective.default
        let a = Self.metrics(lateness: 1000.0, spread: 1)
        let b = Self.metrics(lateness: 1000.0 + 1e-8, spread: 2)
        // 1e-8 on 1000 is below `Objective.tolerance` relative: lateness ties, spread decides.
        #expect(objective.compare(a, b) == .better)
        #expect(objective.compare(Self.metrics(lateness: 0), Self.metrics(lateness: 1e-12)) == .equal)
        #expect(objective.compare(Self.metrics(lateness: 0), Self.metrics(lateness: 1e-7)) == .equal)
        #expect(objective.compare(Self.metrics(lateness: 0), Self.metrics(lateness: 1e-5)) == .better)
        #expect(objective.compare(Self.metrics(lateness: 1e6), Self.metrics(lateness: 1e6 + 0.5)) == .equal)
        #expect(objective.compare(Self.metrics(lateness: 1e6), Self.metrics(lateness: 1e6 + 2)) == .better)
    }

    @Test func userOrder() {
        let objective = Objective.lexicographic([.spread, .makespan])
        #expect(objective.compare(Self.metrics(unscheduled: 3, spread: 0), Self.metrics(unscheduled: 0, spread: 1)) == .better)
        #expect(objective.value(Self.metrics(makespan: 4, spread: 2)) == [2, 4])
    }

    @Test func weightedSum() {
        let objective = Objective.weighted([.makespan: 1, .weightedLateness: 0.1])
        #expect(objective.value(Self.metrics(makespan: 10, lateness: 20)) == [12])
        // 10 + 2 = 12 against 11 + 0.5 = 11.5.
        #expect(objective.compare(Self.metrics(makespan: 10, lateness: 20), Self.metrics(makespan: 11, lateness: 5)) == .worse)
        #expect(objective.compare(Self.metrics(makespan: 10, lateness: 10), Self.metrics(makespan: 11, lateness: 0)) == .equal)
    }

    @Test func changesTerm() {
        var m = Self.metrics()
        #expect(ObjectiveLevel.changes.value(of: m) == 0)
        m.changes = PlanChanges(
            added: [TaskSlot(line: "l", kind: .review, account: "a", date: Day(ordinal: 0))],
            removed: [TaskSlot(line: "k", kind: .review, account: "a", date: Day(ordinal: 0))])
        #expect(ObjectiveLevel.changes.value(of: m) == 2)
    }

    @Test func parsesLexicographic() throws {
        #expect(try Objective(parsing: "unscheduled,makespan,lateness,load,spread") == .default)
        #expect(try Objective(parsing: " makespan , weighted-lateness,largestLoad ") == .lexicographic([.makespan, .weightedLateness, .largestLoad]))
        #expect(try Objective(parsing: "lexicographic:spread,overruns,late,changes") == .lexicographic([.spread, .softOverruns, .lateLines, .changes]))
        #expect(Objective.default.text == "unscheduled,makespan,lateness,load,spread")
    }

    @Test func parsesWeighted() throws {
        let objective = try Objective(parsing: "weighted:makespan=1,lateness=0.1")
        #expect(objective == .weighted([.makespan: 1, .weightedLateness: 0.1]))
        #expect(try Objective(parsing: objective.text) == objective)
        #expect(try Objective(parsing: "Weighted: spread = 2e-1") == .weighted([.spread: 0.2]))
    }

    @Test(arguments: [
        ("makespan,foo", ObjectiveParseError.unknownTerm("foo"), "unknown objective term \"foo\""),
        ("weighted:makespan=1,bar=2", .unknownTerm("bar"), "\"bar\""),
        ("weighted:makespan=abc", .badWeight(term: "makespan", text: "abc"), "weight \"abc\" of objective term \"makespan\""),
        ("weighted:makespan=inf", .badWeight(term: "makespan", text: "inf"), "not a finite number"),
        ("weighted:lateness", .missingWeight(term: "lateness"), "\"lateness\" needs a weight"),
        ("makespan,makespan", .duplicateTerm("makespan"), "\"makespan\" appears twice"),
        ("weighted:spread=1,spread=2", .duplicateTerm("spread"), "\"spread\" appears twice"),
        ("", .empty(""), "names no term"),
        ("weighted:", .empty("weighted:"), "names no term"),
        ("makespan,,spread", .emptyTerm("makespan,,spread"), "empty term"),
    ])
    func rejects(_ text: String, _ expected: ObjectiveParseError, _ message: String) {
        #expect(throws: expected) { try Objective(parsing: text) }
        #expect(expected.description.contains(message))
    }

    @Test func unknownTermMessageListsKnownTerms() {
        let message = ObjectiveParseError.unknownTerm("foo").description
        #expect(message == "unknown objective term \"foo\"; known terms: unscheduled, makespan, lateness, late, load, spread, overruns, changes")
    }
}
