import Foundation
import SXCore
import SXEngine
import SXWorksheets

// The shared row model: every tabular export (xlsx sheets, csv files, html/md report tables) is built from the same
// `ExportTable`s, which are built once from the assessment and its computed results.

/// One cell: text, a number, or nothing.
public enum CellValue: Sendable, Hashable {
  case text(String)
  case number(Double)
  case empty

  /// A number, or empty for nil / non-finite.
  public static func num(_ v: Double?) -> CellValue {
    guard let v, v.isFinite else { return .empty }
    return .number(v)
  }

  /// Text, or empty for an empty string.
  public static func str(_ s: String?) -> CellValue {
    guard let s, !s.isEmpty else { return .empty }
    return .text(s)
  }

  public var number: Double? {
    if case .number(let v) = self { return v }
    return nil
  }

  public var text: String? {
    if case .text(let s) = self { return s }
    return nil
  }
}

/// A column: its label, its unit (shown in the header) and the number format of its numeric cells.
public struct ExportColumn: Sendable, Hashable {
  public var label: String
  public var unit: String?
  /// Spreadsheet number format code for numeric cells (`#,##0`, `#,##0.00`, `0.0`).
  public var format: String
  /// Long text: wrapped in spreadsheets, wider in print.
  public var wide: Bool

  public init(_ label: String, unit: String? = nil, format: String = NumberFormats.general, wide: Bool = false) {
    self.label = label
    self.unit = unit.flatMap { $0.isEmpty || $0 == "1" ? nil : $0 }
    self.format = format
    self.wide = wide
  }

  /// `Label (unit)`.
  public var header: String { unit.map { "\(label) (\($0))" } ?? label }
}

/// Spreadsheet number formats used by the exports.
public enum NumberFormats {
  public static let general = "General"
  public static let integer = "#,##0"
  public static let decimal1 = "#,##0.0"
  public static let decimal2 = "#,##0.00"
  public static let decimal3 = "#,##0.000"
  public static let percent1 = "0.0"
}

/// A table: a stable id (file and sheet slug), a title, its columns and rows.
public struct ExportTable: Sendable, Hashable {
  /// Stable ASCII id, e.g. `W03-materials`, `results-energy-carriers`; used for csv file names.
  public var id: String
  public var title: String
  public var columns: [ExportColumn]
  public var rows: [[CellValue]]
  /// A short note shown under the title (html/md) or ignored (csv).
  public var note: String?

  public init(id: String, title: String, columns: [ExportColumn], rows: [[CellValue]], note: String? = nil) {
    self.id = id
    self.title = title
    self.columns = columns
    // Rows of the right length (nearly all) are kept as they are, not copied.
    let n = columns.count
    self.rows = rows.allSatisfy { $0.count == n }
      ? rows : rows.map { r in r.count == n ? r : r.count > n ? Array(r.prefix(n)) : r + Array(repeating: .empty, count: n - r.count) }
    self.note = note
  }

  public var headers: [String] { columns.map(\.header) }
}

/// Everything an export is built from: the assessment, its computed results, the worksheet definitions, the language.
public struct ExportInput: Sendable {
  public var assessment: Assessment
  public var results: Results
  public var worksheets: WorksheetSet
  public var language: Language
  /// Written into generated files (`sxsh 0.1.0`).
  public var generator: String

  public init(assessment: Assessment, results: Results, worksheets: WorksheetSet, language: Language, generator: String) {
    self.assessment = assessment
    self.results = results
    self.worksheets = worksheets
    self.language = language
    self.generator = generator
  }

  /// Vietnamese or English text.
  func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
  func t(_ l: LocalizedText) -> String { l.text(language) }
}

/// Builds every table of an assessment once; all tabular formats consume the same list.
public enum ExportTables {
  /// The worksheet tables (W0–W13), the opportunity tracker, then the results tables.
  public static func all(_ input: ExportInput) -> [ExportTable] {
    WorksheetTables.build(input) + [TrackerTable.build(input)] + ResultTables.build(input)
  }
}

/// Display helpers shared by the text formats.
enum Fmt {
  /// A number for reading (grouping and decimal separators of the language).
  static func num(_ v: Double?, _ l: Language, digits: Int? = nil) -> String {
    guard let v, v.isFinite else { return "—" }
    if let digits { return NumberFormat.format(v, l, maxFractionDigits: digits) }
    return NumberFormat.auto(v, l)
  }

