import RotaCore

extension RotaJSON {
    /// The events of an events file's bytes (JSON Lines, docs/EVENTS.md); every problem is
    /// reported with the file, the line and the field. `reasonCodes` are the override reason
    /// codes accepted (the standard ones unless a policy adds more).
    package static func decodeEvents(
        _ bytes: [UInt8], file: String? = nil, reasonCodes: Set<String> = Set(Override.standardReasonCodes)
    ) throws(InputErrors) -> [PlanEvent] {
        try EventsDecoder.decode(bytes, file: file, reasonCodes: reasonCodes).get()
    }

    /// Reads and decodes an events file (`-` is standard input).
    package static func loadEvents(
        from path: String, reasonCodes: Set<String> = Set(Override.standardReasonCodes)
    ) throws(InputErrors) -> [PlanEvent] {
        try decodeEvents(InputFile.read(path, as: .text), file: InputFile.label(path), reasonCodes: reasonCodes)
    }
}
