import Testing
import RotaCore
import RotaFormat
import Rota

/// Instance families: deterministic per (family, seed), sizes and rules as documented, valid
/// through the JSON round trip, and every catalog solver's plans valid on the small ones.
@Suite struct FamilyTests {
    /// Families cheap enough to build many times in unit tests.
    static let everyday: [InstanceFamily] = [.seed, .tiny, .small, .medium, .tight, .crunch, .resched, .mipMedium]

    @Test(arguments: everyday)
    func sameSeedSameInstance(_ family: InstanceFamily) {
        for seed: UInt64 in [0, 1, 2, 99] {
            #expect(family.generate(seed: seed) == family.generate(seed: seed), "\(family.rawValue) seed \(seed)")
        }
    }

    @Test(arguments: everyday)
    func seedsDiffer(_ family: InstanceFamily) {
        var a = family.generate(seed: 1)
        var b = family.generate(seed: 2)
        #expect(a.name == "\(family.rawValue)-1")
        #expect(b.name == "\(family.rawValue)-2")
        a.name = nil
        b.name = nil
        #expect(a != b)
    }

    @Test(arguments: everyday)
    func jsonRoundTripGivesAValidInstance(_ family: InstanceFamily) throws {
        for seed: UInt64 in 1...3 {
            let instance = family.generate(seed: seed)
            let decoded: Instance
            do {
                decoded = try RotaJSON.decodeInstance(RotaJSON.encode(instance), file: "\(family.rawValue)-\(seed)")
            } catch {
                Issue.record("\(family.rawValue) seed \(seed) does not decode: \(error.description)")
                continue
            }
            #expect(decoded == instance, "\(family.rawValue) seed \(seed) changes through JSON")
            #expect(InstanceChecker.check(decoded).isEmpty)
        }
    }

    @Test func familiesHaveTheirSizes() {
        for seed: UInt64 in 1...5 {
            let small = InstanceFamily.small.generate(seed: seed)
            #expect((10...20).contains(small.accounts.count))
            #expect((100...300).contains(small.resolvedLines.count))

            let medium = InstanceFamily.medium.generate(seed: seed)
            #expect(medium.accounts.count == 50)
            let lines = medium.resolvedLines
            #expect((1_000...3_000).contains(lines.count))
            var perItem: [ItemID: Int] = [:]
            for line in lines { perItem[line.item, default: 0] += 1 }
            #expect((perItem.values.max() ?? 0) > medium.accounts.count, "some item wanted more often than there are accounts")
            #expect(medium.accounts.contains { !$0.unavailable.isEmpty })
            #expect(medium.orders.contains { $0.dueDate != nil })
            #expect(medium.orders.contains { $0.slaTier != nil })
            #expect(lines.contains { $0.earliest != nil })

            let tiny = InstanceFamily.tiny.generate(seed: seed)
            #expect(tiny.accounts.count <= 3 && tiny.resolvedLines.count <= 8 && tiny.horizonDays <= 10)
        }
    }

    /// Item demand as the shapes promise it: every item on about the same number of lines,
    /// a share `shares` of the accounts.
    static func expectEvenDemand(_ instance: Instance, shares: ClosedRange<Double>) {
        var perItem: [ItemID: Int] = [:]
        for line in instance.resolvedLines { perItem[line.item, default: 0] += 1 }
        let counts = perItem.values
        let accounts = Double(instance.accounts.count)
        #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1, "\(instance.name ?? ""): items dealt evenly")
        #expect(counts.allSatisfy { shares.contains(Double($0) / accounts) }, "\(instance.name ?? ""): \(counts.sorted())")
        #expect(counts.allSatisfy { $0 <= instance.accounts.count }, "never more wanted than there are accounts")
    }

    /// Issue 10's tight shape: 25–30 accounts, 200–400 lines, limits 1–5, 25% days off, hard
    /// rolling caps 2–4 × the limit, one of an item per account, 2–3 reviews a day, 10–16 items
    /// each wanted by 80–100% of the accounts.
    @Test func tightStressesEveryCap() {
        var limits = Set<Int>()
        for seed: UInt64 in 1...8 {
            let tight = InstanceFamily.tight.generate(seed: seed)
            #expect((25...30).contains(tight.accounts.count))
            #expect((200...400).contains(tight.resolvedLines.count))
            #expect((10...16).contains(Set(tight.resolvedLines.map(\.item)).count))
            #expect(tight.rules.sameItemPerAccount == 1)
            #expect((2...3).contains(tight.rules.reviewsPerAccountPerDay ?? 0))
            for account in tight.accounts {
                let limit = account.dailyLimit ?? 0
                limits.insert(limit)
                let hard = account.rolling?.hard ?? 0
                #expect(hard % limit == 0 && (2...4).contains(hard / limit), "hard cap \(hard) for limit \(limit)")
            }
            let daysOff = tight.accounts.reduce(0) { $0 + $1.unavailable.count }
            let share = Double(daysOff) / Double(tight.accounts.count * tight.horizonDays)
            #expect(share > 0.18 && share < 0.32, "about 25% days off: \(share)")
            Self.expectEvenDemand(tight, shares: 0.76...1.0)
        }
        #expect(limits == Set(1...5), "uneven daily limits: \(limits.sorted())")
    }

