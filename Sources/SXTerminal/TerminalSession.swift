import CNcursesw
import Foundation
import SXCore
import SXUI

#if canImport(Glibc)
  import Glibc
#endif

/// Owns the terminal while the full-screen UI runs: start-up checks, ncurses set-up,
/// input, output and restoring the terminal on every exit path.
///
/// Typical loop:
/// ```swift
/// let session = try TerminalSession(options: TerminalOptions(language: .vi))
/// defer { session.restore() }
/// var buffer = ScreenBuffer(rows: session.terminalSize.rows, cols: session.terminalSize.cols)
/// while session.pendingSignal == nil {
///   if let event = session.readEvent() { /* update state */ }
///   RunLoop.main.run(mode: .default, before: Date())   // drain main-actor work
///   /* render state into buffer */
///   session.present(buffer)
/// }
/// ```
/// All curses calls happen on the main actor: ncurses is not thread-safe.
@MainActor
public final class TerminalSession {
  public let options: TerminalOptions
  /// The theme in use (monochrome under NO_COLOR or without colours).
  public private(set) var theme: Theme
  /// The `TERM` the session was opened with.
  public let terminalType: String
  /// True until ``restore()``.
  public private(set) var isActive: Bool = false

  var screen: OpaquePointer?
  var window: UnsafeMutablePointer<WINDOW>?
  var decoder = KeyDecoder()
  var queue: [InputEvent] = []
  var previousFrame: ScreenBuffer?
  /// Where the cursor of the frame staged last goes (nil: hidden), set by ``stage(_:)`` for ``flush()``.
  var stagedCursor: CursorPosition?
  var cursorVisible = false
  var bracketedPasteOn = false
  var colorPairsReady = false
  /// The ncurses attributes and colour pair of the last style drawn (neighbouring cells mostly share a style).
  var lastAttributes: (style: Style, attrs: attr_t, pair: Int16)?
  /// The bytes of a frame worked out by ``prepare()`` and not yet written (``flush()`` writes them).
  var preparedOutput: [UInt8]?
  /// Where ``prepare()`` has ncurses write (an in-memory file), and a copy of the terminal's output descriptor to
  /// put back after; -1 when not available (prepare() then does nothing, and flush() works as before).
  var captureFD: Int32 = -1
  var terminalOutputCopy: Int32 = -1

  /// Runs the checks, sets the locale, and takes over the terminal.
  public init(options: TerminalOptions = TerminalOptions()) throws(TerminalError) {
    self.options = options
    let env = options.environment
    // 1. Both ends must be a terminal.
    guard isatty(0) == 1 else { throw .notATerminal(stream: "stdin") }
    guard isatty(1) == 1 else { throw .notATerminal(stream: "stdout") }
    // 2. TERM: unset, dumb, unknown (checked through newterm, which returns NULL; initscr would exit).
    guard let term = env["TERM"], !term.isEmpty else { throw .terminalTypeUnset }
    guard term != "dumb" else { throw .dumbTerminal }
    self.terminalType = term
    // 3. A UTF-8 LC_CTYPE, or Vietnamese cannot be measured or drawn.
    try TerminalSession.ensureUTF8Locale()
    // 4. Our signal handlers before ncurses installs its own.
    SignalGuard.installTerminationHandlers()
    // LINES/COLUMNS in the environment freeze the size (resizes are then ignored), so they
    // are removed. Not use_env(false): verified with ncurses 6.4, it makes ncurses take
    // terminfo's fixed lines/cols (80×24) and ignore resizes, even with use_tioctl(true).
    unsetenv("LINES")
    unsetenv("COLUMNS")
    guard let screen = term.withCString({ newterm($0, sx_stdout(), sx_stdin()) }) else {
      throw .unknownTerminal(term)
    }
    self.screen = screen
    _ = set_term(screen)
    guard sx_has_string_cap("cup") != 0 else {
      endwin()
      delscreen(screen)
      self.screen = nil
      throw .noCursorAddressing(term)
    }
    guard let win = sx_stdscr() else {
      endwin()
      delscreen(screen)
      self.screen = nil
      throw .initialisationFailed("stdscr")
    }
    self.window = win
    isActive = true
    // For frames worked out ahead of their write (``prepare()``): an in-memory file, and a copy of the output
    // descriptor to restore. Without either, frames are written as they are worked out.
    let capture = sx_memfd()
    let copy = capture >= 0 ? fcntl(sx_output_fd(), F_DUPFD_CLOEXEC, 3) : -1
    if capture >= 0, copy >= 0 {
      captureFD = capture
      terminalOutputCopy = copy
      SignalGuard.setTerminalOutputCopy(copy)
    } else if capture >= 0 {
      close(capture)
    }
    SignalGuard.setCursesActive(true)
    SignalGuard.installCrashHandlers(
      note: "\nsxsh: " + (options.language == .vi ? "chương trình gặp lỗi nghiêm trọng; terminal đã được khôi phục." : "crashed; the terminal was restored.")
        + (options.stderrLogPath.map { " Log: \($0)" } ?? "") + "\n")
    // Until the first endwin()/doupdate() cycle, ncurses 6.4 flushes its output buffer at every cursor jump
    // (`_nc_mvcur` while the screen is still "initial"), so a frame went out as one write() per changed line and a
    // reader saw it arrive in pieces. endwin() now (nothing is drawn yet; the shell modes it restores are replaced
    // just below) makes the first doupdate() resume the screen, after which a frame is one write() of the buffer.
    endwin()
    // 5. Input modes: raw (Ctrl-C/Z/S/Q are keys), no echo, no CR/NL mapping, keypad.
    raw()
    noecho()
    nonl()
    keypad(win, true)
    intrflush(win, false)
    _ = sx_disable_flow_control(0)
    // No look for typed-ahead input during doupdate (a poll() of the input every few lines, five per frame here): a
    // frame is always sent whole, and the keys are read right after it.
    typeahead(-1)
    def_prog_mode()
    if env["ESCDELAY"] == nil { set_escdelay(25) }
    wtimeout(win, Int32(max(1, options.tickMilliseconds)))
    _ = curs_set(0)
    leaveok(win, true)
    // No insert/delete-line or -character optimisation: present() already sends only changed cells, and scrolled
    // regions were sometimes left stale under tmux (a table shrinking above new text).
    idlok(win, false)
    idcok(win, false)
    // 6. Colours.
    let wantsColor = !options.monochrome && has_colors()
    theme = Theme.resolve(environment: env, terminalHasColors: wantsColor)
    if theme.usesColor { setUpColors() }
    if !colorPairsReady { theme = .monochrome }
    // 7. Mouse (opt-in).
    if options.mouse {
      mousemask(SX_ALL_MOUSE_EVENTS, nil)
      mouseinterval(0)
    }
    // 8. Bracketed paste on xterm-like terminals.
    if options.bracketedPaste && TerminalSession.supportsBracketedPaste(term: term) {
      writeRaw("\u{1B}[?2004h")
      bracketedPasteOn = true
    }
    // 9. stderr away from the screen.
    _ = SignalGuard.redirectStderr(to: options.stderrLogPath)
  }

