import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XHTML document: the report is parsed as XML (so the test also proves it is
/// well-formed), then queried by element name, class and attribute.
final class XHTMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XHTMLNode] = []
    var text = ""
    weak var parent: XHTMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every node below this one (depth first, in document order).
    var descendants: [XHTMLNode] { children.flatMap { [$0] + $0.descendants } }

    /// This node's text and its descendants'.
    var allText: String { text + children.map(\.allText).joined() }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

    /// Descendants named `name` (and having every class of `classes`).
    func all(_ name: String, classes: Set<String> = []) -> [XHTMLNode] {
        descendants.filter { $0.name == name && classes.isSubset(of: $0.classes) }
    }

    /// The first ancestor named `name`.
    func ancestor(_ name: String) -> XHTMLNode? {
        var node = parent
        while let n = node, n.name != name { node = n.parent }
        return node
    }

    /// The `<title>` child's text (an SVG tooltip).
    var tooltip: String? { children.first { $0.name == "title" }?.allText }

    /// One parse at a time: swift-corelibs-foundation's XMLParser keeps the parser that
    /// resolves entities (`&amp;`, `&lt;`) in shared state, and parses on parallel test threads
    /// lose them.
    private static let lock = NSLock()

    /// Own text only (not the children's, such as a `<title>` tooltip).
    var ownText: String { text }

    /// Parses `text`; throws when it is not well-formed XML.
    static func parse(_ text: String) throws -> XHTMLNode {
        lock.lock()
        defer { lock.unlock() }
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        // libxml2 recovers from some errors and parse() still succeeds: any error fails here.
        guard parser.parse(), builder.errors.isEmpty else {
            if let first = builder.errors.first { throw ParseError(message: first, line: parser.lineNumber) }
            throw ParseError(message: parser.parserError.map { "\($0)" } ?? "unknown", line: parser.lineNumber)
        }
        return builder.root
    }

    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var description: String { "not well-formed at line \(line): \(message)" }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        let root = XHTMLNode(name: "#document", attributes: [:])
        lazy var current = root

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = XHTMLNode(name: name, attributes: attributes)
            node.parent = current
            current.children.append(node)
            current = node
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            current = current.parent ?? root
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current.text += string }

        var errors: [String] = []

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            errors.append("line \(parser.lineNumber): \(parseError)")
        }

        func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
            errors.append("line \(parser.lineNumber): \(validationError)")
        }
    }
}
