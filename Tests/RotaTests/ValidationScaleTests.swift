import PropertyBased
import Testing
import RotaCore
import RotaEvaluation

/// The rolling-window rule against a brute force over every window, and the validator on a
/// large plan.
@Suite struct ValidationScaleTests {
    /// One account's purchases (day offset, pending?) checked by rule 7 alone.
    static func rollingCase(_ purchases: [(Int, Bool)], days: Int, hard: Int) -> (Instance, Plan) {
        let start = Day(ordinal: 20_000)
        let instance = Instance(
            start: start, rules: Rules(reviewLagDays: 1),
            accounts: [Account(id: "acct", dailyLimit: nil, rolling: RollingCap(days: days, hard: hard))], orders: [])
        let tasks = purchases.enumerated().map { n, purchase in
            PlanTask(
                id: TaskID("P\(n)"), kind: .purchase, line: LineID("L\(n)"), order: "O", item: ItemID("I\(n)"),
                account: "acct", date: start + purchase.0, status: purchase.1 ? .pending : .completed)
        }
        return (instance, Plan(tasks: tasks))
    }

    @Test func rollingCapMatchesBruteForce() async {
        let purchases = zip(Gen.int(in: 0...14), Gen.bool).array(of: 0...30)
        await propertyCheck(count: 300, input: purchases, Gen.int(in: 1...5), Gen.int(in: 0...6)) {
            purchases, days, hard in
            let (instance, plan) = Self.rollingCase(purchases, days: days, hard: hard)
            let report = Validator(rules: [RollingCapRule()]).validate(plan, against: instance)
            // Brute force: every window of `days` days that holds any purchase.
            var breached = false
            for first in -days...15 {
                let inside = purchases.filter { $0.0 >= first && $0.0 < first + days }
                if inside.count > hard, inside.contains(where: { $0.1 }) { breached = true }
            }
            #expect(report.isFeasible == !breached)
            // Every reported window really breaches and holds a pending purchase.
            for violation in report.violations {
                guard let from = violation.day else {
                    Issue.record("rolling violation without a day")
                    continue
                }
                let inside = purchases.enumerated().filter {
                    $0.element.0 >= from - instance.start && $0.element.0 < from - instance.start + days
                }
                #expect(violation.tasks.count == inside.count)
                #expect(inside.count > hard)
                #expect(inside.contains { $0.element.1 })
                #expect(Set(violation.tasks) == Set(inside.map { TaskID("P\($0.offset)") }))
            }
        }
    }

    @Test func separateBreachesAreReportedApart() {
        // Three purchases on day 0 and three on day 10, with a hard cap of 2 per 3 days.
        let purchases = [(0, true), (0, true), (0, true), (10, true), (10, true), (10, true)]
        let (instance, plan) = Self.rollingCase(purchases, days: 3, hard: 2)
        let report = Validator().validate(plan, against: instance)
        #expect(report.violations(ofRule: 7).map(\.day) == [instance.start, instance.start + 10])
    }

    /// A feasible plan for `lineCount` lines over 200 accounts, five purchases and five reviews
    /// per account per day.
    static func largeCase(lineCount: Int) -> (Instance, Plan) {
        let start = Day(ordinal: 20_000)
        let accountCount = 200
        let accounts = (0..<accountCount).map {
            Account(id: AccountID("acct-\($0)"), dailyLimit: 5, unavailable: [start + 999],
                    rolling: RollingCap(days: 7, soft: 30, hard: 35))
        }
        var orders: [Order] = []
        var tasks: [PlanTask] = []
        tasks.reserveCapacity(2 * lineCount)
        for n in 0..<lineCount {
            let line = LineID("L\(n)"), order = OrderID("O\(n / 10)"), item = ItemID("I\(n % 7919)")
            if n % 10 == 0 { orders.append(Order(id: order, lines: [])) }
            orders[orders.count - 1].lines.append(Line(id: line, item: item))
            let account = AccountID("acct-\(n % accountCount)")
            let day = start + n / (5 * accountCount)
            tasks.append(
                PlanTask(id: TaskID("P:\(n)"), kind: .purchase, line: line, order: order, item: item, account: account,
                         date: day))
            tasks.append(
                PlanTask(id: TaskID("R:\(n)"), kind: .review, line: line, order: order, item: item, account: account,
                         date: day + 3, after: TaskID("P:\(n)")))
        }
        let instance = Instance(
            start: start, horizonDays: lineCount / (5 * accountCount) + 10,
            rules: Rules(reviewLagDays: 3, reviewsPerAccountPerDay: 5), accounts: accounts, orders: orders)
        return (instance, Plan(tasks: tasks))
    }

    @Test func largePlan() {
        let (instance, plan) = Self.largeCase(lineCount: 50_000)
        let clock = ContinuousClock()
        var report = ValidationReport(violations: [], rules: [])
        let elapsed = clock.measure { report = Validator().validate(plan, against: instance) }
        #expect(report.isFeasible, "\(report.violations.prefix(5))")
        #expect(elapsed < .seconds(60))
        // One purchase too many on one day is found among 100,000 tasks.
        var broken = plan
        broken.tasks[1].kind = .purchase
        broken.tasks[1].id = "P2:0"
        let violations = Validator().validate(broken, against: instance).violations
        #expect(Set(violations.map(\.rule)) == [1, 4, 7])
    }
}
