// swift-tools-version:6.1
// sxsh — a terminal application for rapid Cleaner Production (SXSH) assessments.
//
// Layers (see README "Folder map"):
//   SXCore        pure model, units, numbers, text, JSON document (no I/O)
//   SXCalc        pure utility calculators (IAPWS-IF97, steam, air, motors, finance)
//   SXEngine      pure calculation engine (balances, energy, CO2, MFCA, indicators, opportunities)
//   SXWorksheets  loads and checks the declarative Worksheets/ folder (embedded fallback)
//   SXStore       GRDB/SQLite storage, migrations, undo log
//   SXUI          pure screens rendering into a cell buffer; keys, widgets
//   SXTerminal    the only importer of ncurses (CNcursesw)
//   SXExport      xlsx / csv / json / html / md exports
//   sxsh          the command line
import PackageDescription

/// Release code reaches concrete generic types (a `KeyedDecodingContainer<CodingKeys>`, a `Dictionary<String, Any>`)
/// through their metadata accessors rather than by demangling their names at first use: demangling checks each generic
/// requirement (`CodingKeys: CodingKey`) by a scan of every protocol conformance record of the executable (~7,700),
/// about 8 M instructions on the way to the app's first frame. Code is slightly larger; behaviour is the same.
let metadataByAccessor: [SwiftSetting] = [
  .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release))
]

/// How sxsh (and the benchmark, which measures its code) is linked on Linux: the Swift runtime and Foundation linked in,
/// so the app starts without loading a dozen shared libraries (cold start to the first frame is a budget;
/// FoundationNetworking is still not linked).
let staticRuntime: [LinkerSetting] = [
  .unsafeFlags(
    ["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization", "-lstdc++",
     // The executable's own symbols are not exported (the Swift runtime's dladdr at start-up then has ~16,000
     // fewer symbols to scan).
     "-Xlinker", "--no-export-dynamic"],
    .when(platforms: [.linux])),
  // Release only (the figure of the cold-start budget; debug and sanitizer builds keep the defaults): a
  // position-dependent executable, so the loader applies no relative relocations (~92,600 of them, ~1.3 M
  // instructions and ~190 copy-on-write page faults at every start), and libstdc++ linked in statically
  // (the linker script in Sources/sxsh/link answers `-lstdc++` with libstdc++.a), so libstdc++.so's own
  // symbol binding (~2 M instructions) is not paid at start. The cost: the executable's code and data are
  // at a fixed address (no ASLR for sxsh's own image; the shared libraries, heap and stack stay randomized).
  .unsafeFlags(
    ["-Xclang-linker", "-no-pie", "-L", Context.packageDirectory + "/Sources/sxsh/link"],
    .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
  name: "sxsh",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "sxsh", targets: ["sxsh"]),
    // Libraries for the fuzzing package in Tests/Fuzz (it depends on this package by path).
    .library(name: "SXCore", targets: ["SXCore"]),
    .library(name: "SXCalc", targets: ["SXCalc"]),
    .library(name: "SXWorksheets", targets: ["SXWorksheets"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .target(name: "SXCore", swiftSettings: metadataByAccessor),
    .target(name: "SXCalc", dependencies: ["SXCore"], swiftSettings: metadataByAccessor),
    .target(name: "SXEngine", dependencies: ["SXCore", "SXCalc"], swiftSettings: metadataByAccessor),
    .target(
      name: "SXWorksheets", dependencies: ["SXCore", "SXEngine", .product(name: "Yams", package: "Yams")],
      exclude: ["embed-worksheets.sh"], swiftSettings: metadataByAccessor),
    .target(name: "SXStore", dependencies: ["SXCore", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: metadataByAccessor),
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
    .target(name: "SXUI", dependencies: ["SXCore", "SXCalc", "SXEngine", "SXWorksheets"], swiftSettings: metadataByAccessor),
    .target(name: "SXTerminal", dependencies: ["CNcursesw", "SXUI"], swiftSettings: metadataByAccessor),
    .target(
      name: "SXExport",
      dependencies: ["SXCore", "SXEngine", "SXWorksheets", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: metadataByAccessor),
    .executableTarget(
      name: "sxsh",
      dependencies: [
        "SXCore", "SXCalc", "SXEngine", "SXWorksheets", "SXStore", "SXUI", "SXTerminal", "SXExport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["link"],
      swiftSettings: metadataByAccessor,
      linkerSettings: staticRuntime),
    // Linked as sxsh is (the runtime and Foundation in the executable), so the export and recompute figures come from
    // code linked as the product's is (the batch export figures did not move measurably when this was changed).
    .executableTarget(
      name: "sxsh-bench", dependencies: ["SXCore", "SXEngine", "SXStore", "SXWorksheets", "SXCalc", "SXExport"],
      linkerSettings: staticRuntime),
    .testTarget(name: "SXCoreTests", dependencies: ["SXCore"]),
    .testTarget(name: "SXCalcTests", dependencies: ["SXCalc", "SXCore"]),
    .testTarget(name: "SXEngineTests", dependencies: ["SXEngine", "SXCore", "SXCalc"], exclude: ["Fixtures"]),
    .testTarget(name: "SXWorksheetsTests", dependencies: ["SXWorksheets", "SXCore", "SXEngine"]),
    .testTarget(name: "SXStoreTests", dependencies: ["SXStore", "SXCore", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "SXUITests", dependencies: ["SXUI", "SXCore", "SXEngine", "SXWorksheets", "SXStore", "SXCalc"],
      exclude: ["__Snapshots__"]),
    .testTarget(name: "SXExportTests", dependencies: ["SXExport", "SXCore", "SXEngine"], exclude: ["Fixtures"]),
    .testTarget(name: "CLITests", dependencies: ["SXCore"]),
  ],
  swiftLanguageModes: [.v6]
)
