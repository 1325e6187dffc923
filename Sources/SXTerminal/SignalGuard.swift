import CNcursesw

#if canImport(Glibc)
  import Glibc
#endif

/// Every use of the shim's static C state (signal flag, crash handler, saved stderr).
///
/// Keep ALL calls to `sx_*signal*`, `sx_set_curses_active`, `sx_set_saved_stderr_fd` and
/// `sx_set_crash_note` in this file: clang `static` storage in an imported header is
/// emitted once per Swift object file, so calls spread over several files could see
/// different copies in debug builds.
@MainActor
enum SignalGuard {
  private static var savedStderr: Int32 = -1

  /// Flag-only handlers for SIGTERM, SIGHUP and SIGINT (before newterm, so ncurses keeps
  /// its hands off them).
  static func installTerminationHandlers() {
    _ = sx_install_termination_handlers()
  }

  /// The termination signal received since the last ``clearPendingSignal()``, if any.
  static var pendingSignal: Int32? {
    let s = sx_pending_signal()
    return s == 0 ? nil : s
  }

  static func clearPendingSignal() { sx_clear_pending_signal() }

  /// Crash handlers that restore the terminal and stderr, print `note`, then chain to the
  /// previous handler (the Swift backtracer) and re-raise.
  static func installCrashHandlers(note: String) {
    note.withCString { sx_set_crash_note($0) }
    _ = sx_install_crash_handlers()
  }

  static func setCursesActive(_ active: Bool) { sx_set_curses_active(active ? 1 : 0) }

  /// The copy of the terminal's output descriptor that the crash handler puts back on fd 1 before restoring the
  /// terminal (a frame may be being worked out into memory then, ``TerminalSession/prepare()``); -1: none.
  static func setTerminalOutputCopy(_ fd: Int32) { sx_set_terminal_output_copy(fd) }

  /// Points fd 2 at `path` (appending, mode 0600) or /dev/null. Returns false on failure
  /// (stderr is then left alone).
  static func redirectStderr(to path: String?) -> Bool {
    guard savedStderr < 0 else { return true }
    let target = path ?? "/dev/null"
    let fd = open(target, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return false }
    let saved = dup(2)
    guard saved >= 0 else { close(fd); return false }
    _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
    guard dup2(fd, 2) >= 0 else { close(fd); close(saved); return false }
    close(fd)
    savedStderr = saved
    sx_set_saved_stderr_fd(saved)
    return true
  }

  /// Puts the original stderr back.
  static func restoreStderr() {
    guard savedStderr >= 0 else { return }
    sx_set_saved_stderr_fd(-1)
    _ = dup2(savedStderr, 2)
    close(savedStderr)
    savedStderr = -1
  }
}
