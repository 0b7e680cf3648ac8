import CGLPK

/// Facts about the linked GLPK library.
package enum GLPKLibrary {
    /// GLPK's version string, as `glp_version()` reports it (e.g. "5.0").
    package static var version: String { String(cString: glp_version()) }
}
