import CGLPK

/// Runs GNU MathProg models (GLPK's modelling language) and solves them with `LinearModel`.
package enum MathProg {
    /// Translates `model` (and `data`, if given, in place of the model's own data section),
    /// solves the generated problem with `options`, and runs the model's post-solve
    /// statements; `display`/`printf` output lands in the result's log.
    ///
    /// Translation errors throw `GLPKError.mathProg` whose message names file and line
    /// (e.g. `model.mod:3: syntax error in ...`) and whose log holds GLPK's full output.
    package static func solve(
        model: String, data: String? = nil, options: MIPOptions = MIPOptions()
    ) throws -> MathProgResult {
        try Validation.checkPath(model)
        if let data { try Validation.checkPath(data) }
        let sink = LogSink()
        do {
            var result = try TerminalCapture.run(into: sink) {
                try translateAndSolve(model: model, data: data, options: options, sink: sink)
            }
            result.outcome.log = sink.lines
            return result
        } catch let failure as TranslationFailure {
            throw GLPKError.mathProg(message: failure.message(from: sink.lines), log: sink.lines)
        } catch let failure as SolverFailure {
            throw GLPKError.solverFailed(message: failure.message, log: sink.lines)
        }
    }

    private static func translateAndSolve(
        model modelPath: String, data dataPath: String?, options: MIPOptions, sink: LogSink
    ) throws -> MathProgResult {
        guard let translator = glp_mpl_alloc_wksp() else {
            throw TranslationFailure(stage: "allocating the translator")
        }
        defer { glp_mpl_free_wksp(translator) }
        guard glp_mpl_read_model(translator, modelPath, dataPath == nil ? 0 : 1) == 0 else {
            throw TranslationFailure(stage: "reading model \(modelPath)")
        }
        if let dataPath, glp_mpl_read_data(translator, dataPath) != 0 {
            throw TranslationFailure(stage: "reading data \(dataPath)")
        }
        guard glp_mpl_generate(translator, nil) == 0 else {
            throw TranslationFailure(stage: "generating the model")
        }
        let model = LinearModel()
        glp_mpl_build_prob(translator, model.problem)
        let outcome = try model.solveCapturing(options, sink: sink)
        if outcome.hasSolution {
            let kind = model.integerColumnCount > 0 ? GLP_MIP : GLP_SOL
            guard glp_mpl_postsolve(translator, model.problem, kind) == 0 else {
                throw TranslationFailure(stage: "running the post-solve statements")
            }
        }
        let names = GLPKIndex.positions(count: model.columnCount).map { position in
            glp_get_col_name(model.problem, GLPKIndex.glpk(position)).map { String(cString: $0) } ?? ""
        }
        return MathProgResult(outcome: outcome, columnNames: names)
    }
}

/// A MathProg translation step that failed; its message is read from GLPK's log.
private struct TranslationFailure: Error {
    var stage: String

    /// The log line that locates the error (`file:line: message`), else the last line.
    func message(from log: [String]) -> String {
        let located = log.first { line in
            let parts = line.split(separator: ":", maxSplits: 2)
            return parts.count == 3 && !parts[1].isEmpty && parts[1].allSatisfy(\.isNumber)
        }
        let detail = located ?? log.last { !$0.isEmpty } ?? "no message from GLPK"
        return "\(stage) failed: \(detail)"
    }
}
