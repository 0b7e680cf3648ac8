extension InstanceFamily {
    /// Sizes and rules in a line, as `rota generate --list` shows them.
    package var summary: String {
        switch self {
        case .seed: "5 accounts, 30–50 lines, 60 days; SLA tiers, priority indices, due dates, a few days off"
        case .tiny: "2–3 accounts, 4–8 lines, 6–10 days; small enough for an exhaustive search"
        case .small: "10–20 accounts, 100–300 lines, 45 days; soft rolling caps, due dates, earliest dates"
        case .medium:
            "50 accounts, 1,000–3,000 lines, 90 days; skewed items (the top ones wanted more often than there are accounts), days off, due dates, SLA tiers, earliest dates"
        case .large: "200 accounts, ~20,000 lines, 120 days; skewed items, days off, soft rolling caps, due dates"
        case .huge: "1,000 accounts, 500,000 lines, 180 days; skewed items, days off, soft rolling caps, due dates"
        case .tight:
            "25–30 accounts, 200–400 lines, 10–16 items, 45 days; daily limits 1–5, 25% days off, hard rolling caps 2–4 × the daily limit, each item once per account and wanted by 80–100% of the accounts, 2–3 reviews per account a day"
        case .crunch:
            "40–70 accounts, 1,500–2,500 lines, 100 days; binding hard rolling caps (2–4 × the daily limit a week), 1–2 reviews per account a day, each item once per account and wanted by 60–90% of the accounts"
        case .resched: "8–12 accounts, 80–160 lines, 40 days; existing tasks (completed, missed, pending), hard rolling caps"
        case .mipMedium: "50 accounts, 2,000 lines, 300 items, 30 days; days off, hard rolling caps"
        case .mipLarge: "200 accounts, 20,000 lines, 3,000 items, 45 days; days off, hard rolling caps"
        }
    }

    /// Roughly how many lines an instance of the family has (for size caps before generating).
    package var typicalLines: Int {
        switch self {
        case .seed: 40
        case .tiny: 6
        case .small: 200
        case .medium: 2_000
        case .large: 20_000
        case .huge: 500_000
        case .tight: 300
        case .crunch: 2_000
        case .resched: 120
        case .mipMedium: 2_000
        case .mipLarge: 20_000
        }
    }

    func makeShape(rng: inout SplitMix64) -> InstanceGenerator.Shape {
        var s = InstanceGenerator.Shape(name: rawValue)
        switch self {
        case .seed:
            s.accounts = 5
            s.lines = rng.int(in: 30...50)
            s.linesPerOrder = 1...6
            s.items = rng.int(in: 8...14)
            s.itemSkew = 0.8
            s.horizonDays = 60
            s.dailyLimit = 3...3
            s.unavailable = 0.03
            s.reviewLag = 4...4
            s.lagOverride = 0.1
            s.lagOverrideDays = 3...7
            s.earliest = 0.15
            s.earliestSpreadDays = 5
            s.dueDate = 0.3
            s.dueDays = 10...20
            s.slaTier = 0.6
            s.indices = 0.6
        case .tiny:
            s.accounts = rng.int(in: 2...3)
            s.lines = rng.int(in: 4...8)
            s.linesPerOrder = 1...3
            s.items = rng.int(in: 2...4)
            s.horizonDays = rng.int(in: 6...10)
            s.dailyLimit = 1...2
            s.unavailable = 0.1
            s.reviewLag = 1...2
            s.dueDate = 0.5
            s.dueDays = 2...6
            s.weight = 1...3
        case .small:
            s.accounts = rng.int(in: 10...20)
            s.lines = rng.int(in: 100...300)
            s.linesPerOrder = 1...5
            s.items = max(1, s.lines / 5)
            s.itemSkew = 0.6
            s.horizonDays = 45
            s.dailyLimit = 1...4
            s.unavailable = 0.05
            s.rolling = .init(days: 7...7, soft: true, hard: false, fill: 0.8)
            s.reviewLag = 3...5
            s.lagOverride = 0.1
            s.earliest = 0.2
            s.earliestSpreadDays = 10
            s.dueDate = 0.4
            s.dueDays = 7...21
            s.slaTier = 0.3
            s.indices = 0.3
            s.weight = 0.5...3
        case .medium:
            s.accounts = 50
            s.lines = rng.int(in: 1_000...3_000)
            s.linesPerOrder = 1...8
            s.items = max(1, s.lines / 15)
            s.itemSkew = 1.1
            s.horizonDays = 90
            s.dailyLimit = 2...5
            s.unavailable = 0.08
            s.rolling = .init(days: 7...7, soft: true, hard: false, fill: 0.8)
            s.reviewLag = 3...5
            s.lagOverride = 0.05
            s.earliest = 0.3
            s.earliestSpreadDays = 20
            s.dueDate = 0.4
            s.dueDays = 10...40
            s.slaTier = 0.5
            s.indices = 0.4
            s.weight = 0.5...3
        case .large:
            s.accounts = 200
            s.lines = rng.int(in: 19_000...21_000)
            s.linesPerOrder = 1...8
            s.items = 2_000
            s.itemSkew = 0.9
            s.horizonDays = 120
            s.dailyLimit = 2...6
            s.unavailable = 0.05
            s.rolling = .init(days: 7...7, soft: true, hard: false, fill: 0.8)
            s.reviewLag = 3...5
            s.earliest = 0.2
            s.earliestSpreadDays = 30
            s.dueDate = 0.4
            s.dueDays = 14...60
            s.slaTier = 0.4
            s.indices = 0.3
            s.weight = 0.5...3
        case .huge:
            s.accounts = 1_000
            s.lines = 500_000
            s.linesPerOrder = 1...10
            s.items = 20_000
            s.itemSkew = 0.9
            s.horizonDays = 180
            s.dailyLimit = 3...8
            s.unavailable = 0.03
            s.rolling = .init(days: 7...7, soft: true, hard: false, fill: 0.8)
            s.reviewLag = 3...5
            s.earliest = 0.1
            s.earliestSpreadDays = 60
            s.dueDate = 0.3
            s.dueDays = 30...120
            s.slaTier = 0.3
            s.indices = 0.2
            s.weight = 0.5...3
        case .tight:
            // f ∈ [0.8, 1] of the accounts want each item: lines = items × f × accounts, with
            // items ≤ 400 / (f × accounts) so that 200 ≤ lines ≤ 400 (10 × 0.8 × 25 = 200).
            // With one purchase of an item per account, each account buys nearly every item.
            s.accounts = rng.int(in: 25...30)
            let perItem = rng.double(in: 0.8...1.0) * Double(s.accounts)
            s.items = rng.int(in: 10...max(10, min(16, Int(400 / perItem))))
            s.lines = min(400, max(200, Int((Double(s.items) * perItem).rounded())))
            s.evenItems = true
            s.linesPerOrder = 1...4
            s.horizonDays = 45
            s.dailyLimit = 1...5
            s.unavailable = 0.25
            s.rolling = .init(days: 7...7, soft: false, hard: true)
            s.hardCapPerDailyLimit = 2...4
            s.sameItemPerAccount = 1
            s.reviewsPerAccountPerDay = rng.int(in: 2...3)
            s.reviewLag = 2...4
            s.dueDate = 0.5
            s.dueDays = 7...20
            s.weight = 1...3
        case .crunch:
            // f ∈ [0.75, 0.95] of the accounts want each item: items = lines / (f × accounts), so
            // each account buys about 35 lines while a week's hard cap allows 2–4 days' limit
            // and reviews run at 1–2 a day: both caps bind, not the daily limit.
            s.accounts = rng.int(in: 40...70)
            let perItem = rng.double(in: 0.75...0.95) * Double(s.accounts)
            s.lines = rng.int(in: 1_500...2_500)
            s.items = max(1, Int((Double(s.lines) / perItem).rounded()))
            s.evenItems = true
            s.linesPerOrder = 1...6
            s.horizonDays = 100
            s.dailyLimit = 2...5
            s.unavailable = 0.15
            s.rolling = .init(days: 7...7, soft: false, hard: true)
            s.hardCapPerDailyLimit = 2...4
            s.sameItemPerAccount = 1
            s.reviewsPerAccountPerDay = rng.int(in: 1...2)
            s.reviewLag = 3...5
            s.dueDate = 0.4
            s.dueDays = 20...60
            s.weight = 0.5...3
        case .resched:
            s.accounts = rng.int(in: 8...12)
            s.lines = rng.int(in: 80...160)
            s.linesPerOrder = 1...4
            s.items = max(1, s.lines / 6)
            s.itemSkew = 0.5
            s.horizonDays = 40
            s.dailyLimit = 2...4
            s.unavailable = 0.05
            s.rolling = .init(days: 7...7, soft: true, hard: true, fill: 0.7)
            s.reviewLag = 3...4
            s.dueDate = 0.5
            s.dueDays = 5...20
            s.slaTier = 0.3
            s.weight = 0.5...3
            // Lags of 1–6 days on many lines spread the earlier plan's reviews over `start`: some
            // are history, some still pending; the busiest accounts push purchases past `start` too.
            s.lagOverride = 0.4
            s.lagOverrideDays = 1...6
            s.history = .init(days: 3, lines: 0.6, missed: 0.2, pending: 0.7)
        case .mipMedium:
            s.accounts = 50
            s.lines = 2_000
            s.linesPerOrder = 1...6
            s.items = 300
            s.itemSkew = 0.5
            s.horizonDays = 30
            s.dailyLimit = 3...5
            s.unavailable = 0.08
            s.rolling = .init(days: 7...7, soft: false, hard: true, fill: 0.7)
            s.reviewLag = 4...4
            s.dueDate = 0.3
            s.dueDays = 10...25
        case .mipLarge:
            s.accounts = 200
            s.lines = 20_000
            s.linesPerOrder = 1...6
            s.items = 3_000
            s.itemSkew = 0.5
            s.horizonDays = 45
            s.dailyLimit = 4...6
            s.unavailable = 0.08
            s.rolling = .init(days: 7...7, soft: false, hard: true, fill: 0.7)
            s.reviewLag = 4...4
            s.dueDate = 0.3
            s.dueDays = 14...35
        }
        return s
    }
}
