import ArgumentParser
import Foundation
import SXCore
import SXEngine
import SXStore

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case json
}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Xuất một đánh giá. Export an assessment.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Option(help: "Format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).") var format: ExportFormat = .json
  @Option(name: [.short, .long], help: "Output file ('-' for standard output).") var output: String
  @Flag(help: "Ghi đè tệp có sẵn. Overwrite an existing file.") var force = false

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      let a = try db.load(try db.resolveId(id))
      switch format {
      case .json:
        // The assessment document plus the computed results (`import` reads the document and ignores "results").
        let results = Engine.compute(a, factors: try Reference.factors(worksheets: nil))
        let data = try AssessmentDocument(assessment: a, generator: BuildInfo.generator)
          .encoded(results: try JSONCoding.encoder().encode(results))
        try emit(data + Data("\n".utf8))
      }
    }
  }

  func emit(_ data: Data) throws {
    if output == "-" {
      FileHandle.standardOutput.write(data)
    } else {
      try writeFileSafely(data, to: output, force: force)
    }
  }
}
