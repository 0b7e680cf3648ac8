import Rota

/// The first line of a sweep file: what the runs are of. A rerun resumes a file only when
/// its header is the same; `merge` joins files whose headers agree on all but the shard.
package struct SweepHeader: Hashable, Sendable {
    static let formatTag = "rota-sweep/1"

    /// `SweepGrid.digest`.
    var grid: String
    var vectors: Int
    /// `SweepInstances.digest`.
    var instances: String
    var instanceCount: Int
    package var solver: String
    /// The solver's work limit (`--node-limit`), if any.
    var nodeLimit: Int?
    package var shard: SweepShard

    var layout: SweepLayout { SweepLayout(vectors: vectors, instances: instanceCount) }

    /// Everything but the shard.
    func sameSweep(as other: SweepHeader) -> Bool {
        var copy = other
        copy.shard = shard
        return copy == self
    }

    /// What differs from `other`, for error messages (`the grid`, `the solver`, …).
    func differences(from other: SweepHeader) -> [String] {
        var found: [String] = []
        if grid != other.grid || vectors != other.vectors { found.append("the grid") }
        if instances != other.instances || instanceCount != other.instanceCount { found.append("the instance set") }
        if solver != other.solver { found.append("the solver (\(other.solver) there, \(solver) here)") }
        if nodeLimit != other.nodeLimit { found.append("the node limit") }
        if shard != other.shard { found.append("the shard (\(other.shard) there, \(shard) here)") }
        return found
    }

    var json: JSONValue {
        .object([
            (key: "format", value: .string(Self.formatTag)),
            (key: "grid", value: .string(grid)),
            (key: "vectors", value: .integer(vectors)),
            (key: "instances", value: .string(instances)),
            (key: "instanceCount", value: .integer(instanceCount)),
            (key: "solver", value: .string(solver)),
            (key: "nodeLimit", value: nodeLimit.map(JSONValue.integer) ?? .null),
            (key: "shard", value: .string(shard.description)),
        ])
    }

    var line: String { CompactJSON.string(json) }

    /// The header read back; nil when the value is not one (the message says why).
    static func decode(_ value: JSONValue) -> Result<SweepHeader, SweepFileProblem> {
        guard value["format"]?.stringValue == formatTag else {
            return .failure(SweepFileProblem("not a sweep file: its first line is not a \(formatTag) header"))
        }
        guard let grid = value["grid"]?.stringValue, case .integer(let vectors)? = value["vectors"],
            let instances = value["instances"]?.stringValue, case .integer(let count)? = value["instanceCount"],
            let solver = value["solver"]?.stringValue, let shardText = value["shard"]?.stringValue,
            let shard = SweepShard(shardText), vectors > 0, count > 0
        else {
            return .failure(SweepFileProblem("the header line is incomplete or damaged"))
        }
        var nodeLimit: Int?
        if case .integer(let limit)? = value["nodeLimit"] { nodeLimit = limit }
        return .success(SweepHeader(
            grid: grid, vectors: vectors, instances: instances, instanceCount: count, solver: solver,
            nodeLimit: nodeLimit, shard: shard))
    }
}

/// What is wrong with a sweep file, without the file and line (the reader adds them).
struct SweepFileProblem: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
