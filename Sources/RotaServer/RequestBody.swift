import Hummingbird
import Rota

/// Reading request bodies: the byte limit (413), and the documents of the multi-document
/// envelope (`{"instance": …, "plan": …}`), decoded as the command line decodes files, each
/// problem named by the member as if it were the file (`plan: tasks[3].date: …`).
enum RequestBody {
    /// The body's bytes; 413 once it passes `limit` (by Content-Length or as it arrives).
    static func bytes(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge(limit)
        }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= limit else { throw tooLarge(limit) }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "the request body is over the limit of \(limit) bytes (rota serve --max-body)")
    }

    /// The envelope of a multi-document route: a JSON object.
    static func envelope(_ bytes: [UInt8]) throws -> JSONValue {
        let document: JSONValue
        do {
            document = try RotaJSON.parse(bytes, file: "body")
        } catch {
            throw APIError.badInput(error, what: "the body is not JSON")
        }
        guard case .object = document else {
            throw APIError(.badRequest, "the body must be a JSON object such as {\"instance\": …, \"plan\": …}")
        }
        return document
    }

    /// The instance in member `member` of the envelope.
    static func instance(_ envelope: JSONValue, _ member: String = "instance") throws -> Instance {
        guard let document = envelope[member] else { throw missing(member) }
        do {
            return try RotaJSON.decodeInstance(document, file: member)
        } catch {
            throw APIError.badInput(error)
        }
    }

    /// The plan in member `member`; nil when absent and optional.
    static func plan(_ envelope: JSONValue, _ member: String, optional: Bool = false) throws -> Plan? {
        guard let document = envelope[member] else {
            if optional { return nil }
            throw missing(member)
        }
        do {
            return try RotaJSON.decodePlan(document, file: member)
        } catch {
            throw APIError.badInput(error)
        }
    }

    /// A bare instance body (solve, schedule creation), named `instance` in messages.
    static func bareInstance(_ bytes: [UInt8]) throws -> Instance {
        do {
            return try RotaJSON.decodeInstance(bytes, file: "instance")
        } catch {
            throw APIError.badInput(error)
        }
    }

    /// Events as JSON Lines (docs/EVENTS.md), or a JSON array of event objects (element N is
    /// reported as line N). Returns the events and their JSON Lines, as stored.
    static func events(_ bytes: [UInt8], reasonCodes: [String] = Override.standardReasonCodes) throws -> (events: [PlanEvent], lines: [UInt8]) {
        var lines = bytes
        if bytes.first(where: { $0 != 0x20 && $0 != 0x0a && $0 != 0x0d && $0 != 0x09 }) == UInt8(ascii: "[") {
            let document: JSONValue
            do {
                document = try RotaJSON.parse(bytes, file: "events")
            } catch {
                throw APIError.badInput(error, what: "the events are not JSON")
            }
            guard case .array(let elements) = document else { throw APIError(.badRequest, "events: expected an array") }
            lines = Array(elements.map(CompactJSON.string).joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
        }
        do {
            return (try RotaJSON.decodeEvents(lines, file: "events", reasonCodes: Set(reasonCodes)), lines)
        } catch {
            throw APIError.badInput(error, what: "bad events")
        }
    }

    private static func missing(_ member: String) -> APIError {
        APIError(.badRequest, "the body has no \"\(member)\" member", errors: ["body: \(member): missing"])
    }
}
