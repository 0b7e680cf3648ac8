import Testing
import RotaCore

@Suite struct DayTests {
    @Test(arguments: ["1970-01-01", "2026-12-01", "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31"])
    func roundTrips(_ text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-12-32", "2026-1-01", "26-12-01", "2026/12/01", "2026-12-01T00:00", "", "abcd-ef-gh", "1900-02-29"])
    func rejectsImpossible(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func arithmetic() throws {
        let a = try #require(Day(iso: "2026-12-30"))
        #expect((a + 3).iso == "2027-01-02")
        #expect(Day(ordinal: 0).iso == "1970-01-01")
        #expect((a + 3) - a == 3)
    }
}
