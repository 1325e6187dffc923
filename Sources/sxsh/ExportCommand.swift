import ArgumentParser
import Foundation
import SXCore
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
        let data = try AssessmentDocument(assessment: a, generator: BuildInfo.generator).encoded()
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