  isolated deinit {
    restore()
  }

  /// Gives the terminal back: ends curses, turns bracketed paste off, restores stderr.
  /// Safe to call more than once; call it on every exit path (`defer`).
  public func restore() {
    guard isActive else { return }
    isActive = false
    if let win = window { wnoutrefresh(win) }
    _ = curs_set(1)
    endwin()
    if bracketedPasteOn {
      writeRaw("\u{1B}[?2004l")
      bracketedPasteOn = false
    }
    SignalGuard.setCursesActive(false)
    if let screen { delscreen(screen) }
    screen = nil
    window = nil
    previousFrame = nil
    preparedOutput = nil
    SignalGuard.setTerminalOutputCopy(-1)
    for fd in [captureFD, terminalOutputCopy] where fd >= 0 { close(fd) }
    captureFD = -1
    terminalOutputCopy = -1
    SignalGuard.restoreStderr()
  }

  /// The terminal size now (updated after a resize event).
  public var terminalSize: TerminalSize {
    guard isActive, let win = window else { return TerminalSize(rows: 0, cols: 0) }
    return TerminalSize(rows: Int(getmaxy(win)), cols: Int(getmaxx(win)))
  }

  /// SIGTERM, SIGHUP or SIGINT received since start (the handler only sets a flag). The loop
  /// should save and leave cleanly when this is not nil.
  public var pendingSignal: Int32? { SignalGuard.pendingSignal }

  /// Forgets a handled signal.
  public func clearPendingSignal() { SignalGuard.clearPendingSignal() }

  /// Rings the terminal bell.
  public func bell() {
    guard isActive else { return }
    beep()
  }

  /// Makes the next ``present(_:)`` repaint the whole screen (Ctrl-L, after garbage).
  public func forceRepaint() {
    guard isActive, let win = window else { return }
    previousFrame = nil
    clearok(win, true)
  }

  // MARK: - Private helpers

  /// setlocale(LC_ALL, ""); if the codeset is not UTF-8, fall back to C.UTF-8 for LC_CTYPE.
  static func ensureUTF8Locale() throws(TerminalError) {
    _ = setlocale(LC_ALL, "")
    if isUTF8(currentCodeset()) { return }
    let before = currentCodeset()
    if setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8(currentCodeset()) {
      return
    }
    throw .localeNotUTF8(codeset: before)
  }

  /// True for a codeset named UTF-8 in any case, with or without hyphens ("UTF-8", "utf8", "Utf-8"). Compared on
  /// the bytes: Foundation's `uppercased().replacingOccurrences` cost about a million instructions on first use,
  /// before the first frame.
  static func isUTF8(_ codeset: String) -> Bool {
    var letters: [UInt8] = []
    for b in codeset.utf8 where b != UInt8(ascii: "-") {
      letters.append(b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") ? b - 32 : b)
    }
    return letters == Array("UTF8".utf8)
  }

  static func currentCodeset() -> String {
    var buf = [CChar](repeating: 0, count: 64)
    sx_codeset(&buf, buf.count)
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func supportsBracketedPaste(term: String) -> Bool {
    let prefixes = ["xterm", "tmux", "screen", "rxvt", "alacritty", "kitty", "foot", "wezterm", "st-", "vte", "gnome", "konsole", "iterm"]
    return prefixes.contains { term.hasPrefix($0) } || term == "st"
  }

  /// Writes bytes straight to the terminal (only for modes ncurses does not manage).
  func writeRaw(_ s: String) {
    var bytes = Array(s.utf8)
    _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
  }
}
