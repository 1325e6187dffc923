/// ASCII mode (`SXSH_ASCII=1`, ``ScreenBuffer/asciiOnly``): for terminals and fonts without line-drawing, arrow or
/// other symbol glyphs (the Linux console, old terminals, some projectors).
///
/// Widgets already draw their boxes, markers and bars in ASCII in this mode; this pass over the finished frame is the
/// guarantee for everything else (key labels written as text, truncation marks, separators, symbols in the
/// worksheets' texts): every symbol cell is shown as ASCII. Letters, digits and combining marks of any script are
/// kept, since the plant's data is Vietnamese, and so is the Latin-1 range (`·`, `°`, `²`, `³`, `µ`, `×`), which
/// every terminal font has. Each cell keeps its columns: a two-column symbol becomes an ASCII character and a blank.
enum ASCIIFold {
  /// The ASCII character shown for a cell's text, or nil when the text is shown as it is.
  static func fold(_ text: String) -> Character? {
    guard let first = text.unicodeScalars.first, !text.unicodeScalars.allSatisfy(kept) else { return nil }
    return replacement(first)
  }

  /// True for a scalar shown as it is in ASCII mode.
  static func kept(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 || (s.value >= 0xA0 && s.value <= 0xFF) { return true }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }

  /// The ASCII stand-in for a symbol: the shape it has, else `?`.
  static func replacement(_ s: Unicode.Scalar) -> Character {
    switch s.value {
    case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: return "-"  // horizontal lines
    case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: return "|"  // vertical lines
    case 0x250C...0x254B, 0x2552...0x257F: return "+"  // corners, tees, crossings
    case 0x2010...0x2015, 0x2212: return "-"  // hyphens, en and em dashes, minus
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: return "'"
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: return "\""
    case 0x2026, 0x2022, 0x2027, 0x2219, 0x22C5: return "."  // ellipsis (one column, as it was), bullets, dots
    case 0x2190, 0x21D0, 0x25C0, 0x25C2, 0x25C4, 0x276E, 0x2039: return "<"
    case 0x2192, 0x21D2, 0x25B6, 0x25B8, 0x25BA, 0x276F, 0x203A, 0x279C, 0x2794: return ">"
    case 0x2191, 0x21D1, 0x25B2, 0x25B4: return "^"
    case 0x2193, 0x21D3, 0x25BC, 0x25BE: return "v"
    case 0x2194, 0x2195, 0x21C4, 0x21C5: return "~"
    case 0x2264, 0x2A7D: return "<"
    case 0x2265, 0x2A7E: return ">"
    case 0x2248, 0x223C, 0x2243: return "~"
    case 0x2260: return "#"
    case 0x2713, 0x2714, 0x2611: return "v"
    case 0x2717, 0x2718, 0x2612, 0x2715, 0x2716: return "x"
    case 0x25CF, 0x25C9, 0x25CB, 0x25CE, 0x25E6, 0x2605, 0x2606, 0x25C6, 0x25C7: return "*"
    case 0x25CC: return "?"  // the dotted circle carrying a lone combining mark
    case 0x2580...0x259F, 0x25A0, 0x25A1, 0x25AA, 0x25AB: return "#"  // blocks, shades, squares
    case 0x20AB: return "d"  // đồng sign
    case 0x20AC: return "E"
    default: return "?"
    }
  }
}
