// swift-tools-version: 6.1
// rota: plans order fulfillment (purchases and follow-up reviews by accounts) with
// a greedy heuristic and an exact GLPK mixed-integer program.
import PackageDescription

let package = Package(
    name: "rota",
    products: [
        .library(name: "Rota", targets: ["Rota"]),
        .executable(name: "rota", targets: ["rota"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // The HTML report's markup (RotaReport only).
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // `rota serve` only (the RotaServer target): HTTP, SQLite, logs, lifecycle, metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // GLPK's C API: a module map and a shim header, nothing else.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The only Swift target that imports CGLPK: owns every GLPK handle.
        .target(name: "_GLPK", dependencies: ["CGLPK"]),
        // The layers, bottom up; a target imports only the ones below it (docs/ARCHITECTURE.md).
        // Domain values, the dense planning problem, the Solver protocol.
        .target(name: "RotaCore"),
        // JSON: instances, plans, policies; input checks and atomic files.
        .target(name: "RotaFormat", dependencies: ["RotaCore"]),
        // YAML documents read as JSON values (through Yams), for policy files; only the
        // command and the tests depend on it, so the layers below stay free of Yams.
        .target(
            name: "RotaYAML",
            dependencies: ["RotaCore", "RotaFormat", .product(name: "Yams", package: "Yams")]
        ),
        // Validation, scoring, lower bounds, plan comparison.
        .target(name: "RotaEvaluation", dependencies: ["RotaCore"]),
        // Greedy, flow and MIP solvers, and the auto solver that picks among them.
        .target(name: "RotaSolvers", dependencies: ["RotaCore", "RotaEvaluation", "_GLPK"]),
        // The planning facade: Planner, SolverCatalog, export, generation, report encoders.
        // Re-exports the layers below, so `import Rota` gives the whole public API.
        .target(
            name: "Rota",
            dependencies: ["RotaCore", "RotaFormat", "RotaEvaluation", "RotaSolvers", "_GLPK"]
        ),
        // The audit log: hash-chained JSON Lines records of every reschedule's decisions.
        .target(
            name: "RotaAudit",
            dependencies: ["Rota", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The HTML plan report (`rota report`): KPI cards, Gantt, heatmap, backlog, exceptions,
        // plan vs plan. The only target that uses Plot; its SVG geometry is in ReportGeometry.
        .target(
            name: "RotaReport",
            dependencies: ["Rota", "RotaAudit", .product(name: "Plot", package: "Plot")]
        ),
        // zlib's C API, for the tests' PNG reader only (the Chromium render check).
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Benchmark suites, records and the regression gate.
        .target(name: "RotaBench", dependencies: ["Rota"]),
        // Weight-tuning sweeps: grids (JSON or YAML), runs, resume, shards, merge, summary.
        .target(
            name: "RotaSweep",
            dependencies: [
                "Rota",
                "RotaYAML",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The exhaustive search: a test oracle for small instances; in no product.
        .target(name: "RotaOracle", dependencies: ["RotaCore"]),
        // `rota serve`: the HTTP API over a SQLite schedule store (docs/SERVER.md). The only
        // target that sees Hummingbird, GRDB, swift-log, service-lifecycle and Prometheus.
        .target(
            name: "RotaServer",
            dependencies: [
                "Rota",
                "RotaAudit",
                "RotaReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The OpenAPI document (docs/openapi.json links here), served as is.
            resources: [.embedInCode("openapi.json")]
        ),
        // The command: a thin shell over the library.
        .executableTarget(
            name: "rota",
            dependencies: [
                "Rota",
                "RotaAudit",
                "RotaBench",
                "RotaYAML",
                "RotaSweep",
                "RotaReport",
                "RotaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GLPKTests", dependencies: ["_GLPK"]),
        .testTarget(
            name: "RotaTests",
            dependencies: [
                "RotaCore", "RotaFormat", "RotaEvaluation", "RotaSolvers", "Rota", "RotaAudit", "RotaBench",
                "RotaOracle", "RotaYAML", "RotaSweep",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CLITests", dependencies: ["Rota", "CZlib"]),
        .testTarget(name: "ReportTests", dependencies: ["Rota", "RotaAudit", "RotaReport"]),
        // A real `rota serve` child process on a loopback port and a real HTTP client.
        .testTarget(name: "ServerTests", dependencies: ["Rota", "RotaAudit", "RotaServer"]),
    ]
)

// `make fuzz` only (ROTA_FUZZ=1, built in .build-fuzz with -sanitize=fuzzer,address): the
// decoders and the validator under libFuzzer. Ordinary builds and tests never see these targets.
if Context.environment["ROTA_FUZZ"] != nil {
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(name: "RotaFuzz", dependencies: ["Rota", "CLibFuzzer"], path: "Fuzz/RotaFuzz"),
    ]
}
