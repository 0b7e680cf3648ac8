import RotaCore
import RotaSolvers

/// Reads a generic `name value` solution of the LP/MPS export: on each line the first token
/// naming a column of rota's model — `x[c,a,d]`, `y[c,a,r]`, `z[c,g,r]` or `u[c,g]`, with
/// square brackets or with parentheses as GLPK's LP writer spells them — and the first number
/// after it (or, when the name stands alone as in glpsol's `-o` report for long names, the first
/// number on the next line). Other lines and other columns are ignored; a text naming no
/// column at all is an error.
package enum ColumnSolutionReader {
    package static func read(_ text: String, problem: PlanningProblem, classes: [LineClass]) throws(SolutionError)
        -> SolutionCounts
    {
        var collector = SolutionCollector(problem: problem, classes: classes)
        var pending: (name: ColumnName, line: Int)?
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let tokens = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if let (name, line) = pending {
                pending = nil
                if ColumnName(tokens.first ?? "") == nil, let value = tokens.lazy.compactMap({ Double($0) }).first {
                    try record(name, value: value, line: line, into: &collector)
                    continue
                }
            }
            guard let k = tokens.firstIndex(where: { ColumnName($0) != nil }), let name = ColumnName(tokens[k]) else {
                continue
            }
            if let value = tokens[(k + 1)...].lazy.compactMap({ Double($0) }).first {
                try record(name, value: value, line: line, into: &collector)
            } else {
                pending = (name, line)
            }
        }
        guard collector.columnsRead > 0 else {
            throw SolutionError(
                "no column of rota's model found: expected `name value` lines such as `x[0,1,3] 1` "
                    + "(or glpsol's report: glpsol --lp model.lp -o solution.txt)")
        }
        return collector.counts
    }

    private static func record(_ name: ColumnName, value: Double, line: Int, into collector: inout SolutionCollector)
        throws(SolutionError)
    {
        let i = name.indices
        switch name.family {
        case "x": try collector.add(.purchase, lineClass: i[0], index: i[1], day: i[2], value: value, line: line)
        case "y": try collector.add(.review, lineClass: i[0], index: i[1], day: i[2], value: value, line: line)
        case "z": try collector.add(.groupReview, lineClass: i[0], index: i[1], day: i[2], value: value, line: line)
        default: try collector.countUnused(value: value, line: line, name: name.text)
        }
    }
}

/// A column name of rota's model: a family letter and its whole-number indices, `x[0,1,3]` or
/// `x(0,1,3)`; only the families the import reads (x, y, z with 3 indices, u with 2).
struct ColumnName {
    var family: Character
    var indices: [Int]
    var text: String

    init?(_ token: Substring) {
        guard token.count >= 4, let family = token.first, "xyzu".contains(family) else { return nil }
        let open = token[token.index(after: token.startIndex)]
        guard let close = token.last, (open == "[" && close == "]") || (open == "(" && close == ")") else { return nil }
        let inner = token.dropFirst(2).dropLast()
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
        let indices = parts.compactMap { Int($0) }
        guard indices.count == parts.count, indices.count == (family == "u" ? 2 : 3) else { return nil }
        self.family = family
        self.indices = indices
        text = String(token)
    }
}
