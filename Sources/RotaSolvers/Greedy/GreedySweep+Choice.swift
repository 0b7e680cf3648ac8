extension GreedySweep {
    /// The least-loaded open account that may buy the item today and review it in time, from
    /// the heaps (`looseHeap` only for lines past the target); the accounts passed over are
    /// held until the kind of line changes, or set apart in `looseHeap` when they can review no
    /// line by the target any more. The chosen account stays on top of its heap for
    /// `settleChosen`.
    mutating func chooseFromHeaps(_ need: LineNeedToday, tight: Bool) -> (account: Int, reviewDay: Int)? {
        let accounts = accountCount
        while true {
            let main = heap.min
            let loose = tight ? nil : looseHeap.min
            let fromLoose: Bool
            let key: Int
            switch (main, loose) {
            case (nil, nil): return nil
            case (let m?, nil): (key, fromLoose) = (m, false)
            case (nil, let l?): (key, fromLoose) = (l, true)
            case (let m?, let l?): (key, fromLoose) = l < m ? (l, true) : (m, false)
            }
            let a = key % accounts
            let current = ledger.loads[a] * accounts + a
            if key != current {
                // Picked among an item's few buyers since it was pushed: refresh its key.
                popTop(fromLoose: fromLoose)
                if ledger.canOpen(account: a, day: need.day) { pushKey(current, loose: fromLoose) }
                continue
            }
            if !ledger.itemAllows(account: a, item: need.item, day: need.day) {
                heldForItem += 1
            } else if let r = ledger.firstReviewDay(account: a, from: need.day + need.lag, through: need.through) {
                chosenFromLoose = fromLoose
                return (a, r)
            } else if tight {
                // No review day by the target from here on: no line due by it today fits.
                deadFrom[a] = min(deadFrom[a], need.day + need.lag)
                if deadFrom[a] <= need.day + shortestPoolLag {
                    popTop(fromLoose: false)
                    looseHeap.push(key)
                    continue
                }
            }
            held.append(fromLoose ? ~key : key)
            popTop(fromLoose: fromLoose)
        }
    }

    /// After a purchase by the top account of its heap: re-key it, or set it aside when it is
    /// full for the day or may not buy this item again today.
    mutating func settleChosen(_ chosen: Int, _ need: LineNeedToday) {
        let key = ledger.loads[chosen] * accountCount + chosen
        if !ledger.canOpen(account: chosen, day: need.day) {
            popTop(fromLoose: chosenFromLoose)
        } else if ledger.lastPurchaseLeftItemRoom {
            if chosenFromLoose { looseHeap.replaceMin(with: key) } else { heap.replaceMin(with: key) }
        } else {
            popTop(fromLoose: chosenFromLoose)
            held.append(chosenFromLoose ? ~key : key)
            heldForItem += 1
        }
        dropIfDone(account: chosen, item: need.item)
    }

    private mutating func popTop(fromLoose: Bool) {
        _ = fromLoose ? looseHeap.popMin() : heap.popMin()
    }

    private mutating func pushKey(_ key: Int, loose: Bool) {
        if loose { looseHeap.push(key) } else { heap.push(key) }
    }

    /// True when only a few accounts may still buy the item (`sameItemPerAccount`): they are
    /// then listed, and scanned instead of popping every account that already bought it.
    mutating func hasFewBuyers(item: Int) -> Bool {
        if fewBuilt[item] { return true }
        let threshold = max(1, min(64, accountCount / 4))
        guard ledger.buyersLeft(item: item) <= threshold else { return false }
        for a in 0..<accountCount where !ledger.hasReachedItemLimit(account: a, item: item) {
            few[item].append(Int32(a))
        }
        fewBuilt[item] = true
        fewItems.append(item)
        return true
    }

    /// The least-loaded account among the item's few buyers that is open today, may buy it
    /// today and can review in time. Its heap entry is left stale and refreshed when it surfaces.
    mutating func chooseFromFew(_ need: LineNeedToday) -> (account: Int, reviewDay: Int)? {
        let accounts = accountCount
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
        for key in held {
            if key < 0 { looseHeap.push(~key) } else { heap.push(key) }
        }
        held.removeAll(keepingCapacity: true)
        heldKind = kind
        heldForItem = 0
    }
}
