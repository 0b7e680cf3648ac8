import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaFormat

/// The two-core tools behind the 500,000-line path give what one core gives.
@Suite struct OrderedPipelineTests {
    /// Items produced on two threads are consumed in order, each once, whatever the timing;
    /// a slot is never reused before its item was consumed.
    @Test func consumesEveryItemInOrder() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let count = Int(rng.below(40))
            let ahead = [2, 3, 4][Int(rng.below(3))]
            let slots = SlotBox(count: ahead)
            let spins = (0..<count).map { _ in Int(rng.below(2_000)) }
            var consumed: [Int] = []
            OrderedPipeline.run(
                count: count, ahead: ahead,
                produce: { item in
                    var x = 0
                    for k in 0..<spins[item] { x &+= k }
                    slots.put(item * 10 + (x & 0), at: item % ahead)
                },
                consume: { item in consumed.append(slots.take(at: item % ahead)) })
            #expect(consumed == (0..<count).map { $0 * 10 })
            #expect(slots.produced == count)
        }
    }

    /// An error while consuming stops the pipeline and is rethrown; nothing after it is consumed.
    @Test func aConsumersErrorStopsIt() {
        struct Stop: Error {}
        for stopAt in [0, 1, 5, 19] {
            let slots = SlotBox(count: 4)
            var consumed: [Int] = []
            #expect(throws: Stop.self) {
                try OrderedPipeline.run(
                    count: 20, ahead: 4, produce: { item in slots.put(item, at: item % 4) },
                    consume: { (item) throws(Stop) in
                        if item == stopAt { throw Stop() }
                        consumed.append(slots.take(at: item % 4))
                    })
            }
            #expect(consumed == Array(0..<stopAt))
        }
    }
}

/// Slots shared by a pipeline's threads (each slot used by one item at a time).
private final class SlotBox: @unchecked Sendable {
    private var values: [Int?]
    private let lock = NSLock()
    private(set) var produced = 0

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func put(_ value: Int, at slot: Int) {
        lock.lock()
        defer { lock.unlock() }
        precondition(values[slot] == nil, "slot reused before its item was consumed")
        values[slot] = value
        produced += 1
    }

    func take(at slot: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let value = values[slot]!
        values[slot] = nil
        return value
    }
}

/// An instance's orders, or a plan's tasks, read in two halves, the second on another core
/// (`ElementsAhead`), give what reading them in one go gives, whether the guessed middle is
/// an element's start or not.
@Suite struct ElementsAheadTests {
    static func guess(_ bytes: [UInt8]) -> Int? {
        ElementsAhead<Order>.guess(in: bytes, boundary: InstanceDecoder.orderBoundary)
    }

    static func orders(_ bytes: [UInt8], from start: Int) -> (elements: [Order], end: Int)? {
        ElementsAhead<Order>.read(bytes, from: start) { scanner, _ in InstanceDecoder.scanOrder(&scanner) }
    }

    static func bytes(_ instance: Instance, compact: Bool) -> [UInt8] {
        var writer = JSONWriter(compact: compact)
        writer.write(InstanceEncoder.encode(instance), indent: 0)
        return writer.out
    }

    /// Where `text` first occurs in `bytes` (its end when it does not).
    static func offset(of text: String, in bytes: [UInt8]) -> Int {
        bytes.firstRange(of: Array(text.utf8))?.lowerBound ?? bytes.count
    }

