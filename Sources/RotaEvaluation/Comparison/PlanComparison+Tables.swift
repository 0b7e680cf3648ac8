import RotaCore

extension PlanComparison {
    /// metric | A | B | B − A | better: feasibility, every metric, the gap to the bound.
    /// Shares and gaps are percentages (differences in percentage points); a metric with no
    /// better direction (purchases, reviews) has an empty "better" cell.
    package var metricTable: ReportTable {
        var rows: [[String]] = []
        let feasibleWinner: Winner = a.isFeasible == b.isFeasible ? .tie : (a.isFeasible ? .a : .b)
        rows.append(["feasible", Self.feasibility(a), Self.feasibility(b), "", feasibleWinner.rawValue])
        for row in metrics {
            switch row.metric {
            case .slaShare:
                rows.append([row.metric.label, NumberText.percent(row.a), NumberText.percent(row.b),
                             NumberText.points(row.difference), row.winner?.rawValue ?? ""])
            default:
                rows.append([row.metric.label, NumberText.plain(row.a), NumberText.plain(row.b),
                             NumberText.signed(row.difference), row.winner?.rawValue ?? ""])
            }
        }
        var gapRow = ["gap to bound", a.gap.map(NumberText.percent) ?? "n/a", b.gap.map(NumberText.percent) ?? "n/a", "", ""]
        if let gapA = a.gap, let gapB = b.gap {
            gapRow[3] = NumberText.points(gapB - gapA)
            gapRow[4] = Objective.nearlyEqual(gapA, gapB) ? Winner.tie.rawValue : (gapA < gapB ? Winner.a : .b).rawValue
        }
        rows.append(gapRow)
        return ReportTable(
            header: ["metric", "A", "B", "B − A", "better"], alignments: [.left, .right, .right, .right, .left], rows: rows)
    }

    /// account | purchases A | purchases B | B − A | reviews A | reviews B | B − A, in the
    /// instance's account order.
    package func accountTable(limit: Int? = nil) -> ReportTable {
        Self.loadTable(key: "account", rows: accountLoads.map { ($0.key.rawValue, $0.a, $0.b) }, limit: limit)
    }

    /// day | purchases A | purchases B | B − A | reviews A | reviews B | B − A, for each day with
    /// work in either plan.
    package func dayTable(limit: Int? = nil) -> ReportTable {
        Self.loadTable(key: "day", rows: dayLoads.map { ($0.key.iso, $0.a, $0.b) }, limit: limit)
    }

    /// line | task | account A | day A | account B | day B: moved tasks, then tasks only in B,
    /// then tasks only in A ("—" on the side without the task).
    package func movedTable(limit: Int? = nil) -> ReportTable {
        var rows: [[String]] = []
        rows.reserveCapacity(changes.count)
        for move in changes.moved {
            rows.append([move.line.rawValue, move.kind.rawValue, move.from.account.rawValue, move.from.date.iso,
                         move.to.account.rawValue, move.to.date.iso])
        }
        for slot in changes.added {
            rows.append([slot.line.rawValue, slot.kind.rawValue, "—", "—", slot.account.rawValue, slot.date.iso])
        }
        for slot in changes.removed {
            rows.append([slot.line.rawValue, slot.kind.rawValue, slot.account.rawValue, slot.date.iso, "—", "—"])
        }
        return ReportTable.limited(
            header: ["line", "task", "account A", "day A", "account B", "day B"],
            alignments: [.left, .left, .left, .left, .left, .left], rows: rows, limit: limit)
    }

    /// "3 moved, 1 only in B, 0 only in A", or "none: every task is on the same account and day".
    package var changesSummary: String {
        guard changes.count > 0 else { return "none: every task is on the same account and day in both plans" }
        return "\(changes.moved.count) moved, \(changes.added.count) only in B, \(changes.removed.count) only in A"
    }

    /// "makespan 14 with 0 unscheduled lines".
    package var boundSummary: String {
        "makespan \(bound.makespan) with \(bound.unscheduled) unscheduled line\(bound.unscheduled == 1 ? "" : "s")"
    }

    /// "yes", or "no (3 violations)".
    static func feasibility(_ side: ComparedPlan) -> String {
        let count = side.validation.violations.count
        return side.isFeasible ? "yes" : "no (\(count) violation\(count == 1 ? "" : "s"))"
    }

    private static func loadTable(key: String, rows: [(String, TaskCounts, TaskCounts)], limit: Int?) -> ReportTable {
        ReportTable.limited(
            header: [key, "purchases A", "purchases B", "B − A", "reviews A", "reviews B", "B − A"],
            alignments: [.left, .right, .right, .right, .right, .right, .right],
            rows: rows.map { name, a, b in
                [name, String(a.purchases), String(b.purchases), NumberText.signed(Double(b.purchases - a.purchases)),
                 String(a.reviews), String(b.reviews), NumberText.signed(Double(b.reviews - a.reviews))]
            },
            limit: limit)
    }
}
