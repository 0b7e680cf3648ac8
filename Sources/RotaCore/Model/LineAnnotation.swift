/// One line's priority score and due date as a plan carries them (the plan's `lines` section,
/// docs/FORMAT.md "Line annotations"): what the solver weighed, so a dashboard or a person can
/// see why one line went before another. Readers and the validator never need it.
package struct LineAnnotation: Hashable, Sendable {
    package var line: LineID
    /// The line's priority: its weight in weighted lateness (`ResolvedLine.weight`).
    package var priority: Double
    /// The day its review should be done by, if any.
    package var due: Day?
    /// The order's SLA tier, if any.
    package var tier: String?

    package init(line: LineID, priority: Double, due: Day? = nil, tier: String? = nil) {
        self.line = line
        self.priority = priority
        self.due = due
        self.tier = tier
    }
}

extension Instance {
    /// Every line's annotation, in the instance's line order.
    package var lineAnnotations: [LineAnnotation] {
        var result: [LineAnnotation] = []
        result.reserveCapacity(orders.reduce(0) { $0 + $1.lines.count })
        for order in orders {
            let due = dueDate(of: order)
            let priority = priority(of: order)
            for line in order.lines {
                result.append(LineAnnotation(line: line.id, priority: priority, due: due, tier: order.slaTier))
            }
        }
        return result
    }
}

extension Plan {
    /// The plan with its `lines` section made from `instance` (each line's priority, due date
    /// and tier): what `rota solve`, `reschedule`, `replay`, `import-solution` and the server
    /// write. A plan made for another instance than `instance` should not be annotated with it.
    package func annotated(for instance: Instance) -> Plan {
        var plan = self
        plan.lines = instance.lineAnnotations
        return plan
    }
}
