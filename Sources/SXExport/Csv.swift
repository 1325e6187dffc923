import Foundation
import SXCore

/// CSV: one file per table, UTF-8 with BOM, a header row, every field quoted (RFC 4180, CRLF), numbers written plainly
/// (`.` decimal point, no grouping). Text cells that a spreadsheet would read as a formula (starting with `= + - @`,
/// tab or CR, or their full-width forms) are prefixed with `'` (OWASP CSV injection), unless `raw` is asked for.
public enum CSVExport {
  static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

  /// One table as CSV bytes.
  public static func data(_ t: ExportTable, raw: Bool = false) -> Data {
    var out = bom
    out.reserveCapacity(256 + t.rows.count * t.columns.count * 16)
    var first = true
    for c in t.columns {
      if !first { out.append(0x2C) }
      first = false
      header(c, raw: raw, into: &out)
    }
    out.append(0x0D)
    out.append(0x0A)
    for row in t.rows {
      first = true
      for c in row {
        if !first { out.append(0x2C) }
        first = false
        switch c {
        case .empty:
          out.append(0x22)
          out.append(0x22)
        case .number(let v): number(v, into: &out)
        case .text(let x): field(neutralise(x, raw: raw), into: &out)
        }
      }
      out.append(0x0D)
      out.append(0x0A)
    }
    return Data(out)
  }

  /// `field(Fmt.plain(v), into: &out)`, the digits written straight into `out` (no text made for a number).
  static func number(_ v: Double, into out: inout [UInt8]) {
    out.append(0x22)
    if v == v.rounded(), abs(v) < 1e15 {
      // `String(Int64(v))`: a minus sign for a negative whole number (never for zero), then the digits.
      var n = Int64(v)
      if n < 0 {
        out.append(0x2D)
        n = -n
      }
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buf in
        var i = 20
        repeat {
          i -= 1
          buf[i] = 0x30 + UInt8(n % 10)
          n /= 10
        } while n > 0
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<20]))
      }
    } else if Fmt.g15Short(v, { out.append(contentsOf: $0) }) == nil {
      out.append(contentsOf: Fmt.g15Long(v).utf8)
    }
    out.append(0x22)
  }

  /// `field(neutralise(c.header, raw: raw), into: &out)`, the label and unit written straight into `out` when the
  /// label does not begin with a byte that a formula start begins with (then the header, which begins as the label
  /// does, is not neutralised).
  static func header(_ c: ExportColumn, raw: Bool, into out: inout [UInt8]) {
    guard let b = c.label.utf8.first, !(b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D || b == 0xEF) else {
      field(neutralise(c.header, raw: raw), into: &out)
      return
    }
    out.append(0x22)
    quoted(c.label, into: &out)
    if let unit = c.unit {
      out.append(0x20)
      out.append(0x28)
      quoted(unit, into: &out)
      out.append(0x29)
    }
    out.append(0x22)
  }

  /// The bytes of `s`, `"` doubled.
  static func quoted(_ s: String, into out: inout [UInt8]) {
    var s = s
    s.withUTF8 { bytes in
      if !bytes.contains(0x22) {
        out.append(contentsOf: bytes)
      } else {
        for b in bytes {
          out.append(b)
          if b == 0x22 { out.append(0x22) }
        }
      }
    }
  }

  /// One quoted field (`"` doubled).
  static func field(_ s: String, into out: inout [UInt8]) {
    out.append(0x22)
    var s = s
    s.withUTF8 { bytes in
      if !bytes.contains(0x22) {
        out.append(contentsOf: bytes)
      } else {
        for b in bytes {
          out.append(b)
          if b == 0x22 { out.append(0x22) }
        }
      }
    }
    out.append(0x22)
  }

  /// `'` before a text that would start a formula.
  public static func neutralise(_ s: String, raw: Bool = false) -> String {
    // Every formula start begins with one of these bytes (the full-width forms with EF): the rest need no look.
    guard !raw, let b = s.utf8.first, b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D || b == 0xEF else {
      return s
    }
    guard let first = s.first, formulaStarts.contains(first) || s.unicodeScalars.first.map({ $0 == "\t" || $0 == "\r" }) == true else {
      return s
    }
    return "'" + s
  }

  /// File name of a table in the folder: `NN-id.csv`, ASCII only.
  public static func fileName(_ index: Int, _ t: ExportTable) -> String {
    // ASCII letters and digits kept, everything else "-"; then "-" and "." trimmed from both ends.
    var safe = t.id.unicodeScalars.map { u -> UInt8 in
      let v = u.value
      return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) ? UInt8(v) : 0x2D
    }[...]
    while let f = safe.first, f == 0x2D || f == 0x2E { safe.removeFirst() }
    while let l = safe.last, l == 0x2D || l == 0x2E { safe.removeLast() }
    let n = index + 1
    return (n >= 0 && n < 10 ? "0\(n)" : "\(n)") + "-" + String(decoding: safe, as: UTF8.self) + ".csv"
  }

  /// Every table: file name → bytes, in table order.
  public static func files(_ tables: [ExportTable], raw: Bool = false) -> [(name: String, data: Data)] {
    tables.enumerated().map { (fileName($0.offset, $0.element), data($0.element, raw: raw)) }
  }

  /// The folder as one zip archive, its files stored (not deflated): deflating them cost about as much as building
  /// every table of the assessment (a batch export writes one zip per assessment), for archives about 2.5 times
  /// smaller. The extracted files are the same either way.
  public static func zip(_ tables: [ExportTable], raw: Bool = false) throws -> Data {
    try Zip.archive(files(tables, raw: raw), compress: false)
  }
}
