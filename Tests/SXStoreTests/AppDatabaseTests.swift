import Foundation
import GRDB
import XCTest

@testable import SXCore
@testable import SXStore

final class AppDatabaseTests: XCTestCase {
  var dir: String = ""

  override func setUpWithError() throws {
    dir = NSTemporaryDirectory() + "sxsh-store-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir)
    try? FileManager.default.removeItem(atPath: dir)
  }

  func sample(_ id: String = "a1") -> Assessment { StoreSample.assessment(id, flows: 3, sector: "dệt may", quantities: true) }

  let stamp = Provenance(by: "tester", at: "2026-01-01T00:00:00Z", device: "ci")

  func testSynchronousIsFullOnTheWriterAndFilesAreOwnerOnly() throws {
    let path = dir + "/db.sqlite"
    let db = try AppDatabase(path: path)
    // GRDB sets NORMAL (1) with WAL; we set FULL (2) after opening.
    XCTAssertEqual(try db.synchronousMode(), 2)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)
  }

  func testOpenIsWALWithFullSyncAndWritesNothing() throws {
    let path = dir + "/db.sqlite"
    do {
      let db = try AppDatabase(path: path)
      XCTAssertEqual(try db.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
      try db.create(sample())
    }
    // Reopened after the last connection closed: still WAL and FULL, and opening and reading wrote nothing (the
    // -wal file stays empty, the file is unchanged).
    let file = try Data(contentsOf: URL(fileURLWithPath: path))
    let db = try AppDatabase(path: path)
    XCTAssertEqual(try db.load("a1"), sample())
    XCTAssertEqual(try db.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
    XCTAssertEqual(try db.synchronousMode(), 2)
    let wal = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
    XCTAssertEqual(wal ?? 0, 0)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), file)
  }

  func testCreateLoadRoundTrip() throws {
    let db = try AppDatabase(path: dir + "/db.sqlite")
    let a = sample()
    try db.create(a)
    XCTAssertEqual(try db.load("a1"), a)
    XCTAssertEqual(try db.listAssessments().map(\.plant), ["Nhà máy Dệt Thử"])
    XCTAssertEqual(try db.resolveId("a"), "a1")
  }

  func testEditsUndoRedoSurviveReopen() throws {
    let path = dir + "/db.sqlite"
    var mem = sample()
    do {
      let db = try AppDatabase(path: path)
      try db.create(mem)
      var f = mem.flows[1]
      f.name = "Đổi tên"
      var g = Flow(id: "new", stepId: "s1")
      g.name = "Mới"
      for e in try db.commit([.upsert(.flow(f), position: nil)], to: "a1", label: "rename", by: stamp) { try mem.apply(e) }
      for e in try db.commit([.upsert(.flow(g), position: 0)], to: "a1", label: "add", by: stamp) { try mem.apply(e) }
      for e in try db.commit([.move(.flow, id: "f2", to: 0)], to: "a1", label: "move", by: stamp) { try mem.apply(e) }
      for e in try db.commit([.delete(.flow, id: "f0")], to: "a1", label: "delete", by: stamp) { try mem.apply(e) }
      XCTAssertEqual(try db.load("a1"), mem)
      XCTAssertEqual(mem.flows.map(\.id), ["f2", "new", "f1"])
      XCTAssertEqual(mem.flows[2].provenance["name"], stamp)
    }
    // Reopen: undo is persisted.
    let db = try AppDatabase(path: path)
    XCTAssertEqual(try db.load("a1"), mem)
    XCTAssertEqual(try db.undoDepth("a1").undo, 4)
    let u1 = try XCTUnwrap(try db.undo("a1", at: "t"))
    XCTAssertEqual(u1.label, "delete")
    for e in u1.edits { try mem.apply(e) }
    XCTAssertEqual(try db.load("a1").flows.map(\.id), ["f2", "new", "f0", "f1"])
    XCTAssertEqual(try db.load("a1").flows, mem.flows)
    _ = try db.undo("a1", at: "t")
    _ = try db.undo("a1", at: "t")
    _ = try db.undo("a1", at: "t")
    XCTAssertEqual(try db.load("a1").flows, sample().flows)
    XCTAssertNil(try db.undo("a1", at: "t"))
    let r = try XCTUnwrap(try db.redo("a1", at: "t"))
    XCTAssertEqual(r.label, "rename")
    XCTAssertEqual(try db.load("a1").flows[1].name, "Đổi tên")
    XCTAssertEqual(try db.integrityCheck(), "ok")
  }

  func testFailedEditGroupWritesNothing() throws {
    let db = try AppDatabase(path: dir + "/db.sqlite")
    try db.create(sample())
    var f = sample().flows[0]
    f.name = "changed"
    XCTAssertThrowsError(try db.commit([.upsert(.flow(f), position: nil), .delete(.flow, id: "missing")], to: "a1", label: "x", by: stamp))
    XCTAssertEqual(try db.load("a1"), sample())
  }

  func testNotSQLiteFileIsRefusedAndUntouched() throws {
    let path = dir + "/notes.sqlite"
    let content = Data("Biên bản họp — không phải SQLite\n".utf8)
    try content.write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try AppDatabase(path: path)) { e in
      XCTAssertEqual(e as? StoreError, .notSQLite(path: path))
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), content)
  }

  func testSchemaIdentifiersAreTheMigratorsOwn() {
    XCTAssertEqual(Schema.identifiers, Schema.migrator.migrations)
  }

  /// A current database skips the migrator on open; one missing a migration is still migrated when opened.
  func testCurrentSchemaIsRecognisedAndAMissingMigrationIsApplied() throws {
    let path = dir + "/db.sqlite"
    do {
      let db = try AppDatabase(path: path)
      XCTAssertTrue(try db.queue.read { try AppDatabase.isCurrent($0) })
      try db.create(sample())
      try db.queue.write { db in
        try db.execute(sql: "DROP INDEX editLog_undone")
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-editlog-undone-index'")
      }
      XCTAssertFalse(try db.queue.read { try AppDatabase.isCurrent($0) })
    }
    let db = try AppDatabase(path: path)
    XCTAssertTrue(try db.queue.read { try AppDatabase.isCurrent($0) })
    let index = try db.queue.read { try String.fetchOne($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'editLog_undone'") }
    XCTAssertEqual(index, "editLog_undone")
    XCTAssertEqual(try db.load("a1"), sample())
  }

  func testContainsAssessment() throws {
    let db = try AppDatabase(path: dir + "/db.sqlite")
    XCTAssertFalse(try db.containsAssessment("a1"))
    try db.create(sample())
    XCTAssertTrue(try db.containsAssessment("a1"))
    XCTAssertFalse(try db.containsAssessment("a"))  // an id prefix is not the id
    XCTAssertFalse(try db.containsAssessment("a1%"))
  }

  func testNewerSchemaIsRefused() throws {
    let path = dir + "/db.sqlite"
    do {
      let db = try AppDatabase(path: path)
      try db.queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
    }
    func bytes() -> Data {
      ["", "-wal"].reduce(into: Data()) { d, ext in d += (try? Data(contentsOf: URL(fileURLWithPath: path + ext))) ?? Data() }
    }
    let before = bytes()
    // WAL with an empty -wal: no read-only pre-check; the writer's own check refuses it without writing.
    XCTAssertTrue(try AppDatabase.checkHeader(path))
    XCTAssertTrue(AppDatabase.walIsEmpty(path))
    XCTAssertThrowsError(try AppDatabase(path: path)) { e in XCTAssertEqual(e as? StoreError, .newerSchema(path: path)) }
    XCTAssertEqual(bytes(), before)
  }

  /// A newer schema whose last commits are still in the -wal (copied while open): refused, nothing modified.
  func testNewerSchemaWithPendingWALIsRefusedUntouched() throws {
    let path = dir + "/db.sqlite", copy = dir + "/copy.sqlite"
    let db = try AppDatabase(path: path)
    try db.create(sample())
    try db.queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
    for ext in ["", "-wal"] { try FileManager.default.copyItem(atPath: path + ext, toPath: copy + ext) }
    func bytes() -> [Data] { ["", "-wal"].map { (try? Data(contentsOf: URL(fileURLWithPath: copy + $0))) ?? Data() } }
    let before = bytes()
    XCTAssertGreaterThan(before[1].count, 0)
    XCTAssertTrue(try AppDatabase.checkHeader(copy))
    XCTAssertFalse(AppDatabase.walIsEmpty(copy))
    XCTAssertThrowsError(try AppDatabase(path: copy)) { e in XCTAssertEqual(e as? StoreError, .newerSchema(path: copy)) }
    XCTAssertEqual(bytes(), before)
  }

  func testMissingAndReadOnlyDirectories() throws {
    XCTAssertThrowsError(try AppDatabase(path: dir + "/nope/db.sqlite")) { e in
      XCTAssertEqual(e as? StoreError, .directoryMissing(path: dir + "/nope"))
    }
    if getuid() == 0 { return }  // root ignores directory permissions
    let ro = dir + "/ro"
    try FileManager.default.createDirectory(atPath: ro, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o500])
    XCTAssertThrowsError(try AppDatabase(path: ro + "/db.sqlite")) { e in XCTAssertEqual(e as? StoreError, .readOnly(path: ro)) }
  }

  func testSQLViewsAnswer() throws {
    let db = try AppDatabase(path: dir + "/db.sqlite")
    try db.create(sample())
    let rows = try db.queue.read { db in
      try Row.fetchAll(db, sql: "SELECT step, name, quantity, unit, quantitySI FROM v_flow ORDER BY position")
    }
    XCTAssertEqual(rows.count, 3)
    XCTAssertEqual(rows[0]["step"] as String?, "Nhuộm")
    XCTAssertEqual(rows[2]["quantitySI"] as Double?, 3_000)
    let summary = try db.queue.read { db in try Row.fetchOne(db, sql: "SELECT plant, flows, steps FROM v_assessment_summary") }
    XCTAssertEqual(summary?["flows"] as Int?, 3)
  }
}
