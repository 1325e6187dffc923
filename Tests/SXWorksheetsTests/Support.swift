import Foundation
import XCTest

/// Paths and temporary copies used by the worksheet tests.
enum Fixture {
  /// The repository root (three levels above this file).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  /// The real folder (symbolic links resolved, so copies are real copies).
  static let worksheets = root.appendingPathComponent("Worksheets").resolvingSymlinksInPath()

  /// Reads every file of `Worksheets/` (relative path → contents).
  static func diskFiles() throws -> [String: String] {
    var out: [String: String] = [:]
    let base = worksheets.standardizedFileURL.path + "/"
    guard let e = FileManager.default.enumerator(at: worksheets, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { throw CocoaError(.fileReadNoPermission) }
    for case let url as URL in e where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
      let path = url.standardizedFileURL.path
      out[String(path.dropFirst(base.count))] = try String(contentsOf: url, encoding: .utf8)
    }
    return out
  }

  /// A fresh copy of `Worksheets/` in a temporary folder; removed by the caller.
  static func copy() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sxsh-ws-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: worksheets, to: dir)
    return dir
  }

  /// Replaces the first line equal to `anchor` (after trimming trailing spaces) and returns its 1-based line number.
  @discardableResult
  static func replaceLine(in dir: URL, _ file: String, anchor: String, with replacement: String, after: String? = nil) throws -> Int {
    let url = dir.appendingPathComponent(file)
    var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    var start = 0
    if let after, let i = lines.firstIndex(of: after) { start = i + 1 }
    guard let i = lines[start...].firstIndex(of: anchor) else {
      XCTFail("anchor «\(anchor)» not found in \(file)")
      return 0
    }
    lines[i] = replacement
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    return i + 1
  }

  /// The 1-based number of the first line equal to `text`.
  static func lineNumber(in dir: URL, _ file: String, of text: String) throws -> Int {
    let lines = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
    return (lines.firstIndex(of: text) ?? -1) + 1
  }
}
