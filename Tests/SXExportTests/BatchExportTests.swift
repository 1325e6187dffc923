import Foundation
import SXCore
import SXEngine
import SXWorksheets
import XCTest

@testable import SXExport

/// The batch export's writing: each file staged under a temporary name, then placed (synced, renamed) beside the
/// lanes while they go on, and the folder synced once.
final class BatchExportTests: XCTestCase {
  /// Many assessments over two lanes: every file is in place under its name with exactly what a single export builds,
  /// owner-only, and no temporary file is left.
  func testEveryFileIsPlacedWithItsBytes() throws {
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let set = try WorksheetLoader.embedded()
    let factors = EngineFactors.from(set.reference)
    let rules = try RulesLoader.resolve(cliDir: nil)
    let assessments = (0..<24).map { k in
      var a = DemoAssessment.make()
      a.header.id = "a\(k)"
      a.header.isSample = false
      a.header.title = "Nhà máy \(k)"
      return a
    }
    let build = BatchExport.standard(.csv, worksheets: set, language: .vi, generator: "test", rawCSV: false)
    let failures = BatchExport.run(
      assessments, format: .csv, into: dir.path, force: false, factors: factors, rules: rules, workers: 2, build: build)
    XCTAssertEqual(failures, [])
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    XCTAssertEqual(names, assessments.map { "\($0.id).zip" }.sorted())
    for a in assessments {
      let r = Engine.compute(a, factors: factors, rules: rules, proposals: false)
      guard case .file(let expected) = try build(a, r) else { return XCTFail("csv is one file") }
      let path = dir.appendingPathComponent("\(a.id).zip").path
      XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), expected, a.id)
      XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)
    }
  }

  /// A name taken between staging and placing (without force) is not overwritten: the placing fails with the name,
  /// the file there is kept, and the temporary file is removed. With force it is replaced.
  func testPlacingNeverOverwritesANameTakenMeanwhile() throws {
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("x.csv").path
    let staged = try SafeWrite.stage(Data("new".utf8), to: path, force: false, tag: 1)
    try Data("theirs".utf8).write(to: URL(fileURLWithPath: path))
    let e = SafeWrite.place(staged)
    XCTAssertNotNil(e)
    XCTAssertTrue("\(e.map { ($0 as? LocalizedFailure)?.message.en ?? "\($0)" } ?? "")".contains("--force"))
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "theirs")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["x.csv"])
    let forced = try SafeWrite.stage(Data("new".utf8), to: path, force: true, tag: 2)
    XCTAssertNil(SafeWrite.place(forced))
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["x.csv"])
  }

  /// A staged file that is gone when it is placed (removed by someone else) is a failure naming the file, not a crash
  /// nor a file claimed as written.
  func testPlacingAVanishedFileFails() throws {
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("y.csv").path
    let staged = try SafeWrite.stage(Data("data".utf8), to: path, force: false, tag: 3)
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
      try FileManager.default.removeItem(atPath: dir.appendingPathComponent(name).path)
    }
    let e = SafeWrite.place(staged)
    XCTAssertTrue("\((e as? LocalizedFailure)?.message.en ?? "")".contains("y.csv"), "\(String(describing: e))")
    XCTAssertFalse(FileManager.default.fileExists(atPath: path))
  }

  /// Files placed a group at a time (one sync for the group, then the renames): in a group, a name taken meanwhile and
  /// a file removed meanwhile fail on their own, with their names; the others are in place with their bytes, and no
  /// temporary file is left.
  func testAGroupIsPlacedFileByFile() throws {
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = { (n: Int) in dir.appendingPathComponent("f\(n).csv").path }
    let staged = try (0..<6).map { try SafeWrite.stage(Data("file \($0)".utf8), to: path($0), force: false, tag: $0) }
    try Data("theirs".utf8).write(to: URL(fileURLWithPath: path(2)))
    try FileManager.default.removeItem(atPath: staged[4].tmp)
    let errors = SafeWrite.place(staged, in: dir.path)
    XCTAssertEqual(errors.count, 6)
    for n in [0, 1, 3, 5] {
      XCTAssertNil(errors[n], "f\(n)")
      XCTAssertEqual(try String(contentsOfFile: path(n), encoding: .utf8), "file \(n)")
    }
    XCTAssertTrue("\((errors[2] as? LocalizedFailure)?.message.en ?? "")".contains("f2.csv"), "\(String(describing: errors[2]))")
    XCTAssertEqual(try String(contentsOfFile: path(2), encoding: .utf8), "theirs")
    XCTAssertTrue("\((errors[4] as? LocalizedFailure)?.message.en ?? "")".contains("f4.csv"), "\(String(describing: errors[4]))")
    XCTAssertFalse(FileManager.default.fileExists(atPath: path(4)))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [0, 1, 2, 3, 5].map { "f\($0).csv" })
  }

  /// The placer over more files than a group: every group is placed (the last, short one at `finish`), each file under
  /// its name, and the failure of one is recorded under its index.
  func testThePlacerPlacesEveryGroup() throws {
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ids = (0..<13).map { "g\($0)" }
    let outcomes = BatchExport.Outcomes(ids.count)
    let placer = BatchExport.Placer(outcomes, ids: ids, dir: dir.path, group: 4)
    for (k, id) in ids.enumerated() {
      let path = dir.appendingPathComponent(id + ".csv").path
      let staged = try SafeWrite.stage(Data(id.utf8), to: path, force: false, tag: k)
      if k == 7 { try Data("theirs".utf8).write(to: URL(fileURLWithPath: path)) }  // taken meanwhile
      placer.add(k, staged)
    }
    placer.finish()
    XCTAssertEqual(outcomes.failures.map(\.id), ["g7"])
    for (k, id) in ids.enumerated() {
      XCTAssertEqual(try String(contentsOfFile: dir.appendingPathComponent(id + ".csv").path, encoding: .utf8), k == 7 ? "theirs" : id)
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).count, ids.count)
  }
}
