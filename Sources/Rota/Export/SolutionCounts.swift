/// Whole-number column values read from a solution of rota's model: purchases (x), reviews
/// (y, or w in rota.mod) and group reviews (z), each by class, account or group, and day.
/// Zero values are not kept.
package struct SolutionCounts: Hashable, Sendable {
    /// The value of one column: `count` of class `lineClass` by account (or group) `index` on `day`.
    package struct Entry: Hashable, Sendable {
        package var lineClass: Int
        /// The account (x, y) or the group within the class (z).
        package var index: Int
        package var day: Int
        package var count: Int

        package init(lineClass: Int, index: Int, day: Int, count: Int) {
            self.lineClass = lineClass
            self.index = index
            self.day = day
            self.count = count
        }
    }

    /// x[c,a,d]: purchases of class c by account a on day d.
    package var purchases: [Entry] = []
    /// y[c,a,r] (w[c,r] in rota.mod, with the class's account): reviews of class c by a on day r.
    package var reviews: [Entry] = []
    /// z[c,g,r]: reviews of group g of class c on day r.
    package var groupReviews: [Entry] = []
    /// Levels the solver reported beside the columns (rota.mod prints `rota makespan N`, …), by name.
    package var reported: [String: String] = [:]

    package init() {}

    /// Whether no column was read (a solution that places nothing may still be empty).
    package var isEmpty: Bool { purchases.isEmpty && reviews.isEmpty && groupReviews.isEmpty }
}