  /// A cell for reading, using the column's number format for the fraction digits.
  static func cell(_ c: CellValue, _ column: ExportColumn, _ l: Language) -> String {
    switch c {
    case .empty: return ""
    case .text(let s): return s
    case .number(let v):
      switch column.format {
      case NumberFormats.integer: return NumberFormat.format(v, l, maxFractionDigits: 0)
      case NumberFormats.decimal1, NumberFormats.percent1: return NumberFormat.format(v, l, maxFractionDigits: 1, minFractionDigits: 1)
      case NumberFormats.decimal2: return NumberFormat.format(v, l, maxFractionDigits: 2, minFractionDigits: 2)
      case NumberFormats.decimal3: return NumberFormat.format(v, l, maxFractionDigits: 3)
      default: return NumberFormat.auto(v, l)
      }
    }
  }

  /// The display width of `cell(c, column, l)` in a column: its longest line (what the xlsx column widths use),
  /// computed without building the text for numbers and for text with no line break.
  static func cellWidth(_ c: CellValue, _ column: ExportColumn, _ l: Language) -> Int {
    switch c {
    case .empty: return 0
    case .text(let s):
      if !hasLineBreak(s) { return DisplayWidth.of(s) }
    case .number(let v):
      guard v.isFinite else { break }
      switch column.format {
      case NumberFormats.integer: return numberWidth(v, maxFractionDigits: 0, minFractionDigits: 0)
      case NumberFormats.decimal1, NumberFormats.percent1: return numberWidth(v, maxFractionDigits: 1, minFractionDigits: 1)
      case NumberFormats.decimal2: return numberWidth(v, maxFractionDigits: 2, minFractionDigits: 2)
      case NumberFormats.decimal3: return numberWidth(v, maxFractionDigits: 3, minFractionDigits: 0)
      default:
        let a = abs(v)
        let digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : a == 0 ? 0 : 4
        return numberWidth(v, maxFractionDigits: digits, minFractionDigits: 0)
      }
    }
    return cell(c, column, l).split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
  }

  /// `s.utf8.contains(0x0A)`, over the contiguous bytes.
  static func hasLineBreak(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { b in
      for x in b where x == 0x0A { return true }
      return false
    }
  }

  /// `%.15g` of a normal number, from its shortest round-tripping digits (Swift's `description`, which are also the
  /// closest to `v` of that length), laid out as `%g` does; nil when only the exact value can tell (see below).
  /// - 15 digits or fewer: they are the 15-digit rounding `%.15g` prints: they lie within half a unit in the last place
  ///   of `v` (2⁻⁵³ of it), which is less than half the 15-digit step (over 5·10⁻¹⁶ of it).
  /// - 16 or 17 digits: rounded to 15, which rounds `v` the same way unless the halfway point `h` between two 15-digit
  ///   numbers (16 digits, the last a 5) lies between the digits and `v`. It cannot: `h` would then read back as `v`
  ///   too, so 17 digits would not be the shortest, and 16 digits other than `h` itself not the closest. So only
  ///   digits that are `h` (16 digits ending in 5) are left to the C library.
  static func g15Short(_ v: Double) -> String? {
    g15Short(v) { String(decoding: $0, as: UTF8.self) }
  }

