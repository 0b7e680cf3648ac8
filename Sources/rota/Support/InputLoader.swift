import ArgumentParser
import Rota

/// Reads instances, plans and policy files for commands; bad input is reported in lines
/// naming the file and JSON path, and ends the command with exit status 2.
enum InputLoader {
    static func instance(at path: String, policy policyPath: String? = nil) throws -> Instance {
        var instance = try reporting { () throws(InputErrors) in try RotaJSON.loadInstance(from: path) }
        if let policyPath {
            instance.policy = try reporting { () throws(InputErrors) in try RotaJSON.loadPolicy(from: policyPath) }
        }
        return instance
    }

    static func plan(at path: String) throws -> Plan {
        try reporting { () throws(InputErrors) in try RotaJSON.loadPlan(from: path) }
    }

    /// A plan and the bytes it was read from (for digests); read once, so `-` works too.
    static func planAndBytes(at path: String) throws -> (plan: Plan, bytes: [UInt8]) {
        try reporting { () throws(InputErrors) in
            let bytes = try InputFile.read(path, as: .json)
            return (try RotaJSON.decodePlan(bytes, file: InputFile.label(path)), bytes)
        }
    }

    private static func reporting<T>(_ body: () throws(InputErrors) -> T) throws -> T {
        do {
            return try body()
        } catch {
            for line in error.description.split(separator: "\n") { Terminal.error(String(line)) }
            throw ExitCode(2)
        }
    }
}
