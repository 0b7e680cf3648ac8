import RotaCore
import RotaEvaluation

extension BenchReport {
    /// The report as Markdown: what ran where, one table row per run, the growth table, and
    /// the runs whose plan failed validation (there should be none).
    package var markdown: String {
        var out = ["# rota benchmark: \(suite.name) suite", ""]
        out.append("- Machine: \(machine.summary).")
        out.append("- Commit: \(machine.commit.map { "`\($0)`" } ?? "unknown (not a git checkout)"), rota \(machine.rotaVersion).")
        out.append("- Started \(started); took \(Self.seconds(seconds)) s for \(records.count) runs.")
        let isolated = records.contains { $0.isolated }
        out.append(
            isolated
                ? "- Each run had a process of its own (`rota bench-run`): *peak MiB* is that process's peak resident set (`VmHWM` of /proc/self/status; `getrusage`'s `ru_maxrss` where there is no /proc), loading or generating the instance, the bound and validation included."
                : "- Runs shared one process: *peak MiB* is the benchmark's high-water mark so far, not the run's own.")
        out.append("- *seconds*: building the dense problem and solving (the bound and validation are timed apart in the JSON lines).")
        if records.contains(where: { $0.endToEndSeconds != nil }) {
            out.append(
                "- *end-to-end s* and *MiB*: `rota solve INSTANCE -o PLAN` with the same solver and limit, run as a child process the way users run it (reading the JSON, solving, validating, writing the plan): wall-clock seconds from spawn to exit and the peak resident set (`ru_maxrss` from `wait4`). Linux counts the peak of `rota bench` itself in that figure: where the two are equal it reads *≤ N* (the run's own peak was at most N). Generated instances are written to a file first (not timed).")
        } else if isolated {
            out.append("- No run was timed end to end (`rota solve` as a process): none returned a plan.")
        } else {
            out.append("- End-to-end figures (`rota solve` as a process) need a process per run: none here.")
        }
        out.append("- Budgets: \(budgetText).")
        let checked = records.filter { $0.feasible != nil }
        out.append(
            "- Plans validated: \(checked.count); infeasible: \(infeasible.count); skipped: \(records.filter { $0.outcome == .skipped }.count); failed or stopped: \(failed.count).")
        out += ["", "## Runs", ""]
        out.append("| instance | lines | accounts | days | solver | status | makespan | lower bound | gap | weighted lateness | seconds | peak MiB | end-to-end s | end-to-end MiB | model (rows × columns, nz) |")
        out.append("|:---|---:|---:|---:|:---|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in records {
            out.append(row([
                r.instance, Self.count(r.lines), Self.count(r.accounts), String(r.days), r.solver, statusText(r),
                makespanText(r), boundText(r), r.gap.map(Self.percent) ?? "—",
                r.weightedLateness.map(Self.decimal) ?? "—", r.seconds.map(Self.seconds) ?? "—",
                r.peakBytes.map { Self.mebibytes($0) } ?? "—", r.endToEndSeconds.map(Self.seconds) ?? "—",
                endToEndMemoryText(r), r.model?.text ?? "—",
            ]))
        }
        let growth = growth
        if !growth.isEmpty {
            out += ["", "## Growth: `rota solve` (\(suite.growthSolver)) against lines", ""]
            out.append(
                "`huge` rescaled (accounts and items in proportion, 180 days). *End to end*: `rota solve INSTANCE -o PLAN` as a process (read, solve, validate, write), wall seconds and peak resident set. *Solver*: building the dense problem and solving in `rota bench-run`; *run peak MiB* is that process's peak (it generates the instance instead of reading it), *loaded MiB* its peak once the instance was generated.")
            out.append("")
            out.append("| lines | accounts | end-to-end s | end-to-end µs per line | end-to-end MiB | solver s | solver µs per line | run peak MiB | loaded MiB | makespan | lower bound |")
            out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            for r in growth {
                func perLine(_ seconds: Double?) -> String {
                    seconds.map { r.lines > 0 ? NumberText.fixed($0 * 1e6 / Double(r.lines), decimals: 1) : "—" } ?? "—"
                }
                out.append(row([
                    Self.count(r.lines), Self.count(r.accounts), r.endToEndSeconds.map(Self.seconds) ?? "—",
                    perLine(r.endToEndSeconds), endToEndMemoryText(r),
                    r.seconds.map(Self.seconds) ?? "—", perLine(r.seconds), r.peakBytes.map { Self.mebibytes($0) } ?? "—",
                    r.loadedBytes.map { Self.mebibytes($0) } ?? "—", makespanText(r), boundText(r),
                ]))
            }
        }
        if !modelSizes.isEmpty {
            out += ["", "## The exact model against lines, accounts and days", ""]
            out.append(
                "`MIPFormulation` on cuts of \(suite.modelSizes.map { "`\($0.instance.label)`" } ?? "one instance") (its first lines, accounts or days; the others whole), before any horizon cut: rows, columns, non-zeros and seconds to build. Memory runs at about 0.7 KiB per column once GLPK holds the model (see the `mip` rows above).")
            out.append("")
            out.append("| varies | lines | accounts | days | rows | columns | non-zeros | build s |")
            out.append("|:---|---:|---:|---:|---:|---:|---:|---:|")
            for p in modelSizes {
                out.append(row([
                    p.dimension, Self.count(p.lines), Self.count(p.accounts), String(p.days), Self.count(p.rows),
                    Self.count(p.columns), Self.count(p.nonZeros), Self.seconds(p.seconds),
                ]))
            }
        }
        let notes = records.filter { $0.note != nil && $0.outcome != .skipped }
        if !infeasible.isEmpty || !notes.isEmpty {
            out += ["", "## Problems", ""]
            for r in infeasible { out.append("- \(r.instance) / \(r.solver): plan breaks \(r.violations ?? 0) rules (`rota validate` lists them).") }
            for r in notes { out.append("- \(r.instance) / \(r.solver): \(r.outcome.rawValue): \(r.note ?? "")") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private var budgetText: String {
        func text(_ b: SolverBudget) -> String {
            let time = b.timeLimit.map { "time limit \(Self.decimal($0)) s" } ?? "no time limit"
            return time + (b.maxLines.map { ", at most \(Self.count($0)) lines" } ?? "")
        }
        var parts = [
            "solvers that finish on their own \(text(suite.heuristicBudget))", "other solvers \(text(suite.searchBudget))",
        ]
        for name in suite.overrides.keys.sorted() {
            if let b = suite.overrides[name] { parts.append("\(name) \(text(b))") }
        }
        return parts.joined(separator: "; ")
    }

    private func statusText(_ r: BenchRecord) -> String {
        switch r.outcome {
        case .solved:
            let status = r.status ?? "?"
            return r.feasible == false ? "\(status), **INFEASIBLE** (\(r.violations ?? 0))" : status
        case .skipped: return "skipped" + (r.note.map { ": \($0)" } ?? "")
        case .failed: return "failed"
        case .timedOut: return "timed out"
        case .overMemory: return "over the memory cap"
        }
    }

    /// The end-to-end peak in MiB, or "≤ N" where it is no more than `rota bench`'s own peak
    /// at the time (Linux's `ru_maxrss` then shows the parent's, not the run's).
    private func endToEndMemoryText(_ r: BenchRecord) -> String {
        guard let peak = r.endToEndPeakBytes else { return "—" }
        // 1 MiB of slack: the parent's high-water mark may grow a little between reading it and spawning.
        if let floor = r.endToEndFloorBytes, peak <= floor + 1_048_576 { return "≤ " + Self.mebibytes(peak) }
        return Self.mebibytes(peak)
    }

    private func makespanText(_ r: BenchRecord) -> String {
        guard let makespan = r.makespan else { return "—" }
        let out = r.unscheduled ?? 0
        return out > 0 ? "\(makespan) (\(out) left out)" : String(makespan)
    }

    private func boundText(_ r: BenchRecord) -> String {
        guard let bound = r.lowerBound else { return "—" }
        let out = r.boundUnscheduled ?? 0
        return out > 0 ? "\(bound) (\(out) left out)" : String(bound)
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingPipes }.joined(separator: " | ") + " |"
    }

    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func decimal(_ x: Double) -> String { NumberText.plain(x) }

    static func seconds(_ x: Double) -> String { NumberText.fixed(x, decimals: x >= 100 ? 1 : 3) }

    static func percent(_ x: Double) -> String { NumberText.percent(x) }

    static func mebibytes(_ bytes: Int) -> String { NumberText.fixed(Double(bytes) / 1_048_576, decimals: 1) }
}

extension String {
    /// `|` escaped for a Markdown table cell.
    fileprivate var replacingPipes: String {
        var out = ""
        for ch in self {
            if ch == "|" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
