import ArgumentParser
import Foundation
import SXCore
import SXWorksheets

struct WorksheetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worksheets", abstract: "Định nghĩa biểu mẫu. Worksheet definitions.",
    subcommands: [WorksheetsCheck.self, WorksheetsWhere.self, WorksheetsExtract.self])
}

struct WorksheetsCheck: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Kiểm tra một thư mục Worksheets/; lỗi in dạng tệp:dòng: thông báo. Validate a folder; problems print as file:line: message.")
  @Option(help: "Language: vi or en.") var lang: Language?
  @Argument(help: "Folder (default: Worksheets).") var dir: String = "Worksheets"

  func run() throws {
    let l = lang ?? Environment.language
    let problems = WorksheetLoader.check(directory: dir)
    if problems.isEmpty {
      print(l == .vi ? "\(dir): hợp lệ" : "\(dir): valid")
      return
    }
    for p in problems {
      // Paths print relative to the folder given, so editors can jump to them.
      print("\((dir as NSString).appendingPathComponent(p.file)):\(p.line): \(p.message.text(l))")
    }
    printError(l == .vi ? "\(problems.count) lỗi trong «\(dir)»" : "\(problems.count) problem(s) in «\(dir)»")
    throw ExitCode.failure
  }
}

struct WorksheetsWhere: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "where", abstract: "Cho biết đang dùng bộ biểu mẫu nào. Tell which worksheet folder is in use.")
  @Option(help: "Language: vi or en.") var lang: Language?

  func run() throws {
    let l = lang ?? Environment.language
    try guarded(l) {
      let r = try WorksheetLoader.resolve(cliDir: nil)
      print("\(r.source)")
      for s in r.skipped {
        for p in s.problems { printError("\(s.source): \(p.text(l))") }
      }
    }
  }
}

struct WorksheetsExtract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Ghi bản biểu mẫu nhúng ra thư mục để sửa. Write the embedded worksheets to a folder for a trainer to edit.")
  @Option(help: "Language: vi or en.") var lang: Language?
  @Argument(help: "Target folder (must not exist).") var dir: String

  func run() throws {
    let l = lang ?? Environment.language
    try guarded(l) {
      let fm = FileManager.default
      guard !fm.fileExists(atPath: dir) else {
        throw CLIError(vi: "«\(dir)» đã tồn tại", en: "«\(dir)» already exists")
      }
      for (rel, text) in WorksheetLoader.embeddedFiles.sorted(by: { $0.key < $1.key }) {
        let path = (dir as NSString).appendingPathComponent(rel)
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try writeFileSafely(Data(utf8Of: text), to: path, force: false)
      }
      print(l == .vi ? "Đã ghi vào «\(dir)»" : "Written to «\(dir)»")
    }
  }
}
