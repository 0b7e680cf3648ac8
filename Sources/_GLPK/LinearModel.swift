import CGLPK

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A linear or mixed-integer program owned by GLPK: one instance owns one GLPK problem,
/// created in `init` and freed in `deinit`.
///
/// Columns and rows are addressed by 0-based `Column` / `Row` handles. Every argument is
/// checked before GLPK sees it (GLPK aborts the process on bad arguments), and a failed
/// check throws `GLPKError` leaving the model unchanged.
///
/// **Threads.** GLPK keeps its memory bookkeeping per thread, so a model must be created,
/// changed, solved and released on one and the same thread; calls from another thread throw
/// `GLPKError.wrongThread` (a model released on a foreign thread is leaked rather than
/// corrupting GLPK). Different models on different threads are independent and may be
/// solved at the same time.
package final class LinearModel {
    /// The GLPK problem; only this target's code touches it.
    let problem: OpaquePointer
    /// The thread that created the problem, the only one allowed to use it.
    private let owner: pthread_t
    /// Set while GLPK's solver runs, so callbacks cannot re-enter the model.
    var isSolving = false

    /// Scratch space for `glp_set_mat_row` (1-based, slot 0 unused), reused across rows.
    var scratchIndices: [Int32] = [0]
    var scratchValues: [Double] = [0]
    /// Per column, the last row stamp that used it: finds duplicate columns in O(terms).
    var columnStamps: [Int] = []
    var currentStamp = 0

    /// An empty model: no rows, no columns, minimisation.
    package init() {
        problem = glp_create_prob()
        owner = pthread_self()
    }

    /// Wraps a problem created on the current thread (by a reader or MathProg).
    init(adopting problem: OpaquePointer) {
        self.problem = problem
        owner = pthread_self()
    }

    deinit {
        // Freeing on a thread other than the creator's would corrupt both threads' GLPK
        // memory lists; leaking is the only safe choice there.
        if pthread_equal(owner, pthread_self()) != 0 {
            glp_delete_prob(problem)
        }
    }

    /// Throws unless the model may be used now: right thread, not inside its own solve.
    func checkUsable() throws {
        guard pthread_equal(owner, pthread_self()) != 0 else { throw GLPKError.wrongThread }
        guard !isSolving else { throw GLPKError.busy }
    }

    /// Rows, columns and non-zero coefficients.
    package var counts: Counts {
        Counts(
            rows: Int(glp_get_num_rows(problem)),
            columns: Int(glp_get_num_cols(problem)),
            nonZeros: Int(glp_get_num_nz(problem)))
    }

    /// The number of integer (and binary) columns.
    package var integerColumnCount: Int { Int(glp_get_num_int(problem)) }

    /// The problem's name, if set.
    package var name: String? {
        glp_get_prob_name(problem).map { String(cString: $0) }
    }

    /// Names the problem (shown in LP/MPS files).
    package func setName(_ name: String) throws {
        try checkUsable()
        try Validation.checkName(name)
        glp_set_prob_name(problem, name)
    }

    var columnCount: Int32 { glp_get_num_cols(problem) }
    var rowCount: Int32 { glp_get_num_rows(problem) }

    func check(_ column: Column) throws {
        try GLPKIndex.check(column.index, count: columnCount, kind: "column")
    }

    func check(_ row: Row) throws {
        try GLPKIndex.check(row.index, count: rowCount, kind: "row")
    }
}
