import RotaCore

extension GreedyDecisions {
    /// The decisions in dense form: each scheduled line's purchase (nil when completed) and
    /// review, with the account that makes both.
    var schedule: DenseSchedule {
        var schedule = DenseSchedule(lineCount: reviewDay.count)
        for l in 0..<reviewDay.count where cause[l] == .none && account[l] >= 0 && reviewDay[l] >= 0 {
            let a = Int(account[l])
            let p = Int(purchaseDay[l])
            schedule.schedule(
                line: l, purchase: p >= 0 ? Placement(account: a, day: p) : nil,
                review: Placement(account: a, day: Int(reviewDay[l])))
        }
        return schedule
    }
}
