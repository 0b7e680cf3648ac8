import Foundation
import Testing

import RotaFormat

/// Helpers shared by the format tests: fixtures, the repository root, error capture.
enum FormatSupport {
    /// The repository root (this file is `Tests/RotaTests/FormatTestSupport.swift`).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The bytes of `Tests/RotaTests/Fixtures/<name>`.
    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The errors decoding `json` as an instance gives, as `path: message` lines (none when it decodes).
    static func instanceErrors(_ json: String) -> [String] {
        do {
            _ = try RotaJSON.decodeInstance(bytes(json), file: nil)
            return []
        } catch {
            return error.located
        }
    }

    static func planErrors(_ json: String) -> [String] {
        do {
            _ = try RotaJSON.decodePlan(bytes(json), file: nil)
            return []
        } catch {
            return error.located
        }
    }

    static func policyErrors(_ json: String) -> [String] {
        do {
            _ = try RotaJSON.decodePolicy(bytes(json), file: nil)
            return []
        } catch {
            return error.located
        }
    }

    /// A valid instance document with `edit` applied to its top-level object first.
    static func instance(_ edit: (inout [String: Any]) -> Void) -> String {
        var document: [String: Any] = [
            "format": "fulfillment-instance/1",
            "start": "2026-12-01",
            "horizonDays": 30,
            "rules": ["reviewLagDays": 4] as [String: Any],
            "accounts": [
                ["id": "a1", "dailyLimit": 2] as [String: Any],
                ["id": "a2", "dailyLimit": 2] as [String: Any],
            ],
            "orders": [
                ["id": "o1", "lines": [["id": "o1/1", "item": "i1"], ["id": "o1/2", "item": "i2"]]] as [String: Any],
                ["id": "o2", "lines": [["id": "o2/1", "item": "i1"]]] as [String: Any],
            ],
        ]
        edit(&document)
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// An existing-task object for `instance(_:)`.
    static func task(
        _ id: String, _ kind: String = "purchase", line: String = "o1/1", order: String = "o1", item: String = "i1",
        account: String = "a1", date: String = "2026-11-28", status: String = "completed"
    ) -> [String: Any] {
        ["id": id, "kind": kind, "line": line, "order": order, "item": item, "account": account, "date": date,
         "status": status]
    }
}
