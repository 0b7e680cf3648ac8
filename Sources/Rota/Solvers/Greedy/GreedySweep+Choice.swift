extension GreedySweep {
    /// The least-loaded open account that may buy the item today and review it in time, from
    /// the heap; the accounts passed over are held until the kind of line changes. The chosen
    /// account stays on top of the heap for `settleChosen`.
    mutating func chooseFromHeap(_ need: LineNeedToday) -> (account: Int, reviewDay: Int)? {
        let accounts = problem.accountCount
        while let key = heap.min {
            let a = key % accounts
            let current = ledger.loads[a] * accounts + a
            if key != current {
                // Picked among an item's few buyers since it was pushed: refresh its key.
                _ = heap.popMin()
                if ledger.canOpen(account: a, day: need.day) { heap.push(current) }
                continue
            }
            if !ledger.itemAllows(account: a, item: need.item, day: need.day) {
                heldForItem += 1
            } else if let r = ledger.firstReviewDay(account: a, from: need.day + need.lag, through: need.through) {
                return (a, r)
            }
            held.append(key)
            _ = heap.popMin()
        }
        return nil
    }

    /// After a purchase by the heap's top account: re-key it, or set it aside when it is full
    /// for the day or may not buy this item again today.
    mutating func settleChosen(_ chosen: Int, _ need: LineNeedToday) {
        let key = ledger.loads[chosen] * problem.accountCount + chosen
        if !ledger.canOpen(account: chosen, day: need.day) {
            _ = heap.popMin()
        } else if ledger.itemAllows(account: chosen, item: need.item, day: need.day) {
            heap.replaceMin(with: key)
        } else {
            _ = heap.popMin()
            held.append(key)
            heldForItem += 1
        }
        dropIfDone(account: chosen, item: need.item)
    }

    /// True when only a few accounts may still buy the item (`sameItemPerAccount`): they are
    /// then listed, and scanned instead of popping every account that already bought it.
    mutating func hasFewBuyers(item: Int) -> Bool {
        if fewBuilt[item] { return true }
        let threshold = max(1, min(64, problem.accountCount / 4))
        guard ledger.buyersLeft(item: item) <= threshold else { return false }
        for a in 0..<problem.accountCount where !ledger.hasReachedItemLimit(account: a, item: item) {
            few[item].append(Int32(a))
        }
        fewBuilt[item] = true
        fewItems.append(item)
        return true
    }

    /// The least-loaded account among the item's few buyers that is open today, may buy it
    /// today and can review in time. Its heap entry is left stale and refreshed when it surfaces.
    mutating func chooseFromFew(_ need: LineNeedToday) -> (account: Int, reviewDay: Int)? {
        let accounts = problem.accountCount
        var best: (account: Int, reviewDay: Int)?
        var bestKey = Int.max
        for k in few[need.item].indices {
            let a = Int(few[need.item][k])
            let key = ledger.loads[a] * accounts + a
            guard key < bestKey, ledger.canOpen(account: a, day: need.day),
                ledger.itemAllows(account: a, item: need.item, day: need.day),
                let r = ledger.firstReviewDay(account: a, from: need.day + need.lag, through: need.through)
            else { continue }
            best = (a, r)
            bestKey = key
        }
        return best
    }

    /// Takes the account off the item's few-buyers list once it reached `sameItemPerAccount`.
    mutating func dropIfDone(account a: Int, item: Int) {
        guard fewBuilt[item], ledger.hasReachedItemLimit(account: a, item: item),
            let k = few[item].firstIndex(of: Int32(a))
        else { return }
        few[item].swapAt(k, few[item].count - 1)
        few[item].removeLast()
    }

    /// Puts the held accounts back in the heap and starts holding for lines of `kind`.
    mutating func releaseHeld(kind: Int) {
        for key in held { heap.push(key) }
        held.removeAll(keepingCapacity: true)
        heldKind = kind
        heldForItem = 0
    }
}
