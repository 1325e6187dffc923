import ArgumentParser
import Foundation
import SXCore
import SXEngine
import SXExport
import SXStore
import SXWorksheets

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Xuất một đánh giá. Export an assessment.",
    discussion: """
      Formats: xlsx (one workbook, a sheet per worksheet and per result table), csv (a folder of UTF-8 files, or a
      .zip when --output ends in .zip), json (the assessment document plus the computed results), html (the report,
      one self-contained file for A4), md (the report in Markdown), blank (printable empty worksheets).
      Every format is built from the same computed results. Files are written owner-only (0600; csv folders 0700),
      atomically (temporary file, then rename), never through a symbolic link and never over an existing file
      without --force. CSV text that would start a spreadsheet formula (= + - @, tab, CR) is prefixed with '
      unless --raw-csv is given.
      """)
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Option(help: "Format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).") var format: ExportFormat = .json
  @Option(name: [.short, .long], help: "Output file or csv folder ('-' for standard output, single-file formats).") var output: String
  @Flag(help: "Ghi đè tệp có sẵn. Overwrite an existing file.") var force = false
  @Flag(help: "CSV without the formula-injection prefix (for data tools only: spreadsheets may run formulas from the data).")
  var rawCSV = false
  @Option(help: "Worksheets folder (default: the lookup order in the README).") var worksheets: String?

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      let a = try db.load(try db.resolveId(id))
      let set = try WorksheetLoader.resolve(cliDir: worksheets).set
      // The same results as `sxsh results`: factors from the reference tables, proposals from the rules.
      let zip = output.lowercased().hasSuffix(".zip")
      let built = try ExportJob.build(
        a, worksheets: set, rules: try RulesLoader.resolve(cliDir: worksheets), format: format, language: global.language, zip: zip, rawCSV: rawCSV)
      switch built {
      case .file(let data): try emit(data)
      case .folder(let files):
        guard output != "-" else {
          throw CLIError(vi: "csv là một thư mục; cho --output một thư mục hoặc tệp .zip", en: "csv is a folder; give --output a folder or a .zip file")
        }
        try writeFolderSafely(files, to: output, force: force)
      }
    }
  }

  func emit(_ data: Data) throws {
    if output == "-" {
      // The throwing write: a full or closed standard output is a clean error, not a crash.
      do {
        try FileHandle.standardOutput.write(contentsOf: data)
      } catch {
        throw CLIError(vi: "không ghi được ra đầu ra chuẩn: \(error.localizedDescription)", en: "cannot write to standard output: \(error.localizedDescription)")
      }
    } else {
      try writeFileSafely(data, to: output, force: force)
    }
  }
}

/// Writes a folder of files atomically, owner-only, replacing only a csv folder sxsh made (`SafeWrite.folder`).
func writeFolderSafely(_ files: [(name: String, data: Data)], to path: String, force: Bool) throws {
  try SafeWrite.folder(files, to: path, force: force)
}