  /// `g15Short(v)` handed to `body` as its UTF-8 bytes (nil, and `body` not called, when it is nil).
  static func g15Short<R>(_ v: Double, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
    guard v.isNormal else { return nil }
    // The digits in the first half of one buffer on the stack, the text in the second half.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buf -> R? in
      let digits = UnsafeMutableBufferPointer(rebasing: buf[0..<40])
      let out = UnsafeMutableBufferPointer(rebasing: buf[40..<80])
      var count = 0
      var point: Int? = nil  // digits before the decimal point
      var exponent = 0
      var expSign = 1
      var inExponent = false
      for b in v.magnitude.description.utf8 {
        switch b {
        case 0x30...0x39 where inExponent: exponent = exponent * 10 + Int(b - 0x30)
        case 0x30...0x39:
          guard count < digits.count else { return nil }
          digits[count] = b
          count += 1
        case 0x2E: point = count
        case 0x65, 0x45: inExponent = true
        case 0x2D where inExponent: expSign = -1
        case 0x2B where inExponent: break
        default: return nil
        }
      }
      // value = 0.d₁d₂… × 10^x
      var x = (point ?? count) + expSign * exponent
      var lead = 0
      while lead < count, digits[lead] == 0x30 {
        lead += 1
        x -= 1
      }
      var end = count
      while end > lead, digits[end - 1] == 0x30 { end -= 1 }
      guard end > lead, end - lead <= 17 else { return nil }
      if end - lead > 15 {
        // Rounded to 15 digits: up when the rest is over half a step, down when under; exactly half is for printf.
        let next = digits[lead + 15]
        guard next != 0x35 || end - lead == 17 else { return nil }
        end = lead + 15
        if next >= 0x35 {
          var k = end - 1
          while k >= lead, digits[k] == 0x39 {
            digits[k] = 0x30
            k -= 1
          }
          if k >= lead {
            digits[k] += 1
          } else {
            // 999…9 carried into a new leading digit: 1 followed by the zeros, one place higher.
            digits[lead] = 0x31
            x += 1
          }
        }
        while end > lead, digits[end - 1] == 0x30 { end -= 1 }
      }
      let n = end - lead
      let e = x - 1  // the exponent of d.ddd
      // At most 22 bytes: a sign, 15 digits, a point, and "0.0000" or an exponent "e-308".
      var i = 0
      if v < 0 {
        out[i] = 0x2D
        i += 1
      }
      if e < -4 || e >= 15 {
        out[i] = digits[lead]
        i += 1
        if n > 1 {
          out[i] = 0x2E
          i += 1
          for k in (lead + 1)..<end {
            out[i] = digits[k]
            i += 1
          }
        }
        out[i] = 0x65
        out[i + 1] = e < 0 ? 0x2D : 0x2B
        i += 2
        let a = abs(e)
        if a >= 100 {
          out[i] = 0x30 + UInt8(a / 100)
          i += 1
        }
        out[i] = 0x30 + UInt8(a / 10 % 10)
        out[i + 1] = 0x30 + UInt8(a % 10)
        i += 2
      } else if e >= 0 {
        for k in 0...e {
          out[i] = k < n ? digits[lead + k] : 0x30
          i += 1
        }
        if n > e + 1 {
          out[i] = 0x2E
          i += 1
          for k in (lead + e + 1)..<end {
            out[i] = digits[k]
            i += 1
          }
        }
      } else {
        out[i] = 0x30
        out[i + 1] = 0x2E
        i += 2
        for _ in 0..<(-e - 1) {
          out[i] = 0x30
          i += 1
        }
        for k in lead..<end {
          out[i] = digits[k]
          i += 1
        }
      }
      return body(UnsafeBufferPointer(rebasing: out[0..<i]))
    }
  }

  /// `snprintf(buf, size, format, v)` for one double: the C library's `strfromd` (the same conversion, without the
  /// variadic call, whose argument list costs more to build in Swift than the conversion), else `vsnprintf`.
  static func format(_ buf: UnsafeMutablePointer<CChar>, _ size: Int, _ format: UnsafePointer<CChar>, _ v: Double) -> Int32 {
    if let strfromd { return strfromd(buf, size, format, v) }
    return withVaList([v]) { vsnprintf(buf, size, format, $0) }
  }

  /// `strfromd(3)` (glibc 2.25, C23), looked up once: the Swift module does not import it.
  static let strfromd: (@convention(c) (UnsafeMutablePointer<CChar>, Int, UnsafePointer<CChar>, Double) -> Int32)? = {
    guard let p = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "strfromd") else { return nil }
    return unsafeBitCast(p, to: (@convention(c) (UnsafeMutablePointer<CChar>, Int, UnsafePointer<CChar>, Double) -> Int32).self)
  }()

  /// `printf` formats `%.0f` … `%.12f`.
  static let fixedFormats: [[CChar]] = (0...12).map { Array("%.\($0)f".utf8CString) }

  /// The length of `NumberFormat.format(v, _, maxFractionDigits:minFractionDigits:)` (one character per digit and
  /// separator, in either language): the same `%.Nf` digits, trailing zeros trimmed to the minimum, a separator per
  /// three integer digits, a minus sign unless every digit is zero.
  static func numberWidth(_ v: Double, maxFractionDigits: Int, minFractionDigits: Int) -> Int {
    let digits = max(0, min(maxFractionDigits, 12))
    if digits == 0, abs(v) < 1e15 {
      // `%.0f` rounds the exact binary value to the nearest integer, ties to even: as `rounded(.toNearestOrEven)`.
      var n = Int64(abs(v).rounded(.toNearestOrEven))
      var count = 1
      while n >= 10 {
        n /= 10
        count += 1
      }
      return count + (count - 1) / 3 + (v < 0 && abs(v).rounded(.toNearestOrEven) != 0 ? 1 : 0)
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buf -> Int in
      let n = fixedFormats[digits].withUnsafeBufferPointer { f in
        format(buf.baseAddress!, 400, f.baseAddress!, abs(v))
      }
      guard n > 0, n < 400 else { return NumberFormat.format(v, .en, maxFractionDigits: maxFractionDigits, minFractionDigits: minFractionDigits).count }
      var end = Int(n)
      var intDigits = end
      var dot = -1
      for i in 0..<end where buf[i] == 0x2E {
        dot = i
        intDigits = i
        break
      }
      if digits > 0, dot >= 0 {
        while end - dot - 1 > minFractionDigits, buf[end - 1] == 0x30 { end -= 1 }
        if end - 1 == dot { end -= 1 }
      }
      var allZero = true
      for i in 0..<end where buf[i] != 0x30 && buf[i] != 0x2E {
        allZero = false
        break
      }
      let fraction = dot >= 0 && end > dot ? end - dot : 0  // the decimal separator and the digits after it
      let width = intDigits + max(intDigits - 1, 0) / 3 + fraction
      return width + (v < 0 && !allZero ? 1 : 0)
    }
  }

  /// A plain machine-readable number (for csv): shortest round-tripping decimal, no grouping, `.` decimal point.
  static func plain(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    // 15 significant digits (`%.15g`): hides binary noise (67259999999.99999 → 67260000000). When that text reads back
    // as a whole number under 10¹⁵ it is already its digits alone, as `String(Int64(_:))` writes them (`%g` writes no
    // point without a fraction digit after it, uses an exponent from 10¹⁵ on, and writes "-0" only for -0, caught
    // above), so it is not read back.
    return g15Short(v) ?? g15Long(v)
  }

  static let g15Format: [CChar] = Array("%.15g".utf8CString)

  /// `String(format: "%.15g", v)`, written by the C library's `vsnprintf` straight into a buffer.
  static func g15(_ v: Double) -> String {
    g15Short(v) ?? g15Long(v)
  }

  /// `String(format: "%.15g", v)` by the C library.
  static func g15Long(_ v: Double) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buf -> String in
      let n = g15Format.withUnsafeBufferPointer { f in
        format(UnsafeMutableRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self), 64, f.baseAddress!, v)
      }
      guard n > 0, n < 64 else { return String(format: "%.15g", v) }
      return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<Int(n)]), as: UTF8.self)
    }
  }
}

