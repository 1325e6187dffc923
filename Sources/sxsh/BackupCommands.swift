import ArgumentParser
import Foundation
import SXCore
import SXStore

struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup", abstract: "Sao lưu cơ sở dữ liệu. Back up the database (kept in <db folder>/backups, owner-only).")
  @OptionGroup var global: GlobalOptions
  @Flag(help: "Liệt kê các bản sao lưu. List the backups, newest first.") var list = false
  @Option(help: "Giữ N bản mới nhất. Keep the newest N.") var keep = 10

  func run() throws {
    try guarded(global.language) {
      let path = try DatabaseLocation.resolve(explicit: global.db)
      let b = Backups(databasePath: path, keep: keep)
      if list {
        for p in b.list() { print(p) }
        return
      }
      let db = try global.open()
      print(try b.make(from: db))
    }
  }
}

struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Khôi phục từ bản sao lưu. Restore a backup (the current file is kept aside, never overwritten).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Backup file (default: the newest good backup).") var backup: String?
  @Flag(help: "Không hỏi lại. Do not ask.") var yes = false

  func run() throws {
    try guarded(global.language) {
      let path = try DatabaseLocation.resolve(explicit: global.db)
      let b = Backups(databasePath: path)
      guard let source = backup ?? b.newestGood() else {
        throw CLIError(vi: "không có bản sao lưu tốt nào trong «\(b.folder)»", en: "no good backup in «\(b.folder)»")
      }
      let vi = global.language == .vi
      if !yes {
        guard isatty(0) != 0 else { throw CLIError(vi: "cần xác nhận: thêm --yes", en: "confirmation needed: add --yes") }
        print(vi ? "Khôi phục «\(source)» vào «\(path)»? (c/y): " : "Restore «\(source)» into «\(path)»? (y): ", terminator: "")
        let a = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard ["y", "yes", "c", "có", "co"].contains(a) else { return }
      }
      let aside = try b.restore(source)
      if let aside { print(vi ? "Tệp cũ được giữ ở «\(aside)»" : "The previous file was kept as «\(aside)»") }
      print(vi ? "Đã khôi phục «\(source)»" : "Restored «\(source)»")
    }
  }
}
