import Foundation
import Testing
import _GLPK

@Suite struct MathProgTests {
    private func write(_ text: String, _ suffix: String) throws -> String {
        let path = TestModels.temporaryPath(suffix)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func tinyModelSolvesToItsOptimum() throws {
        let model = try write(
            """
            var x >= 0;
            var y >= 0;
            maximize z: 3 * x + 2 * y;
            s.t. c1: x + y <= 4;
            s.t. c2: x + 3 * y <= 6;
            s.t. c3: x <= 3;
            solve;
            printf "x is %g\\n", x;
            end;
            """, ".mod")
        defer { try? FileManager.default.removeItem(atPath: model) }
        let result = try MathProg.solve(model: model)
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 11) < 1e-9)
        #expect(result.columnNames == ["x", "y"])
        #expect(result.value(of: "x") == 3)
        #expect(result.value(of: "y") == 1)
        #expect(result.value(of: "w") == nil)
        #expect(result.log.contains("x is 3"))
    }

    @Test func modelWithDataFileSolvesAKnapsack() throws {
        let model = try write(
            """
            set I;
            param value{I};
            param weight{I};
            param capacity;
            var take{I} binary;
            maximize total: sum{i in I} value[i] * take[i];
            s.t. room: sum{i in I} weight[i] * take[i] <= capacity;
            end;
            """, ".mod")
        let data = try write(
            """
            data;
            set I := 1 2 3 4;
            param value := 1 10  2 13  3 7  4 8;
            param weight := 1 5  2 6  3 3  4 4;
            param capacity := 10;
            end;
            """, ".dat")
        defer {
            try? FileManager.default.removeItem(atPath: model)
            try? FileManager.default.removeItem(atPath: data)
        }
        let result = try MathProg.solve(model: model, data: data)
        #expect(result.status == .optimal)
        #expect(result.objective == 21)
        #expect(result.value(of: "take[2]") == 1)
        #expect(result.value(of: "take[4]") == 1)
        #expect(result.namedValues.map(\.name) == ["take[1]", "take[2]", "take[3]", "take[4]"])
    }

    @Test func syntaxErrorThrowsWithItsLine() throws {
        let model = try write(
            """
            var x >= 0;
            maximize z: x;
            s.t. c1: x + <= 4;
            end;
            """, ".mod")
        defer { try? FileManager.default.removeItem(atPath: model) }
        do {
            _ = try MathProg.solve(model: model)
            Issue.record("a syntax error must throw")
        } catch let GLPKError.mathProg(message, log) {
            #expect(message.contains("\(model):3:"))
            #expect(!log.isEmpty)
        }
    }

    @Test func dataErrorsAndMissingFilesThrow() throws {
        let model = try write("param n;\nvar x >= n;\nminimize z: x;\nend;\n", ".mod")
        defer { try? FileManager.default.removeItem(atPath: model) }
        // n has no value: generation fails.
        #expect(throws: GLPKError.self) { try MathProg.solve(model: model) }
        #expect(throws: GLPKError.self) { try MathProg.solve(model: "/nonexistent-\(UUID().uuidString).mod") }
        #expect(throws: GLPKError.self) { try MathProg.solve(model: model, data: "/nonexistent.dat") }
        #expect(throws: GLPKError.self) { try MathProg.solve(model: "") }
    }

    @Test func infeasibleModelIsAStatus() throws {
        let model = try write("var x >= 0, <= 1;\nminimize z: x;\ns.t. c: x >= 2;\nend;\n", ".mod")
        defer { try? FileManager.default.removeItem(atPath: model) }
        let result = try MathProg.solve(model: model)
        #expect(result.status == .infeasible)
        #expect(result.objective == nil)
        #expect(result.value(of: "x") == nil)
    }
}
