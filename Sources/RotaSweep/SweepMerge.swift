import Rota

/// Joins sweep files (the shards of one sweep) into one: the headers must agree on all but
/// the shard (same grid, instance set, solver and node limit), no run may appear twice, and
/// together they must hold every run. The result is the header of the whole sweep (shard
/// `0/1`) and the runs in run order: the file an unsharded sweep writes, but for `seconds`.
package enum SweepMerge {
    package static func merge(_ files: [(path: String, contents: SweepFile.Contents)]) throws(SweepError) -> [String] {
        guard let first = files.first else { throw SweepError("no sweep files to merge") }
        var header: SweepHeader?
        var byRun: [Int: (record: SweepRecord, path: String)] = [:]
        for file in files {
            guard let found = file.contents.header else {
                throw SweepError("\(file.path): an empty sweep file (no header); run its shard first")
            }
            if file.contents.torn {
                throw SweepError(
                    "\(file.path): the last line is torn (the sweep stopped mid-write); rerun the same `rota sweep` command to finish it, then merge")
            }
            if let header, !header.sameSweep(as: found) {
                var differences = header.differences(from: found)
                differences.removeAll { $0.hasPrefix("the shard") }
                throw SweepError(
                    "\(file.path) is of another sweep than \(first.path) (\(differences.joined(separator: ", ")) differ); merge only the shards of one sweep")
            }
            header = header ?? found
            for record in file.contents.records {
                if let earlier = byRun[record.run] {
                    throw SweepError(
                        "run \(record.run) is in both \(earlier.path) and \(file.path); merge each shard once (are two files the same shard?)")
                }
                byRun[record.run] = (record, file.path)
            }
        }
        guard var header else { throw SweepError("no sweep files to merge") }
        let total = header.layout.runs
        let missing = (0..<total).filter { byRun[$0] == nil }
        if !missing.isEmpty {
            let shown = missing.prefix(5).map(String.init).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            throw SweepError(
                "\(missing.count) of \(total) runs are in none of the files (runs \(shown)); run the missing shards (or resume them) and merge again")
        }
        header.shard = .whole
        return [header.line] + (0..<total).map { byRun[$0]!.record.line }
    }
}
