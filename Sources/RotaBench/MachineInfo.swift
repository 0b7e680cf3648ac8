import Foundation
import RotaCore

/// The machine and code a benchmark ran on: cores, memory, CPU model, OS, rota's version
/// and the git commit (with `+dirty` when the work tree has uncommitted changes).
package struct MachineInfo: Hashable, Sendable {
    package var cores: Int
    package var memoryBytes: UInt64
    package var cpuModel: String
    package var os: String
    package var rotaVersion: String
    /// `git rev-parse HEAD`, or `nil` outside a repository or without git.
    package var commit: String?

    package init(
        cores: Int, memoryBytes: UInt64, cpuModel: String, os: String, rotaVersion: String = RotaVersion.current,
        commit: String?
    ) {
        self.cores = cores
        self.memoryBytes = memoryBytes
        self.cpuModel = cpuModel
        self.os = os
        self.rotaVersion = rotaVersion
        self.commit = commit
    }

    /// This machine, and the commit of the repository around `directory` (the current one by
    /// default); changes under `ignoring` (e.g. the results folder being written) do not make
    /// the commit `+dirty`.
    package static func current(directory: String? = nil, ignoring: [String] = []) -> MachineInfo {
        let info = ProcessInfo.processInfo
        return MachineInfo(
            cores: info.activeProcessorCount, memoryBytes: info.physicalMemory, cpuModel: cpuModel() ?? "unknown",
            os: osName() ?? info.operatingSystemVersionString, commit: commit(directory: directory, ignoring: ignoring))
    }

    /// "2 cores, 23.4 GiB, Intel(R) Xeon(R) …, Ubuntu 24.04.1 LTS".
    package var summary: String {
        let gib = (Double(memoryBytes) / 1_073_741_824 * 10).rounded() / 10
        return "\(cores) core\(cores == 1 ? "" : "s"), \(gib) GiB, \(cpuModel), \(os)"
    }

    /// The first `model name` of /proc/cpuinfo (Linux).
    static func cpuModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// `PRETTY_NAME` of /etc/os-release with the kernel release, e.g. "Ubuntu 24.04 LTS (Linux 6.8.0)".
    static func osName() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            let name = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            var uts = utsname()
            guard uname(&uts) == 0 else { return name }
            let system = withUnsafeBytes(of: &uts.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let release = withUnsafeBytes(of: &uts.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return "\(name) (\(system) \(release))"
        }
        return nil
    }

    /// `git rev-parse HEAD` in `directory`, with `+dirty` when `git status --porcelain` lists
    /// tracked changes outside `ignoring`; `nil` when git fails.
    static func commit(directory: String?, ignoring: [String] = []) -> String? {
        guard let head = git(["rev-parse", "HEAD"], directory: directory), !head.isEmpty else { return nil }
        let excluded = ignoring.map { ":(exclude)\($0)" }
        let status = git(["status", "--porcelain", "--untracked-files=no", "--", "."] + excluded, directory: directory) ?? ""
        return status.isEmpty ? head : head + "+dirty"
    }

    private static func git(_ arguments: [String], directory: String?) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
