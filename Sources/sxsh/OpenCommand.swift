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

  func run() throws { try FastLaunch.open(db: global.db, language: global.language, id: id) }
}

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Tạo (nếu chưa có) và mở đánh giá mẫu. Create (if missing) and open the demo assessment.")
  @OptionGroup var global: GlobalOptions
  @Flag(help: "Chỉ tạo, không mở; in mã. Create only, do not open; print the id.") var noOpen = false

  func run() throws { try FastLaunch.demo(db: global.db, language: global.language, noOpen: noOpen) }
}
