import RotaCore

/// A max-flow relaxation: with every pending review before `M`, no plan schedules more of the
/// possible lines than a network routes, so it leaves out at least the rest.
///
/// The network for a makespan `M` (capacities from `BoundAccounts`, history subtracted; only
/// lines whose earliest review is before `M`, the others are `late(M)`):
///
/// - `source → class c` (lines needing a purchase with the same item, earliest purchase `e_c`,
///   earliest review and lag `ℓ_c`; the item only when `sameItemPerAccount` is finite), capacity
///   the class's line count;
/// - `class c → X_ℓ(a, e_c)`, capacity `min(count, sameItemPerAccount − a's history of the
///   item)`. Exact when an item has one class; for items split over several classes the cap holds
///   per class only (a relaxation);
/// - a chain per account and lag, `X_ℓ(a, d) → X_ℓ(a, d + 1)` for `d < D_{a,ℓ}`, with
///   `D_{a,ℓ} = lastReviewDay_a(M − 1) − ℓ`: a line reviewed by `a` on `r ≤ M − 1` (a day `a` can
///   review, so `r ≤ lastReviewDay`) was bought on `p ≤ r − ℓ ≤ D`, and on `p ≥ e_c`, so the chain
///   holds exactly the purchase days `[e_c, D_{a,ℓ}]`;
/// - `X_ℓ(a, d) → P(a, d)` on days `a` may buy (capacity, not blocked by history's windows);
/// - `P(a, d) → R(a, max(0, d + ℓmin))`, capacity `dayCap[a][d]` (daily limit less history);
///   `ℓmin` is the smallest lag of the classes, so a review on `r ≥ d + ℓ` is reachable;
/// - the review chain `R(a, r) → R(a, r + 1)` for `r < M − 1`, and `R(a, r) → sink` with capacity
///   `reviewCap[a][r]` (reviews per account per day less history);
/// - a line whose purchase is completed enters at `R(a, max(0, purchase + lag))` from the source.
///
/// Every plan maps line by line to an integral flow along these arcs within every capacity, so
/// `drops(M) = late(M) + (lines with earliest review < M) − maxflow`. Every capacity and chain
/// only grows with `M`, so `drops` never increases with `M`.
///
/// Rolling hard caps: the plain variant (`flow`) ignores them. The `rolling` variant
/// (`flow-rolling`) cuts the days of an account with a hard window `(w, h)` into blocks
/// `[k·w, k·w + w − 1]`; each lies within one rolling window, so it holds at most `h −` the
/// completed purchases in it. Where a block's buying days could hold more (the block *binds*),
/// the chain's nodes of that block lead to `Bin(a, k) → Bout(a, k)` (capacity the cap left) and
/// `Bout(a, k) → P(a, d)` for the block's buying days, instead of straight to `P(a, d)`. The cap
/// then sits before the days, where a flow can hold it, and the review timing stays exact; the
/// price is that a class entering the chain inside a binding block may buy on that block's
/// earlier days, and that with several lags a purchase may pass its own lag's deadline within
/// the block (reviews still need `r ≥ d + ℓmin`). Every plan still maps to a flow (a purchase on
/// `p` in a binding block goes `X_ℓ(a, p) → Bin → Bout → P(a, p)`), so both variants are valid
/// and the bound takes each.
///
/// The prefix variant (`flow-prefix`, with any hard window) instead holds, per account and
/// lag, every prefix cap at once: `purchasePrefix[a][t]` (`BoundAccounts`: the most pending
/// purchases on days `0...t` under daily limits and every sliding window, history included).
/// Prefixes are nested, so a chain carries them: the classes enter a top node, then
/// `top → Q(a, D) → Q(a, D − 1) → … → Q(a, 0)` with the arc into `Q(a, t)` capped by
/// `purchasePrefix[a][t]` (it carries every purchase of that chain on days `0...t`), and
/// `Q(a, t) → P(a, t)`. It ignores first purchase days (a relaxation) and, with several lags,
/// holds each prefix cap per lag; review timing is exact. Since reviews only push purchases
/// earlier, prefix caps are the windows' binding form when lines have no first day.
///
/// Size rule: the network has about `classes × accounts + accounts × M × (2 × lags + 4)` arcs;
/// makespans `M` past `arcLimit` (and any `M` with negative lags, or above `lineLimit` possible
/// lines) prove only `late(M)`. So `huge` (1,000 accounts, 500,000 lines) skips the flow and
/// pays only a line count.
struct FlowArgument: DropArgument {
    let name: String
    let deadlines: ReviewDeadlines
    let enabled: Bool
    let isCostly = true

