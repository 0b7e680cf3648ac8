import Foundation
import Synchronization
import _GLPK

/// Small models with known answers, shared by the tests.
enum TestModels {
    /// max 3x + 2y  s.t.  x + y ≤ 4, x + 3y ≤ 6, x ≤ 3, x, y ≥ 0  → x = 3, y = 1, z = 11.
    static func textbookLP() throws -> LinearModel {
        let model = LinearModel()
        let x = try model.addColumn(name: "x", cost: 3)
        let y = try model.addColumn(name: "y", cost: 2)
        try model.setObjectiveDirection(.maximize)
        try model.addRow(name: "c1", terms: [(x, 1), (y, 1)], bounds: .atMost(4))
        try model.addRow(name: "c2", terms: [(x, 1), (y, 3)], bounds: .atMost(6))
        try model.addRow(name: "c3", terms: [(x, 1)], bounds: .atMost(3))
        return model
    }

    /// A 0-1 knapsack, maximising value within the capacity.
    static func knapsack(values: [Double], weights: [Double], capacity: Double) throws -> LinearModel {
        let model = LinearModel()
        try model.setObjectiveDirection(.maximize)
        let items = try values.indices.map { try model.addColumn(name: "take[\($0)]", kind: .binary, cost: values[$0]) }
        try model.addRow(name: "capacity", terms: Array(zip(items, weights)), bounds: .atMost(capacity))
        return model
    }

    /// A strongly correlated knapsack (value = weight + 10.5): branch and bound needs many nodes.
    static func hardKnapsack(items count: Int = 50, seed: UInt64 = 7) throws -> LinearModel {
        var state = seed
        var weights: [Double] = []
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            weights.append(Double(10 + (state >> 33) % 90))
        }
        return try knapsack(
            values: weights.map { $0 + 10.5 }, weights: weights,
            capacity: (weights.reduce(0, +) / 2).rounded(.down) + 0.5)
    }

    /// Jeroslow's problem: 2·Σx = n with n odd has no integer solution, and plain branch and
    /// bound needs exponentially many nodes to prove it.
    static func jeroslow(_ n: Int = 41) throws -> LinearModel {
        let model = LinearModel()
        let xs = try model.addColumns(count: n, kind: .binary)
        try model.addRow(name: "parity", terms: xs.map { ($0, 2) }, bounds: .fixed(Double(n)))
        return model
    }

    /// A fresh temporary file path with the given extension.
    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("glpk-test-\(UUID().uuidString)\(suffix)").path
    }
}

/// A value shared with `@Sendable` callbacks and other threads behind a lock.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func update(_ change: (inout Value) -> Void) { mutex.withLock { change(&$0) } }
    var value: Value { mutex.withLock { $0 } }
}