    @Test(arguments: [("medium", UInt64(1)), ("resched", 2), ("crunch", 3), ("small", 4)])
    func twoHalvesReadAsOne(family: String, seed: UInt64) throws {
        let instance = try #require(InstanceFamily(rawValue: family)).generate(seed: seed)
        for compact in [false, true] {
            let bytes = Self.bytes(instance, compact: compact)
            // Read outside the expectations, which would print the bytes when failing.
            let one = InstanceDecoder.streamed(bytes, splitFrom: .max)
            let two = InstanceDecoder.streamed(bytes, splitFrom: 0)
            let whole = try #require(one)
            #expect(two == whole)
            #expect(whole.orders == instance.orders)
            // Where the middle of the file falls among the orders (not in a history after them),
            // the guess is an order's start and the half read from it ends at the orders' `]`.
            let ordersEnd = whole.existing.isEmpty ? bytes.count : Self.offset(of: #""existing""#, in: bytes)
            if Concurrently.isParallel, bytes.count / 2 < ordersEnd, let start = Self.guess(bytes) {
                let rest = Self.orders(bytes, from: start)
                let endsAtBracket = rest.map { bytes[$0.end] == UInt8(ascii: "]") } ?? false
                let lastOrders = rest.map { Array(whole.orders.suffix($0.elements.count)) == $0.elements } ?? false
                #expect(endsAtBracket)
                #expect(lastOrders)
            }
        }
    }

    /// A second half the scanner refuses (an order with an unknown member) sends the whole
    /// file to the checked reader, as reading it in one go does.
    @Test func aRefusedSecondHalfIsRefusedAsAWhole() throws {
        let instance = try #require(InstanceFamily(rawValue: "medium")).generate(seed: 5)
        var bytes = Self.bytes(instance, compact: true)
        let one = InstanceDecoder.streamed(bytes, splitFrom: .max)
        let two = InstanceDecoder.streamed(bytes, splitFrom: 0)
        let whole = try #require(one)
        #expect(two == whole)
        let member = Array(#""id":"#.utf8)
        var k = bytes.count / 2
        while !bytes[k...].starts(with: member) { k += 1 }
        bytes.replaceSubrange(k..<k + member.count, with: Array(#""zz":"#.utf8))
        let refusedInOne = InstanceDecoder.streamed(bytes, splitFrom: .max) == nil
        let refusedInTwo = InstanceDecoder.streamed(bytes, splitFrom: 0) == nil
        #expect(refusedInOne)
        #expect(refusedInTwo)
    }

    /// A guess that is not where an order begins (here an account, when accounts fill the
    /// middle of the file) is never met by the reader, which reads every order itself.
    @Test func aGuessThatIsNoOrderIsNotTaken() throws {
        var instance = try #require(InstanceFamily(rawValue: "small")).generate(seed: 6)
        let start = instance.start
        instance.accounts += (0..<3_000).map { n in
            Account(id: AccountID("extra-\(n)"), dailyLimit: 1, unavailable: [start + 3, start + 9])
        }
        let bytes = Self.bytes(instance, compact: false)
        if Concurrently.isParallel {
            let guess = Self.guess(bytes)
            let beforeOrders = guess.map { $0 < Self.offset(of: #""orders""#, in: bytes) } ?? false
            let refused = guess.map { Self.orders(bytes, from: $0) == nil } ?? false
            #expect(beforeOrders)
            #expect(refused)
        }
        let one = InstanceDecoder.streamed(bytes, splitFrom: .max)
        let two = InstanceDecoder.streamed(bytes, splitFrom: 0)
        let whole = try #require(one)
        #expect(two == whole)
        #expect(whole.orders == instance.orders)
    }

    /// With no order boundary after the middle (one order holding every line), there is no
    /// guess, and the instance is read in one go.
    @Test func noGuessWithinOneOrder() throws {
        let instance = try #require(InstanceFamily(rawValue: "small")).generate(seed: 9)
        var single = instance
        single.orders = [Order(id: "all", lines: instance.orders.flatMap(\.lines))]
        let bytes = Self.bytes(single, compact: false)
        let guess = Self.guess(bytes)
        #expect(guess == nil)
        let one = InstanceDecoder.streamed(bytes, splitFrom: .max)
        let two = InstanceDecoder.streamed(bytes, splitFrom: 0)
        let whole = try #require(one)
        #expect(two == whole)
    }

    /// A plan's tasks in two halves: plans from solving, pretty and compact, with history
    /// (rescheduling), and one whose second half the scanner refuses.
    @Test(arguments: [("medium", UInt64(3)), ("resched", 1), ("large", 2)])
    func planTasksInTwoHalves(family: String, seed: UInt64) throws {
        let instance = try #require(InstanceFamily(rawValue: family)).generate(seed: seed)
        let plan = try Planner().plan(instance, with: GreedySolver()).plan.annotated(for: instance)
        for pretty in [false, true] {
            var bytes = RotaJSON.encode(plan, pretty: pretty)
            let one = PlanDecoder.streamed(bytes, splitFrom: .max)
            let two = PlanDecoder.streamed(bytes, splitFrom: 0)
            let whole = try #require(one)
            #expect(two == whole)
            #expect(whole.tasks == plan.tasks)
            // A task the scanner refuses, after the middle: refused in two halves as in one.
            let key = Array(#""kind""#.utf8)
            var k = bytes.count / 2 + bytes.count / 4
            while !bytes[k...].starts(with: key) { k += 1 }
            bytes.replaceSubrange(k..<k + key.count, with: Array(#""kinx""#.utf8))
            let refusedInOne = PlanDecoder.streamed(bytes, splitFrom: .max) == nil
            let refusedInTwo = PlanDecoder.streamed(bytes, splitFrom: 0) == nil
            #expect(refusedInOne)
            #expect(refusedInTwo)
        }
    }
}

/// What is built in two halves on two cores (a plan's tasks, the validator's task tables)
/// equals what is built in one go, damaged input included.
@Suite struct HalvesTests {
    @Test func planBuilderHalvesEqualOneGo() throws {
        let instance = try #require(InstanceFamily(rawValue: "medium")).generate(seed: 4)
        let problem = PlanningProblem(instance)
        var builder = PlanBuilder(problem: problem)
        for l in 0..<problem.lineCount {
            let account = l % problem.accountCount
            switch l % 7 {
            case 3: builder.leaveOut(line: l, reason: "no capacity")
            case 5: builder.schedule(line: l, purchase: nil, review: Placement(account: account, day: 4))
            case 6: continue  // neither scheduled nor left out
            default:
                builder.schedule(
                    line: l, purchase: Placement(account: account, day: l % 9),
                    review: Placement(account: account, day: l % 9 + 3))
            }
        }
        let halves = builder.build(sideBySideFrom: 0)
        let oneGo = builder.build(sideBySideFrom: .max)
        #expect(halves == oneGo)
        #expect(!halves.tasks.isEmpty && !halves.unscheduled.isEmpty)
    }

    /// Unknown lines, accounts and items, a task for another line's item, a reused id, missed
    /// tasks and broken `after` links, on both sides of the middle and at it.
    @Test func validationContextHalvesEqualOneGo() throws {
        let instance = try #require(InstanceFamily(rawValue: "medium")).generate(seed: 6)
        var plan = try Planner().plan(instance, with: GreedySolver()).plan
        let n = plan.tasks.count
        let middle = n / 2
        for (k, position) in [1, middle - 1, middle, middle + 1, n - 2, n / 4, 3 * n / 4].enumerated() {
            switch k % 7 {
            case 0: plan.tasks[position].line = "no-such-line"
            case 1: plan.tasks[position].account = "no-such-account"
            case 2: plan.tasks[position].item = "no-such-item"
            case 3: plan.tasks[position].item = plan.tasks[0].item
            case 4: plan.tasks[position].id = plan.tasks[3].id
            case 5: plan.tasks[position].status = .missed
            default: plan.tasks[position].after = "no-such-task"
            }
        }
        plan.tasks[middle + 5].item = "another-unknown-item"
        let tables = InstanceTables(instance)
        let halves = ValidationContext(instance: instance, plan: plan, tables: tables, sideBySideFrom: 0)
        let oneGo = ValidationContext(instance: instance, plan: plan, tables: tables, sideBySideFrom: .max)
        #expect(halves.lineOfTask == oneGo.lineOfTask)
        #expect(halves.accountOfTask == oneGo.accountOfTask)
        #expect(halves.itemOfTask == oneGo.itemOfTask)
        #expect(halves.kindOfTask == oneGo.kindOfTask)
        #expect(halves.statusOfTask == oneGo.statusOfTask)
        #expect(halves.dayOfTask == oneGo.dayOfTask)
        #expect(halves.afterOfTask == oneGo.afterOfTask)
        #expect(halves.activeTasks == oneGo.activeTasks)
        #expect(halves.duplicatedTaskIDs == oneGo.duplicatedTaskIDs)
        #expect(halves.isItemOfTheInstance("no-such-item") == false)
        let report = Validator(limit: nil).validate(halves)
        #expect(report == Validator(limit: nil).validate(oneGo))
        #expect(!report.isFeasible)
    }
}

/// The line index the instance check builds is the one the planning problem and the
/// validator's tables would build, so they take it instead of hashing every line id again.
@Suite struct CheckedLineIndexTests {
    @Test(arguments: [("medium", UInt64(2)), ("resched", 3), ("crunch", 4), ("tiny", 5)])
    func theCheckersIndexIsTheProblems(family: String, seed: UInt64) throws {
        let instance = try #require(InstanceFamily(rawValue: family)).generate(seed: seed)
        let (errors, lines) = InstanceChecker.checkAndIndex(instance)
        #expect(errors.isEmpty)
        let own = PlanningProblem(instance)
        let taking = PlanningProblem(instance, lineIndex: lines)
        #expect(lines.keys == own.lineIndex.keys)
        for line in own.lines { #expect(lines[line.id] == own.lineIndex[line.id]) }
        #expect(taking.lineIndex.keys == own.lineIndex.keys)
        let tables = InstanceTables(instance)
        let taken = InstanceTables(instance, lineIndex: lines)
        #expect(taken.isFirstOfItsID == tables.isFirstOfItsID)
        #expect(taken.itemOfLine == tables.itemOfLine)
        for line in tables.lines { #expect(taken.lineIndex[line.id] == tables.lineIndex[line.id]) }
    }

    /// An index of another size (not this instance's) is not taken.
    @Test func anIndexOfAnotherSizeIsBuiltAgain() throws {
        let instance = try #require(InstanceFamily(rawValue: "small")).generate(seed: 1)
        var other = IdentifierMap<LineTag>(capacity: 1)
        other.insertIfAbsent("elsewhere", 0)
        let problem = PlanningProblem(instance, lineIndex: other)
        #expect(problem.lineIndex.keys == PlanningProblem(instance).lineIndex.keys)
        #expect(InstanceTables(instance, lineIndex: other).lineIndex.keys == InstanceTables(instance).lineIndex.keys)
    }
}

/// `Concurrently.release` and the early disk writes of a large atomic write.
@Suite struct ReleaseAndWritebackTests {
    /// Signals when freed.
    private final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        init(_ freed: DispatchSemaphore) { self.freed = freed }
        deinit { freed.signal() }
    }

    @Test func largeValuesAreFreedElsewhereSmallOnesAtOnce() {
        let small = DispatchSemaphore(value: 0)
        Concurrently.release(Tracked(small), size: 10)
        #expect(small.wait(timeout: .now()) == .success, "a small value is dropped before release returns")
        let large = DispatchSemaphore(value: 0)
        Concurrently.release(Tracked(large), size: .max)
        #expect(large.wait(timeout: .now() + 30) == .success, "a large value is dropped on another thread")
    }

    /// 24 MB in pieces of 1 MB: the disk writes are started every 8 MB on the way
    /// (`sync_file_range`), and the file holds every byte in order.
    @Test func aLargeAtomicWriteHoldsEveryPiece() throws {
        let path = NSTemporaryDirectory() + "writeback-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pieces = (0..<24).map { n in [UInt8](repeating: UInt8(n), count: 1 << 20) }
        try AtomicFile.write(to: path) { (put: AtomicFile.Sink) throws(OutputError) in
            for piece in pieces { try put(piece) }
        }
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(written.count == 24 << 20)
        #expect(Array(written) == Array(pieces.joined()))
    }
}