    /// Above this many estimated arcs the network is not built.
    static let arcLimit = 300_000
    /// Above this many possible lines the classes are not even grouped.
    static let lineLimit = 200_000

    /// Makespans above this many days are not checked (the network would pass `arcLimit`):
    /// `drops` is `late(M)` there, still valid, and never increasing since `late(M)` is at most
    /// the flow's drops and never increases.
    private let maxDays: Int

    private let accounts: BoundAccounts
    private let rolling: Bool
    /// The prefix variant (see the type's comment).
    private let prefix: Bool
    /// The line classes needing a purchase.
    private let classes: [LineClass]
    /// `classCap[c * accounts + a]`: lines of class `c` account `a` may buy.
    private let classCap: [Int]
    /// Lines whose purchase is completed, grouped by (account, first review day, earliest review).
    private let reviews: [ReviewClass]
    /// Distinct lags of the classes, ascending, and per lag the earliest purchase day.
    private let lags: [Int]
    private let lagStart: [Int]
    /// `buyable[a][d]`: `a` may make some pending purchase on `d`.
    private let buyable: [[Bool]]
    /// Per account with a binding block: window length, and per block its cap (nil: not binding).
    private let blockLength: [Int]
    private let blockCap: [[Int?]]
    private let ceiling: Int

    struct LineClass {
        var item: Int
        var first: Int
        var review: Int
        var lag: Int
        var count: Int
    }

    struct ReviewClass {
        var account: Int
        var day: Int
        var review: Int
        var count: Int
    }

