import RotaCore

extension Objective {
    /// Parses the command-line form: `"unscheduled,makespan,lateness,load,spread"` (lexicographic,
    /// optionally prefixed `lexicographic:`) or `"weighted:makespan=1,lateness=0.1"`.
    /// Term names are those of `ObjectiveLevel(named:)`.
    public init(parsing text: String) throws(ObjectiveParseError) {
        let trimmed = Self.trim(Substring(text))
        if let rest = Self.dropPrefix("weighted:", of: trimmed) {
            var weights: [ObjectiveLevel: Double] = [:]
            for part in try Self.parts(of: rest, in: text) {
                let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(Self.trim(pieces[0]))
                guard let term = ObjectiveLevel(named: name) else { throw .unknownTerm(name) }
                guard pieces.count == 2 else { throw .missingWeight(term: name) }
                let number = String(Self.trim(pieces[1]))
                guard let weight = Double(number), weight.isFinite else {
                    throw .badWeight(term: name, text: number)
                }
                guard weights[term] == nil else { throw .duplicateTerm(name) }
                weights[term] = weight
            }
            self = .weighted(weights)
        } else {
            let rest = Self.dropPrefix("lexicographic:", of: trimmed) ?? trimmed
            var terms: [ObjectiveLevel] = []
            for part in try Self.parts(of: rest, in: text) {
                let name = String(part)
                guard let term = ObjectiveLevel(named: name) else { throw .unknownTerm(name) }
                guard !terms.contains(term) else { throw .duplicateTerm(name) }
                terms.append(term)
            }
            self = .lexicographic(terms)
        }
    }

    /// The form `init(parsing:)` reads back, weighted terms in `ObjectiveLevel.allCases` order.
    public var text: String {
        switch form {
        case .lexicographic(let terms):
            return terms.map(\.rawValue).joined(separator: ",")
        case .weighted(let weights):
            let parts = ObjectiveLevel.allCases.compactMap { term in weights[term].map { "\(term.rawValue)=\($0)" } }
            return "weighted:" + parts.joined(separator: ",")
        }
    }

    private static func parts(of list: Substring, in text: String) throws(ObjectiveParseError) -> [Substring] {
        guard !list.isEmpty else { throw .empty(text) }
        let parts = list.split(separator: ",", omittingEmptySubsequences: false).map { trim($0) }
        guard !parts.contains(where: \.isEmpty) else { throw .emptyTerm(text) }
        return parts
    }

    private static func dropPrefix(_ prefix: String, of text: Substring) -> Substring? {
        guard text.lowercased().hasPrefix(prefix) else { return nil }
        return trim(text.dropFirst(prefix.count))
    }

    private static func trim(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}

/// Why an objective string could not be read; the message names the offending term.
public enum ObjectiveParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No term at all.
    case empty(String)
    /// A comma with nothing before or after it.
    case emptyTerm(String)
    case unknownTerm(String)
    case duplicateTerm(String)
    /// `weighted:` entry without `=weight`.
    case missingWeight(term: String)
    /// A weight that is not a finite number.
    case badWeight(term: String, text: String)

    public var description: String {
        let known = ObjectiveLevel.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .empty(let text):
            return "objective \(InputExcerpt.quoted(text)) names no term; known terms: \(known)"
        case .emptyTerm(let text):
            return "objective \(InputExcerpt.quoted(text)) has an empty term between commas"
        case .unknownTerm(let name):
            return "unknown objective term \(InputExcerpt.quoted(name)); known terms: \(known)"
        case .duplicateTerm(let name):
            return "objective term \(InputExcerpt.quoted(name)) appears twice"
        case .missingWeight(let term):
            return "weighted objective term \(InputExcerpt.quoted(term)) needs a weight, as in \"\(term)=1\""
        case .badWeight(let term, let text):
            return "weight \(InputExcerpt.quoted(text)) of objective term \(InputExcerpt.quoted(term)) is not a finite number"
        }
    }
}
