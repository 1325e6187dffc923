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
    // `String(format: "%.Nf", |v|)`, written by the C library's `vsnprintf` into a buffer (Foundation's formatter
    // gives the same digits, through NSString), then trimmed and grouped as bytes.
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buf -> String in
      let n = fixedFormats[digits].withUnsafeBufferPointer { f in
        withVaList([abs(v)]) { vsnprintf(buf.baseAddress, 400, f.baseAddress, $0) }
      }
      guard n > 0, n < 400 else { return slowFormat(v, language, digits: digits, minFractionDigits: minFractionDigits) }
      var end = Int(n)
      var dot = -1
      for i in 0..<end where buf[i] == 0x2E {
        dot = i
        break
      }
      let intDigits = dot >= 0 ? dot : end
      if digits > 0, dot >= 0 {
        // Trim trailing zeros down to the minimum; a bare decimal point goes too.
        while end - dot - 1 > minFractionDigits, buf[end - 1] == 0x30 { end -= 1 }
        if end - 1 == dot { end -= 1 }
      }
      var allZero = true
      for i in 0..<end where buf[i] != 0x30 && buf[i] != 0x2E {
        allZero = false
        break
      }
      var out: [UInt8] = []
      out.reserveCapacity(end + end / 3 + 8)
      if v < 0 && !allZero { out.append(0x2D) }
      for i in 0..<intDigits {
        if i > 0, (intDigits - i) % 3 == 0 { out.append(contentsOf: language.groupingSeparator.utf8) }
        out.append(UInt8(bitPattern: buf[i]))
      }
      if dot >= 0, end > dot {
        out.append(contentsOf: language.decimalSeparator.utf8)
        for i in (dot + 1)..<end { out.append(UInt8(bitPattern: buf[i])) }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// `printf` formats `%.0f` … `%.12f`.
  static let fixedFormats: [[CChar]] = (0...12).map { Array("%.\($0)f".utf8CString) }

  /// The same text through Foundation's formatter (for a number too long for the buffer).
  static func slowFormat(_ v: Double, _ language: Language, digits: Int, minFractionDigits: Int) -> String {
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

  /// Picks fraction digits from the magnitude: 3 significant places for small numbers, none for large ones.
  public static func auto(_ v: Double, _ language: Language) -> String {
    let a = abs(v)
    let digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : a == 0 ? 0 : 4
    return format(v, language, maxFractionDigits: digits)
  }
}