    init(
        _ problem: PlanningProblem, lines: BoundLines, accounts: BoundAccounts, deadlines: ReviewDeadlines,
        rolling: Bool, prefix: Bool = false
    ) {
        name = prefix ? "flow-prefix" : rolling ? "flow-rolling" : "flow"
        self.deadlines = deadlines
        self.accounts = accounts
        self.rolling = rolling && !prefix
        self.prefix = prefix
        let accountCount = accounts.accountCount
        let days = accounts.days
        ceiling = lines.possible.count + 1
        let itemMatters = problem.sameItemTotal < PlanningProblem.unlimited
        // Past `lineLimit` nothing is grouped (not even the lags are collected): `huge` pays nothing.
        let small = lines.possible.count <= Self.lineLimit
        let lagSet = small ? Set(lines.possible.lazy.filter(\.needsPurchase).map(\.lag)) : []
        let negative = small && lines.possible.contains { $0.lag < 0 }

        var classIndex: [ClassKey: Int] = [:]
        var classes: [LineClass] = []
        var reviewIndex: [ClassKey: Int] = [:]
        var reviews: [ReviewClass] = []
        if small && !negative && accountCount > 0 {
            for entry in lines.possible {
                if entry.needsPurchase {
                    let item = itemMatters ? entry.item : 0
                    let key = ClassKey(a: item, b: entry.earliestPurchase, c: entry.earliestReview, d: entry.lag)
                    if let c = classIndex[key] {
                        classes[c].count += 1
                    } else {
                        classIndex[key] = classes.count
                        classes.append(
                            LineClass(
                                item: item, first: entry.earliestPurchase, review: entry.earliestReview,
                                lag: entry.lag, count: 1))
                    }
                } else if case .review(let account, let purchaseDay) = problem.need[entry.line] {
                    let day = max(0, purchaseDay + entry.lag)
                    let key = ClassKey(a: account, b: day, c: entry.earliestReview, d: 0)
                    if let c = reviewIndex[key] {
                        reviews[c].count += 1
                    } else {
                        reviewIndex[key] = reviews.count
                        reviews.append(
                            ReviewClass(account: account, day: day, review: entry.earliestReview, count: 1))
                    }
                }
            }
        }
        // The size rule: class arcs plus per-day arcs up to the makespan asked about.
        let classArcs = classes.count * accountCount + reviews.count
        let perDay = max(1, accountCount * (2 * lagSet.count + 4))
        maxDays = classArcs <= Self.arcLimit ? (Self.arcLimit - classArcs) / perDay : 0
        guard !classes.isEmpty || !reviews.isEmpty, maxDays > 0, days > 0 else {
            self.enabled = false
            self.classes = []
            classCap = []
            self.reviews = []
            lags = []
            lagStart = []
            buyable = []
            blockLength = []
            blockCap = []
            return
        }
        self.classes = classes
        self.reviews = reviews
        var classCap = [Int](repeating: 0, count: classes.count * accountCount)
        for (c, lineClass) in classes.enumerated() {
            for a in 0..<accountCount {
                var cap = lineClass.count
                if itemMatters {
                    let used = accounts.itemHistory[a][lineClass.item] ?? 0
                    cap = min(cap, max(0, problem.sameItemTotal - used))
                }
                classCap[c * accountCount + a] = cap
            }
        }
        self.classCap = classCap
        let lags = lagSet.sorted()
        self.lags = lags
        lagStart = lags.map { lag in classes.filter { $0.lag == lag }.map(\.first).min() ?? 0 }

        var buyable: [[Bool]] = []
        for a in 0..<accountCount {
            var flags = [Bool](repeating: false, count: days)
            let runs = accounts.buyRuns[a]
            var i = 0
            while i + 1 < runs.count, runs[i] < days {
                for d in runs[i]..<min(runs[i + 1], days) { flags[d] = accounts.dayCap[a][d] > 0 }
                i += 2
            }
            buyable.append(flags)
        }
        self.buyable = buyable

        // Blocks of each account's rolling window where the hard cap (less history) is below
        // what the block's buying days could hold. Each block is judged over all its days (also
        // those past the tables' window), so the choice does not depend on the window.
        var blockLength = [Int](repeating: 0, count: accountCount)
        var blockCap = [[Int?]](repeating: [], count: accountCount)
        var binding = false
        if rolling {
            let horizon = problem.horizon
            var boughtOn = [[Int: Int]](repeating: [:], count: accountCount)
            for purchase in problem.completedPurchases where purchase.day >= 0 && purchase.day < horizon {
                boughtOn[purchase.account][purchase.day, default: 0] += 1
            }
            for a in 0..<accountCount {
                guard let window = accounts.window[a] else { continue }
                let w = max(1, min(window.days, horizon))
                blockLength[a] = w
                var caps: [Int?] = []
                var start = 0
                while start < days {
                    let end = min(horizon, start + w)
                    var used = 0
                    var room = 0
                    for d in start..<end {
                        let bought = boughtOn[a][d] ?? 0
                        used += bought
                        guard DayRuns.next(in: accounts.buyRuns[a], from: d, horizon: horizon) == d else { continue }
                        room += min(max(0, min(problem.dailyLimit[a], PlanningProblem.unlimited) - bought), ceiling)
                    }
                    let left = max(0, window.hard - used)
                    if left < room {
                        caps.append(left)
                        binding = true
                    } else {
                        caps.append(nil)
                    }
                    start = end
                }
                blockCap[a] = caps
            }
        }
        self.blockLength = blockLength
        self.blockCap = blockCap
        enabled = prefix ? accounts.window.contains { $0 != nil } : !rolling || binding
    }

    func drops(makespan: Int) -> Int {
        let late = deadlines.late(makespan)
        let end = min(makespan, accounts.days)
        guard enabled, end > 0, end <= maxDays else { return late }
        var early = 0
        for c in classes where c.review < end { early += c.count }
        for r in reviews where r.review < end { early += r.count }
        guard early > 0 else { return late }
        return late + max(0, early - maxFlow(end))
    }

