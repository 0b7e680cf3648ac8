import _GLPK
import RotaCore

/// How one stage of the staged MIP ended. Its raw value is the spelling of the plan's
/// `stages` setting (`time-limit`, `node-limit`, …), written only when the run is encoded.
package enum MIPStageOutcome: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The stage's level is proven optimal.
    case optimal
    /// No solve was needed: the incumbent already met the level's bound.
    case skipped
    /// The incumbent reached the proven weighted-lateness bound (`LatenessBounds`) at the
    /// makespan and lines left out the stages above fixed: no plan of the stage does better, so
    /// the level is proven, and the search stopped there (before or during branch and bound).
    case metBound = "met-bound"
    /// Within the requested relative gap, not proven optimal.
    case feasible
    /// The time limit stopped the stage.
    case timeLimit = "time-limit"
    /// The node limit stopped the stage.
    case nodeLimit = "node-limit"
    /// The caller's stop request stopped the stage.
    case interrupted
    /// The stage's model has no solution, even ignoring integrality.
    case infeasible
    /// The relaxation is feasible, but no integer solution exists.
    case noIntegerSolution = "no-integer-solution"
    /// The stage's objective is unbounded.
    case unbounded

    /// The outcome of a stage whose solve ended with `status`.
    init(_ status: MIPStatus) {
        switch status {
        case .optimal: self = .optimal
        case .feasible: self = .feasible
        case .timeLimit: self = .timeLimit
        case .nodeLimit: self = .nodeLimit
        case .interrupted: self = .interrupted
        case .infeasible: self = .infeasible
        case .noIntegerSolution: self = .noIntegerSolution
        case .unbounded: self = .unbounded
        }
    }

    /// Whether the stage proves its level (optimal, skipped because the incumbent met the
    /// level's floor, or met the lateness bound).
    package var provesLevel: Bool { self == .optimal || self == .skipped || self == .metBound }

    package var description: String { rawValue }
}

/// What became of the MIP's warm start. Its description is the plan's `warm-start` setting.
package enum MIPWarmStart: Sendable, Hashable, CustomStringConvertible {
    /// Why a warm start was not used.
    package enum Rejection: Sendable, Hashable {
        /// It breaks the rules (the ledger's answers, in the order found).
        case violations([LedgerViolation])
        /// It is valid, but its placements are not points of the (possibly cut) model.
        case outsideModel
    }

    /// No warm start was given.
    case none
    /// The warm start is the first incumbent.
    case accepted
    /// The warm start was not used.
    case rejected(Rejection)

    /// `none`, `accepted`, or `rejected: <why>`.
    package var description: String {
        switch self {
        case .none: "none"
        case .accepted: "accepted"
        case .rejected(.violations(let violations)):
            "rejected: \(violations.first.map(String.init(describing:)) ?? "")"
        case .rejected(.outsideModel): "rejected: its placements do not fit the model"
        }
    }
}
