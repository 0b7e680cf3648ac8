import Hummingbird
import Rota

extension RotaAPI {
    /// `POST /v1/solve`, `/v1/validate`, `/v1/score`, `/v1/compare`, `/v1/explain`: the
    /// commands of the same names, with the files in the body (docs/SERVER.md).
    func addStatelessRoutes(to router: Router<BasicRequestContext>) {
        let limit = options.maxBody
        router.post("/v1/solve") { request, _ in
            let chosen = try self.solver(request)
            let bytes = try await RequestBody.bytes(request, limit: limit)
            let instance = try await Offload.run { try RequestBody.bareInstance(bytes) }
            let outcome = try await self.solve(instance, with: chosen)
            // With each line's priority, due date and tier, as `rota solve` writes it.
            return Reply.json(RotaJSON.encode(outcome.plan.annotated(for: instance)))
        }
        router.post("/v1/validate") { request, _ in
            let bytes = try await RequestBody.bytes(request, limit: limit)
            let report = try await Offload.run {
                let envelope = try RequestBody.envelope(bytes)
                let instance = try RequestBody.instance(envelope)
                let plan = try RequestBody.plan(envelope, "plan")!
                return RotaJSON.encode(Validator(limit: 100).validate(plan, against: instance))
            }
            return Reply.json(report)
        }
        router.post("/v1/score") { request, _ in
            let bytes = try await RequestBody.bytes(request, limit: limit)
            let score = try await Offload.run {
                let envelope = try RequestBody.envelope(bytes)
                let instance = try RequestBody.instance(envelope)
                let plan = try RequestBody.plan(envelope, "plan")!
                let previous = try RequestBody.plan(envelope, "previous", optional: true)
                return Scoring.json(instance: instance, plan: plan, previous: previous)
            }
            return Reply.json(score)
        }
        router.post("/v1/compare") { request, _ in
            let objective = try Self.objective(request)
            let bytes = try await RequestBody.bytes(request, limit: limit)
            let comparison = try await Offload.run {
                let envelope = try RequestBody.envelope(bytes)
                let instance = try RequestBody.instance(envelope)
                let a = try RequestBody.plan(envelope, "a")!
                let b = try RequestBody.plan(envelope, "b")!
                return RotaJSON.encode(Comparator().compare(a, b, for: instance, objective: objective))
            }
            return Reply.json(comparison)
        }
        router.post("/v1/explain") { request, _ in
            let bytes = try await RequestBody.bytes(request, limit: limit)
            let explanations = try await Offload.run {
                let envelope = try RequestBody.envelope(bytes)
                let instance = try RequestBody.instance(envelope)
                let plan = try RequestBody.plan(envelope, "plan")!
                return try Self.explain(instance: instance, plan: plan, lines: envelope["lines"])
            }
            return Reply.json(explanations)
        }
    }

    private static func objective(_ request: Request) throws -> Objective {
        guard let text = request.uri.queryParameters["objective"].map(String.init) else { return .default }
        do {
            return try Objective(parsing: text)
        } catch {
            throw APIError(.badRequest, "objective: \(error.description)")
        }
    }

    private static func explain(instance: Instance, plan: Plan, lines: JSONValue?) throws -> [UInt8] {
        let explainer = PlanExplainer(instance: instance, plan: plan)
        var ids: [LineID] = instance.orders.flatMap { $0.lines.map(\.id) }
        if let lines {
            guard case .array(let elements) = lines else {
                throw APIError(.badRequest, "lines: expected an array of line ids", errors: ["body: lines: expected an array"])
            }
            ids = []
            for (index, element) in elements.enumerated() {
                guard let id = element.stringValue else {
                    throw APIError(.badRequest, "lines[\(index)]: expected a line id", errors: ["body: lines[\(index)]: expected a string"])
                }
                ids.append(LineID(id))
            }
        }
        var explanations: [LineExplanation] = []
        for (index, id) in ids.enumerated() {
            guard let explanation = explainer.explain(id) else {
                throw APIError(.badRequest, "no line \(id) in the instance", errors: ["body: lines[\(index)]: no line \(id) in the instance"])
            }
            explanations.append(explanation)
        }
        return RotaJSON.encode(explanations)
    }
}

/// `rota score --json`'s answer: validation, metrics, the bounds and gaps.
enum Scoring {
    static func json(instance: Instance, plan: Plan, previous: Plan? = nil) -> [UInt8] {
        let assessed = PlanAssessment(instance: instance, plan: plan, previous: previous)
        return RotaJSON.encode(
            assessed.metrics, bound: assessed.bound, feasible: assessed.validation.isFeasible, lateness: assessed.lateness,
            overrides: assessed.overrides)
    }
}
