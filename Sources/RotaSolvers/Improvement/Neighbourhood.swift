/// The kinds of neighbourhood the improvement search frees, each around the plan's last day:
/// its tasks always go, so every move may end the plan sooner.
enum Neighbourhood: CaseIterable {
    /// The lines reviewed on the last one to three days.
    case lastDays
    /// One last-day line's account: its lines bought or reviewed in the last 3–14 days, so
    /// that account's days can be reshuffled.
    case account
    /// Every line of one last-day line's item: with one purchase of an item per account, the
    /// item's lines can only change accounts together.
    case item
    /// The lines bought in a window of 2–5 days anywhere in the plan, so purchases can move
    /// between rolling windows.
    case window
}