/// The display width of text in a fixed-width grid: combining marks take no cell, East Asian wide characters two.
public enum DisplayWidth {
  public static func of(_ s: String) -> Int {
    var w = 0
    for scalar in s.unicodeScalars { w += of(scalar) }
    return w
  }

  /// The cells of one scalar (`of` is their sum).
  static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    // Printable ASCII, Latin-1 and Latin Extended-A/B letters (but the soft hyphen, a format character), and the
    // precomposed Vietnamese letters (U+1E00–1EFF): one cell each, without the Unicode property lookup.
    if (0x20...0x7E).contains(v) || ((0xA0...0x2FF).contains(v) && v != 0xAD) || (0x1E00...0x1EFF).contains(v) {
      return 1
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control: return 0
    default: break
    }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v)
    {
      return 2
    }
    return 1
  }

  /// `s.split(separator: " ").map { of(String($0)) }.max()`, read over the scalars: -1 when there is no word; nil
  /// when a space has a neighbour outside ASCII, Latin-1, Latin Extended and precomposed Vietnamese (such a
  /// neighbour might join the space into a larger character, which the split by characters would not cut at).
  static func widestWord(_ s: String) -> Int? {
    func plain(_ v: UInt32) -> Bool { (0x20...0x7E).contains(v) || (0xA0...0x2FF).contains(v) || (0x1E00...0x1EFF).contains(v) }
    var best = -1
    var width = 0
    var length = 0
    var previous: UInt32? = nil
    var afterSpace = false
    for u in s.unicodeScalars {
      let v = u.value
      if afterSpace, !plain(v) { return nil }
      afterSpace = false
      if v == 0x20 {
        if let p = previous, !plain(p) { return nil }
        if length > 0 { best = max(best, width) }
        width = 0
        length = 0
        afterSpace = true
      } else {
        width += of(u)
        length += 1
      }
      previous = v
    }
    if length > 0 { best = max(best, width) }
    return best
  }
}
