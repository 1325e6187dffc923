import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libc `wcwidth`. Swift's Glibc module does not export it (glibc declares it only under
/// `__USE_XOPEN`), so it is bound by symbol name. `wchar_t` is a 32-bit signed integer on Linux.
@_silgen_name("wcwidth")
private func sx_libc_wcwidth(_ wc: Int32) -> Int32

/// Display widths of text in terminal columns, measured with libc `wcwidth`.
///
/// `wcwidth` is locale-dependent: under the "C" locale it returns −1 for every non-ASCII
/// scalar. The terminal session (and tests) must set a UTF-8 `LC_CTYPE` (for example
/// `setlocale(LC_CTYPE, "C.UTF-8")`) before measuring. If it still answers −1 for a printable
/// scalar, a conservative fallback is used: marks are 0 wide, everything else 1.
///
/// A grapheme cluster (`Character`) is as wide as its first scalar of non-zero width,
/// clamped to 2. Control characters are never sent to the terminal: ``sanitize(_:)``
/// replaces them (tab becomes a space, others U+FFFD), and their width is that of the
/// replacement.
public enum DisplayWidth {
  /// The character shown in place of a control character.
  public static let replacement: Character = "\u{FFFD}"
  /// The ellipsis used when text is truncated (1 column wide).
  public static let ellipsis: Character = "…"

  /// True when `scalar` is a C0/C1 control or DEL.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || (v >= 0x7F && v < 0xA0)
  }

  /// Width of one scalar: 0, 1 or 2; −1 for control characters.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    if isControl(scalar) { return -1 }
    let v = scalar.value
    if v < 0x7F { return 1 }
    let w = Int(sx_libc_wcwidth(Int32(bitPattern: v)))
    if w >= 0 { return min(w, 2) }
    // wcwidth refused (non-UTF-8 locale or unassigned code point): stay conservative.
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return 1
    }
  }

  /// Width of one grapheme cluster after sanitising: 0, 1 or 2.
  public static func width(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    if let first = scalars.first, isControl(first) { return 1 }  // replaced by U+FFFD or space
    for scalar in scalars {
      let w = width(of: scalar)
      if w > 0 { return min(w, 2) }
    }
    return 0
  }

  /// Total width of a string (sum over its `Character`s after sanitising).
  public static func width(of text: some StringProtocol) -> Int {
    // Printable ASCII: one column per byte, without walking the characters.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    if let w = scalarWidth(text.unicodeScalars) { return w }
    var total = 0
    for ch in text { total += width(of: ch) }
    return total
  }

  /// The width of `scalars` summed scalar by scalar, without grapheme breaking, when that is the sum over the
  /// `Character`s: every scalar is printable (no control) and from the blocks where a grapheme cluster is one
  /// spacing scalar followed by zero-width marks only — Latin (with Vietnamese), Greek, Cyrillic, Armenian, Hebrew,
  /// general punctuation, arrows, mathematical and technical symbols, box drawing and geometric shapes (no joiner,
  /// Hangul, Indic spacing marks, emoji or regional indicators). nil otherwise (the caller then walks the
  /// `Character`s).
  /// True when every scalar of `text` is a grapheme of its own one column wide: printable ASCII, or a letter, sign or
  /// punctuation of the ranges ``scalarWidth(_:)`` measures per scalar (Latin, Greek, Cyrillic, Vietnamese, general
  /// punctuation, arrows and symbols) whose width is 1 — no control, combining mark or wide character, none of which
  /// joins a neighbour into one grapheme. Such text is laid out one cell per scalar, as per Character.
  static func isSingleColumnScalars(_ text: some StringProtocol) -> Bool {
    for s in text.unicodeScalars {
      let v = s.value
      if v >= 0x20 && v < 0x7F { continue }
      guard (v >= 0xA0 && v < 0x600) || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x2010 && v < 0x2070) || (v >= 0x2190 && v < 0x2600) else {
        return false
      }
      if width(of: s) != 1 { return false }
    }
    return true
  }

  static func scalarWidth(_ scalars: some Sequence<Unicode.Scalar>) -> Int? {
    var total = 0
    for s in scalars {
      let v = s.value
      if v >= 0x20 && v < 0x7F {
        total += 1
        continue
      }
      guard (v >= 0xA0 && v < 0x600) || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x2010 && v < 0x2070) || (v >= 0x2190 && v < 0x2600) else {
        return nil
      }
      total += width(of: s)
    }
    return total
  }

  /// A character safe to send to the terminal: controls are replaced (tab by a space).
  public static func sanitize(_ character: Character) -> Character {
    guard let first = character.unicodeScalars.first, isControl(first) else { return character }
    return first == "\t" ? " " : replacement
  }

  /// `text` with every control character replaced (see ``sanitize(_:)``).
  public static func sanitize(_ text: some StringProtocol) -> String {
    // Nearly always nothing to replace: then the text as it is, without rebuilding it Character by Character.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(text) }
    if !text.unicodeScalars.contains(where: isControl) { return String(text) }
    var out = ""
    for ch in text { out.append(sanitize(ch)) }
    return out
  }

  /// True when libc `wcwidth` measures Vietnamese and CJK correctly in the current locale.
  public static var isLocaleReliable: Bool {
    sx_libc_wcwidth(0x1EC7) == 1 && sx_libc_wcwidth(0x4E2D) == 2 && sx_libc_wcwidth(0x0323) == 0
  }
}