    /// The crunch shape: 40–70 accounts, 1,500–2,500 lines, hard rolling caps of 2–4 × the
    /// daily limit a week, 1–2 reviews a day, one of an item per account, items wanted by most.
    @Test func crunchBindsRollingAndReviewCaps() throws {
        for seed: UInt64 in 1...4 {
            let crunch = InstanceFamily.crunch.generate(seed: seed)
            #expect((40...70).contains(crunch.accounts.count))
            #expect((1_500...2_500).contains(crunch.resolvedLines.count))
            #expect(crunch.rules.sameItemPerAccount == 1)
            #expect((1...2).contains(crunch.rules.reviewsPerAccountPerDay ?? 0))
            for account in crunch.accounts {
                let limit = try #require(account.dailyLimit)
                let rolling = try #require(account.rolling)
                #expect(rolling.days == 7 && rolling.soft == nil)
                let hard = try #require(rolling.hard)
                #expect(hard % limit == 0 && (2...4).contains(hard / limit), "binding: below 7 days × the limit")
            }
            Self.expectEvenDemand(crunch, shares: 0.70...1.0)
        }
    }

    /// Greedy plans the new shapes in full and validly within their horizons.
    @Test(arguments: [(InstanceFamily.tight, UInt64(1)), (.tight, 2), (.tight, 3), (.crunch, 1)])
    func newShapesAreFeasible(_ family: InstanceFamily, _ seed: UInt64) throws {
        let instance = family.generate(seed: seed)
        let entry = try #require(SolverCatalog.entries.first { $0.name == "greedy" })
        let outcome = try Planner().plan(instance, with: entry.make(), options: SolveOptions())
        #expect(outcome.validation.isFeasible)
        #expect(outcome.metrics.unscheduled == 0, "\(family.rawValue)-\(seed): the horizon is long enough")
    }

    @Test func reschedCarriesHistory() {
        var statuses = Set<TaskStatus>()
        for seed: UInt64 in 1...3 {
            let instance = InstanceFamily.resched.generate(seed: seed)
            #expect(!instance.existing.isEmpty)
            statuses.formUnion(instance.existing.map(\.status))
        }
        #expect(statuses == [.completed, .missed, .pending])
    }

    @Test func mipShapesMatchIssueThree() {
        let medium = InstanceFamily.mipMedium.generate(seed: 1)
        #expect(medium.accounts.count == 50)
        #expect(medium.resolvedLines.count == 2_000)
        #expect(Set(medium.resolvedLines.map(\.item)).count <= 300)
        #expect(medium.horizonDays == 30)
        #expect(medium.accounts.allSatisfy { $0.rolling?.hard != nil && $0.rolling?.soft == nil })
        #expect(medium.accounts.contains { !$0.unavailable.isEmpty })

        let large = InstanceFamily.mipLarge.shape(seed: 1)
        #expect(large.accounts == 200 && large.lines == 20_000)
    }

    /// `large` and `huge` are only checked through their shapes here (the benchmark builds them).
    @Test func bigFamiliesShapes() {
        for seed: UInt64 in 1...3 {
            let large = InstanceFamily.large.shape(seed: seed)
            #expect(large.accounts == 200 && (19_000...21_000).contains(large.lines))
            let huge = InstanceFamily.huge.shape(seed: seed)
            #expect(huge.accounts == 1_000 && huge.lines == 500_000)
            #expect(InstanceFamily.huge.shape(seed: seed) == huge)
        }
    }

    @Test func rescaledFamilies() {
        let shape = InstanceFamily.scaled(InstanceFamily.huge.shape(seed: 1), toLines: 1_000)
        #expect(shape.lines == 1_000)
        #expect(shape.accounts == 2)
        #expect(shape.items == 40)
        let instance = InstanceFamily.huge.generate(seed: 1, lines: 1_000)
        #expect(instance.resolvedLines.count == 1_000)
        #expect(instance.accounts.count == 2)
        #expect(InstanceFamily.scaled(shape, toLines: 0).accounts == 1, "never fewer than one account")
    }

    @Test func namesAreUniqueAndParse() {
        #expect(Set(InstanceFamily.names).count == InstanceFamily.allCases.count)
        #expect(InstanceFamily(named: "mip-medium") == .mipMedium)
        #expect(InstanceFamily(named: "TIGHT") == .tight)
        #expect(InstanceFamily(named: "enormous") == nil)
        #expect(InstanceFamily.allCases.allSatisfy { !$0.summary.isEmpty })
    }

    /// Every catalog solver's plan is valid on the small families, and never beats the bound.
    /// Search solvers (`needsSearchLimit`) get a node and time limit here.
    @Test(arguments: SolverCatalog.entries.map(\.name))
    func everySolverMakesValidPlans(_ solver: String) throws {
        let entry = try #require(SolverCatalog.entries.first { $0.name == solver })
        var cases: [(InstanceFamily, UInt64)] = [(.seed, 1), (.tight, 1), (.resched, 1), (.small, 1)]
        cases += (1...5).map { (.tiny, UInt64($0)) }
        if !entry.needsSearchLimit {
            cases += [(.seed, 2), (.tight, 2), (.tight, 3), (.resched, 2), (.resched, 3), (.small, 2), (.medium, 1)]
        }
        let options = entry.needsSearchLimit ? SolveOptions(timeLimit: 2, nodeLimit: 100) : SolveOptions()
        for (family, seed) in cases {
            // `tight` here is the compact shape (CompactTight): the MIP of issue 10's shape takes minutes.
            let instance = family == .tight ? CompactTight.generate(seed: seed) : family.generate(seed: seed)
            let outcome = try Planner().plan(instance, with: entry.make(), options: options)
            let label = "\(solver) on \(family.rawValue)-\(seed)"
            #expect(outcome.validation.isFeasible, "\(label): \(outcome.validation.violations.prefix(3).map(\.message))")
            #expect(outcome.metrics.unscheduled >= outcome.bound.unscheduled, "\(label)")
            if outcome.metrics.unscheduled == outcome.bound.unscheduled {
                #expect(outcome.metrics.makespan >= outcome.bound.makespan, "\(label)")
            }
            #expect(outcome.plan.unscheduled.allSatisfy { !$0.reason.isEmpty }, "\(label)")
        }
    }
}
