import PropertyBased
import Testing

import RotaFormat

@Suite struct FormatJSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    func syntaxError(bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" { "a": [1, -2.5, true, false, null, "x"], "b": {}, "c": [] } "#)
        #expect(value == ["a": [1, -2.5, true, false, nil, "x"], "b": .object([]), "c": []])
    }

    @Test func keepsKeyOrderAndDuplicates() throws {
        let value = try parse(#"{"z": 1, "a": 2, "m": 3, "a": 4}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m", "a"])
        #expect(value["a"] == 2)
    }

    @Test(arguments: [
        ("0", JSONValue.integer(0)), ("-0", .integer(0)), ("42", .integer(42)), ("-17", .integer(-17)),
        ("9223372036854775807", .integer(Int.max)), ("-9223372036854775808", .integer(Int.min)),
        ("9223372036854775808", .number(9_223_372_036_854_775_808.0)), ("1.5", .number(1.5)),
        ("1e3", .number(1000)), ("2E-2", .number(0.02)), ("1.0", .number(1.0)), ("0.1", .number(0.1)),
        ("123456789012345678901234567890", .number(1.2345678901234568e29)),
        ("0.30000000000000004", .number(0.30000000000000004)), ("1e-400", .number(0)),
        ("2.2250738585072014e-308", .number(2.2250738585072014e-308)),
        ("1.7976931348623157e308", .number(1.7976931348623157e308)),
    ])
    func parsesNumbers(_ text: String, _ expected: JSONValue) throws {
        #expect(try parse(text) == expected)
    }

    @Test func integersStayIntegers() throws {
        #expect(try parse("3") == .integer(3))
        #expect(try parse("3.0") == .number(3))
        #expect(try parse("3e0") == .number(3))
    }

    @Test func decodesEscapes() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(try parse(#""\u00e9\u4e2d\ud83d\ude00""#) == .string("é中😀"))
        #expect(try parse("\"héllo wörld 😀\"") == .string("héllo wörld 😀"))
    }

    @Test func skipsByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}", 4, 3, "expected ',' or '}'"),
        ("[1, 2", 1, 6, "unexpected end of input, expected ',' or ']'"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("{a: 1}", 1, 2, "expected a string key"),
        ("{\"a\": 1,}", 1, 9, "expected a string key"),
        ("[1,]", 1, 4, "expected a value, got ']'"),
        ("", 1, 1, "unexpected end of input, expected a value"),
        ("   ", 1, 4, "unexpected end of input, expected a value"),
        ("tru", 1, 1, "expected a value, got 't'"),
        ("nul", 1, 1, "expected a value, got 'n'"),
        ("[1] x", 1, 5, "unexpected 'x' after the JSON value"),
        ("{} {}", 1, 4, "unexpected '{' after the JSON value"),
        ("01", 1, 1, "invalid number (leading zero)"),
        ("-", 1, 1, "invalid number"),
        ("1.", 1, 1, "invalid number"),
        (".5", 1, 1, "expected a value, got '.'"),
        ("1e", 1, 1, "invalid number"),
        ("+1", 1, 1, "expected a value, got '+'"),
        ("1e400", 1, 1, "number out of range: 1e400"),
        ("-1e99999999999999999999", 1, 1, "number out of range: -1e99999999999999999999"),
        ("\"abc", 1, 1, "unterminated string"),
        ("\"a\tb\"", 1, 3, "unescaped control character in string"),
        ("\"a\\qb\"", 1, 3, "invalid escape \\q"),
        ("\"\\u12G4\"", 1, 2, "invalid \\u escape"),
        ("\"\\ud83d\"", 1, 2, "unpaired surrogate in \\u escape"),
        ("\"\\ude00\"", 1, 2, "unpaired surrogate in \\u escape"),
        ("\"é\" é", 1, 5, "unexpected byte 0xC3 after the JSON value"),
        ("{\"naïve\": [1,\n 2,, 3]}", 2, 4, "expected a value, got ','"),
        ("NaN", 1, 1, "expected a value, got 'N'"),
        ("Infinity", 1, 1, "expected a value, got 'I'"),
    ])
    func reportsLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message == message)
    }

    @Test func describesErrorsAsOneLine() throws {
        let error = try #require(syntaxError("{\n  \"a\": 1,\n  \"b\": 2 \"c\"\n}"))
        #expect(error.description == "malformed JSON at line 3, column 10: expected ',' or '}'")
    }

    @Test func rejectsInvalidUTF8() throws {
        let invalid: [[UInt8]] = [
            [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xE2, 0x82, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
            [0x22, 0xC0, 0xAF, 0x22], [0x22, 0x5C, 0x6E, 0xFE, 0x22],
        ]
        for bytes in invalid {
            let error = try #require(syntaxError(bytes: bytes))
            #expect(error.message == "invalid UTF-8 in string")
        }
        #expect(syntaxError(bytes: [0xFF])?.message == "expected a value, got byte 0xFF")
    }

    @Test func limitsNesting() throws {
        let ok = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(syntaxError(deep))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.column == JSONParser.maximumDepth + 1)
        let objects = String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        #expect(syntaxError(objects)?.message == "nesting deeper than 512 levels")
    }

    @Test func neverTrapsOnArbitraryBytes() async {
        let alphabet = Array(#"{}[],:"\u0123456789-+.eEtrufalsn "#.utf8) + [0x0A, 0xC3, 0xA9, 0xFF, 0x00]
        let generator = Gen<UInt8?>.element(of: alphabet).compactMap { $0 }.array(of: 0...40)
        await propertyCheck(count: 2000, input: generator) { bytes in
            _ = try? JSONParser.parse(bytes)
        }
    }

    @Test func numbersRoundTripThroughTheWriter() async {
        await propertyCheck(count: 500, input: Gen.double(in: -1e300...1e300)) { number in
            let written = JSONWriter.write(.number(number))
            #expect((try? JSONParser.parse(written))?.doubleValue == number)
        }
        await propertyCheck(count: 300, input: Gen.int(in: Int.min...Int.max)) { number in
            #expect((try? JSONParser.parse(JSONWriter.write(.integer(number)))) == .integer(number))
        }
    }

    @Test func stringsRoundTripThroughTheWriter() async throws {
        let scalars = Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}").array(of: 0...20)
        await propertyCheck(count: 500, input: scalars) { scalars in
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            #expect((try? JSONParser.parse(JSONWriter.write(.string(text)))) == .string(text))
        }
        let emoji = "a\u{1F600}\u{10FFFF}\u{E000}\u{7F}\u{1F}"
        #expect(try JSONParser.parse(JSONWriter.write(.string(emoji))) == .string(emoji))
    }
}
