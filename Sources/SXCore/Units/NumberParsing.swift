import Foundation

/// Parses numbers typed in the active language.
///
/// The rule (stated in the UI and README):
/// - The language's decimal separator is always the decimal mark: `,` in Vietnamese, `.` in English.
/// - The other separator groups thousands when every group after the first has exactly three digits:
///   `1.200` is 1200 in Vietnamese, `1,200` is 1200 in English.
/// - Otherwise, a single other separator in a number with no decimal mark is read as a decimal mark
///   (`12.5` in Vietnamese is 12,5), so numbers typed the other way are not silently multiplied.
/// - Spaces (also no-break and thin spaces) may group thousands: `12 500`.
/// - Fractions and mixed numbers are accepted: `3/8`, `1 1/2`. Exponents: `1,5e3`, `1.5e3`.
/// - `NaN`, infinities and numbers beyond ±1e300 are refused.
public enum NumberParser {
  public static func parse(_ text: String, _ language: Language) throws -> Double {
    let t = normalizeSpaces(TextRules.nfc(text)).trimmingCharacters(in: .whitespaces)
    guard !t.isEmpty else { throw NumberError.empty }
    let (numberPart, rest) = splitNumber(t)
    guard rest.trimmingCharacters(in: .whitespaces).isEmpty else { throw NumberError.notANumber(text) }
    return try interpret(numberPart, language, original: text)
  }

  /// Splits "12 500 kg" into ("12 500", "kg"), "7barg" into ("7", "barg"), "3/8 in" into ("3/8", "in").
  static func splitNumber(_ t: String) -> (String, String) {
    let chars = Array(t)
    var i = 0
    var out = ""
    if i < chars.count, chars[i] == "-" || chars[i] == "+" || chars[i] == "−" {
      out.append(chars[i] == "−" ? "-" : chars[i])
      i += 1
    }
    func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    while i < chars.count {
      let c = chars[i]
      if isDigit(c) || c == "." || c == "," {
        out.append(c)
        i += 1
      } else if c == " " {
        // A space continues the number only when digits follow that form a group or a fraction.
        var j = i + 1
        while j < chars.count, isDigit(chars[j]) { j += 1 }
        let digits = j - (i + 1)
        guard digits > 0, !out.isEmpty else { break }
        let next: Character? = j < chars.count ? chars[j] : nil
        if next == "/" || digits == 3 && (next == nil || next == " " || next == "." || next == "," || !(next.map(isDigit) ?? false)) {
          out.append(" ")
          i += 1
        } else {
          break
        }
      } else if c == "/" {
        guard i + 1 < chars.count, isDigit(chars[i + 1]) else { break }
        out.append(c)
        i += 1
      } else if (c == "e" || c == "E"), !out.isEmpty {
        // An exponent only when digits follow (so "8000 h" and "5 ea" stay units).
        var j = i + 1
        if j < chars.count, chars[j] == "-" || chars[j] == "+" { j += 1 }
        guard j < chars.count, isDigit(chars[j]) else { break }
        out.append(contentsOf: chars[i..<j])
        i = j
      } else {
        break
      }
    }
    return (out, String(chars[i...]))
  }

  static func normalizeSpaces(_ s: String) -> String {
    String(s.map { c -> Character in
      switch c {
      case "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\t": " "
      default: c
      }
    })
  }

