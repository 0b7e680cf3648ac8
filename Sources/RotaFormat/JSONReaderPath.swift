/// JSON paths as input errors write them (`orders[3].lines[0].item`, `weights["a b"]`), for
/// readers outside this target that build paths of their own (the YAML reader).
package enum JSONReaderPath {
    /// `path` followed by the member `key`: `.key`, or `["key"]` when it is not a plain name.
    package static func appending(_ path: String, key: String) -> String { JSONReader.appending(path, key: key) }
}
