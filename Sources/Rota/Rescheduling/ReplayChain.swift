import RotaCore
import RotaFormat

/// A chain of reschedules as one events file (docs/EVENTS.md, "Replaying a chain"): the
/// events of each reschedule in file order, each batch closed by a marker line
/// `{"event":"reschedule","today":"2026-12-05"}` that records the reschedule's `--today`
/// (and, optionally, its `solver`). `rota replay` runs the batches in order.
///
/// Marker lines are taken out before the events are decoded (their line numbers stay, so every
/// problem still names the file's line); events after the last marker are an error, since
/// nothing says on which day they were applied.
package struct ReplayChain: Hashable, Sendable {
    /// One reschedule of the chain.
    package struct Batch: Hashable, Sendable {
        /// The reschedule's `--today`.
        package var today: Day
        /// The solver the reschedule ran, when the marker names one.
        package var solver: String?
        /// Its events, in file order.
        package var events: [PlanEvent]
        /// The marker's line in the file (1-based).
        package var markerLine: Int

        package init(today: Day, solver: String? = nil, events: [PlanEvent], markerLine: Int = 0) {
            self.today = today
            self.solver = solver
            self.events = events
            self.markerLine = markerLine
        }
    }

    /// The marker's `event` value.
    package static let markerKind = "reschedule"
    /// The fields a marker may have.
    package static let markerFields = ["event", "today", "solver", "actor", "note"]

    package var batches: [Batch]

    package init(batches: [Batch]) { self.batches = batches }

    /// The chain in an events file's bytes; every problem is reported together, with the file
    /// and line. `solvers` are the solver names a marker may give.
    package static func decode(
        _ bytes: [UInt8], file: String?, solvers: [String], reasonCodes: Set<String> = Set(Override.standardReasonCodes)
    ) throws(InputErrors) -> ReplayChain {
        var problems: [InputError] = []
        var markers: [(line: Int, today: Day, solver: String?)] = []
        var eventsOnly: [UInt8] = []
        eventsOnly.reserveCapacity(bytes.count)
        var lineNumber = 0
        // The last line that is not blank and not a marker (an event, or what should be one).
        var lastEventLine = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineNumber > 1 { eventsOnly.append(UInt8(ascii: "\n")) }
            guard mentionsMarker(line), let object = try? JSONParser.parse(Array(line)),
                object["event"]?.stringValue == markerKind
            else {
                eventsOnly += line
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { lastEventLine = lineNumber }
                continue
            }
            // A marker: checked here, and left out of the events (an empty line keeps the numbering).
            func fail(_ path: String, _ message: String) {
                problems.append(InputError(file: file, path: path, message: message, line: lineNumber))
            }
            if case .object(let members) = object {
                for member in members where !markerFields.contains(member.key) {
                    fail(member.key, "unknown field for a reschedule marker; expected one of: \(markerFields.joined(separator: ", "))")
                }
                for member in members where member.key != "today" && member.value.stringValue == nil {
                    fail(member.key, "expected a string, got \(member.value.kindDescription)")
                }
            }
            let solver = object["solver"]?.stringValue
            if let solver, !solvers.contains(solver) {
                fail("solver", "unknown solver \(InputExcerpt.quoted(solver)); expected one of: \(solvers.joined(separator: ", "))")
            }
            guard let text = object["today"]?.stringValue, let today = Day(iso: text) else {
                fail("today", object["today"] == nil ? "missing: the reschedule's --today (YYYY-MM-DD)" : "expected a date YYYY-MM-DD")
                continue
            }
            markers.append((lineNumber, today, solver))
        }
        var events: [PlanEvent] = []
        do {
            events = try RotaJSON.decodeEvents(eventsOnly, file: file, reasonCodes: reasonCodes)
        } catch {
            problems += error.errors
        }
        if lastEventLine > (markers.last?.line ?? 0) {
            problems.append(
                InputError(
                    file: file, path: "",
                    message: "events after the last reschedule marker: close every batch with a line "
                        + #"{"event":"reschedule","today":"YYYY-MM-DD"} (the day that reschedule ran from)"#,
                    line: lastEventLine))
        }
        for (previous, marker) in zip(markers, markers.dropFirst()) where marker.today < previous.today {
            problems.append(
                InputError(
                    file: file, path: "today",
                    message: "\(marker.today) is before the previous reschedule's day \(previous.today) (line \(previous.line))",
                    line: marker.line))
        }
        guard problems.isEmpty else { throw InputErrors(problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }) }
        var batches: [Batch] = []
        var next = events[...]
        for marker in markers {
            let count = next.prefix { $0.sourceLine < marker.line }.count
            batches.append(Batch(today: marker.today, solver: marker.solver, events: Array(next.prefix(count)), markerLine: marker.line))
            next = next.dropFirst(count)
        }
        return ReplayChain(batches: batches)
    }

    /// Whether a line holds the marker's kind at all (only those are parsed twice).
    private static func mentionsMarker(_ line: ArraySlice<UInt8>) -> Bool {
        let needle = Array("\"\(markerKind)\"".utf8)
        guard line.count >= needle.count else { return false }
        var i = line.startIndex
        while i + needle.count <= line.endIndex {
            if line[i] == needle[0], line[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
