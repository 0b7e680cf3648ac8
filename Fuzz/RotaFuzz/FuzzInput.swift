import Rota

/// One fuzzer input: instance bytes and plan bytes, split at the first NUL byte (no JSON text
/// holds one), or the same bytes as both when there is none.
///
/// `run` does what `rota validate` does with them: decodes both (rendering the error lines of
/// whichever fails), and validates the plan against the instance when both decode. It traps,
/// which the fuzzer reports as a finding, only when rota itself would trap, or when a decoded
/// file does not come back unchanged from its encoding (which RotaJSON promises).
struct FuzzInput {
    var instance: ArraySlice<UInt8>
    var plan: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) {
        if let split = bytes.firstIndex(of: 0) {
            instance = bytes[..<split]
            plan = bytes[(split + 1)...]
        } else {
            instance = bytes[...]
            plan = bytes[...]
        }
    }

    func run() {
        let instance = decode { () throws(InputErrors) in try RotaJSON.decodeInstance(Array(self.instance), file: "i.json") }
        let plan = decode { () throws(InputErrors) in try RotaJSON.decodePlan(Array(self.plan), file: "p.json") }
        if let instance {
            roundTrip(instance, RotaJSON.encode) { bytes throws(InputErrors) in try RotaJSON.decodeInstance(bytes) }
        }
        if let plan {
            roundTrip(plan, RotaJSON.encode) { bytes throws(InputErrors) in try RotaJSON.decodePlan(bytes) }
        }
        guard let instance, let plan else { return }
        let report = Validator(limit: 3).validate(plan, against: instance)
        _ = RotaJSON.encode(report)
        guard report.violationCount >= report.violations.count, report.isFeasible == report.violations.isEmpty else {
            fatalError("inconsistent report: \(report.counts) for \(report.violations.count) listed")
        }
    }

    /// The decoded value, or `nil` after rendering the error lines as rota prints them.
    private func decode<T>(_ body: () throws(InputErrors) -> T) -> T? {
        do {
            return try body()
        } catch {
            guard !error.errors.isEmpty, !error.description.isEmpty else { fatalError("an empty error was thrown") }
            return nil
        }
    }

    /// Encodes `value` and decodes it again: it must come back equal.
    private func roundTrip<T: Equatable>(
        _ value: T, _ encode: (T) -> [UInt8], _ decode: ([UInt8]) throws(InputErrors) -> T
    ) {
        let bytes = encode(value)
        do {
            let again = try decode(bytes)
            guard again == value else {
                fatalError("\(T.self) changed in a round trip:\n\(String(decoding: bytes, as: UTF8.self))")
            }
        } catch {
            fatalError("\(T.self) does not decode from its encoding: \(error)\n\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
