import CNcursesw
import SXUI

extension TerminalSession {
  /// Waits up to `timeoutMs` milliseconds (nil: the session's tick; negative: block) for
  /// input and returns the next event, or nil on timeout. Escape sequences, Alt chords and
  /// bracketed paste are completed before returning. A resize event also makes the next
  /// ``present(_:)`` repaint everything.
  public func readEvent(timeoutMs: Int? = nil) -> InputEvent? {
    guard isActive, let win = window else { return nil }
    if !queue.isEmpty { return queue.removeFirst() }
    let tick = Int32(max(1, options.tickMilliseconds))
    let first = timeoutMs.map { Int32(clamping: $0 < 0 ? -1 : $0) } ?? tick
    wtimeout(win, first)
    defer { wtimeout(win, tick) }
    var reads = 0
    while true {
      reads += 1
      var ch: wint_t = 0
      let rc = wget_wch(win, &ch)
      let input: KeyDecoder.Input
      if rc == OK {
        input = .scalar(UInt32(ch))
      } else if rc == KEY_CODE_YES {
        guard let event = event(forKeyCode: Int32(bitPattern: ch)) else {
          if decoder.needsQuickFollowUp || decoder.isInPaste { continue }
          // An unmapped key: nothing for the app, keep waiting within this call.
          if reads < 64 { continue }
          return nil
        }
        input = .event(event)
      } else {
        input = .timeout
      }
      queue.append(contentsOf: decoder.feed(input))
      if decoder.needsQuickFollowUp {
        // The rest of an escape sequence is normally already buffered.
        wtimeout(win, 30)
        continue
      }
      if decoder.isInPaste {
        wtimeout(win, 500)
        continue
      }
      if !queue.isEmpty || input == .timeout { break }
      if reads >= 4096 { break }
    }
    return queue.isEmpty ? nil : queue.removeFirst()
  }

  /// Maps an ncurses KEY_* code to an event.
  func event(forKeyCode code: Int32) -> InputEvent? {
    switch code {
    case KEY_RESIZE:
      previousFrame = nil
      let size = terminalSize
      return .resize(rows: size.rows, cols: size.cols)
    case KEY_MOUSE:
      return mouseEvent().map { .mouse($0) }
    default:
      return key(forKeyCode: code).map { .key($0) }
    }
  }

  func key(forKeyCode code: Int32) -> Key? {
    switch code {
    case KEY_UP, KEY_SR: return .up
    case KEY_DOWN, KEY_SF: return .down
    case KEY_LEFT, KEY_SLEFT: return .left
    case KEY_RIGHT, KEY_SRIGHT: return .right
    case KEY_HOME, KEY_SHOME, KEY_A1, KEY_BEG: return .home
    case KEY_END, KEY_SEND, KEY_C1: return .end
    case KEY_PPAGE, KEY_SPREVIOUS, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_SNEXT, KEY_C3: return .pageDown
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC, KEY_SDC: return .delete
    case KEY_IC, KEY_SIC: return .insert
    default: break
    }
    let f0 = sx_key_f(0)
    if code > f0 && code <= f0 + 63 {
      // F13–F24 are Shift+F1–F12 on xterm; report them as such numbers.
      return .f(Int(code - f0))
    }
    // Extended keys above KEY_MAX (xterm's modified arrows: kLFT5, kUP3 …).
    if code > KEY_MAX, let namePtr = keyname(code) {
      let name = String(cString: namePtr)
      let map: [(String, Key)] = [
        ("kLFT", .left), ("kRIT", .right), ("kUP", .up), ("kDN", .down), ("kHOM", .home), ("kEND", .end),
        ("kDC", .delete), ("kIC", .insert), ("kNXT", .pageDown), ("kPRV", .pageUp),
      ]
      // kUP3/kDN3 (Alt), kUP5/kDN5 (Ctrl); 4 is Shift+Alt, 6–8 add Ctrl.
      if name.hasPrefix("kUP") || name.hasPrefix("kDN"), let m = Int(name.dropFirst(3)), m >= 3 {
        let up = name.hasPrefix("kUP")
        if m >= 5 { return up ? .ctrlUp : .ctrlDown }
        return up ? .altUp : .altDown
      }
      for (prefix, key) in map where name.hasPrefix(prefix) { return key }
    }
    return nil
  }

  func mouseEvent() -> MouseEvent? {
    var ev = MEVENT()
    guard getmouse(&ev) == OK else { return nil }
    let b = ev.bstate
    let kind: MouseEvent.Kind
    if b & SX_BUTTON4_PRESSED != 0 {
      kind = .scrollUp
    } else if SX_BUTTON5_PRESSED != 0 && b & SX_BUTTON5_PRESSED != 0 {
      kind = .scrollDown
    } else if b & SX_BUTTON1_DOUBLE_CLICKED != 0 {
      kind = .doubleClick(button: 1)
    } else if b & SX_BUTTON1_CLICKED != 0 {
      kind = .click(button: 1)
    } else if b & SX_BUTTON1_PRESSED != 0 {
      kind = .press(button: 1)
    } else if b & SX_BUTTON1_RELEASED != 0 {
      kind = .release(button: 1)
    } else if b & SX_BUTTON3_CLICKED != 0 || b & SX_BUTTON3_PRESSED != 0 {
      kind = .click(button: 3)
    } else if b & SX_BUTTON2_CLICKED != 0 {
      kind = .click(button: 2)
    } else {
      return nil
    }
    return MouseEvent(kind: kind, row: Int(ev.y), col: Int(ev.x))
  }
}