  static func interpret(_ raw: String, _ language: Language, original: String) throws -> Double {
    guard raw.contains(where: { $0.isNumber }) else { throw NumberError.notANumber(original) }
    if raw.contains("/") { return try fraction(raw, language, original: original) }
    var sign = 1.0
    var body = Substring(raw)
    if body.first == "-" { sign = -1; body = body.dropFirst() } else if body.first == "+" { body = body.dropFirst() }
    // Exponent.
    var exponent = 0
    if let eIdx = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let e = Int(body[body.index(after: eIdx)...]), abs(e) < 400 else { throw NumberError.outOfRange(original) }
      exponent = e
      body = body[..<eIdx]
    }
    // Space grouping: every group after the first has exactly three digits (the last may carry decimals).
    let spaceGroups = body.split(separator: " ", omittingEmptySubsequences: false)
    if spaceGroups.count > 1 {
      for (k, g) in spaceGroups.enumerated() where k > 0 {
        let intDigits = g.prefix { $0.isNumber }
        guard intDigits.count == 3 else { throw NumberError.badGrouping(original) }
      }
      body = Substring(spaceGroups.joined())
    }
    let dec = language.decimalSeparator
    let grp = language.groupingSeparator
    let decCount = body.filter { $0 == dec }.count
    let grpCount = body.filter { $0 == grp }.count
    guard decCount <= 1 else { throw NumberError.badGrouping(original) }
    var intPart = body
    var fracPart: Substring = ""
    if decCount == 1, let d = body.firstIndex(of: dec) {
      intPart = body[..<d]
      fracPart = body[body.index(after: d)...]
      guard !fracPart.contains(grp) else { throw NumberError.badGrouping(original) }
    }
    if grpCount > 0 {
      let groups = intPart.split(separator: grp, omittingEmptySubsequences: false)
      let valid = groups.count > 1 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
      if valid {
        intPart = Substring(groups.joined())
      } else if decCount == 0, grpCount == 1, let g = intPart.firstIndex(of: grp) {
        // One "other" separator that cannot be grouping: read it as the decimal mark.
        fracPart = intPart[intPart.index(after: g)...]
        intPart = intPart[..<g]
      } else {
        throw NumberError.badGrouping(original)
      }
    }
    guard intPart.allSatisfy({ $0.isASCII && $0.isNumber }), fracPart.allSatisfy({ $0.isASCII && $0.isNumber }),
      !(intPart.isEmpty && fracPart.isEmpty)
    else { throw NumberError.notANumber(original) }
    let literal = (intPart.isEmpty ? "0" : String(intPart)) + (fracPart.isEmpty ? "" : "." + fracPart) + "e\(exponent)"
    guard let v = Double(literal), v.isFinite, abs(v) <= 1e300 else { throw NumberError.outOfRange(original) }
    return sign * v
  }

  static func fraction(_ raw: String, _ language: Language, original: String) throws -> Double {
    // "a/b" or "w a/b".
    let parts = raw.split(separator: " ")
    guard (1...2).contains(parts.count) else { throw NumberError.notANumber(original) }
    let fracText = parts.last ?? ""
    let nd = fracText.split(separator: "/", omittingEmptySubsequences: false)
    guard nd.count == 2 else { throw NumberError.notANumber(original) }
    let n = try interpret(String(nd[0]), language, original: original)
    let d = try interpret(String(nd[1]), language, original: original)
    guard d != 0 else { throw NumberError.divisionByZero(original) }
    var whole = 0.0
    if parts.count == 2 { whole = try interpret(String(parts[0]), language, original: original) }
    let sign: Double = whole < 0 || (parts.count == 1 && n < 0) ? -1 : 1
    return sign * (abs(whole) + abs(n) / abs(d))
  }
}

/// Errors from number parsing, with messages in both languages.
public enum NumberError: LocalizedFailure, Equatable {
  case empty
  case notANumber(String)
  case badGrouping(String)
  case outOfRange(String)
  case divisionByZero(String)

  public var message: LocalizedText {
    switch self {
    case .empty: LocalizedText(vi: "chưa nhập số", en: "no number entered")
    case .notANumber(let s): LocalizedText(vi: "«\(s)» không phải là số", en: "«\(s)» is not a number")
    case .badGrouping(let s):
      LocalizedText(
        vi: "«\(s)»: dấu phân cách không hợp lệ (tiếng Việt: 1.234,5 — dấu phẩy là thập phân)",
        en: "«\(s)»: invalid separators (English: 1,234.5 — the point is the decimal mark)")
    case .outOfRange(let s): LocalizedText(vi: "«\(s)» quá lớn hoặc không hữu hạn", en: "«\(s)» is too large or not finite")
    case .divisionByZero(let s): LocalizedText(vi: "«\(s)»: chia cho 0", en: "«\(s)»: division by zero")
    }
  }
}

/// Formats numbers in the active language: `1.234,5` (vi), `1,234.5` (en).
public enum NumberFormat {
  public static func format(_ v: Double, _ language: Language, maxFractionDigits: Int = 3, minFractionDigits: Int = 0) -> String {
    guard v.isFinite else { return "—" }
    let digits = max(0, min(maxFractionDigits, 12))
    if let fixed = fixedDigits(abs(v), digits) {
      return layOut(fixed, negative: v < 0, fractionDigits: digits, minFractionDigits: minFractionDigits, language)
    }
    return formatWithPrintf(v, language, maxFractionDigits: maxFractionDigits, minFractionDigits: minFractionDigits)
  }

