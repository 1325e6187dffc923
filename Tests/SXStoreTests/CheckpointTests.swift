import Foundation
import GRDB
import XCTest

@testable import SXCore
@testable import SXStore

/// ``AppDatabase/deferCheckpoints(after:)`` and ``AppDatabase/checkpointIfDue()``: commits no longer copy the log
/// into the database file themselves; the caller's checkpoint does, and what it copied is in the database file alone
/// (read through a copy of that file without its log). Should the caller never checkpoint, the commits do at four
/// times the threshold.
final class CheckpointTests: XCTestCase {
  var dir = ""
  let stamp = Provenance(by: "t", at: "2026-11-24T00:00:00Z", device: "ci")

  override func setUpWithError() throws {
    dir = NSTemporaryDirectory() + "sxsh-ckpt-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  func sample() -> Assessment { StoreSample.assessment(flows: 3) }

  /// A new database holding the sample, wholly in its database file (the log empty), with checkpoints deferred.
  func deferred(_ path: String, after frames: Int) throws -> AppDatabase {
    let db = try AppDatabase(path: path)
    try db.create(sample())
    _ = try db.queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    try db.deferCheckpoints(after: frames)
    return db
  }

  func edit(_ db: AppDatabase, _ a: inout Assessment, _ i: Int) throws {
    a.flows[i % 3].note = "ghi chú \(i)"
    try db.commit([.upsert(.flow(a.flows[i % 3]), position: nil)], to: "a1", label: "e\(i)", by: stamp)
  }

  /// The notes as the database file alone holds them: a copy of it without its log (what a checkpoint copied).
  func notesInDatabaseFile(_ path: String) throws -> [String] {
    let copy = dir + "/copy-\(UUID().uuidString).sqlite"
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    var config = Configuration()
    config.readonly = true
    let q = try DatabaseQueue(path: copy, configuration: config)
    defer { try? q.close() }
    return try q.read { db in
      try String.fetchAll(db, sql: "SELECT body FROM record WHERE kind = 'flow' ORDER BY position").map {
        (try JSONDecoder().decode(Flow.self, from: Data($0.utf8))).note
      }
    }
  }

  func testCommitsLeaveTheCheckpointToTheCaller() throws {
    let path = dir + "/d.sqlite"
    let db = try deferred(path, after: 20)
    XCTAssertFalse(db.checkpointIfDue(), "nothing committed since")
    var a = try db.load("a1")
    // Past the threshold, the log keeps every frame: no commit checkpointed it (SQLite's automatic checkpoint at
    // 20 frames would have, and the next commit would have started the log again).
    var counts: [Int] = []
    for i in 0..<12 {
      try edit(db, &a, i)
      counts.append(db.logFrameCount)
    }
    XCTAssertEqual(counts, counts.sorted(), "the log started again: a commit checkpointed it \(counts)")
    XCTAssertGreaterThanOrEqual(counts.last ?? 0, 20)
    XCTAssertLessThan(counts.last ?? 0, 80)
    // The database file alone still holds the notes from before the edits.
    XCTAssertEqual(try notesInDatabaseFile(path), ["", "", ""])
    XCTAssertTrue(db.checkpointIfDue())
    XCTAssertEqual(db.logFrameCount, 0)
    XCTAssertEqual(try notesInDatabaseFile(path), ["ghi chú 9", "ghi chú 10", "ghi chú 11"])
    XCTAssertFalse(db.checkpointIfDue(), "not due again before more commits")
    // The next commit writes the log from its start.
    try edit(db, &a, 12)
    XCTAssertLessThan(db.logFrameCount, 20)
    XCTAssertGreaterThan(db.logFrameCount, 0)
    XCTAssertEqual(try db.integrityCheck(), "ok")
    XCTAssertEqual(try db.load("a1").flows.map(\.note), ["ghi chú 12", "ghi chú 10", "ghi chú 11"])
  }

  func testCommitsCheckpointThemselvesAtFourTimesTheThresholdWhenTheCallerDoesNot() throws {
    let db = try deferred(dir + "/f.sqlite", after: 5)
    var a = try db.load("a1")
    var counts: [Int] = []
    for i in 0..<30 {
      try edit(db, &a, i)
      counts.append(db.logFrameCount)
    }
    // One commit's frames above 4 × 5 at most, and the log started again after the commit that reached it.
    let perCommit = zip(counts, counts.dropFirst()).map { $1 - $0 }.max() ?? 0
    XCTAssertGreaterThan(perCommit, 0)
    XCTAssertLessThan(counts.max() ?? 0, 20 + perCommit + 1, "\(counts)")
    XCTAssertTrue(zip(counts, counts.dropFirst()).contains { $0 > $1 }, "the log never started again: \(counts)")
    XCTAssertEqual(try db.integrityCheck(), "ok")
  }

  func testWithoutDeferralTheCountStaysUnknownAndNothingIsDue() throws {
    let path = dir + "/n.sqlite"
    let db = try AppDatabase(path: path)
    try db.create(sample())
    var a = try db.load("a1")
    for i in 0..<3 { try edit(db, &a, i) }
    XCTAssertEqual(db.logFrameCount, 0)
    XCTAssertFalse(db.checkpointIfDue())
    let memory = try AppDatabase()
    try memory.deferCheckpoints(after: 1)
    try memory.create(sample())
    XCTAssertFalse(memory.checkpointIfDue())
  }

  /// The log written ahead (``AppDatabase/prepareLog(minimumFreeBytes:)``) covers the app's threshold once
  /// checkpoints are deferred (SQLite's own then reads 0).
  func testPreparedLogFollowsTheDeferredThreshold() throws {
    let path = dir + "/p.sqlite"
    let db = try AppDatabase(path: path)
    try db.create(sample())
    try db.deferCheckpoints(after: 100)
    let before = ((try FileManager.default.attributesOfItem(atPath: path + "-wal"))[.size] as? NSNumber)?.int64Value ?? -1
    XCTAssertEqual(db.prepareLog(minimumFreeBytes: 0), .prepared(from: before, to: 32 + (100 + 64) * (24 + 4096)))
  }
}
