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
    ],
    targets: [
        // GLPK's C API: a module map and a shim header, nothing else.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The only Swift target that imports CGLPK: owns every GLPK handle.
        .target(name: "_GLPK", dependencies: ["CGLPK"]),
        // All of rota's logic: format, solvers, evaluation.
        .target(name: "Rota", dependencies: ["_GLPK"]),
        // The command: a thin shell over the library.
        .executableTarget(
            name: "rota",
            dependencies: [
                "Rota",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GLPKTests", dependencies: ["_GLPK"]),
        .testTarget(
            name: "RotaTests",
            dependencies: [
                "Rota",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CLITests", dependencies: ["Rota"]),
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
