import Foundation
import SXUI
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Sets a UTF-8 LC_CTYPE once so libc `wcwidth` measures Vietnamese and CJK (under the "C"
/// locale it answers −1 for every non-ASCII character). Touch it at the start of any test
/// that measures widths or renders.
let kitLocaleReady: Bool = {
  setlocale(LC_CTYPE, "C.UTF-8") != nil && DisplayWidth.isLocaleReliable
}()

/// Compares `buffer` with the golden file `Tests/SXUITests/__Snapshots__/<name>.txt`.
///
/// * The file holds a `size:` line, then ``ScreenBuffer/snapshotText()`` (trailing spaces
///   trimmed) and, with `includeStyles`, the style map after a `--- styles ---` line.
/// * Comparison is byte for byte (so NFC and NFD differences are caught).
/// * A missing file fails. With `RECORD_SNAPSHOTS=1` in the environment the file is
///   (re)written instead and the check passes.
func assertSnapshot(
  _ buffer: ScreenBuffer, named name: String, includeStyles: Bool = false, file: StaticString = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
  let url = dir.appendingPathComponent(name + ".txt")
  var text = "size: \(buffer.rows)x\(buffer.cols)\n" + buffer.snapshotText() + "\n"
  if includeStyles {
    text += "--- styles ---\n" + buffer.styleMapLines().joined(separator: "\n") + "\n"
  }
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      Issue.record("Could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record("Missing snapshot \(url.path). Run with RECORD_SNAPSHOTS=1 to record it.\nActual:\n\(text)", sourceLocation: sourceLocation)
    return
  }
  if data != Data(text.utf8) {
    let expected = String(decoding: data, as: UTF8.self)
    Issue.record("Snapshot \(name) differs.\n--- expected\n\(expected)--- actual\n\(text)", sourceLocation: sourceLocation)
  }
}

/// `#expect` for expressions with side effects (mutating calls cannot appear inside the macro).
func check(_ condition: Bool, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(condition, comment, sourceLocation: sourceLocation)
}
