import Rota

/// Per weight vector, the mean and the worst of every KPI over the instances it ran on, and
/// the Pareto front of the vectors over (critical SLA adherence ↑, weighted lateness ↓,
/// makespan ↓), each taken as its mean over the vector's instances. A vector whose runs
/// hold no critical-tier line counts as fully adherent (1); a vector with a failed run is
/// left off the front.
package struct SweepSummary: Sendable {
    /// One KPI over a vector's runs.
    struct Statistic: Sendable {
        var name: String
        var higherIsBetter: Bool
        var mean: Double
        /// The lowest value when higher is better, else the highest.
        var worst: Double
        /// Runs that report it (an SLA tier only appears where the instance has it).
        var runs: Int
    }

    /// One vector's block.
    struct VectorSummary: Sendable {
        var vector: Int
        var weights: WeightVector
        var runs: Int
        var failed: Int
        var statistics: [Statistic]
        var onFront: Bool

        func mean(_ name: String) -> Double? { statistics.first { $0.name == name }?.mean }
    }

    var vectors: [VectorSummary]
    /// Vector numbers on the Pareto front, in increasing order.
    var front: [Int]

    /// The objectives of the front, in order, as the table names them.
    static let objectives: [(name: String, sense: ParetoFront.Sense)] = [
        ("sla.critical", .maximize), ("weightedLateness", .minimize), ("makespan", .minimize),
    ]

    /// Whether a record member is a KPI: a number that is not an id, a timing, a bound or a count of tier lines.
    static func isKPI(_ key: String, _ value: JSONValue) -> Bool {
        guard value.doubleValue != nil else { return false }
        if ["run", "vector", "seconds"].contains(key) { return false }
        if key.hasPrefix("lowerBound.") || key.hasPrefix("latenessBound.") { return false }
        return !(key.hasSuffix(".lines") || key.hasSuffix(".onTime"))
    }

    /// SLA adherence shares, and the task counts (fewer purchases and reviews mean lines left out).
    static func higherIsBetter(_ key: String) -> Bool { key.hasPrefix("sla.") || key == "purchases" || key == "reviews" }

    package init(records: [SweepRecord]) {
        var order: [Int] = []
        var groups: [Int: [SweepRecord]] = [:]
        for record in records.sorted(by: { $0.run < $1.run }) {
            if groups[record.vector] == nil { order.append(record.vector) }
            groups[record.vector, default: []].append(record)
        }
        var vectors: [VectorSummary] = order.sorted().map { vector in
            let runs = groups[vector]!
            let succeeded = runs.filter(\.succeeded)
            var names: [String] = []
            var values: [String: [Double]] = [:]
            for record in succeeded {
                for member in record.members where Self.isKPI(member.key, member.value) {
                    if values[member.key] == nil { names.append(member.key) }
                    values[member.key, default: []].append(member.value.doubleValue!)
                }
            }
            let statistics = names.map { name in
                let list = values[name]!
                let higher = Self.higherIsBetter(name)
                return Statistic(
                    name: name, higherIsBetter: higher, mean: list.reduce(0, +) / Double(list.count),
                    worst: higher ? list.min()! : list.max()!, runs: list.count)
            }
            return VectorSummary(
                vector: vector, weights: runs.first.flatMap { $0["weights"] }.flatMap(WeightVector.init(json:))
                    ?? WeightVector(names: [], values: []),
                runs: runs.count, failed: runs.count - succeeded.count, statistics: statistics, onFront: false)
        }
        let candidates = vectors.indices.filter { vectors[$0].failed == 0 && vectors[$0].runs > 0 }
        let points = candidates.map { Self.point(vectors[$0]) }
        let chosen = ParetoFront.indices(points, senses: Self.objectives.map(\.sense)).map { candidates[$0] }
        for index in chosen { vectors[index].onFront = true }
        self.vectors = vectors
        self.front = chosen.map { vectors[$0].vector }
    }

    /// A vector's point: mean critical adherence (1 without critical lines), mean weighted lateness, mean makespan.
    static func point(_ summary: VectorSummary) -> [Double] {
        [summary.mean("sla.critical") ?? 1, summary.mean("weightedLateness") ?? 0, summary.mean("makespan") ?? 0]
    }

    // MARK: Output

    package var text: String {
        var lines: [String] = []
        for summary in vectors {
            var title = "vector \(summary.vector): \(summary.weights.text)  (\(summary.runs) runs"
            if summary.failed > 0 { title += ", \(summary.failed) failed" }
            title += ")" + (summary.onFront ? "  [Pareto front]" : "")
            lines.append(title)
            let rows = summary.statistics.map { stat in
                [stat.name + (stat.higherIsBetter ? " ↑" : " ↓"), NumberText.plain(stat.mean), NumberText.plain(stat.worst)]
            }
            lines += Self.table(header: ["KPI", "mean", "worst"], rows: rows).map { "  " + $0 }
            lines.append("")
        }
        lines.append("Pareto front over (critical SLA adherence ↑, weighted lateness ↓, makespan ↓), means over instances:")
        let rows = vectors.filter(\.onFront).map { summary -> [String] in
            let point = Self.point(summary)
            return ["\(summary.vector)", NumberText.fixed(point[0], decimals: 3), NumberText.plain(point[1]),
                NumberText.plain(point[2]), summary.weights.text]
        }
        lines += Self.table(header: ["vector", "sla.critical", "weightedLateness", "makespan", "weights"], rows: rows)
            .map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    package var json: JSONValue {
        .object([
            (key: "vectors", value: .array(vectors.map { summary in
                .object([
                    (key: "vector", value: .integer(summary.vector)),
                    (key: "weights", value: summary.weights.json),
                    (key: "runs", value: .integer(summary.runs)),
                    (key: "failed", value: .integer(summary.failed)),
                    (key: "paretoFront", value: .bool(summary.onFront)),
                    (key: "kpis", value: .object(summary.statistics.map { stat in
                        (key: stat.name, value: .object([
                            (key: "mean", value: .number(stat.mean)),
                            (key: "worst", value: WeightVector.number(stat.worst)),
                            (key: "better", value: .string(stat.higherIsBetter ? "higher" : "lower")),
                            (key: "runs", value: .integer(stat.runs)),
                        ]))
                    })),
                ])
            })),
            (key: "paretoObjectives", value: .array(Self.objectives.map { objective in
                .string(objective.name + (objective.sense == .maximize ? " max" : " min"))
            })),
            (key: "paretoFront", value: .array(front.map(JSONValue.integer))),
        ])
    }

    /// Aligned columns: the first left, the others right, the last left when it is text.
    static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                let left = column == 0 || (column == row.count - 1 && header[column] == "weights")
                return left ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
