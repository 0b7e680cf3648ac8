import RotaCore
import RotaFormat
import Rota

/// One instance of a benchmark suite: a committed file, or a family and seed generated
/// when the benchmark runs (large instances are never committed).
package struct BenchInstance: Hashable, Sendable {
    /// Where the instance comes from.
    package enum Source: Hashable, Sendable {
        /// An instance file.
        case file(String)
        /// `family.generate(seed:lines:)`.
        case family(InstanceFamily, seed: UInt64, lines: Int?)
    }

    package var source: Source
    /// Only these solvers run on it (`nil`: every solver); growth points run `greedy` alone.
    package var solvers: [String]?

    package init(source: Source, solvers: [String]? = nil) {
        self.source = source
        self.solvers = solvers
    }

    package static func file(_ path: String) -> BenchInstance { BenchInstance(source: .file(path)) }

    package static func family(_ family: InstanceFamily, seed: UInt64, lines: Int? = nil, solvers: [String]? = nil)
        -> BenchInstance
    {
        BenchInstance(source: .family(family, seed: seed, lines: lines), solvers: solvers)
    }

    /// The name in result tables: the file's base name without `.json`, `<family>-<seed>`, or
    /// `<family>-<seed>@<lines>` for a rescaled family.
    package var label: String {
        switch source {
        case .file(let path):
            let base = path.split(separator: "/").last.map(String.init) ?? path
            return base.hasSuffix(".json") ? String(base.dropLast(5)) : base
        case .family(let family, let seed, let lines):
            return "\(family.rawValue)-\(seed)" + (lines.map { "@\($0)" } ?? "")
        }
    }

    /// How to find it again: the file's path, or `family small seed 1` (`lines 1000`).
    package var origin: String {
        switch source {
        case .file(let path): return path
        case .family(let family, let seed, let lines):
            return "family \(family.rawValue) seed \(seed)" + (lines.map { " lines \($0)" } ?? "")
        }
    }

    /// The arguments of `rota bench-run` (and `rota generate`) that name it.
    package var arguments: [String] {
        switch source {
        case .file(let path): return ["--file", path]
        case .family(let family, let seed, let lines):
            return ["--family", family.rawValue, "--seed", String(seed)] + (lines.map { ["--lines", String($0)] } ?? [])
        }
    }

    /// Whether `solver` runs on it.
    package func runs(_ solver: String) -> Bool { solvers?.contains(solver) ?? true }

    /// Reads or generates the instance.
    package func load() throws(InputErrors) -> Instance {
        switch source {
        case .file(let path): return try RotaJSON.loadInstance(from: path)
        case .family(let family, let seed, let lines): return family.generate(seed: seed, lines: lines)
        }
    }

    /// Lines, accounts and days without building a generated instance (a file is read).
    package func size() throws(InputErrors) -> BenchSize {
        switch source {
        case .file:
            return BenchSize(try load())
        case .family(let family, let seed, let lines):
            var shape = family.shape(seed: seed)
            if let lines { shape = InstanceFamily.scaled(shape, toLines: lines) }
            return BenchSize(lines: max(0, shape.lines), accounts: max(0, shape.accounts), days: max(0, shape.horizonDays))
        }
    }
}

/// An instance's size as result tables show it.
package struct BenchSize: Hashable, Sendable {
    package var lines: Int
    package var accounts: Int
    package var days: Int

    package init(lines: Int, accounts: Int, days: Int) {
        self.lines = lines
        self.accounts = accounts
        self.days = days
    }

    package init(_ instance: Instance) {
        self.init(
            lines: instance.orders.reduce(0) { $0 + $1.lines.count }, accounts: instance.accounts.count,
            days: instance.horizonDays)
    }
}
