/// Purchases and reviews counted together (of one account, or on one day).
public struct TaskCounts: Hashable, Sendable {
    public var purchases: Int
    public var reviews: Int

    public init(purchases: Int = 0, reviews: Int = 0) {
        self.purchases = purchases
        self.reviews = reviews
    }
}
