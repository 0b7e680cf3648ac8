import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A report page parsed as XML (so parsing proves it well-formed XHTML), as the report's own
/// tests parse it (Tests/ReportTests/XHTMLTree.swift), reduced to what the server tests read:
/// the elements with their attributes and text.
struct HTMLPage {
    /// One element: its name, attributes and the text directly inside it.
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    /// Every element in document order.
    var elements: [Element] = []
    /// All the page's text.
    var text = ""

    /// The `id`s of the `<section>`s.
    var sections: [String] { elements.filter { $0.name == "section" }.compactMap { $0.attributes["id"] } }

    /// The text of every element named `name`.
    func texts(_ name: String) -> [String] { elements.filter { $0.name == name }.map(\.text) }

    /// swift-corelibs-foundation's XMLParser keeps entity state shared: one parse at a time.
    private static let lock = NSLock()

    /// Parses `html`; throws on the first well-formedness error.
    static func parse(_ html: String) throws -> HTMLPage {
        lock.lock()
        defer { lock.unlock() }
        let builder = Builder()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = builder
        guard parser.parse(), builder.errors.isEmpty else {
            throw HarnessError("not well-formed XHTML at line \(parser.lineNumber): \(builder.errors.first ?? "\(String(describing: parser.parserError))")")
        }
        return builder.page
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var page = HTMLPage()
        var open: [Int] = []
        var errors: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open.append(page.elements.count)
            page.elements.append(Element(name: name, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = open.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { page.elements[index].text += string }
            page.text += string
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            errors.append("line \(parser.lineNumber): \(parseError)")
        }
    }
}
