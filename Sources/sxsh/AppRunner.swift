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
  /// `afterFirstFrame` runs once the first frame is painted and before any key is read (the backup made when the
  /// database changed: it copies the file as it was opened, and the screen need not wait for it).
  static func run(db: AppDatabase, assessmentId: String?, language: Language, afterFirstFrame: () throws -> Void = {}) throws {
    // The variables read below and by the worksheet lookup, the terminal and the trace, looked up by name (the whole
    // environment as a dictionary costs ~0.4 M instructions on the way to the first frame). A name read from `env`
    // must be listed here (EnvironmentNamesTests checks the readers against this list).
    let env = Environment.variables([
      WorksheetLoader.environmentVariable, "TERM", "ESCDELAY", "NO_COLOR", "XDG_STATE_HOME", "SXSH_ASCII", "SXSH_TRACE",
      "SXSH_EXIT_AFTER_FIRST_FRAME",
    ])
    let startup = try AppStartup.load(environment: env)
    let logDir = (env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory())
    let session = try TerminalSession(
      options: TerminalOptions(language: language, stderrLogPath: logDir + "/sxsh-stderr.log", environment: env))
    defer { session.restore() }
    let size = session.terminalSize
    var state = AppState(language: language, rows: size.rows, cols: size.cols, asciiOnly: env["SXSH_ASCII"] == "1", catalog: startup.catalog)
    state.exportDirectory = FileManager.default.currentDirectoryPath
    let trace = AppTrace(environment: env)
    let driver = AppDriver(state: state, repository: DatabaseRepository(db: db, trace: trace))
    let factors = startup.factors
    driver.compute = { Engine.compute($0, factors: factors, rules: startup.rules) }
    driver.backgroundCompute = {
      // The derivation (recompute, then the whole-assessment validation: hundreds of millions of instructions at
      // 10,000 flows) yields to the loop: a key pressed meanwhile is not kept waiting behind it for a core.
      lowerThreadPriority()
      return Engine.compute($0, factors: factors, rules: startup.rules)
    }
    driver.exporter = ExportJob.tui(worksheets: startup.set, rules: { startup.rules })
    // A keystroke is answered by the next frame; results, findings and markers are recomputed after it is painted,
    // when no input is pending (the status line says "updating…" until then). The first frame is painted the same
    // way: before anything is computed.
    driver.defersDerived = true
    // The durable commit of an edit runs on another thread while the frame that shows it saved is rendered; that
    // frame is presented only once the commit returned (``AppDriver/settleCommit()``).
    driver.commitsConcurrently = true
    driver.start(assessmentId: assessmentId)
    session.present(driver.render())
    // For profiling the start (callgrind, perf): leave once the first frame is flushed.
    if env["SXSH_EXIT_AFTER_FIRST_FRAME"] == "1" { return }
    // Everything the first frame does not need comes after it: the rules (needed by the first results) are parsed
    // on another thread while the backup is made.
    startup.resolved.parseRulesInBackground()
    try afterFirstFrame()
    // The write-ahead log written ahead with zeros, so that every save overwrites it instead of growing it (a shorter
    // sync; see AppDatabase.prepareLog). After the first frame and before any key is read; best effort.
    db.prepareLog()
    // The log's checkpoint is no longer made inside the commit that fills it (on the path to the frame saying
    // Saved) but after it (DatabaseRepository.afterCommit). Best effort: SQLite's automatic checkpoint otherwise.
    try? db.deferCheckpoints()
    while !driver.shouldQuit {
      if session.pendingSignal != nil {
        // SIGTERM / SIGHUP (or SIGINT from outside): everything is already committed; keep where the user was.
        driver.finish()
        break
      }
      // Idle work: column widths a slice at a time (no wait for input), results derived on another thread (polled).
      let idleWork = driver.needsDerivedUpdate
      guard let event = session.readEvent(timeoutMs: idleWork ? (driver.isDerivingInBackground ? 5 : 0) : nil) else {
        if idleWork {
          let t0 = AppTrace.now()
          let changed = driver.updateDerived(budget: .milliseconds(4))
          let t1 = AppTrace.now()
          if changed {
            let frame = driver.render()
            let t2 = AppTrace.now()
            session.present(frame)
            trace?.log("idle", start: t0, [("derived", t1 - t0), ("render", t2 - t1), ("present", AppTrace.now() - t2)])
          }
        }
        continue
      }
      let t0 = AppTrace.now(), c0 = trace == nil ? 0 : AppTrace.threadCPU()
      if event == .key(.ctrl("l")) { session.forceRepaint() }
      driver.send(event)
      let t1 = AppTrace.now()
      // The frame is drawn into ncurses' window while a commit the event asked for may still run; nothing reaches
      // the terminal before it returned (when it failed, the frame that says so is drawn over it).
      session.stage(driver.render())
      // The bytes of that frame are worked out while the commit runs, so that only their write follows it.
      if driver.isCommitPending { session.prepare() }
      let t2 = AppTrace.now()
      if driver.settleCommit() { session.stage(driver.render()) }
      let t3 = AppTrace.now()
      session.flush()
      if let trace {
        let t4 = AppTrace.now()
        trace.log(
          "event \(event)", start: t0,
          [("send", t1 - t0), ("render+stage", t2 - t1), ("settle", t3 - t2), ("flush", t4 - t3), ("cpu", AppTrace.threadCPU() - c0)])
      }
    }
  }
}

/// Lowers the calling thread's scheduling priority to the lowest: Linux's SCHED_IDLE policy, else nice 19. An idle-
/// policy thread is preempted at once by any other thread woken on its core (the kernel's rule for SCHED_IDLE);
/// at nice 19 it kept its core for up to a scheduler slice (~1 ms here), so the commit of the next edit, woken
/// while the validation of the last one still ran, waited for it. Both apply to the calling thread alone, and
/// need no privilege; a failure leaves the priority as it was (the work is the same, only its share of the cores
/// changes).
func lowerThreadPriority() {
  #if os(Linux)
    var param = sched_param(sched_priority: 0)
    if pthread_setschedparam(pthread_self(), 5 /* SCHED_IDLE */, &param) != 0 {
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    }
  #endif
}
