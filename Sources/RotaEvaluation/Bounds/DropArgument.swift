/// One capacity argument of the makespan bound: how many of the possible lines every valid plan
/// must leave out when all its pending reviews fall on days before a candidate makespan `M`.
///
/// `drops(makespan:)` must be a valid lower bound for every such plan and never increase with
/// `M` (a later makespan leaves every line at least as much room), so the smallest passing `M`
/// can be found by bisection.
protocol DropArgument {
    /// The argument's name in `MakespanBound.parts`.
    var name: String { get }
    func drops(makespan: Int) -> Int
    /// Costly arguments are searched last, from the makespan the others proved (see `LowerBounds`).
    var isCostly: Bool { get }
}

extension DropArgument {
    var isCostly: Bool { false }
}
