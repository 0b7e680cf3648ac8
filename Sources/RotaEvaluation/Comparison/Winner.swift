/// Which of two compared plans does better: plan A (the baseline), plan B (the candidate), or neither.
public enum Winner: String, Hashable, Sendable, CaseIterable {
    case a = "A"
    case b = "B"
    case tie

    /// The other plan (`tie` stays `tie`).
    public var other: Winner {
        switch self {
        case .a: .b
        case .b: .a
        case .tie: .tie
        }
    }
}
