import Foundation
import GRDB
import XCTest

@testable import SXCore
@testable import SXStore

/// ``AppDatabase/prepareLog(minimumFreeBytes:)``: the -wal file is extended with zeros to one checkpoint's worth of
/// frames (the size worked out here from SQLite's WAL format: a 32-byte header, then frames of a 24-byte header and
/// one page), commits then overwrite it, the data reads back after a reopen, and nothing is written when it should
/// not be.
final class LogPreparationTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws {
    dir = NSTemporaryDirectory() + "sxsh-log-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  func size(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? -1
  }

  func sample() -> Assessment { StoreSample.assessment(flows: 5) }

  func testLogIsExtendedToOneCheckpointOfFramesAndEditsStillRoundTrip() throws {
    let path = dir + "/p.sqlite"
    let stamp = Provenance(by: "t", at: "2026-11-23T00:00:00Z", device: "ci")
    do {
      let db = try AppDatabase(path: path)
      try db.create(sample())
      // 4096-byte pages and SQLite's default automatic checkpoint at 1000 pages, with 64 frames of slack.
      let expected: Int64 = 32 + (1000 + 64) * (24 + 4096)
      let before = size(path + "-wal")
      XCTAssertLessThan(before, expected)
      XCTAssertEqual(db.prepareLog(minimumFreeBytes: 0), .prepared(from: before, to: expected))
      XCTAssertEqual(size(path + "-wal"), expected)
      XCTAssertEqual(db.prepareLog(minimumFreeBytes: 0), .alreadyLong(expected))
      // Commits overwrite the zeros: the file does not grow.
      var a = try db.load("a1")
      for i in 0..<50 {
        a.flows[i % 5].note = "ghi chú \(i)"
        try db.commit([.upsert(.flow(a.flows[i % 5]), position: nil)], to: "a1", label: "e\(i)", by: stamp)
      }
      XCTAssertEqual(size(path + "-wal"), expected)
      XCTAssertEqual(try db.integrityCheck(), "ok")
    }
    let reopened = try AppDatabase(path: path)
    XCTAssertEqual(try reopened.load("a1").flows.map(\.note), ["ghi chú 45", "ghi chú 46", "ghi chú 47", "ghi chú 48", "ghi chú 49"])
    XCTAssertEqual(try reopened.integrityCheck(), "ok")
  }

  /// A log left with zeros by a process that was killed (no clean close): the next open recovers the edits it holds.
  func testZeroFilledLogLeftByAKilledProcessIsRecovered() throws {
    let path = dir + "/k.sqlite"
    let db = try AppDatabase(path: path)
    try db.create(sample())
    let before = size(path + "-wal")
    XCTAssertEqual(db.prepareLog(minimumFreeBytes: 0), .prepared(from: before, to: 32 + 1064 * 4120))
    var a = try db.load("a1")
    a.flows[0].note = "sau khi chuẩn bị"
    try db.commit([.upsert(.flow(a.flows[0]), position: nil)], to: "a1", label: "e", by: Provenance(by: "t", at: "x", device: "d"))
    // Copy the three files as they are while the connection is open (what a SIGKILL leaves), then open the copy.
    let copy = dir + "/copy.sqlite"
    for suffix in ["", "-wal", "-shm"] { try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix) }
    let recovered = try AppDatabase(path: copy)
    XCTAssertEqual(try recovered.load("a1").flows[0].note, "sau khi chuẩn bị")
    XCTAssertEqual(try recovered.integrityCheck(), "ok")
    withExtendedLifetime(db) {}
  }

  func testNothingIsWrittenWhenItShouldNotBe() throws {
    XCTAssertEqual(try AppDatabase().prepareLog(), .skipped("in memory"))
    let path = dir + "/s.sqlite"
    let db = try AppDatabase(path: path)
    try db.create(sample())
    let before = size(path + "-wal")
    guard case .skipped(let why) = db.prepareLog(minimumFreeBytes: Int64.max / 4) else { return XCTFail("prepared on a disk too small") }
    XCTAssertTrue(why.contains("free space"), why)
    XCTAssertEqual(size(path + "-wal"), before)
  }
}
