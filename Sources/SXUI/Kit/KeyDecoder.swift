/// Turns the raw stream from the terminal (code points, already-decoded function keys and
/// read timeouts) into ``InputEvent``s. Pure and deterministic, so it is unit-tested.
///
/// Rules:
/// * ESC followed by a printable character before the next timeout is `Alt+char`; ESC
///   followed by a timeout is Escape. The session reads again with a short timeout while
///   ``needsQuickFollowUp`` is true.
/// * 0x7F and 0x08 are Backspace; 0x01–0x1A are Ctrl+letter (except Tab, Enter, Backspace).
/// * CSI / SS3 sequences that terminfo did not decode (`ESC [ 1 ; 5 C`, `ESC O P` …) are
///   decoded here or dropped; they never leak into text fields as `[1;5C`.
/// * Bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`) becomes one ``InputEvent/paste(_:)``.
/// * Combining marks arrive as separate code points and are delivered as separate
///   `.char` keys; ``TextField`` merges them with the previous letter.
public struct KeyDecoder: Sendable {
  /// One item read from the terminal.
  public enum Input: Hashable, Sendable {
    /// A code point (wget_wch returned OK).
    case scalar(UInt32)
    /// An event the terminal library already decoded (function key, resize, mouse).
    case event(InputEvent)
    /// The read timed out with nothing available.
    case timeout
  }

  private enum State: Hashable, Sendable {
    case ground
    case escape
    case csi(String)
    case ss3
    case paste(String)
    case pasteEscape(String, String)
  }

  /// Longest parameter string accepted in a CSI sequence; longer ones are dropped.
  public static let maxSequenceLength = 32
  /// Largest paste kept (in Characters); the rest is discarded.
  public static let maxPasteLength = 1 << 20

  private var state: State = .ground

  public init() {}

  /// True while a multi-byte sequence (ESC, CSI, SS3) is incomplete: read again with a
  /// short timeout (≈ ESCDELAY) and feed ``Input/timeout`` if nothing arrives.
  public var needsQuickFollowUp: Bool {
    switch state {
    case .escape, .csi, .ss3, .pasteEscape: true
    case .ground, .paste: false
    }
  }

  /// True while inside a bracketed paste.
  public var isInPaste: Bool {
    switch state {
    case .paste, .pasteEscape: true
    default: false
    }
  }

  /// Feeds one input and returns the events it completes (often none or one).
  public mutating func feed(_ input: Input) -> [InputEvent] {
    switch state {
    case .ground:
      return ground(input)

    case .escape:
      switch input {
      case .timeout:
        state = .ground
        return [.key(.escape)]
      case .event(let e):
        state = .ground
        return [.key(.escape), e]
      case .scalar(let v):
        if v == 0x5B { state = .csi(""); return [] }  // "["
        if v == 0x4F { state = .ss3; return [] }  // "O"
        if v == 0x1B { return [.key(.escape)] }  // stay in .escape for the second ESC
        state = .ground
        if v < 0x20 || v == 0x7F { return [.key(.escape)] + ground(input) }
        guard let scalar = Unicode.Scalar(v) else { return [.key(.escape)] }
        return [.key(.alt(Character(scalar)))]
      }

    case .csi(let params):
      switch input {
      case .timeout:
        state = .ground
        return params.isEmpty ? [.key(.alt("["))] : []
      case .event(let e):
        state = .ground
        return [e]
      case .scalar(let v):
        if (0x20...0x3F).contains(v), let scalar = Unicode.Scalar(v) {
          if params.unicodeScalars.count >= Self.maxSequenceLength { state = .ground; return [] }
          state = .csi(params + String(Character(scalar)))
          return []
        }
        state = .ground
        if (0x40...0x7E).contains(v), let scalar = Unicode.Scalar(v) {
          return decodeCSI(params: params, final: Character(scalar))
        }
        // Malformed: drop the sequence, keep the byte.
        return ground(input)
      }

    case .ss3:
      state = .ground
      switch input {
      case .timeout: return [.key(.alt("O"))]
      case .event(let e): return [.key(.alt("O")), e]
      case .scalar(let v):
        let keys: [UInt32: Key] = [
          0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
          0x50: .f(1), 0x51: .f(2), 0x52: .f(3), 0x53: .f(4), 0x4D: .enter,
        ]
        if let k = keys[v] { return [.key(k)] }
        return [.key(.alt("O"))] + ground(input)
      }

    case .paste(let text):
      switch input {
      case .timeout:
        // The terminal never sent the end marker; deliver what arrived.
        state = .ground
        return text.isEmpty ? [] : [.paste(Self.normalizedNewlines(text))]
      case .event:
        return []
      case .scalar(let v):
        if v == 0x1B { state = .pasteEscape(text, ""); return [] }
        state = .paste(Self.appendPasted(v, to: text))
        return []
      }

    case .pasteEscape(let text, let seq):
      let end = "[201~"
      switch input {
      case .timeout, .event:
        state = .ground
        return text.isEmpty ? [] : [.paste(Self.normalizedNewlines(text))]
      case .scalar(let v):
        guard let scalar = Unicode.Scalar(v) else { return [] }
        let next = seq + String(Character(scalar))
        if next == end {
          state = .ground
          return [.paste(Self.normalizedNewlines(text))]
        }
        if end.hasPrefix(next) {
          state = .pasteEscape(text, next)
          return []
        }
        // Not the end marker: the ESC is dropped, the rest kept as text.
        var t = text
        for s in next.unicodeScalars { t = Self.appendPasted(s.value, to: t) }
        state = .paste(t)
        return []
      }
    }
  }

