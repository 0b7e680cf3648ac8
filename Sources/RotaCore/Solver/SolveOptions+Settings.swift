extension SolveOptions {
    /// The limits as flag → value, recorded in the plan so a run can be reproduced.
    package var settings: [String: String] {
        var settings: [String: String] = [:]
        if let timeLimit { settings["time-limit"] = String(timeLimit) }
        if let relativeGap { settings["gap"] = String(relativeGap) }
        if let nodeLimit { settings["node-limit"] = String(nodeLimit) }
        return settings
    }
}
