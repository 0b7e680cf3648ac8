import Foundation
import Testing

import RotaCore
import RotaFormat

/// The files in `instances/`: every one decodes and round-trips, and each edge case has its edge.
@Suite struct FormatBundledInstancesTests {
    static var instancesFolder: URL { FormatSupport.repositoryRoot.appendingPathComponent("instances") }

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: instancesFolder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    func load(_ name: String) throws -> Instance {
        try RotaJSON.loadInstance(from: Self.instancesFolder.appendingPathComponent(name).path)
    }

    @Test func theFolderHasTheBundledInstances() {
        for name in ["seed.json", "edge-unavailable.json", "edge-rolling.json", "edge-existing.json", "edge-infeasible.json"] {
            #expect(Self.files.contains(name), "\(name)")
        }
    }

    @Test(arguments: files)
    func decodesAndRoundTrips(_ name: String) throws {
        let instance = try load(name)
        #expect(try RotaJSON.decodeInstance(RotaJSON.encode(instance)) == instance)
        #expect(instance.name == String(name.dropLast(5)))
        _ = PlanningProblem(instance)
    }

    @Test func seedHasTheAdvertisedShape() throws {
        let seed = try load("seed.json")
        #expect(seed.start == Day(iso: "2026-12-01"))
        #expect(seed.horizonDays == 60)
        #expect(seed.accounts.count == 5)
        #expect(seed.accounts.allSatisfy { $0.dailyLimit == 3 })
        #expect(seed.rules.sameItemPerAccountPerDay == 1)
        #expect(seed.rules.reviewLagDays == 4)
        let lines = seed.resolvedLines
        #expect((35...45).contains(lines.count))
        let copies = Dictionary(grouping: lines, by: \.item).mapValues(\.count)
        #expect((10...14).contains(copies.count))
        #expect(copies.values.contains { $0 > seed.accounts.count })
        #expect(seed.policy?.weights != nil)
        #expect(seed.policy?.slaTierDays != nil)
        #expect(seed.orders.contains { $0.dueDate != nil })
        #expect(seed.orders.contains { $0.slaTier != nil && $0.dueDate == nil })
        #expect(seed.orders.contains { $0.indices != nil })
        #expect(lines.filter { $0.due != nil }.count >= 10)
    }

    @Test func edgeUnavailableHasDaysOff() throws {
        let instance = try load("edge-unavailable.json")
        #expect(instance.accounts.contains { !$0.unavailable.isEmpty })
    }

    @Test func edgeRollingHasBindingWindows() throws {
        let instance = try load("edge-rolling.json")
        let lines = instance.resolvedLines.count
        for account in instance.accounts {
            let rolling = try #require(account.rolling)
            let hard = try #require(rolling.hard)
            #expect(try #require(rolling.soft) < hard)
            #expect(hard < (account.dailyLimit ?? .max) * rolling.days)
        }
        // Without the windows, all lines fit in the first days; with them they cannot.
        #expect(lines > instance.accounts.compactMap { $0.rolling?.hard }.reduce(0, +))
    }

    @Test func edgeExistingHasEveryKindOfHistory() throws {
        let instance = try load("edge-existing.json")
        let tasks = instance.existing
        #expect(tasks.contains { $0.status == .completed && $0.kind == .purchase })
        #expect(tasks.contains { $0.status == .completed && $0.kind == .review })
        #expect(tasks.contains { $0.status == .pending })
        #expect(tasks.contains { $0.status == .missed && $0.kind == .purchase })
        // A missed review whose purchase is completed.
        let missedReview = try #require(tasks.first { $0.status == .missed && $0.kind == .review })
        #expect(tasks.contains { $0.line == missedReview.line && $0.kind == .purchase && $0.status == .completed })
        let problem = PlanningProblem(instance)
        #expect(problem.need.contains(.done))
        #expect(problem.need.contains(.purchaseAndReview))
        #expect(problem.need.contains { if case .review = $0 { true } else { false } })
    }

    @Test func edgeInfeasibleHasALineThatCannotFinish() throws {
        let instance = try load("edge-infeasible.json")
        let hopeless = instance.resolvedLines.filter { line in
            let earliest = max(instance.start, line.earliest ?? instance.start)
            return earliest + line.lag >= instance.end
        }
        #expect(!hopeless.isEmpty)
        #expect(hopeless.count < instance.resolvedLines.count)
    }
}
