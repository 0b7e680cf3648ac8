import Foundation
import Rota

/// The instances of a sweep: every `*.json` file directly in a folder, sorted by file name
/// (byte order), each decoded and its bytes digested (SHA-256).
package struct SweepInstances: Sendable {
    /// One instance file.
    package struct Entry: Sendable {
        /// The file name (`tiny-1.json`): how sweep lines name the instance.
        package var name: String
        package var path: String
        /// SHA-256 (hex) of the file's bytes.
        package var digest: String
        package var instance: Instance
    }

    package var entries: [Entry]

    /// SHA-256 (hex) of `name digest` lines, one per instance in order: the same files (by name
    /// and bytes) give the same set digest wherever the folder is.
    package var digest: String {
        SweepDigest.sha256(Array(entries.map { "\($0.name) \($0.digest)\n" }.joined().utf8))
    }

    package static func load(directory: String) throws(InputErrors) -> SweepInstances {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputErrors(InputError(file: directory, path: "", message: "not a folder; --instances names a folder of instance files (*.json)"))
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        } catch {
            throw InputErrors(InputError(file: directory, path: "", message: "cannot list the folder: \(error.localizedDescription)"))
        }
        var entries: [Entry] = []
        var errors: [InputError] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                let bytes = try InputFile.read(path, as: .json)
                let instance = try RotaJSON.decodeInstance(bytes, file: path)
                entries.append(Entry(name: name, path: path, digest: SweepDigest.sha256(bytes), instance: instance))
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        guard !entries.isEmpty else {
            throw InputErrors(InputError(file: directory, path: "", message: "no instance files (*.json) in this folder"))
        }
        return SweepInstances(entries: entries)
    }
}