  /// `format` through `String(format: "%.Nf")` (the C library's conversion): the reference the exact conversion
  /// (`fixedDigits`) reproduces, and the path for magnitudes of 2⁶⁰ and more.
  static func formatWithPrintf(_ v: Double, _ language: Language, maxFractionDigits: Int = 3, minFractionDigits: Int = 0) -> String {
    guard v.isFinite else { return "—" }
    let digits = max(0, min(maxFractionDigits, 12))
    var s = String(format: "%.\(digits)f", abs(v))
    if digits > 0 {
      // Trim trailing zeros down to the minimum.
      while s.hasSuffix("0"), let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) - 1 > minFractionDigits {
        s.removeLast()
      }
      if s.hasSuffix(".") { s.removeLast() }
    }
    let parts = s.split(separator: ".", maxSplits: 1)
    let intDigits = Array(parts[0])
    var grouped = ""
    for (i, c) in intDigits.enumerated() {
      if i > 0, (intDigits.count - i) % 3 == 0 { grouped.append(language.groupingSeparator) }
      grouped.append(c)
    }
    if parts.count == 2 { grouped += String(language.decimalSeparator) + parts[1] }
    let isNegativeZero = grouped.allSatisfy { $0 == "0" || $0 == language.groupingSeparator || $0 == language.decimalSeparator }
    return (v < 0 && !isNegativeZero ? "-" : "") + grouped
  }

  /// The decimal digits of `a` (≥ 0) rounded to `n` fraction digits (`n` ≤ 12) as `%.nf` prints them, without the
  /// point: the exact binary value `m·2^e` times 10ⁿ, rounded to the nearest integer, ties to even (what the C
  /// library does in the default rounding mode). Nil for `a` ≥ 2⁶⁰ (the product would not fit in 128 bits).
  static func fixedDigits(_ a: Double, _ n: Int) -> [UInt8]? {
    guard a < 1_152_921_504_606_846_976.0, n >= 0, n <= 12 else { return nil }
    var pow10: UInt64 = 1
    for _ in 0..<n { pow10 &*= 10 }
    let m: UInt64
    let e: Int
    if a == 0 {
      m = 0
      e = 0
    } else if a.isNormal {
      m = (1 << 52) | a.significandBitPattern
      e = Int(a.exponent) - 52
    } else {
      m = a.significandBitPattern
      e = -1074
    }
    // m < 2⁵³ and 10ⁿ < 2⁴⁰: the product fits in 93 bits; a < 2⁶⁰ keeps a left shift under 101 bits.
    let scaled = UInt128(m) * UInt128(pow10)
    var q: UInt128
    if e >= 0 {
      q = scaled << e
    } else if -e >= 100 {
      // Below 2⁻⁷: less than half of the last digit (scaled < 2⁹³).
      q = 0
    } else {
      let s = -e
      q = scaled >> s
      let r = scaled & ((UInt128(1) << s) - 1)
      let half = UInt128(1) << (s - 1)
      if r > half || (r == half && q & 1 == 1) { q += 1 }
    }
    var out: [UInt8] = []
    out.reserveCapacity(32)
    func append(_ x: UInt64, width: Int) {
      var buf: (UInt64, UInt64, UInt64) = (0, 0, 0)
      var count = 0
      var y = x
      withUnsafeMutableBytes(of: &buf) { b in
        repeat {
          b[count] = UInt8(truncatingIfNeeded: y % 10) + 0x30
          y /= 10
          count += 1
        } while y > 0
        while count < width {
          b[count] = 0x30
          count += 1
        }
        for k in stride(from: count - 1, through: 0, by: -1) { out.append(b[k]) }
      }
    }
    if q <= UInt128(UInt64.max) {
      append(UInt64(q), width: n + 1)
    } else {
      let big: UInt128 = 10_000_000_000_000_000_000
      let (hi, lo) = q.quotientAndRemainder(dividingBy: big)
      append(UInt64(hi), width: 1)
      append(UInt64(lo), width: 19)
    }
    return out
  }

  /// The digits of `fixedDigits` laid out as `formatWithPrintf` does: trailing fraction zeros trimmed down to
  /// `minFractionDigits`, thousands grouped, the language's separators, a minus sign unless every digit is 0.
  static func layOut(_ d: [UInt8], negative: Bool, fractionDigits n: Int, minFractionDigits: Int, _ language: Language) -> String {
    let vi = language == .vi
    let group: UInt8 = vi ? 0x2E : 0x2C
    let point: UInt8 = vi ? 0x2C : 0x2E
    let intCount = d.count - n
    var fracCount = n
    while fracCount > 0, fracCount > minFractionDigits, d[intCount + fracCount - 1] == 0x30 { fracCount -= 1 }
    var allZero = true
    for k in 0..<(intCount + fracCount) where d[k] != 0x30 {
      allZero = false
      break
    }
    var out: [UInt8] = []
    out.reserveCapacity(d.count + d.count / 3 + 2)
    if negative, !allZero { out.append(0x2D) }
    for k in 0..<intCount {
      if k > 0, (intCount - k) % 3 == 0 { out.append(group) }
      out.append(d[k])
    }
    if fracCount > 0 {
      out.append(point)
      for k in intCount..<(intCount + fracCount) { out.append(d[k]) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Picks fraction digits from the magnitude: 3 significant places for small numbers, none for large ones.
  public static func auto(_ v: Double, _ language: Language) -> String {
    let a = abs(v)
    let digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : a == 0 ? 0 : 4
    return format(v, language, maxFractionDigits: digits)
  }
}
