@testable import RotaCore

/// A ledger's queries asked on a copy, for `#expect`, which reads its operands as constants:
/// the queries are `mutating` (a call passes the ledger in place, see `CapacityLedger.canOpen`).
struct LedgerQuery {
    var ledger: CapacityLedger

    func canOpen(account: Int, day: Int) -> Bool {
        var copy = ledger
        return copy.canOpen(account: account, day: day)
    }

    func itemAllows(account: Int, item: Int, day: Int) -> Bool {
        var copy = ledger
        return copy.itemAllows(account: account, item: item, day: day)
    }

    func canPurchase(account: Int, item: Int, day: Int) -> Bool {
        var copy = ledger
        return copy.canPurchase(account: account, item: item, day: day)
    }

    func hasReachedItemLimit(account: Int, item: Int) -> Bool {
        var copy = ledger
        return copy.hasReachedItemLimit(account: account, item: item)
    }

    func buyersLeft(item: Int) -> Int {
        var copy = ledger
        return copy.buyersLeft(item: item)
    }

    func isExhausted(item: Int) -> Bool {
        var copy = ledger
        return copy.isExhausted(item: item)
    }

    func canReview(account: Int, day: Int) -> Bool {
        var copy = ledger
        return copy.canReview(account: account, day: day)
    }
}

extension CapacityLedger {
    /// The queries on a copy (`LedgerQuery`).
    var query: LedgerQuery { LedgerQuery(ledger: self) }
}