    /// The most lines with earliest review before `end` the network for makespan `end` routes.
    private func maxFlow(_ end: Int) -> Int {
        let accountCount = accounts.accountCount
        let minLag = lags.first ?? 0
        // Node numbering: source, sink, classes, then per account P(a, ·), R(a, ·), blocks and chains.
        let source = 0
        let sink = 1
        var nodes = 2 + classes.count
        var dayBase = [Int](repeating: 0, count: accountCount)
        var reviewBase = [Int](repeating: 0, count: accountCount)
        var blockBase = [Int](repeating: 0, count: accountCount)
        var chainBase = [Int](repeating: 0, count: accountCount * lags.count)
        var chainEnd = [Int](repeating: -1, count: accountCount * lags.count)
        for a in 0..<accountCount {
            dayBase[a] = nodes
            reviewBase[a] = nodes + end
            nodes += 2 * end
            blockBase[a] = nodes
            if rolling { nodes += 2 * blockCap[a].count }
            let last = accounts.lastReviewDay[a][end - 1]
            for (i, lag) in lags.enumerated() {
                let deadline = min(end - 1, last - lag)
                chainBase[a * lags.count + i] = nodes
                let first = prefix ? 0 : lagStart[i]
                guard last >= 0, deadline >= first else { continue }
                chainEnd[a * lags.count + i] = deadline
                // The prefix variant's chain has one more node, its top (entered by the classes).
                nodes += deadline - first + 1 + (prefix ? 1 : 0)
            }
        }
        var flow = MaxFlow(nodes: nodes, arcs: classes.count * accountCount + accountCount * end * 6)
        let infinite = ceiling
        for (c, lineClass) in classes.enumerated() where lineClass.review < end {
            flow.addArc(source, 2 + c, lineClass.count)
            let i = lags.firstIndex(of: lineClass.lag) ?? 0
            for a in 0..<accountCount {
                let k = a * lags.count + i
                guard lineClass.first <= chainEnd[k] else { continue }
                let entry = prefix ? chainBase[k] + chainEnd[k] + 1 : chainBase[k] + lineClass.first - lagStart[i]
                flow.addArc(2 + c, entry, classCap[c * accountCount + a])
            }
        }
        for r in reviews where r.review < end && r.day < end {
            flow.addArc(source, reviewBase[r.account] + r.day, r.count)
        }
        for a in 0..<accountCount {
            let w = blockLength[a]
            let caps = rolling ? blockCap[a] : []
            /// The binding block holding day `d`, if any.
            func binding(_ d: Int) -> Int? {
                guard w > 0, d / w < caps.count, caps[d / w] != nil else { return nil }
                return d / w
            }
            for i in lags.indices where prefix {
                // Top → Q(D) → Q(D − 1) → … → Q(0): the arc into Q(t) carries every purchase on
                // days 0...t of this chain, at most `purchasePrefix[a][t]`.
                let k = a * lags.count + i
                guard chainEnd[k] >= 0 else { continue }
                let top = chainBase[k] + chainEnd[k] + 1
                for t in 0...chainEnd[k] {
                    let cap = min(accounts.purchasePrefix[a][t], infinite)
                    flow.addArc(t == chainEnd[k] ? top : chainBase[k] + t + 1, chainBase[k] + t, cap)
                    if buyable[a][t] { flow.addArc(chainBase[k] + t, dayBase[a] + t, infinite) }
                }
            }
            for i in lags.indices where !prefix {
                let k = a * lags.count + i
                guard chainEnd[k] >= lagStart[i] else { continue }
                for d in lagStart[i]...chainEnd[k] {
                    let node = chainBase[k] + d - lagStart[i]
                    if d < chainEnd[k] { flow.addArc(node, node + 1, infinite) }
                    if let block = binding(d) {
                        flow.addArc(node, blockBase[a] + 2 * block, infinite)
                    } else if buyable[a][d] {
                        flow.addArc(node, dayBase[a] + d, infinite)
                    }
                }
            }
            for (block, cap) in caps.enumerated() {
                guard let cap, block * w < end else { continue }
                flow.addArc(blockBase[a] + 2 * block, blockBase[a] + 2 * block + 1, cap)
                for d in (block * w)..<min(end, block * w + w) where buyable[a][d] {
                    flow.addArc(blockBase[a] + 2 * block + 1, dayBase[a] + d, infinite)
                }
            }
            for d in 0..<end where buyable[a][d] {
                let entry = max(0, d + minLag)
                if entry < end { flow.addArc(dayBase[a] + d, reviewBase[a] + entry, min(accounts.dayCap[a][d], infinite)) }
            }
            for r in 0..<end {
                if r + 1 < end { flow.addArc(reviewBase[a] + r, reviewBase[a] + r + 1, infinite) }
                flow.addArc(reviewBase[a] + r, sink, min(accounts.reviewCap[a][r], infinite))
            }
        }
        return flow.run(source: source, sink: sink)
    }
}

/// A class's identity: four integers.
private struct ClassKey: Hashable {
    var a: Int
    var b: Int
    var c: Int
    var d: Int
}
