import RotaCore

extension ValidationContext {
    /// The days on which `tasks` (one account's, sorted by day) number more than `limit`
    /// with at least one pending task among them (a breach of history alone is not the plan's).
    func dailyBreaches(of tasks: ArraySlice<Int>, limit: Int) -> [(day: Day, tasks: ArraySlice<Int>)] {
        runs(of: tasks, by: { dayOfTask[$0] }).compactMap { run in
            guard run.count > limit, run.contains(where: isPending), let first = run.first else { return nil }
            return (day(ofTask: first), run)
        }
    }

    /// A violation naming every task of `tasks` and their lines.
    func violation(rule: Int, tasks: ArraySlice<Int>, account: AccountID, day: Day, message: String) -> Violation {
        Violation(
            rule: rule, tasks: tasks.map { task($0).id }, lines: tasks.map { task($0).line }, account: account,
            day: day, message: message)
    }
}
