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
    // The bytes are written straight into the result, sized by an upper bound worked out first: every field quoted
    // with each of its bytes doubled at most and a `'` before it, a separator after it; a number at most 64 bytes.
    var bound = bom.count + 2
    for c in t.columns { bound += 2 * (c.label.utf8.count + (c.unit?.utf8.count ?? 0) + 3) + 4 }
    for row in t.rows {
      bound += 2
      for c in row {
        switch c {
        case .empty: bound += 3
        case .number: bound += 67
        case .text(let x): bound += 2 * x.utf8.count + 4
        }
      }
    }
    // Not zero-filled first (as `Data(count:)` would): every byte handed over is written.
    guard let memory = malloc(bound) else {
      var out: [UInt8] = []
      write(t, raw: raw, into: &out)
      return Data(out)
    }
    var sink = CSVSink(UnsafeMutableRawBufferPointer(start: memory, count: bound).bindMemory(to: UInt8.self))
    write(t, raw: raw, into: &sink)
    return Data(bytesNoCopy: memory, count: sink.count, deallocator: .free)
  }

  /// The bytes of `data(t, raw:)` appended to `out`.
  static func write<Out: CSVBytes>(_ t: ExportTable, raw: Bool, into out: inout Out) {
    bom.withUnsafeBufferPointer { out.append(contentsOf: $0) }
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
  }

  /// `field(Fmt.plain(v), into: &out)`, the digits written straight into `out` (no text made for a number).
  static func number<Out: CSVBytes>(_ v: Double, into out: inout Out) {
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
      var text = Fmt.g15Long(v)
      text.withUTF8 { out.append(contentsOf: $0) }
    }
    out.append(0x22)
  }

  /// `field(neutralise(c.header, raw: raw), into: &out)`, the label and unit written straight into `out` when the
  /// label does not begin with a byte that a formula start begins with (then the header, which begins as the label
  /// does, is not neutralised).
  static func header<Out: CSVBytes>(_ c: ExportColumn, raw: Bool, into out: inout Out) {
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
  static func quoted<Out: CSVBytes>(_ s: String, into out: inout Out) {
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
  static func field<Out: CSVBytes>(_ s: String, into out: inout Out) {
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
    // Every export names the same few tables at the same places: each name is worked out once per process.
    names.value(NameKey(index: index, id: t.id)) { makeFileName(index, t) }
  }

  struct NameKey: Hashable, Sendable {
    let index: Int
    let id: String
  }

  static let names = KeyMemo<NameKey, String>()

  static func makeFileName(_ index: Int, _ t: ExportTable) -> String {
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

/// Where the csv bytes go: an array, or `CSVSink`.
protocol CSVBytes {
  mutating func append(_ byte: UInt8)
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: CSVBytes where Element == UInt8 {}

/// Bytes written into a buffer sized beforehand (no growth or uniqueness check per byte); writing past its end is a
/// programming error, stopped rather than let through.
struct CSVSink: CSVBytes {
  let buffer: UnsafeMutableBufferPointer<UInt8>
  private(set) var count = 0

  init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

  mutating func append(_ byte: UInt8) {
    precondition(count < buffer.count, "csv bound")
    buffer[count] = byte
    count += 1
  }

  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
    precondition(bytes.count <= buffer.count - count, "csv bound")
    (buffer.baseAddress! + count).update(from: from, count: bytes.count)
    count += bytes.count
  }
}
