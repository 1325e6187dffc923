import CNcursesw
import SXUI

#if canImport(Glibc)
  import Glibc
#endif

extension TerminalSession {
  /// Copies `buffer` to the terminal, touching only cells that differ from the previous
  /// frame, positions (or hides) the cursor, and calls `doupdate` once. ncurses then
  /// sends only the changed characters, so moving a table marker one row costs a few
  /// dozen bytes.
  public func present(_ buffer: ScreenBuffer) {
    stage(buffer)
    flush()
  }

  /// The first half of ``present(_:)``: draws the cells of `buffer` that differ from the frame staged before into
  /// ncurses' window, and nothing more: no byte reaches the terminal (ncurses writes only in `doupdate`, called by
  /// ``flush()``; nothing reads a key in between, which would refresh the window). A frame staged again before the
  /// flush replaces this one (it is drawn over it), so only the last one staged is ever shown.
  public func stage(_ buffer: ScreenBuffer) {
    guard isActive, let win = window else { return }
    if preparedOutput != nil {
      // The prepared frame is never sent (it showed a commit that failed): ncurses counts it as on screen, so the
      // next flush repaints the whole screen instead of sending what changed since it.
      preparedOutput = nil
      clearok(win, true)
    }
    let maxRows = Int(getmaxy(win)), maxCols = Int(getmaxx(win))
    let rows = min(buffer.rows, maxRows), cols = min(buffer.cols, maxCols)
    let previous = previousFrame.flatMap { $0.rows == buffer.rows && $0.cols == buffer.cols ? $0 : nil }
    if previous == nil { werase(win) }
    for r in 0..<max(0, rows) {
      // A row equal to the previous frame's has nothing to draw (most rows after a keystroke).
      if let previous, previous.row(r, equalsRowOf: buffer) { continue }
      var c = 0
      while c < cols {
        let cell = buffer[r, c]
        if cell.isContinuation {
          // Orphan continuation (should not happen): draw a blank.
          if let previous, previous[r, c] == cell, previous[r, c - 1] == buffer[r, c - 1] { c += 1; continue }
          draw(Cell(" ", style: cell.style), row: r, col: c, window: win)
          c += 1
          continue
        }
        // Not `previous.map { … }`: a closure in this main-actor method is checked for its executor on every call
        // (swift_task_isCurrentExecutor, once per cell: a third of the cost of presenting a frame).
        var changed = true
        if let previous { changed = previous[r, c] != cell }
        if !changed && cell.width == 2, let previous, previous[r, c + 1] != buffer[r, c + 1] { changed = true }
        if changed {
          if cell.width == 2 && c + 1 >= cols {
            draw(Cell(" ", style: cell.style), row: r, col: c, window: win)
          } else {
            draw(cell, row: r, col: c, window: win)
          }
        }
        c += max(1, cell.width)
      }
    }
    stagedCursor = buffer.cursor.flatMap { pos in pos.row >= 0 && pos.row < rows && pos.col >= 0 && pos.col < cols ? pos : nil }
    previousFrame = buffer
  }

  /// The second half of ``present(_:)``: positions (or hides) the cursor of the frame staged last and sends what
  /// changed to the terminal (one `doupdate`).
  ///
  /// A change of the cursor's visibility is sent after the frame: `curs_set` writes and flushes its few bytes at
  /// once, so sent before `doupdate` they would reach the terminal as a write of their own ahead of the frame (the
  /// editor closing after a save hides the cursor: the frame that shows the save would then follow a separate write).
  public func flush() {
    guard isActive else { return }
    if let bytes = preparedOutput.take() {
      Self.writeAll(bytes, to: sx_output_fd())
      return
    }
    doUpdate()
  }

  /// Works out the bytes ``flush()`` would send for the frame staged last, without sending them: ncurses writes into
  /// memory meanwhile (its output descriptor points there). ``flush()`` then writes them at once. For the frame that
  /// shows a commit running on another thread: its bytes are ready when the commit returns, and the terminal gets
  /// nothing before. Staging another frame first drops them (``stage(_:)``). False when the frame could not be held
  /// back (``flush()`` then works it out and sends it as usual).
  @discardableResult
  public func prepare() -> Bool {
    guard isActive, window != nil, preparedOutput == nil, captureFD >= 0, terminalOutputCopy >= 0 else { return false }
    let out = sx_output_fd()
    guard lseek(captureFD, 0, SEEK_SET) == 0, ftruncate(captureFD, 0) == 0, dup2(captureFD, out) == out else { return false }
    doUpdate()
    // The terminal back as the output: retried, as nothing else may be written while it is not.
    var restored = false
    for _ in 0..<100 where !restored { restored = dup2(terminalOutputCopy, out) == out }
    let size = Int(lseek(captureFD, 0, SEEK_CUR))
    var bytes = [UInt8](repeating: 0, count: max(0, size))
    let read = size > 0 ? bytes.withUnsafeMutableBytes { pread(captureFD, $0.baseAddress, size, 0) } : 0
    guard restored, read == size else {
      // Never leave ncurses' idea of the screen ahead of the terminal: repaint all of it next time.
      if let win = window { clearok(win, true) }
      return false
    }
    preparedOutput = bytes
    return true
  }

