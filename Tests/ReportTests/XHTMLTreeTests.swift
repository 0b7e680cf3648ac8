import Foundation
import RotaReport
import Testing

/// The test parser itself: entities come back as characters.
@Suite struct XHTMLTreeTests {
    @Test func entitiesAreDecoded() throws {
        let doc = try XHTMLNode.parse("<!DOCTYPE html><html><body><p title=\"x&amp;y\">a&amp;1 &lt;b&gt;</p></body></html>")
        let p = try #require(doc.all("p").first)
        #expect(p.ownText == "a&1 <b>")
        #expect(p.attributes["title"] == "x&y")
    }
}

extension XHTMLTreeTests {
    @Test func malformedMarkupFails() {
        // An unescaped "<" in an attribute: libxml2 recovers, the parse must still fail.
        #expect(throws: XHTMLNode.ParseError.self) {
            try XHTMLNode.parse("<!DOCTYPE html><html><head><meta content=\"a <b>\"/></head><body><p>a&amp;1</p></body></html>")
        }
    }
}
