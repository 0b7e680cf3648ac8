import ArgumentParser
import Rota

/// Checks of a command's file arguments, made before anything is read: standard input (`-`)
/// can be read only once, and an output never replaces one of the inputs (the same file:
/// device and inode, or the same canonical path when one does not exist yet).
enum FileArguments {
    /// An input as the usage line names it (`<instance>`, `--policy`) and its path, if given.
    struct Input {
        var name: String
        var path: String?

        init(_ name: String, _ path: String?) {
            self.name = name
            self.path = path
        }
    }

    /// Throws a usage error when two inputs are `-`, or when `output` is one of the inputs.
    static func check(_ inputs: [Input], output: String? = nil, outputName: String = "-o") throws(ValidationError) {
        let fromStandardInput = inputs.filter { $0.path == "-" }.map(\.name)
        if fromStandardInput.count > 1 {
            let names = fromStandardInput.dropLast().joined(separator: ", ") + " and " + (fromStandardInput.last ?? "")
            throw ValidationError("standard input (-) can be read only once, but it is given for \(names)")
        }
        guard let output, let target = try? OutputPath.resolve(output) else { return }
        for input in inputs {
            guard let path = input.path, target.replaces(path) else { continue }
            throw ValidationError(
                "\(outputName) \(output) is the same file as \(input.name) \(path); writing it would replace the input, so choose another file")
        }
    }
}
