import Foundation

/// Text rules used at every boundary: NFC normalisation, folded search keys, Vietnamese order.
public enum TextRules {
  /// Unicode NFC (canonical composition). Applied to all text entering the model.
  ///
  /// Text that a quick check shows to be NFC already (ASCII; precomposed Vietnamese; every scalar a starter from a
  /// block where nothing composes, `isNFCStable`) is returned without the Foundation round trip (the first one in a
  /// process costs ~0.6 M instructions, on the way to the app's first frame).
  public static func nfc(_ s: String) -> String {
    if isASCII(s) { return s }
    for u in s.unicodeScalars where !isNFCStable(u) { return s.precomposedStringWithCanonicalMapping }
    return s
  }

  /// True for a scalar that is NFC_QC=Yes, a starter (canonical combining class 0), and in a block whose characters
  /// never compose with a preceding character (ASCII, Latin-1, Latin Extended A/B, IPA, Latin Extended Additional with
  /// Vietnamese, general punctuation from U+2002, super/subscripts, currency, arrows, mathematical operators). A string
  /// made only of such scalars is its own NFC.
  public static func isNFCStable(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0..<0x300, 0x1E00..<0x1F00, 0x2002..<0x20D0, 0x2190..<0x2300: true
    default: false
    }
  }

  /// `s.trimmingCharacters(in: .whitespaces)`, without the Foundation round trip when `s` starts and ends with an
  /// ASCII character that is not a space or a tab (the common case: nothing to trim).
  public static func trimmingSpaces(_ s: String) -> String {
    if let f = s.utf8.first, let l = s.utf8.last, f < 0x80, l < 0x80, f != 0x20, f != 0x09, l != 0x20, l != 0x09 {
      return s
    }
    return s.trimmingCharacters(in: .whitespaces)
  }

  /// True when every byte of `s` is ASCII.
  static func isASCII(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { b in
      var i = 0
      while i < b.count {
        if b[i] >= 0x80 { return false }
        i += 1
      }
      return true
    }
  }

  /// A search key: NFC, lower-cased, diacritics removed and `đ`/`Đ` folded to `d`.
  ///
  /// Foundation's diacritic folding keeps `đ` (it is a letter, not d plus a mark), so it is mapped explicitly.
  public static func searchKey(_ s: String) -> String {
    let folded = nfc(s).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var out = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      switch scalar {
      case "đ", "Đ", "ð", "Ð": out.append("d")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// True when `needle`'s search key occurs in `haystack`'s search key.
  public static func matches(_ haystack: String, _ needle: String) -> Bool {
    let n = searchKey(needle).trimmingCharacters(in: .whitespaces)
    if n.isEmpty { return true }
    return searchKey(haystack).contains(n)
  }

  /// Vietnamese collation: An < Ăn < Ân < Bình < Dung < Đà Nẵng < Oanh < Ô < Ơn < Yên.
  ///
  /// Implemented as an explicit alphabet so it does not depend on the ICU data installed.
  public static func viLess(_ a: String, _ b: String) -> Bool { viCompare(a, b) == .orderedAscending }

  public static func viCompare(_ a: String, _ b: String) -> ComparisonResult {
    let ka = collationKey(a), kb = collationKey(b)
    // Primary: letters without tones; secondary: tones.
    if ka.primary != kb.primary { return ka.primary.lexicographicallyPrecedes(kb.primary) ? .orderedAscending : .orderedDescending }
    if ka.secondary != kb.secondary { return ka.secondary.lexicographicallyPrecedes(kb.secondary) ? .orderedAscending : .orderedDescending }
    if a == b { return .orderedSame }
    return a < b ? .orderedAscending : .orderedDescending
  }

  /// Vietnamese base letters in alphabet order; anything else sorts by code point after them.
  private static let alphabet: [String] = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r",
    "s", "t", "u", "ư", "v", "w", "x", "y", "z",
  ]
  private static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0 + 100) })
  /// Tone marks (combining) in the traditional order: none, huyền, hỏi, ngã, sắc, nặng.
  private static let toneRank: [UInt32: Int] = [0x300: 1, 0x309: 2, 0x303: 3, 0x301: 4, 0x323: 5]

  private static func collationKey(_ s: String) -> (primary: [Int], secondary: [Int]) {
    var primary: [Int] = []
    var secondary: [Int] = []
    for ch in s.lowercased() {
      // Decompose, keep the letter-forming marks (breve, circumflex, horn), separate tone marks.
      let scalars = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
      var base = String.UnicodeScalarView()
      var tone = 0
      for sc in scalars {
        if let t = toneRank[sc.value] { tone = t } else { base.append(sc) }
      }
      let letter = String(base).precomposedStringWithCanonicalMapping
      if let r = rank[letter] {
        primary.append(r)
      } else if let f = letter.unicodeScalars.first {
        // Digits and spaces sort before letters; other scalars after the alphabet.
        let v = Int(f.value)
        primary.append(v < 0x41 ? v : 1000 + v)
      }
      secondary.append(tone)
    }
    return (primary, secondary)
  }
}
