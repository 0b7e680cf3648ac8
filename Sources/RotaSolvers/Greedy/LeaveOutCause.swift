/// Why a greedy run left a line out, in dense form; `LeaveOutExplainer` puts it in words.
enum LeaveOutCause: UInt8, Sendable {
    /// Not left out.
    case none
    /// Its earliest purchase day plus its lag is past the horizon's last day.
    case beyondHorizon
    /// Every account reached `sameItemPerAccount` for its item.
    case itemExhausted
    /// No account had room to buy it and review it in time.
    case noCapacity
    /// Its purchase is completed and that account has no day left to review it.
    case reviewBlocked
}
