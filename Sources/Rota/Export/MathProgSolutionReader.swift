import RotaCore
import RotaSolvers

/// Reads what `models/rota.mod` prints after solving (`glpsol -m models/rota.mod -d data.dat
/// -y solution.txt`, or glpsol's whole terminal output): `rota x c a d n`, `rota y c a r n`,
/// `rota w c r n`, `rota z g r n` give column values, `rota makespan N` and the like are kept
/// as reported levels, and every other line is ignored. Classes and groups are numbered as
/// `MathProgData` writes them (groups through the classes in order).
package enum MathProgSolutionReader {
    package static func read(_ text: String, problem: PlanningProblem, classes: [LineClass]) throws(SolutionError)
        -> SolutionCounts
    {
        var collector = SolutionCollector(problem: problem, classes: classes)
        var groups: [(lineClass: Int, group: Int)] = []
        for (c, lineClass) in classes.enumerated() {
            for g in lineClass.groups.indices { groups.append((c, g)) }
        }
        var sawRotaLine = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let tokens = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard tokens.count >= 2, tokens[0] == "rota" else { continue }
            sawRotaLine = true
            let key = String(tokens[1])
            let expected: Int
            switch key {
            case "x", "y": expected = 6
            case "w", "z": expected = 5
            default:
                collector.reported[key] = tokens.dropFirst(2).joined(separator: " ")
                continue
            }
            let numbers = tokens.dropFirst(2).map { Int($0) }
            guard tokens.count == expected, numbers.allSatisfy({ $0 != nil }) else {
                throw SolutionError(
                    line: line, "expected `rota \(key)` and \(expected - 2) whole numbers, got `\(InputExcerpt.plain(raw.trimmingSpaces))`")
            }
            let n = numbers.compactMap { $0 }
            switch key {
            case "x":
                try collector.add(.purchase, lineClass: n[0], index: n[1], day: n[2], value: Double(n[3]), line: line)
            case "y":
                try collector.add(.review, lineClass: n[0], index: n[1], day: n[2], value: Double(n[3]), line: line)
            case "w":
                let c = n[0]
                guard c >= 0, c < classes.count, case .review(let account) = classes[c].need else {
                    throw SolutionError(line: line, "`rota w \(c) …`: \(c) is not a review-only class of this instance")
                }
                try collector.add(.review, lineClass: c, index: account, day: n[1], value: Double(n[2]), line: line)
            default:
                let g = n[0]
                guard g >= 0, g < groups.count else {
                    throw SolutionError(
                        line: line, "`rota z \(g) …`: group \(g) does not exist (this instance has \(groups.count) groups)")
                }
                try collector.add(
                    .groupReview, lineClass: groups[g].lineClass, index: groups[g].group, day: n[1], value: Double(n[2]),
                    line: line)
            }
        }
        guard sawRotaLine else {
            throw SolutionError(
                "no `rota …` line: expected what models/rota.mod prints after solving "
                    + "(glpsol -m models/rota.mod -d data.dat -y solution.txt)")
        }
        return collector.counts
    }
}

extension Substring {
    /// The text without leading and trailing blanks.
    var trimmingSpaces: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
