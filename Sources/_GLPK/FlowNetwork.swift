import CGLPK

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A directed flow network owned by GLPK: one instance owns one GLPK graph, created in
/// `init` and freed in `deinit`, solved by GLPK's network algorithms (`maxFlow`, `minCostFlow`).
///
/// Nodes and arcs are addressed by 0-based `Node` / `Arc` handles in the order they were
/// added. Every arc carries integer lower and upper capacities and an integer unit cost, every
/// node an integer supply (negative: a demand); all of them live in GLPK's per-arc and
/// per-node data blocks, written once when set, so a network of millions of arcs costs no
/// copies until a solver runs. GLPK's flow algorithms work in C `int`: every number is
/// checked against `maximumMagnitude` before GLPK sees it, as is every handle (GLPK aborts
/// the process on bad arguments), and a failed check throws `GLPKError` leaving the network
/// unchanged.
///
/// **Threads.** As for `LinearModel`: GLPK keeps its memory bookkeeping per thread, so a
/// network must be created, changed, solved and released on one thread; calls from another
/// thread throw `GLPKError.wrongThread`, and a network released on a foreign thread is leaked
/// rather than corrupting GLPK.
package final class FlowNetwork {
    /// The largest capacity, |cost| or |supply| accepted (and the largest total supply): well
    /// inside C `int`, so GLPK's algorithms have room for their sums.
    package static let maximumMagnitude = Int(Int32.max) / 4
    /// The most nodes or arcs GLPK accepts in one graph.
    package static let maximumCount = 100_000_000

    /// The GLPK graph; only this target's code touches it.
    let graph: UnsafeMutablePointer<glp_graph>
    /// Every arc's descriptor, by handle (GLPK itself only lists arcs per tail node).
    var arcPointers: [UnsafeMutablePointer<glp_arc>] = []
    /// Every node's supply, by handle (mirrors the node data, for the balance check).
    var supplies: [Int] = []
    /// How many arcs have a non-zero lower capacity (the max-flow algorithm ignores them).
    var arcsWithLowerBound = 0
    /// The thread that created the graph, the only one allowed to use it.
    private let owner: pthread_t

    /// An empty network.
    package init() {
        graph = glp_create_graph(Int32(NodeData.size), Int32(ArcData.size))
        owner = pthread_self()
    }

    deinit {
        // Freeing on a thread other than the creator's would corrupt both threads' GLPK
        // memory lists; leaking is the only safe choice there.
        if pthread_equal(owner, pthread_self()) != 0 {
            glp_delete_graph(graph)
        }
    }

    /// The number of nodes.
    package var nodeCount: Int { supplies.count }
    /// The number of arcs.
    package var arcCount: Int { arcPointers.count }

    /// Throws unless the network may be used from the calling thread.
    func checkUsable() throws {
        guard pthread_equal(owner, pthread_self()) != 0 else { throw GLPKError.wrongThread }
    }

    func check(_ node: Node) throws {
        try GLPKIndex.check(node.index, count: Int32(truncatingIfNeeded: nodeCount), kind: "node")
    }

    func check(_ arc: Arc) throws {
        guard arc.index >= 0, arc.index < arcCount else {
            throw GLPKError.indexOutOfRange(kind: "arc", index: arc.index, count: arcCount)
        }
    }

    /// Throws unless `value` lies in `lower...maximumMagnitude`.
    static func checkMagnitude(_ value: Int, atLeast lower: Int, _ what: @autoclosure () -> String) throws {
        guard value >= lower, value <= maximumMagnitude else {
            throw GLPKError.invalidArgument(
                "\(what()) is \(value); GLPK's flow algorithms need an integer in \(lower)...\(maximumMagnitude)")
        }
    }
}

/// Byte offsets of the values GLPK's flow algorithms read and write in each node's data block.
enum NodeData {
    /// Supply (`v_rhs`, a double; negative for a demand).
    static let supply = 0
    /// 1 when the node is on the source side of a minimum cut (`v_cut`, an int).
    static let cut = 8
    static let size = 16
}

/// Byte offsets of the values GLPK's flow algorithms read and write in each arc's data block.
enum ArcData {
    /// Lower capacity (`a_low`, a double).
    static let lower = 0
    /// Upper capacity (`a_cap`, a double).
    static let upper = 8
    /// Unit cost (`a_cost`, a double).
    static let cost = 16
    /// The solver's flow (`a_x`, a double).
    static let flow = 24
    static let size = 32
}
