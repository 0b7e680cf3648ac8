import RotaCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The most bytes rota reads from one input file: 4 GiB, unless the environment variable
/// `ROTA_MAX_INPUT_BYTES` gives another whole number of bytes. A larger file, or an endless
/// stream, is an `InputError` naming the limit and the variable, found after reading at most
/// one byte more than the limit.
package struct InputLimit: Hashable, Sendable {
    /// The environment variable that overrides the default.
    package static let variable = "ROTA_MAX_INPUT_BYTES"
    /// 4 GiB.
    package static let defaultBytes = 1 << 32
    /// No limit but memory, for files rota wrote itself.
    package static let unlimited = InputLimit(bytes: Int.max)

    /// The most bytes read; a file of exactly this size is read.
    package var bytes: Int

    package init(bytes: Int) { self.bytes = max(0, bytes) }

    /// The limit the environment sets: `ROTA_MAX_INPUT_BYTES` when set, else 4 GiB. A value
    /// that is not a whole number from 1 up is an `InputError` naming the variable.
    package static func current() throws(InputErrors) -> InputLimit {
        guard let value = getenv(variable) else { return InputLimit(bytes: defaultBytes) }
        return try parse(String(cString: value))
    }

    /// The limit `text` (the variable's value) sets.
    package static func parse(_ text: String) throws(InputErrors) -> InputLimit {
        let digits = text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !text.isEmpty, digits, let bytes = Int(text), bytes >= 1 else {
            throw InputErrors(
                InputError(
                    path: "",
                    message: "\(variable): expected a whole number of bytes from 1 to \(Int.max), "
                        + "got \(InputExcerpt.quoted(text))"))
        }
        return InputLimit(bytes: bytes)
    }

    /// The limit for people: "1000 bytes", "4294967296 bytes (4 GiB)".
    package var text: String {
        let gib = bytes >> 30
        let exactGiB = bytes & ((1 << 30) - 1) == 0 && gib > 0
        return "\(bytes) byte\(bytes == 1 ? "" : "s")" + (exactGiB ? " (\(gib) GiB)" : "")
    }

    /// What to say when a file is larger than the limit.
    var exceededMessage: String {
        "larger than the input limit of \(text); set \(Self.variable) to read larger files"
    }
}
