import Foundation
import SXCore
import ZIPFoundation

/// Reading an assessment document out of a zip (`sxsh import plant.zip`: a JSON export that was zipped for e-mail),
/// with limits against archives that expand without bound (zip bombs): at most ``maxEntries`` entries, one JSON
/// document, at most `Limits.maxImportBytes` once expanded, at most ``maxRatio``:1 expansion, and the bytes actually
/// inflated are counted while reading — a size declared in the archive is never trusted.
public enum ArchiveImport {
  public static let maxEntries = 1_000
  /// Expanded bytes per compressed byte; JSON text compresses 5–20:1, a zip bomb 1,000:1 and more.
  public static let maxRatio = 100

  public struct Refused: LocalizedFailure, Equatable {
    public var message: LocalizedText
  }

  /// True when `data` starts like a zip archive (a local file header).
  public static func looksLikeZip(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

  /// The one JSON document inside the zip `data` (named `name` in messages).
  public static func document(in data: Data, name: String) throws -> Data {
    func refuse(_ vi: String, _ en: String) -> Refused { Refused(message: LocalizedText(vi: "«\(name)»: " + vi, en: "«\(name)»: " + en)) }
    let archive: Archive
    do { archive = try Archive(data: data, accessMode: .read) } catch {
      throw refuse("không phải tệp zip đọc được", "not a readable zip archive")
    }
    var entries: [Entry] = []
    var count = 0
    for e in archive {
      count += 1
      guard count <= maxEntries else { throw refuse("quá nhiều mục (hơn \(maxEntries))", "too many entries (more than \(maxEntries))") }
      if e.type == .file && e.path.lowercased().hasSuffix(".json") && !e.path.hasPrefix("__MACOSX/") { entries.append(e) }
    }
    guard entries.count == 1, let entry = entries.first else {
      throw refuse(
        "cần đúng một tệp .json trong zip (có \(entries.count))", "expected exactly one .json file in the zip (found \(entries.count))")
    }
    let limit = Limits.maxImportBytes
    let compressed = max(1, Int(clamping: entry.compressedSize))
    let declared = Int(clamping: entry.uncompressedSize)
    let tooBig = refuse(
      "«\(entry.path)» giải nén vượt giới hạn (tối đa \(limit) byte, tỷ lệ \(maxRatio):1); không nhập",
      "«\(entry.path)» expands beyond the limit (at most \(limit) bytes, \(maxRatio):1); not imported")
    guard declared <= limit, declared <= compressed * maxRatio else { throw tooBig }
    // Count what is really inflated: the declared size may lie.
    let cap = min(limit, compressed * maxRatio)
    var out = Data()
    out.reserveCapacity(min(declared, cap))
    do {
      _ = try archive.extract(entry, bufferSize: 64 * 1024) { chunk in
        guard out.count + chunk.count <= cap else { throw tooBig }
        out.append(chunk)
      }
    } catch let e as Refused {
      throw e
    } catch {
      throw refuse("«\(entry.path)» hỏng trong zip (\(error))", "«\(entry.path)» is damaged in the zip (\(error))")
    }
    guard out.count == declared else {
      throw refuse("«\(entry.path)»: kích thước khai báo sai (\(declared) ≠ \(out.count) byte)", "«\(entry.path)»: wrong declared size (\(declared) ≠ \(out.count) bytes)")
    }
    return out
  }
}
