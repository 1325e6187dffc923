// swift-tools-version:6.0
// Coverage-guided fuzz targets (libFuzzer through the Swift toolchain). Build and run with Tests/Fuzz/run.
// Kept as its own package so the main package's `swift build` never links a fuzzer entry point.
import PackageDescription

let package = Package(
  name: "sxsh-fuzz",
  dependencies: [.package(name: "sxsh", path: "../..")],
  targets: [
    .executableTarget(name: "FuzzImport", dependencies: [.product(name: "SXCore", package: "sxsh")]),
    .executableTarget(name: "FuzzQuantity", dependencies: [.product(name: "SXCore", package: "sxsh")]),
  ]
)
