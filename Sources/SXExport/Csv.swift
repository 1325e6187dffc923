import Foundation
import SXCore
import ZIPFoundation

/// CSV: one file per table, UTF-8 with BOM, a header row, every field quoted (RFC 4180, CRLF), numbers written plainly
/// (`.` decimal point, no grouping). Text cells that a spreadsheet would read as a formula (starting with `= + - @`,
/// tab or CR, or their full-width forms) are prefixed with `'` (OWASP CSV injection), unless `raw` is asked for.
public enum CSVExport {
  static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

  /// One table as CSV bytes.
  public static func data(_ t: ExportTable, raw: Bool = false) -> Data {
    var s = line(t.headers.map { neutralise($0, raw: raw) })
    for row in t.rows {
      s += line(
        row.map { c -> String in
          switch c {
          case .empty: ""
          case .number(let v): Fmt.plain(v)
          case .text(let x): neutralise(x, raw: raw)
          }
        })
    }
    return Data(bom) + Data(s.utf8)
  }

  /// `'` before a text that would start a formula.
  public static func neutralise(_ s: String, raw: Bool = false) -> String {
    guard !raw, let first = s.first, formulaStarts.contains(first) || s.unicodeScalars.first.map({ $0 == "\t" || $0 == "\r" }) == true else {
      return s
    }
    return "'" + s
  }

  static func line(_ fields: [String]) -> String {
    fields.map { "\"" + ($0.utf8.contains(0x22) ? $0.replacingOccurrences(of: "\"", with: "\"\"") : $0) + "\"" }.joined(separator: ",") + "\r\n"
  }

  /// File name of a table in the folder: `NN-id.csv`, ASCII only.
  public static func fileName(_ index: Int, _ t: ExportTable) -> String {
    let safe = t.id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" }
    return String(format: "%02d-", index + 1) + String(safe).trimmingCharacters(in: CharacterSet(charactersIn: "-.")) + ".csv"
  }

  /// Every table: file name → bytes, in table order.
  public static func files(_ tables: [ExportTable], raw: Bool = false) -> [(name: String, data: Data)] {
    tables.enumerated().map { (fileName($0.offset, $0.element), data($0.element, raw: raw)) }
  }

  /// The folder as one zip archive.
  public static func zip(_ tables: [ExportTable], raw: Bool = false) throws -> Data {
    try Zip.archive(files(tables, raw: raw))
  }
}

/// Writes in-memory zip archives (deflate) with a fixed timestamp, so that the same input gives the same bytes.
enum Zip {
  static let timestamp = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

  static func archive(_ entries: [(name: String, data: Data)]) throws -> Data {
    let archive = try Archive(accessMode: .create)
    for e in entries {
      let bytes = e.data
      try archive.addEntry(
        with: e.name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: timestamp, permissions: 0o600,
        compressionMethod: .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
      }
    }
    guard let data = archive.data else { throw ExportError.zipFailed }
    return data
  }
}
