import RotaCore
import RotaSolvers

/// Writes the data section for `models/rota.mod` from a planning problem: line classes,
/// accounts, caps and completed history, days as offsets from the instance's start.
/// The output depends only on the problem (no dictionary order, no clock).
package enum MathProgData {
    /// The `.dat` text for `problem`.
    package static func text(for problem: PlanningProblem) -> String {
        let history = PlanningHistory(problem)
        let classes = LineClass.classes(of: problem)
        let horizon = problem.horizon
        let accounts = 0..<problem.accountCount
        var out = "/* rota data for models/rota.mod"
        if let name = problem.instance.name { out += " — instance \(comment(name))" }
        out += " (start \(problem.instance.start.iso)) */\ndata;\n\n"

        func set(_ name: String, _ members: [Int]) {
            out += "set \(name) :=" + members.map { " \($0)" }.joined() + ";\n"
        }
        /// A parameter given as `key… value` rows; written only when it has rows, except `always`.
        func param(_ name: String, _ rows: [([Int], String)], always: Bool = false) {
            guard always || !rows.isEmpty else { return }
            out += "param \(name) :="
            for (keys, value) in rows { out += "\n  " + keys.map(String.init).joined(separator: " ") + " " + value }
            out += ";\n"
        }

        out += "param T := \(horizon);\n"
        set("A", Array(accounts))
        set("I", Array(0..<problem.itemCount))
        let purchaseClasses = classes.indices.filter { classes[$0].need == .purchase }
        let reviewClasses = classes.indices.filter { classes[$0].need != .purchase }
        set("C", purchaseClasses)
        set("R", reviewClasses)
        out += "\n"
        param("item", purchaseClasses.map { ([$0], String(classes[$0].item)) }, always: true)
        param("first", purchaseClasses.map { ([$0], String(classes[$0].firstPurchaseDay)) }, always: true)
        param("lag", purchaseClasses.map { ([$0], String(classes[$0].lag)) }, always: true)
        var racct: [([Int], String)] = []
        for c in reviewClasses {
            if case .review(let a) = classes[c].need { racct.append(([c], String(a))) }
        }
        param("racct", racct, always: true)
        param("rfirst", reviewClasses.map { ([$0], String(classes[$0].firstReviewDay)) }, always: true)
        // Groups, numbered through the classes in order.
        var groups: [(lineClass: Int, group: LineClass.Group)] = []
        for (c, lineClass) in classes.enumerated() {
            for group in lineClass.groups { groups.append((c, group)) }
        }
        set("G", Array(groups.indices))
        param("gclass", groups.indices.map { ([$0], String(groups[$0].lineClass)) }, always: true)
        param("n", groups.indices.map { ([$0], String(groups[$0].group.count)) }, always: true)
        param("due", groups.indices.compactMap { g in groups[g].group.due.map { ([g], String($0)) } })
        param("weight", groups.indices.map { ([$0], number(groups[$0].group.weight)) })
        out += "\n"

        var unavailable: [([Int], String)] = []
        for a in accounts {
            for d in 0..<horizon where !problem.available[a][d] { unavailable.append(([a, d], "0")) }
        }
        param("available", unavailable)
        param("dailyLimit", accounts.map { ([$0], String(problem.dailyLimit[$0])) }, always: true)
        out += "param sameItemPerDay := \(problem.sameItemPerDay);\n"
        out += "param sameItemTotal := \(problem.sameItemTotal);\n"
        out += "param reviewsPerDay := \(problem.reviewsPerDay);\n"
        out += "param capped := \(problem.reviewsPerDay < PlanningProblem.unlimited ? 1 : 0);\n"
        var windows: [([Int], String)] = []
        var hard: [([Int], String)] = []
        for a in accounts {
            guard let length = problem.windowLength(account: a), let cap = problem.rolling[a]?.hard else { continue }
            windows.append(([a], String(length)))
            hard.append(([a], String(max(0, cap))))
        }
        param("len", windows)
        param("hard", hard)
        out += "\n"

        let historyDays = Set(history.purchaseDays.flatMap { $0 }).sorted()
        set("H", historyDays)
        var buys: [([Int], String)] = []
        for a in accounts {
            for d in historyDays {
                let k = history.purchases(account: a, day: d)
                if k > 0 { buys.append(([a, d], String(k))) }
            }
        }
        param("histBuy", buys)
        var itemDays: [([Int], String)] = []
        var items: [([Int], String)] = []
        // Walk the history itself (accounts × items × days would be far larger), keys ascending.
        for a in accounts {
            for (i, days) in history.itemPurchasesByDay[a].sorted(by: { $0.key < $1.key }) {
                for (d, k) in days.sorted(by: { $0.key < $1.key }) where d >= 0 && d < horizon && k > 0 {
                    itemDays.append(([a, i, d], String(k)))
                }
            }
            for (i, total) in history.itemPurchases[a].sorted(by: { $0.key < $1.key }) where total > 0 {
                items.append(([a, i], String(total)))
            }
        }
        param("histItemDay", itemDays)
        param("histItem", items)
        param("histLoad", accounts.compactMap { history.load[$0] > 0 ? ([$0], String(history.load[$0])) : nil })
        var reviews: [([Int], String)] = []
        for a in accounts {
            for (d, k) in history.reviewsByDay[a].sorted(by: { $0.key < $1.key }) where d >= 0 && d < horizon && k > 0 {
                reviews.append(([a, d], String(k)))
            }
        }
        param("histReview", reviews)
        out += "param floor := \(history.makespanFloor);\n\nend;\n"
        return out
    }

    /// A number as MathProg reads it: integers without a fraction, others in full precision.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return value.isFinite ? String(value) : "0"
    }

    /// Text safe inside a MathProg comment.
    static func comment(_ text: String) -> String {
        text.split(separator: "*/", omittingEmptySubsequences: false).joined(separator: "* /")
    }
}
