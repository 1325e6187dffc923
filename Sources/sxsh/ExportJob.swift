import Foundation
import SXCore
import SXEngine
import SXExport
import SXUI
import SXWorksheets

/// One export, shared by `sxsh export` and the TUI's export dialog: the same computed results (factors from the
/// reference tables, proposals from the rules), the same bytes, the same safe writers.
enum ExportJob {
  /// The bytes of an export (`json` is the assessment document plus the computed results).
  static func build(
    _ a: Assessment, worksheets set: WorksheetSet, rules: [OpportunityRule], format: ExportFormat, language: Language, zip: Bool, rawCSV: Bool
  ) throws -> ExportOutput {
    // The rules' proposals only for the format that shows them (json); every other format's bytes are the same without.
    let results = Engine.compute(a, factors: EngineFactors.from(set.reference), rules: rules, proposals: format.showsProposals)
    if format == .json { return try json(a, results) }
    let input = ExportInput(assessment: a, results: results, worksheets: set, language: language, generator: BuildInfo.generator)
    return try Exporter.export(format, input, zip: zip, rawCSV: rawCSV)
  }

  /// The json export: the assessment document plus the computed results (`import` reads the document and ignores
  /// "results").
  static func json(_ a: Assessment, _ results: Results) throws -> ExportOutput {
    let data = try AssessmentDocument(assessment: a, generator: BuildInfo.generator).encoded(results: try JSONCoding.encoder().encode(results))
    return .file(data + Data(utf8Of: "\n"))
  }

  /// Writes an export to `path` (a file, or a folder for csv unless the path ends in .zip): atomically, owner-only,
  /// never through a symbolic link, and over an existing path only with `force`.
  static func write(_ output: ExportOutput, to path: String, force: Bool) throws {
    switch output {
    case .file(let data): try writeFileSafely(data, to: path, force: force)
    case .folder(let files): try writeFolderSafely(files, to: path, force: force)
    }
  }

  /// The TUI's exporter: `~` expanded, an existing path (file, folder or link) reported instead of replaced until
  /// the user confirms, then the same build and write as `sxsh export`.
  static func tui(worksheets set: WorksheetSet, rules: @escaping @Sendable () -> [OpportunityRule]) -> (Assessment, ExportRequest) throws -> ExportOutcome {
    { a, request in
      guard let format = ExportFormat(rawValue: request.format) else {
        throw CLIError(vi: "định dạng không rõ: \(request.format)", en: "unknown format: \(request.format)")
      }
      var path = TextRules.nfc(request.path)
      if path == "~" || path.hasPrefix("~/") {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        path = home + path.dropFirst()
      }
      if !request.overwrite, (try? FileManager.default.attributesOfItem(atPath: path)) != nil { return .exists(path) }
      let zip = path.lowercased().hasSuffix(".zip")
      let output = try build(a, worksheets: set, rules: rules(), format: format, language: request.language, zip: zip, rawCSV: false)
      try write(output, to: path, force: request.overwrite)
      return .written(path)
    }
  }
}
