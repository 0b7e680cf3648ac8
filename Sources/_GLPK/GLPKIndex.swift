/// The single place where 0-based Swift positions meet GLPK's 1-based indices.
///
/// GLPK numbers rows and columns from 1 and wants arrays whose slot 0 is unused; every
/// conversion in this target goes through these helpers.
enum GLPKIndex {
    /// GLPK's index for a 0-based position (the caller has checked the range).
    @inline(__always)
    static func glpk(_ position: Int) -> Int32 { Int32(truncatingIfNeeded: position + 1) }

    /// The 0-based position of a GLPK index.
    @inline(__always)
    static func position(_ index: Int32) -> Int { Int(index) - 1 }

    /// All 0-based positions for `count` GLPK objects, in GLPK order.
    static func positions(count: Int32) -> Range<Int> { 0..<max(0, Int(count)) }

    /// A GLPK-style array: `values` shifted to start at slot 1, slot 0 holding `padding`.
    static func oneBased<T>(_ values: [T], padding: T) -> [T] {
        var array = [T]()
        array.reserveCapacity(values.count + 1)
        array.append(padding)
        array.append(contentsOf: values)
        return array
    }

    /// Reads `count` values from GLPK's 1-based getter into a 0-based array.
    static func collect(count: Int32, _ value: (Int32) -> Double) -> [Double] {
        guard count > 0 else { return [] }
        return (1...count).map(value)
    }

    /// Throws unless `position` is a valid 0-based position among `count` objects.
    static func check(_ position: Int, count: Int32, kind: String) throws {
        guard position >= 0, position < Int(count) else {
            throw GLPKError.indexOutOfRange(kind: kind, index: position, count: Int(count))
        }
    }

    /// The most rows or columns GLPK accepts in one problem.
    static let maximumCount = 100_000_000
}
