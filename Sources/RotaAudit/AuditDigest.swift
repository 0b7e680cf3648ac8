import Crypto

/// SHA-256 digests as lowercase hex, for the audit chain and the plans it names.
package enum AuditDigest {
    /// The SHA-256 of `bytes`, 64 hex digits.
    package static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }

    /// `sha256:` and the digest, as records name files.
    package static func named(_ bytes: [UInt8]) -> String { "sha256:" + hex(bytes) }
}
