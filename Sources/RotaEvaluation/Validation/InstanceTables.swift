import RotaCore

/// The instance's own tables that `ValidationContext` looks tasks up in, built from the
/// instance alone (never from a plan or a solver's state): its lines resolved, each line and
/// account id's first position, and a dense number per item, numbered by first line.
///
/// `ValidationContext(instance:plan:)` builds them; `PlanFinisher` and `rota score` pass the
/// ones the planning problem built from the same instance (`InstanceTables(problem)`: its
/// `lines`, `lineIndex`, `itemIndex`, `lineItem`, `accountIndex`, which follow the same rules:
/// input order, first id wins, items numbered in the order lines first ask for them), so that
/// finishing or scoring a plan does not hash half a million line ids a second time. Those are
/// the problem's id tables only, made from the instance; nothing a solver decided.
package struct InstanceTables: Sendable {
    /// The instance's lines with lag, due date and weight resolved, in input order.
    package let lines: [ResolvedLine]
    /// Each line id's position in `lines` (its first, if listed twice).
    package let lineIndex: IdentifierMap<LineTag>
    /// Per line: whether it is the first with its id.
    package let isFirstOfItsID: [Bool]
    /// Every item some line asks for, numbered in the order lines first ask for it.
    package let itemNumbers: IdentifierMap<ItemTag>
    /// Per line: its item's number.
    package let itemOfLine: [Int]
    /// Each account id's position in `instance.accounts` (its first, if listed twice).
    package let accountIndex: IdentifierMap<AccountTag>
    /// Per account: whether it is the first with its id.
    package let isFirstAccountOfItsID: [Bool]

    /// The tables of `instance`.
    package init(_ instance: Instance) {
        self.init(instance, lineIndex: nil)
    }

    /// The tables of `instance`, taking `lineIndex` as its line index when given: it must be
    /// the index of this instance's line ids with no id twice, each line's position in
    /// `Instance.resolvedLines` (the one `InstanceChecker.checkAndIndex` builds on an instance
    /// it passes).
    package init(_ instance: Instance, lineIndex given: IdentifierMap<LineTag>?) {
        let lines = instance.resolvedLines
        let taken = given.flatMap { $0.count == lines.count ? $0 : nil }
        var lineIndex = taken ?? IdentifierMap<LineTag>(capacity: lines.count)
        var isFirstOfItsID = [Bool](repeating: taken != nil, count: lines.count)
        // Items are numbered by line, so that a task whose item is its line's (every task of
        // a valid plan) needs no lookup of its own.
        var itemNumbers = IdentifierMap<ItemTag>(capacity: 1024)
        var itemOfLine: [Int] = []
        itemOfLine.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            if taken == nil, lineIndex.insertIfAbsent(line.id, n) == nil { isFirstOfItsID[n] = true }
            // An item's number is the count of items before it.
            itemOfLine.append(itemNumbers.insertIfAbsent(line.item, itemNumbers.count) ?? itemNumbers.count - 1)
        }
        var accountIndex = IdentifierMap<AccountTag>(capacity: instance.accounts.count)
        var isFirstAccountOfItsID = [Bool](repeating: false, count: instance.accounts.count)
        for (n, account) in instance.accounts.enumerated() where accountIndex.insertIfAbsent(account.id, n) == nil {
            isFirstAccountOfItsID[n] = true
        }
        self.lines = lines
        self.lineIndex = lineIndex
        self.isFirstOfItsID = isFirstOfItsID
        self.itemNumbers = itemNumbers
        self.itemOfLine = itemOfLine
        self.accountIndex = accountIndex
        self.isFirstAccountOfItsID = isFirstAccountOfItsID
    }

    /// The tables the planning problem built from its instance.
    package init(_ problem: PlanningProblem) {
        self.init(
            problem.instance, lines: problem.lines, lineIndex: problem.lineIndex, itemNumbers: problem.itemIndex,
            itemOfLine: problem.lineItem, accountIndex: problem.accountIndex)
    }

    /// Tables built elsewhere from `instance` by the same rules (see the type's note).
    /// Which positions are first with their id is found here: all of them when the index
    /// holds as many ids as there are lines (accounts), else by one lookup each.
    package init(
        _ instance: Instance, lines: [ResolvedLine], lineIndex: IdentifierMap<LineTag>,
        itemNumbers: IdentifierMap<ItemTag>, itemOfLine: [Int], accountIndex: IdentifierMap<AccountTag>
    ) {
        self.lines = lines
        self.lineIndex = lineIndex
        self.itemNumbers = itemNumbers
        self.itemOfLine = itemOfLine
        self.accountIndex = accountIndex
        isFirstOfItsID =
            lineIndex.count == lines.count
            ? [Bool](repeating: true, count: lines.count)
            : lines.indices.map { lineIndex[lines[$0].id] == $0 }
        let accounts = instance.accounts
        isFirstAccountOfItsID =
            accountIndex.count == accounts.count
            ? [Bool](repeating: true, count: accounts.count)
            : accounts.indices.map { accountIndex[accounts[$0].id] == $0 }
    }
}