  /// Convenience: feeds a sequence of inputs and collects all events.
  public mutating func feed(_ inputs: [Input]) -> [InputEvent] {
    inputs.flatMap { feed($0) }
  }

  // MARK: - Private

  private mutating func ground(_ input: Input) -> [InputEvent] {
    switch input {
    case .timeout: return []
    case .event(let e): return [e]
    case .scalar(let v):
      if v == 0x1B { state = .escape; return [] }
      if v < 0x20 || v == 0x7F { return Key.fromControl(v).map { [.key($0)] } ?? [] }
      if (0x80..<0xA0).contains(v) { return [] }  // C1 controls are never text
      guard let scalar = Unicode.Scalar(v) else { return [] }
      return [.key(.char(Character(scalar)))]
    }
  }

  private mutating func decodeCSI(params: String, final: Character) -> [InputEvent] {
    let parts = params.split(separator: ";", omittingEmptySubsequences: false)
    let first = Int(parts.first ?? "") ?? 0
    // xterm modifier parameter: 1 + (Shift 1 | Alt 2 | Ctrl 4).
    let modifier = parts.count > 1 ? max(0, (Int(parts[1]) ?? 1) - 1) : 0
    let ctrl = modifier & 4 != 0
    let alt = modifier & 2 != 0
    switch final {
    case "A": return [.key(ctrl ? .ctrlUp : alt ? .altUp : .up)]
    case "B": return [.key(ctrl ? .ctrlDown : alt ? .altDown : .down)]
    case "C": return [.key(.right)]
    case "D": return [.key(.left)]
    case "H": return [.key(.home)]
    case "F": return [.key(.end)]
    case "Z": return [.key(.backTab)]
    case "P", "Q", "R", "S":
      // CSI 1 ; mod P = modified F1–F4.
      let n = ["P": 1, "Q": 2, "R": 3, "S": 4][final] ?? 1
      return [.key(.f(n))]
    case "~":
      switch first {
      case 1, 7: return [.key(.home)]
      case 2: return [.key(.insert)]
      case 3: return [.key(.delete)]
      case 4, 8: return [.key(.end)]
      case 5: return [.key(.pageUp)]
      case 6: return [.key(.pageDown)]
      case 11...15: return [.key(.f(first - 10))]
      case 17...21: return [.key(.f(first - 11))]
      case 23...26: return [.key(.f(first - 12))]
      case 28, 29: return [.key(.f(first - 13))]
      case 31...34: return [.key(.f(first - 14))]
      case 200:
        state = .paste("")
        return []
      default: return []
      }
    default:
      // Focus reports, kitty CSI-u, cursor reports …: not keys we use.
      return []
    }
  }

  /// CR LF and lone CR become LF.
  private static func normalizedNewlines(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previousCR = false
    for s in text.unicodeScalars {
      if s == "\r" {
        out.append("\n")
        previousCR = true
        continue
      }
      if s == "\n" && previousCR {
        previousCR = false
        continue
      }
      previousCR = false
      out.append(s)
    }
    return String(out)
  }

  private static func appendPasted(_ v: UInt32, to text: String) -> String {
    guard text.unicodeScalars.count < maxPasteLength, let scalar = Unicode.Scalar(v) else { return text }
    var t = text
    switch v {
    case 0x0D, 0x0A: t.unicodeScalars.append(scalar)  // normalised when the paste ends
    case 0x09: t.append(" ")
    case 0..<0x20, 0x7F, 0x80..<0xA0: break
    default: t.unicodeScalars.append(scalar)
    }
    return t
  }
}
