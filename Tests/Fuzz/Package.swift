// swift-tools-version:6.0
// Coverage-guided fuzz targets (libFuzzer through the Swift toolchain). Build and run with Tests/Fuzz/run.
// Kept as its own package so the main package's `swift build` never links a fuzzer entry point.
// FuzzBodies holds each target's property; FuzzReplayTests replays corpus/ and crashes/ through it (swift test).
import PackageDescription

let package = Package(
  name: "sxsh-fuzz",
  dependencies: [.package(name: "sxsh", path: "../..")],
  targets: [
    .target(
      name: "FuzzBodies",
      dependencies: [
        .product(name: "SXCore", package: "sxsh"), .product(name: "SXCalc", package: "sxsh"),
        .product(name: "SXWorksheets", package: "sxsh"),
      ]),
    .executableTarget(name: "FuzzImport", dependencies: ["FuzzBodies"]),
    .executableTarget(name: "FuzzQuantity", dependencies: ["FuzzBodies"]),
    .executableTarget(name: "FuzzWorksheets", dependencies: ["FuzzBodies"]),
    .executableTarget(name: "FuzzCalcArgs", dependencies: ["FuzzBodies"]),
    .testTarget(name: "FuzzReplayTests", dependencies: ["FuzzBodies"]),
  ]
)
