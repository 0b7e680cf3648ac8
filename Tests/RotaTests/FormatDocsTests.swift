import Foundation
import Testing

import RotaCore
import RotaFormat

/// The examples in `docs/FORMAT.md` are valid files.
@Suite struct FormatDocsTests {
    /// The ```json blocks of the guide.
    static func jsonBlocks() throws -> [String] {
        let guide = try String(
            contentsOf: FormatSupport.repositoryRoot.appendingPathComponent("docs/FORMAT.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```json" {
                current = []
            } else if let block = current, line == "```" {
                blocks.append(block.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func everyExampleDecodes() throws {
        let blocks = try Self.jsonBlocks()
        #expect(blocks.count >= 4)
        var kinds: [String] = []
        for block in blocks {
            let bytes = Array(block.utf8)
            let document = try RotaJSON.parse(bytes, file: "FORMAT.md")
            switch document["format"]?.stringValue {
            case Instance.formatTag?:
                let instance = try RotaJSON.decodeInstance(document, file: "FORMAT.md")
                #expect(try RotaJSON.decodeInstance(RotaJSON.encode(instance)) == instance)
                kinds.append("instance")
            case Plan.formatTag?:
                _ = try RotaJSON.decodePlan(document, file: "FORMAT.md")
                kinds.append("plan")
            default:
                _ = try RotaJSON.decodePolicy(bytes, file: "FORMAT.md")
                kinds.append("policy")
            }
        }
        #expect(Set(kinds) == ["instance", "plan", "policy"])
    }

    @Test func theWorkedPriorityExampleIsRight() throws {
        let block = try #require(try Self.jsonBlocks().first)
        let instance = try RotaJSON.decodeInstance(Array(block.utf8))
        let lines = instance.resolvedLines
        #expect(lines[0].due == Day(iso: "2026-12-04"))
        #expect(abs(lines[0].weight - 0.81) < 1e-12)
        #expect(lines[2].due == Day(iso: "2026-12-14"))
        #expect(lines[2].weight == 1)
    }
}
