import Rota

/// The one-line account of a solve printed on standard error.
enum Summary {
    static func line(for outcome: PlanningOutcome, instance: Instance) -> String {
        let m = outcome.metrics
        let lines = instance.orders.reduce(0) { $0 + $1.lines.count }
        var parts = [
            "\(instance.name ?? "instance"): \(lines) lines",
            "\(m.unscheduled) unscheduled",
            "makespan \(m.makespan)",
        ]
        if let bound = outcome.run.lowerBound {
            let gap = outcome.run.gap.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
            parts.append("lower bound \(bound) (gap \(gap))")
        } else {
            parts.append("lower bound \(outcome.bound.makespan) (for \(outcome.bound.unscheduled) unscheduled)")
        }
        parts.append("weighted lateness \(Format.number(m.weightedLateness))")
        parts.append("\(outcome.run.name) \(outcome.run.status.rawValue)")
        parts.append(String(format: "%.3f s", outcome.run.seconds))
        return parts.joined(separator: ", ")
    }
}

/// Number formatting shared by the text outputs.
enum Format {
    /// An integer-valued double without a fraction, others with up to 3 decimals.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.3f", value)
    }
}
