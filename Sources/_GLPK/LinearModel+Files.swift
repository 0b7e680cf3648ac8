import CGLPK

extension LinearModel {
    /// Writes the model in CPLEX LP format; returns GLPK's messages.
    @discardableResult
    package func writeLP(to path: String) throws -> [String] {
        try fileOperation("writing LP file", path) { glp_write_lp(problem, nil, path) }
    }

    /// Writes the model in free MPS format; returns GLPK's messages.
    @discardableResult
    package func writeMPS(to path: String) throws -> [String] {
        try fileOperation("writing MPS file", path) { glp_write_mps(problem, GLP_MPS_FILE, nil, path) }
    }

    /// Reads a model from a CPLEX LP file (on the calling thread, which then owns it).
    package static func readLP(from path: String) throws -> LinearModel {
        let model = LinearModel()
        try model.fileOperation("reading LP file", path) { glp_read_lp(model.problem, nil, path) }
        return model
    }

    /// Reads a model from a free MPS file (on the calling thread, which then owns it).
    package static func readMPS(from path: String) throws -> LinearModel {
        let model = LinearModel()
        try model.fileOperation("reading MPS file", path) {
            glp_read_mps(model.problem, GLP_MPS_FILE, nil, path)
        }
        return model
    }

    /// Runs one GLPK reader/writer with its output captured; non-zero return codes throw.
    @discardableResult
    private func fileOperation(_ operation: String, _ path: String, _ call: () -> Int32) throws -> [String] {
        try checkUsable()
        try Validation.checkPath(path)
        let sink = LogSink()
        let code = TerminalCapture.run(into: sink, call)
        guard code == 0 else { throw GLPKError.fileFailed(operation: operation, path: path, log: sink.lines) }
        return sink.lines
    }
}
