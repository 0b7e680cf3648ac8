import Foundation
import Testing
import _GLPK

@Suite struct FileTests {
    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func lpFileRoundTrips() throws {
        let path = TestModels.temporaryPath(".lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try TestModels.textbookLP()
        try model.setName("textbook")
        let log = try model.writeLP(to: path)
        #expect(log.contains { $0.contains("Writing problem data") })
        let text = try contents(path)
        #expect(text.contains("Maximize"))
        #expect(text.contains("Subject To"))
        #expect(text.contains("c2: + 3 y + x <= 6"))

        let read = try LinearModel.readLP(from: path)
        #expect(read.counts == model.counts)
        #expect(read.objectiveDirection == .maximize)
        let outcome = try read.solve()
        #expect(outcome.status == .optimal)
        #expect(abs((outcome.objective ?? 0) - 11) < 1e-9)
    }

    @Test func mpsFileRoundTripsAMIP() throws {
        let path = TestModels.temporaryPath(".mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try TestModels.knapsack(values: [10, 13, 7, 8], weights: [5, 6, 3, 4], capacity: 10)
        try model.writeMPS(to: path)
        let text = try contents(path)
        #expect(text.contains("ROWS"))
        #expect(text.contains("COLUMNS"))
        #expect(text.contains("MARKER"))

        // Free MPS does not record the objective sense: GLPK reads it back as minimisation.
        let read = try LinearModel.readMPS(from: path)
        #expect(read.counts == model.counts)
        #expect(read.integerColumnCount == 4)
        try read.setObjectiveDirection(.maximize)
        let outcome = try read.solve()
        #expect(outcome.status == .optimal)
        #expect(outcome.objective == 21)
    }

    @Test func lpFileKeepsIntegerColumns() throws {
        let path = TestModels.temporaryPath(".lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try TestModels.knapsack(values: [10, 13, 7, 8], weights: [5, 6, 3, 4], capacity: 10).writeLP(to: path)
        #expect(try contents(path).contains("Binary") || contents(path).contains("Generals"))
        let read = try LinearModel.readLP(from: path)
        #expect(read.integerColumnCount == 4)
        #expect(try read.solve().objective == 21)
    }

    @Test func unwritablePathThrows() throws {
        let model = try TestModels.textbookLP()
        let path = "/nonexistent-directory-\(UUID().uuidString)/model.lp"
        do {
            try model.writeLP(to: path)
            Issue.record("writing to \(path) should fail")
        } catch let GLPKError.fileFailed(operation, failedPath, log) {
            #expect(operation == "writing LP file")
            #expect(failedPath == path)
            #expect(!log.isEmpty)
        }
        #expect(throws: GLPKError.self) { try model.writeMPS(to: path) }
    }

    @Test func unreadableFilesThrow() throws {
        #expect(throws: GLPKError.self) { try LinearModel.readLP(from: "/nonexistent-\(UUID().uuidString).lp") }
        let path = TestModels.temporaryPath(".lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "Maximize\n obj: + 3 x +\nSubject To\n c1: x y <= = 4\nEnd\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: GLPKError.self) { try LinearModel.readLP(from: path) }
        #expect(throws: GLPKError.self) { try LinearModel.readMPS(from: path) }
    }

    /// Names LP/MPS cannot hold (spaces, brackets, commas) are replaced by GLPK, not fatal.
    @Test func awkwardNamesStillWrite() throws {
        let model = LinearModel()
        let x = try model.addColumn(name: "take [1, 2]", kind: .binary, cost: 1)
        let y = try model.addColumn(name: "x[1,2]", cost: 1)
        try model.addRow(name: "room for: all", terms: [(x, 1), (y, 1)], bounds: .atMost(1.5))
        for suffix in [".lp", ".mps"] {
            let path = TestModels.temporaryPath(suffix)
            defer { try? FileManager.default.removeItem(atPath: path) }
            if suffix == ".lp" { try model.writeLP(to: path) } else { try model.writeMPS(to: path) }
            let read = suffix == ".lp" ? try LinearModel.readLP(from: path) : try LinearModel.readMPS(from: path)
            #expect(read.counts == model.counts)
        }
    }
}
