import CGLPK

/// Checks that keep bad arguments away from GLPK, which would abort the process on them.
enum Validation {
    /// GLPK's limit on symbolic names, in bytes.
    static let maximumNameLength = 255

    /// A name GLPK accepts: 1 to 255 UTF-8 bytes, no control characters.
    static func checkName(_ name: String) throws {
        let bytes = name.utf8
        guard !bytes.isEmpty else {
            throw GLPKError.invalidName(name, reason: "names must not be empty")
        }
        guard bytes.count <= maximumNameLength else {
            throw GLPKError.invalidName(
                name, reason: "\(bytes.count) bytes, GLPK allows at most \(maximumNameLength)")
        }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw GLPKError.invalidName(name, reason: "control characters are not allowed")
        }
    }

    /// Throws unless `value` is finite; `what` says which number it was.
    static func checkFinite(_ value: Double, _ what: @autoclosure () -> String) throws {
        guard value.isFinite else { throw GLPKError.notFinite("\(what()) is \(value)") }
    }

    /// A file path GLPK can open: not empty, no NUL byte.
    static func checkPath(_ path: String) throws {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw GLPKError.invalidArgument("file path \"\(path)\" is empty or contains a NUL byte")
        }
    }

    /// A time in seconds: nil, or a non-negative number (infinity means no limit).
    static func checkSeconds(_ seconds: Double?, _ what: String) throws {
        guard let seconds else { return }
        guard !seconds.isNaN, seconds >= 0 else {
            throw GLPKError.invalidArgument("\(what) must be at least 0 seconds, got \(seconds)")
        }
    }
}

/// Column or row bounds in GLPK's encoding (`GLP_FR`, `GLP_LO`, `GLP_UP`, `GLP_DB`, `GLP_FX`).
struct GLPKBounds: Equatable {
    var type: Int32
    var lower: Double
    var upper: Double

    /// Encodes `lower...upper`, infinities meaning "no bound on that side".
    ///
    /// Throws on NaN, on `lower == +inf`, `upper == -inf`, or `lower > upper`.
    init(lower: Double, upper: Double, what: @autoclosure () -> String) throws {
        guard !lower.isNaN, !upper.isNaN else {
            throw GLPKError.invalidBounds("\(what()): NaN bound (\(lower), \(upper))")
        }
        guard lower != .infinity, upper != -.infinity else {
            throw GLPKError.invalidBounds(
                "\(what()): lower bound \(lower) or upper bound \(upper) leaves no value")
        }
        guard lower <= upper else {
            throw GLPKError.invalidBounds("\(what()): lower bound \(lower) exceeds upper bound \(upper)")
        }
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): self.init(type: GLP_FR, lower: 0, upper: 0)
        case (true, false): self.init(type: GLP_LO, lower: lower, upper: 0)
        case (false, true): self.init(type: GLP_UP, lower: 0, upper: upper)
        case (true, true):
            self.init(type: lower == upper ? GLP_FX : GLP_DB, lower: lower, upper: upper)
        }
    }

    private init(type: Int32, lower: Double, upper: Double) {
        self.type = type
        self.lower = lower
        self.upper = upper
    }

    /// Decodes GLPK's type and values back into a `lower...upper` pair with infinities.
    static func decode(type: Int32, lower: Double, upper: Double) -> (lower: Double, upper: Double) {
        switch type {
        case GLP_FR: return (-.infinity, .infinity)
        case GLP_LO: return (lower, .infinity)
        case GLP_UP: return (-.infinity, upper)
        case GLP_FX: return (lower, lower)
        default: return (lower, upper)
        }
    }
}
