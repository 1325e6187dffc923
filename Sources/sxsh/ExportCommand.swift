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
  @Argument(help: "Assessment id or unique prefix; several ids (or --all) export each into the --output folder.") var ids: [String] = []
  @Flag(help: "Xuất mọi đánh giá vào thư mục --output. Export every assessment into the --output folder.") var all = false
  @Option(help: "Format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).") var format: ExportFormat = .json
  @Option(name: [.short, .long], help: "Output file or csv folder ('-' for standard output, single-file formats).") var output: String
  @Flag(help: "Ghi đè tệp có sẵn. Overwrite an existing file.") var force = false
  @Flag(help: "CSV without the formula-injection prefix (for data tools only: spreadsheets may run formulas from the data).")
  var rawCSV = false
  @Option(help: "Worksheets folder (default: the lookup order in the README).") var worksheets: String?

  func validate() throws {
    if ids.isEmpty && !all { throw ValidationError("give an assessment id, several ids, or --all") }
    if all && !ids.isEmpty { throw ValidationError("give ids or --all, not both") }
  }

  func run() throws {
    if all || ids.count > 1 { return try runBatch() }
    try guarded(global.language) {
      let db = try global.open()
      let a = try db.load(try db.resolveId(ids[0]))
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

  /// `--all` or several ids: one file per assessment in the `--output` folder, `<id>.<extension>` (csv as one zip
  /// each), built and written concurrently; a failure is reported per assessment and does not stop the others.
  func runBatch() throws {
    let l = global.language
    var failed = 0
    try guarded(l) {
      let db = try global.open()
      let chosen = all ? try db.listAssessments().map(\.id) : try ids.map { try db.resolveId($0) }
      let assessments = try chosen.map { try db.load($0) }
      let set = try WorksheetLoader.resolve(cliDir: worksheets).set
      let rules = try RulesLoader.resolve(cliDir: worksheets)
      guard output != "-" else {
        throw CLIError(vi: "xuất nhiều đánh giá cần --output là một thư mục", en: "exporting several assessments needs --output to be a folder")
      }
      var isDir: ObjCBool = false
      if !FileManager.default.fileExists(atPath: output, isDirectory: &isDir) {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } else if !isDir.boolValue {
        throw CLIError(vi: "«\(output)» không phải thư mục", en: "«\(output)» is not a folder")
      }
      let build: BatchExport.Build
      if format == .json {
        build = { a, results in try ExportJob.json(a, results) }
      } else {
        build = BatchExport.standard(format, worksheets: set, language: l, generator: BuildInfo.generator, rawCSV: rawCSV)
      }
      let failures = BatchExport.run(
        assessments, format: format, into: output, force: force, factors: EngineFactors.from(set.reference), rules: rules, build: build)
      for f in failures { printError("\(f.id): \(f.message.text(l))") }
      failed = failures.count
      print(l == .vi ? "đã xuất \(assessments.count - failed)/\(assessments.count)" : "exported \(assessments.count - failed)/\(assessments.count)")
    }
    if failed > 0 { throw ExitCode.failure }
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
