import ArgumentParser
import Foundation
import SXCore
import SXStore

/// `sxsh` with no subcommand: the full-screen app.
struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Mở ứng dụng toàn màn hình. Open the full-screen app.", shouldDisplay: false)
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment to open (id or prefix).") var id: String?

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      try Interactive.open(
        db: db, assessmentId: try id.map { try db.resolveId($0) }, language: global.language,
        afterFirstFrame: { try global.backupIfChanged(db) })
    }
  }
}

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Tạo (nếu chưa có) và mở đánh giá mẫu. Create (if missing) and open the demo assessment.")
  @OptionGroup var global: GlobalOptions
  @Flag(help: "Chỉ tạo, không mở; in mã. Create only, do not open; print the id.") var noOpen = false

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      // The demo is built only when it is missing (its id is fixed).
      let existing = try db.listAssessments()
      if !existing.contains(where: { $0.id == DemoAssessment.id }) {
        try db.create(DemoAssessment.make(now: Environment.now()))
      }
      if noOpen {
        print(DemoAssessment.id)
        return
      }
      try Interactive.open(
        db: db, assessmentId: DemoAssessment.id, language: global.language,
        afterFirstFrame: { _ = try Backups(databasePath: db.path).makeIfChanged(from: db) })
    }
  }
}

