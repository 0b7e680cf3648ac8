import Testing

import RotaFormat

@Suite struct FormatJSONWriterTests {
    @Test func writesPrettyJSONInTheGivenKeyOrder() {
        let value: JSONValue = [
            "name": "x", "count": 3, "ratio": 0.25, "flags": [true, false, nil], "empty": [], "nested": ["b": 1, "a": .object([])],
        ]
        let expected = """
            {
              "name": "x",
              "count": 3,
              "ratio": 0.25,
              "flags": [
                true,
                false,
                null
              ],
              "empty": [],
              "nested": {
                "b": 1,
                "a": {}
              }
            }

            """
        #expect(JSONWriter.string(value) == expected)
    }

    @Test(arguments: [
        (JSONValue.integer(0), "0"), (.integer(-42), "-42"), (.integer(Int.min), "-9223372036854775808"),
        (.integer(Int.max), "9223372036854775807"), (.number(1), "1.0"), (.number(0.1), "0.1"),
        (.number(1e-7), "1e-07"), (.number(1e21), "1e+21"), (.number(-2.5), "-2.5"),
        (.number(.infinity), "null"), (.number(.nan), "null"),
    ])
    func writesNumbers(_ value: JSONValue, _ text: String) {
        #expect(JSONWriter.string(value) == text + "\n")
    }

    @Test func escapesStrings() {
        #expect(JSONWriter.string("a\"b\\c\n\t\r\u{1}é😀/") == #""a\"b\\c\n\t\r\u0001é😀/""# + "\n")
    }

    @Test func isDeterministic() throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture("format-full.json"))
        let first = RotaJSON.encode(instance)
        for _ in 0..<5 {
            let again = try RotaJSON.decodeInstance(first)
            #expect(RotaJSON.encode(again) == first)
        }
    }
}
