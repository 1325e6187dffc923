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

/// Writes a folder of files atomically: a temporary owner-only folder (0700) next to the target, each file created
/// with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600 and synced, then one rename. An existing folder is replaced only with
/// `force`, and only when it holds nothing but regular .csv files (so a wrong path never deletes other data).
func writeFolderSafely(_ files: [(name: String, data: Data)], to path: String, force: Bool) throws {
  let fm = FileManager.default
  var replacing = false
  if let attrs = try? fm.attributesOfItem(atPath: path) {
    if attrs[.type] as? FileAttributeType == .typeSymbolicLink {
      throw CLIError(vi: "«\(path)» là liên kết tượng trưng; không ghi qua nó", en: "«\(path)» is a symbolic link; not writing through it")
    }
    guard force else { throw CLIError(vi: "«\(path)» đã tồn tại; dùng --force để ghi đè", en: "«\(path)» exists; use --force to overwrite") }
    let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
    let onlyCSV = attrs[.type] as? FileAttributeType == .typeDirectory
      && entries.allSatisfy { e in
        e.hasSuffix(".csv") && (try? fm.attributesOfItem(atPath: path + "/" + e))?[.type] as? FileAttributeType == .typeRegular
      }
    guard onlyCSV else {
      throw CLIError(
        vi: "«\(path)» không phải thư mục csv do sxsh tạo; không ghi đè", en: "«\(path)» is not a csv folder made by sxsh; not replacing it")
    }
    replacing = true
  }
  let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
  let parent = (trimmed as NSString).deletingLastPathComponent
  let dir = parent.isEmpty ? "." : parent
  let base = (trimmed as NSString).lastPathComponent
  let tmp = dir + "/.\(base).\(getpid()).tmp"
  let old = dir + "/.\(base).\(getpid()).old"
  guard mkdir(tmp, 0o700) == 0 else {
    throw CLIError(vi: "không tạo được thư mục trong «\(dir)»", en: "cannot create a folder in «\(dir)»")
  }
  func cleanup() {
    for f in files { unlink(tmp + "/" + f.name) }
    rmdir(tmp)
  }
  do {
    for f in files {
      guard !f.name.contains("/"), !f.name.hasPrefix(".") else { throw CLIError(vi: "tên tệp không hợp lệ", en: "invalid file name") }
      let fd = open(tmp + "/" + f.name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
      guard fd >= 0 else { throw CLIError(vi: "không tạo được «\(f.name)»", en: "cannot create «\(f.name)»") }
      let ok = f.data.withUnsafeBytes { buf -> Bool in
        var off = 0
        while off < buf.count {
          let n = write(fd, buf.baseAddress.map { $0 + off }, buf.count - off)
          if n <= 0 { return false }
          off += n
        }
        return true
      }
      let synced = fsync(fd) == 0
      close(fd)
      guard ok, synced else { throw CLIError(vi: "ghi «\(f.name)» thất bại", en: "writing «\(f.name)» failed") }
    }
    if replacing {
      guard rename(trimmed, old) == 0 else { throw CLIError(vi: "không thay được «\(path)»", en: "cannot replace «\(path)»") }
    }
    guard rename(tmp, trimmed) == 0 else {
      if replacing { rename(old, trimmed) }
      throw CLIError(vi: "không đổi tên được thành «\(path)»", en: "cannot rename to «\(path)»")
    }
    if replacing {
      for e in (try? fm.contentsOfDirectory(atPath: old)) ?? [] { unlink(old + "/" + e) }
      rmdir(old)
    }
    let dfd = open(dir, O_RDONLY)
    if dfd >= 0 {
      fsync(dfd)
      close(dfd)
    }
  } catch {
    cleanup()
    throw error
  }
}
