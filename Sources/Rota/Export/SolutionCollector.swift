import RotaCore
import RotaSolvers

/// Gathers a solution's column values while a reader goes through its lines: checks each
/// column's indices against the problem's classes, accounts and days, and each value is a
/// whole number ≥ 0; a column listed twice must have the same value both times.
struct SolutionCollector {
    enum Kind: Int, Comparable {
        case purchase, review, groupReview

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// The column's family name as the LP/MPS export writes it.
        var letter: String {
            switch self {
            case .purchase: "x"
            case .review: "y"
            case .groupReview: "z"
            }
        }
    }

    private struct Key: Hashable, Comparable {
        var kind: Kind
        var lineClass: Int
        var index: Int
        var day: Int

        static func < (a: Key, b: Key) -> Bool {
            (a.kind, a.lineClass, a.index, a.day) < (b.kind, b.lineClass, b.index, b.day)
        }
    }

    let problem: PlanningProblem
    let classes: [LineClass]
    private var values: [Key: Int] = [:]
    /// Columns read, zero values included.
    private(set) var columnsRead = 0
    var reported: [String: String] = [:]

    init(problem: PlanningProblem, classes: [LineClass]) {
        self.problem = problem
        self.classes = classes
    }

    /// Records `value` for the column `kind[c,index,day]`, read on `line`.
    mutating func add(_ kind: Kind, lineClass c: Int, index: Int, day: Int, value: Double, line: Int)
        throws(SolutionError)
    {
        let name = "\(kind.letter)[\(c),\(index),\(day)]"
        guard c >= 0, c < classes.count else {
            throw SolutionError(line: line, "\(name): class \(c) does not exist (this instance has \(classes.count) classes; is the solution from another instance?)")
        }
        switch kind {
        case .purchase:
            guard classes[c].need == .purchase else {
                throw SolutionError(line: line, "\(name): class \(c) needs only reviews, it has no purchase columns")
            }
            try checkAccount(index, name: name, line: line)
        case .review:
            try checkAccount(index, name: name, line: line)
        case .groupReview:
            guard index >= 0, index < classes[c].groups.count else {
                throw SolutionError(line: line, "\(name): class \(c) has no group \(index) (it has \(classes[c].groups.count))")
            }
        }
        guard day >= 0, day < problem.horizon else {
            throw SolutionError(line: line, "\(name): day \(day) is outside the horizon 0…\(problem.horizon - 1)")
        }
        guard value.isFinite, value > -1e-6 else {
            throw SolutionError(line: line, "\(name) = \(value): a count must be 0 or more")
        }
        let rounded = value.rounded()
        guard abs(value - rounded) <= 1e-6, rounded < Double(Int32.max) else {
            throw SolutionError(line: line, "\(name) = \(value) is not a whole number (import an integer solution, not a relaxation)")
        }
        let count = Int(rounded)
        let key = Key(kind: kind, lineClass: c, index: index, day: day)
        if let earlier = values[key], earlier != count {
            throw SolutionError(line: line, "\(name) = \(count) was already read as \(earlier)")
        }
        values[key] = count
        columnsRead += 1
    }

    /// Counts a recognised column the import does not use (u: lines left out, which follow
    /// from the others); its value must still be a number.
    mutating func countUnused(value: Double, line: Int, name: String) throws(SolutionError) {
        guard value.isFinite else { throw SolutionError(line: line, "\(name) = \(value) is not a number") }
        columnsRead += 1
    }

    private func checkAccount(_ a: Int, name: String, line: Int) throws(SolutionError) {
        guard a >= 0, a < problem.accountCount else {
            throw SolutionError(line: line, "\(name): account \(a) does not exist (this instance has \(problem.accountCount) accounts)")
        }
    }

    /// The counts read, in column order (kind, class, index, day); zeros left out.
    var counts: SolutionCounts {
        var counts = SolutionCounts()
        counts.reported = reported
        for (key, count) in values.sorted(by: { $0.key < $1.key }) where count > 0 {
            let entry = SolutionCounts.Entry(lineClass: key.lineClass, index: key.index, day: key.day, count: count)
            switch key.kind {
            case .purchase: counts.purchases.append(entry)
            case .review: counts.reviews.append(entry)
            case .groupReview: counts.groupReviews.append(entry)
            }
        }
        return counts
    }
}
