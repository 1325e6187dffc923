import ArgumentParser
import Foundation
import SXCore

@main
struct SXSH: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sxsh",
    abstract: "Đánh giá nhanh sản xuất sạch hơn (SXSH) — rapid Cleaner Production assessments.",
    discussion: """
      Không có lệnh con: mở ứng dụng toàn màn hình. Without a subcommand: opens the full-screen app.
      Số: tiếng Việt dùng dấu phẩy thập phân (1.234,5); English uses the decimal point (1,234.5).
      """,
    version: BuildInfo.version,
    subcommands: [
      OpenCommand.self, DemoCommand.self, ListCommand.self, ShowCommand.self, NewCommand.self, DeleteCommand.self,
      ImportCommand.self, ExportCommand.self, WorksheetsCommand.self, ResultsCommand.self, OpportunitiesCommand.self, DeriveCommand.self, DismissCommand.self, AcceptCommand.self, CalcCommand.self, BackupCommand.self, RestoreCommand.self,
      VersionCommand.self,
    ],
    defaultSubcommand: OpenCommand.self
  )

  static func main() {
    umask(0o077)
    do {
      // The app's own invocations skip ArgumentParser (see FastLaunch); everything else is parsed by it.
      if let launch = FastLaunch.command(Array(CommandLine.arguments.dropFirst())) {
        try FastLaunch.run(launch)
      } else {
        var command = try parseAsRoot()
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }
}

struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "version", abstract: "In phiên bản. Print the version.")
  func run() throws { print(BuildInfo.generator) }
}
