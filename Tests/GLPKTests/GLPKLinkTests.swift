import Testing
import _GLPK

@Suite struct GLPKLinkTests {
    @Test func reportsVersion() {
        #expect(GLPKLibrary.version.hasPrefix("5") || GLPKLibrary.version.hasPrefix("4"))
    }
}