  /// Writes all of `bytes` to `fd` (a short write or an interrupted one is continued).
  static func writeAll(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { raw in
      var at = 0
      while at < raw.count {
        let n = write(fd, raw.baseAddress! + at, raw.count - at)
        if n > 0 {
          at += n
        } else if n < 0 && (errno == EINTR || errno == EAGAIN) {
          continue
        } else {
          return
        }
      }
    }
  }

  /// The cursor of the frame staged last, then `doupdate` (and the cursor's visibility after it).
  private func doUpdate() {
    guard let win = window else { return }
    var visibility: Int32?
    if let pos = stagedCursor {
      if !cursorVisible {
        visibility = 1
        leaveok(win, false)
        cursorVisible = true
      }
      wmove(win, Int32(pos.row), Int32(pos.col))
    } else if cursorVisible {
      visibility = 0
      leaveok(win, true)
      cursorVisible = false
    }
    wnoutrefresh(win)
    doupdate()
    if let visibility { _ = curs_set(visibility) }
  }

  private func draw(_ cell: Cell, row: Int, col: Int, window win: UnsafeMutablePointer<WINDOW>) {
    let attrs: attr_t, pair: Int16
    if let last = lastAttributes, last.style == cell.style {
      (attrs, pair) = (last.attrs, last.pair)
    } else {
      (attrs, pair) = attributes(for: cell.style)
      lastAttributes = (cell.style, attrs, pair)
    }
    Self.put(cell.text, attrs, pair, row: row, col: col, window: win)
  }

  /// Writes one character cell into the window. Nonisolated and static: the closure below, inside a main-actor
  /// method, would be checked for its executor on every call (`swift_task_isCurrentExecutor`, ~270 instructions a
  /// cell, a third of the cost of drawing a whole frame).
  private nonisolated static func put(
    _ text: String, _ attrs: attr_t, _ pair: Int16, row: Int, col: Int, window win: UnsafeMutablePointer<WINDOW>
  ) {
    // A cchar_t holds one spacing character and up to four combining marks (CCHARW_MAX), then a terminating 0;
    // built in place, without an array per cell.
    var wide: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0, 0, 0, 0)
    var cc = cchar_t()
    withUnsafeMutableBytes(of: &wide) { raw in
      let w = raw.bindMemory(to: wchar_t.self)
      let limit = min(Int(CCHARW_MAX), w.count - 1)
      var n = 0
      for u in text.unicodeScalars {
        guard n < limit else { break }
        w[n] = wchar_t(bitPattern: u.value)
        n += 1
      }
      if n == 0 { w[0] = 32 }
      _ = setcchar(&cc, w.baseAddress, attrs, pair, nil)
    }
    // At the bottom-right corner this returns ERR after writing (the cursor cannot advance).
    _ = mvwadd_wch(win, Int32(row), Int32(col), &cc)
  }

  /// ncurses attributes and colour pair for a style under the current theme.
  func attributes(for style: Style) -> (attr_t, Int16) {
    let a = theme.appearance(for: style)
    var attrs: attr_t = SX_A_NORMAL
    if a.bold { attrs |= SX_A_BOLD }
    if a.reverse { attrs |= SX_A_REVERSE }
    if a.underline { attrs |= SX_A_UNDERLINE }
    if a.dim { attrs |= SX_A_DIM }
    guard colorPairsReady, let index = Style.Role.allCases.firstIndex(of: style.role) else { return (attrs, 0) }
    return (attrs, Int16(index + 1))
  }

  /// start_color, use_default_colors and one pair per semantic role (pair = role index + 1).
  func setUpColors() {
    guard start_color() == OK else { return }
    let hasDefault = use_default_colors() == OK
    let roles = Style.Role.allCases
    guard sx_color_pairs() > roles.count, sx_colors() >= 8 else { return }
    for (i, role) in roles.enumerated() {
      let a = theme.appearance(for: role)
      var fg = Int16(a.foreground.rawValue), bg = Int16(a.background.rawValue)
      if !hasDefault {
        if fg < 0 { fg = Int16(COLOR_WHITE) }
        if bg < 0 { bg = Int16(COLOR_BLACK) }
      }
      guard init_pair(Int16(i + 1), fg, bg) == OK else { return }
    }
    colorPairsReady = true
  }
}
