import Rota

/// What a sweep report shows, read from `rota sweep summary --json`'s document (RotaSweep's
/// `SweepSummary.json`), so RotaReport needs neither RotaSweep nor its YAML reader: per weight
/// vector its weights, runs, KPIs (mean and worst) and whether it is on the Pareto front.
package struct SweepReportData: Sendable {
    /// One KPI of a vector: its mean and worst over the vector's runs.
    package struct KPI: Hashable, Sendable {
        package var name: String
        package var mean: Double
        package var worst: Double
        package var higherIsBetter: Bool

        package init(name: String, mean: Double, worst: Double, higherIsBetter: Bool) {
            self.name = name
            self.mean = mean
            self.worst = worst
            self.higherIsBetter = higherIsBetter
        }
    }

    /// One weight vector's summary.
    package struct Vector: Sendable {
        package var number: Int
        package var weights: [(name: String, value: Double)]
        package var runs: Int
        package var failed: Int
        package var onFront: Bool
        package var kpis: [KPI]

        package init(
            number: Int, weights: [(name: String, value: Double)], runs: Int, failed: Int, onFront: Bool, kpis: [KPI]
        ) {
            self.number = number
            self.weights = weights
            self.runs = runs
            self.failed = failed
            self.onFront = onFront
            self.kpis = kpis
        }

        package func mean(_ name: String) -> Double? { kpis.first { $0.name == name }?.mean }

        /// "critical=3 lateness=1".
        package var weightsText: String {
            weights.isEmpty ? "(instance weights)" : weights.map { "\($0.name)=\(KPIRequirement.plain($0.value))" }.joined(separator: " ")
        }

        /// The point the sweep's Pareto front is taken over: mean critical adherence (1 when no
        /// run has a critical line, as the summary counts it), mean weighted lateness, mean makespan.
        package var point: (sla: Double, lateness: Double, makespan: Double) {
            (mean("sla.critical") ?? 1, mean("weightedLateness") ?? 0, mean("makespan") ?? 0)
        }

        /// Whether the chart can place it (every run succeeded).
        package var isPlotted: Bool { runs > 0 && failed == 0 }
    }

    /// A summary document that is not the shape `SweepSummary.json` writes.
    package struct ShapeError: Error, CustomStringConvertible {
        package var description: String
    }

    package var vectors: [Vector]
    /// The file's name as the report shows it.
    package var label: String

    package init(vectors: [Vector], label: String) {
        self.vectors = vectors
        self.label = label
    }

    /// Reads a `SweepSummary.json` document.
    package init(summary json: JSONValue, label: String) throws(ShapeError) {
        guard case .array(let list)? = json["vectors"] else { throw ShapeError(description: "no \"vectors\" array") }
        var vectors: [Vector] = []
        for (i, item) in list.enumerated() {
            guard let number = item["vector"]?.doubleValue.map({ Int($0) }) else {
                throw ShapeError(description: "vectors[\(i)]: no \"vector\" number")
            }
            var weights: [(name: String, value: Double)] = []
            if case .object(let members)? = item["weights"] {
                for member in members { if let v = member.value.doubleValue { weights.append((member.key, v)) } }
            }
            var kpis: [KPI] = []
            if case .object(let members)? = item["kpis"] {
                for member in members {
                    guard let mean = member.value["mean"]?.doubleValue else { continue }
                    let worst = member.value["worst"]?.doubleValue ?? mean
                    kpis.append(KPI(name: member.key, mean: mean, worst: worst,
                                    higherIsBetter: member.value["better"]?.stringValue == "higher"))
                }
            }
            vectors.append(Vector(
                number: number, weights: weights, runs: item["runs"]?.doubleValue.map { Int($0) } ?? 0,
                failed: item["failed"]?.doubleValue.map { Int($0) } ?? 0,
                onFront: { if case .bool(true)? = item["paretoFront"] { return true } else { return false } }(),
                kpis: kpis))
        }
        self.init(vectors: vectors, label: label)
    }
}
