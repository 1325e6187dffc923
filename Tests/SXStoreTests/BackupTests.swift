import Foundation
import XCTest

@testable import SXCore
@testable import SXStore

final class BackupTests: XCTestCase {
  func testBackupsAreOwnerOnlyPrunedAndRestorableWithoutOverwriting() throws {
    let dir = NSTemporaryDirectory() + "sxsh-bk-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/db.sqlite"
    var h = AssessmentHeader(id: "a1")
    h.profile.name = "Nhà máy"
    let b = Backups(databasePath: path, keep: 3)
    do {
      let db = try AppDatabase(path: path)
      try db.create(Assessment(header: h))
      let first = try XCTUnwrap(try b.makeIfChanged(from: db))
      XCTAssertNil(try b.makeIfChanged(from: db), "unchanged database: no new backup")
      XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int, 0o600)
      XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: b.folder)[.posixPermissions] as? Int, 0o700)
      for i in 0..<4 { try b.make(from: db, now: Date(timeIntervalSinceNow: Double(i + 1))) }
      XCTAssertEqual(b.list().count, 3)
    }
    // Damage the database file; it is refused, and restore keeps it aside.
    let garbage = Data(repeating: 0x42, count: 4096)
    try garbage.write(to: URL(fileURLWithPath: path))
    try? FileManager.default.removeItem(atPath: path + "-wal")
    try? FileManager.default.removeItem(atPath: path + "-shm")
    XCTAssertThrowsError(try AppDatabase(path: path))
    let good = try XCTUnwrap(b.newestGood())
    let aside = try XCTUnwrap(try b.restore(good))
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: aside)), garbage)
    let restored = try AppDatabase(path: path)
    XCTAssertEqual(try restored.load("a1").header.profile.name, "Nhà máy")
    XCTAssertEqual(try restored.integrityCheck(), "ok")
  }
}
