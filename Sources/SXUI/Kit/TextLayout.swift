/// Horizontal alignment of text inside a column.
public enum TextAlignment: Sendable, Hashable {
  case left, right, center
}

/// Truncation, padding and wrapping of text measured in display columns, by `Character`.
///
/// Never uses `String.count` or UTF-8 length for layout: a Vietnamese letter in NFD is one
/// `Character` and one column; a CJK ideograph is one `Character` and two columns.
public enum TextLayout {
  /// The longest prefix of `text` that fits in `width` columns. When text had to be cut,
  /// the result ends with "…" (one column). The result is sanitised (no control characters).
  public static func truncate(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
    guard width > 0 else { return "" }
    // One column per scalar, each its own grapheme (printable ASCII, most Vietnamese text): nothing to sanitize, and
    // the cut is after `budget` scalars — what the loop below gives for such text.
    if DisplayWidth.isSingleColumnScalars(text) {
      let scalars = text.unicodeScalars
      guard let end = scalars.index(scalars.startIndex, offsetBy: width, limitedBy: scalars.endIndex), end != scalars.endIndex else {
        return text
      }
      let budget = ellipsis ? width - 1 : width
      var out = String(text[..<scalars.index(scalars.startIndex, offsetBy: max(0, budget))])
      if ellipsis { out.append(DisplayWidth.ellipsis) }
      return out
    }
    let clean = DisplayWidth.sanitize(text)
    if DisplayWidth.width(of: clean) <= width { return clean }
    let budget = ellipsis ? width - 1 : width
    var out = ""
    var used = 0
    for ch in clean {
      let w = DisplayWidth.width(of: ch)
      if used + w > budget { break }
      out.append(ch)
      used += w
    }
    if ellipsis { out.append(DisplayWidth.ellipsis) }
    return out
  }

  /// `text` truncated (with "…") or padded with spaces to exactly `width` columns.
  public static func pad(_ text: String, to width: Int, alignment: TextAlignment = .left) -> String {
    guard width > 0 else { return "" }
    let cut = truncate(text, to: width)
    let gap = width - DisplayWidth.width(of: cut)
    guard gap > 0 else { return cut }
    switch alignment {
    case .left: return cut + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + cut
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
    }
  }

  /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible
  /// and inside words only when a word alone is too wide. Explicit newlines are kept.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var piece = DisplayWidth.sanitize(word)
        var pieceWidth = DisplayWidth.width(of: piece)
        if lineWidth > 0 && lineWidth + 1 + pieceWidth <= width {
          line += " " + piece
          lineWidth += 1 + pieceWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        // Hard-break words wider than a line.
        while pieceWidth > width {
          var head = ""
          var used = 0
          var rest = piece[...]
          while let ch = rest.first {
            let w = DisplayWidth.width(of: ch)
            if used + w > width && used > 0 { break }
            head.append(ch)
            used += w
            rest = rest.dropFirst()
          }
          lines.append(head)
          piece = String(rest)
          pieceWidth = DisplayWidth.width(of: piece)
        }
        line = piece
        lineWidth = pieceWidth
      }
      lines.append(line)
    }
    return lines
  }
}
