import ArgumentParser
import Rota

/// Reads instances, plans and policy files for commands; bad input is reported once, in one
/// line naming the file and JSON path, and ends the command with exit status 2.
enum InputLoader {
    static func instance(at path: String, policy policyPath: String? = nil) throws -> Instance {
        try reporting {
            var instance = try RotaJSON.decodeInstance(InputFile.read(path), file: path)
            if let policyPath {
                instance.policy = try RotaJSON.decodePolicy(InputFile.read(policyPath), file: policyPath)
            }
            return instance
        }
    }

    static func plan(at path: String) throws -> Plan {
        try reporting { try RotaJSON.decodePlan(InputFile.read(path), file: path) }
    }

    private static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputErrors {
            Terminal.error(error.description)
            throw ExitCode(2)
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }
}
