import Foundation
import SXCore
import SXEngine
import SXStore
import SXTerminal
import SXUI
import SXWorksheets

#if canImport(Glibc)
  import Glibc
#endif

/// The full-screen loop: reads terminal events, runs them through the app driver (the same update path the
/// tests use), and presents the rendered buffer. SIGTERM/SIGHUP save the UI state and end cleanly (exit 0);
/// Ctrl-C is a key (raw mode) that asks before quitting.
@MainActor
enum AppRunner {
  static func run(db: AppDatabase, assessmentId: String?, language: Language) throws {
    let startup = try AppStartup.load()
    let env = ProcessInfo.processInfo.environment
    let logDir = (env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory())
    let session = try TerminalSession(options: TerminalOptions(language: language, stderrLogPath: logDir + "/sxsh-stderr.log"))
    defer { session.restore() }
    let size = session.terminalSize
    var state = AppState(language: language, rows: size.rows, cols: size.cols, asciiOnly: env["SXSH_ASCII"] == "1", catalog: startup.catalog)
    state.exportDirectory = FileManager.default.currentDirectoryPath
    let driver = AppDriver(state: state, repository: DatabaseRepository(db: db))
    let rules = startup.rules
    driver.exporter = ExportJob.tui(worksheets: startup.set, rules: { rules })
    startup.start(driver, assessmentId: assessmentId, present: session.present)
    while !driver.shouldQuit {
      if session.pendingSignal != nil {
        // SIGTERM / SIGHUP (or SIGINT from outside): everything is already committed; keep where the user was.
        driver.finish()
        break
      }
      guard let event = session.readEvent() else { continue }
      if event == .key(.ctrl("l")) { session.forceRepaint() }
      driver.send(event)
      session.present(driver.render())
    }
  }
}
