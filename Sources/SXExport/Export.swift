import Foundation
import SXCore
import SXEngine
import SXWorksheets

/// The export formats. `json` (the assessment document plus results) is written by the command line, which owns the
/// document encoder; every other format is built here from the same `ExportInput`.
public enum ExportFormat: String, CaseIterable, Sendable {
  case xlsx, csv, json, html, md, blank

  /// The usual file extension.
  public var fileExtension: String {
    switch self {
    case .xlsx: "xlsx"
    case .csv: "zip"
    case .json: "json"
    case .html, .blank: "html"
    case .md: "md"
    }
  }

  /// Whether the format holds the knowledge base's proposals (`Results.proposals`): only the json document. The
  /// tables, the workbook and the reports are built without reading them (tested), so their exports skip running the
  /// rules (`Engine.compute(_:factors:rules:proposals:)`), about half of the engine's work per assessment.
  public var showsProposals: Bool { self == .json }
}

/// What an export produces: one file, or a folder of files (csv).
public enum ExportOutput: Sendable {
  case file(Data)
  case folder([(name: String, data: Data)])
}

public enum ExportError: LocalizedFailure, Equatable {
  case zipFailed
  case notHere(String)

  public var message: LocalizedText {
    switch self {
    case .zipFailed: LocalizedText(vi: "không tạo được tệp nén", en: "cannot build the zip archive")
    case .notHere(let f): LocalizedText(vi: "định dạng «\(f)» do dòng lệnh xuất", en: "format «\(f)» is written by the command line")
    }
  }
}

public enum Exporter {
  /// Builds one export. For `csv`, `zip` chooses one archive instead of a folder; `rawCSV` turns off the
  /// formula-injection prefix (for data tools; spreadsheets may then run formulas from the data).
  public static func export(_ format: ExportFormat, _ input: ExportInput, zip: Bool = false, rawCSV: Bool = false) throws -> ExportOutput {
    switch format {
    case .xlsx:
      let title = input.assessment.header.title.isEmpty ? input.assessment.header.profile.name : input.assessment.header.title
      return .file(try XLSXExport.data(ExportTables.all(input), title: title, creator: input.generator, language: input.language))
    case .csv:
      let tables = ExportTables.all(input)
      return zip ? .file(try CSVExport.zip(tables, raw: rawCSV)) : .folder(CSVExport.files(tables, raw: rawCSV))
    case .html: return .file(Data(HTMLReport.render(input).utf8))
    case .md: return .file(Data(MarkdownReport.render(input).utf8))
    case .blank:
      let p = input.assessment.header.profile.name
      return .file(Data(BlankWorksheets.render(input.worksheets, language: input.language, plant: p, generator: input.generator).utf8))
    case .json: throw ExportError.notHere("json")
    }
  }
}

extension ExportInput {
  /// Computes the results of `assessment` with the factors of `worksheets` (the embedded copy when nil) and wraps
  /// everything an export needs; the command line and the TUI call this once and export any format from it.
  public static func compute(
    _ assessment: Assessment, worksheets: WorksheetSet? = nil, language: Language, generator: String
  ) throws -> ExportInput {
    let set = try worksheets ?? WorksheetLoader.embedded()
    let results = Engine.compute(assessment, factors: EngineFactors.from(set.reference), rules: try RulesLoader.resolve(cliDir: nil))
    return ExportInput(assessment: assessment, results: results, worksheets: set, language: language, generator: generator)
  }
}
