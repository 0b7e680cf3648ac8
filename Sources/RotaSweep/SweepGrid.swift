import Crypto
import Rota

/// The weight vectors a sweep tries, expanded from a grid file (`GridDecoder`), in a fixed
/// order: the listed order for an explicit list, the cartesian product with the last axis
/// varying fastest for axes.
package struct SweepGrid: Hashable, Sendable {
    package var vectors: [WeightVector]

    /// SHA-256 (hex) of the expanded vectors written as one compact JSON array: two grid
    /// files (JSON or YAML, list or axes) that expand to the same vectors share it.
    package var digest: String {
        SweepDigest.sha256(Array(CompactJSON.string(.array(vectors.map(\.json))).utf8))
    }
}

/// SHA-256 in lowercase hex, for instance files, grids and instance sets.
enum SweepDigest {
    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
