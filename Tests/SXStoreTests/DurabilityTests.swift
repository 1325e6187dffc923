import Foundation
import GRDB
import XCTest

@testable import SXCore
@testable import SXStore

/// Power-cut tests through ``CrashVFS`` (unsynced writes are dropped): every edit `AppDatabase.commit` acknowledged
/// before the cut survives and `PRAGMA integrity_check` is ok. A control run with GRDB's default
/// (synchronous NORMAL) shows the same harness does detect lost commits.
final class DurabilityTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws {
    dir = NSTemporaryDirectory() + "sxsh-durability-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    CrashVFS.install()
  }

  override func tearDownWithError() throws {
    CrashVFS.uninstall()
    try? FileManager.default.removeItem(atPath: dir)
  }

  let stamp = Provenance(by: "tester", at: "2026-01-01T00:00:00Z", device: "ci")

  func sample() -> Assessment { StoreSample.assessment(flows: 20, sector: "dệt may") }

  func edit(_ a: Assessment, _ i: Int) -> Edit {
    var f = a.flows[i % a.flows.count]
    f.note = "ghi chú \(i)"
    return .upsert(.flow(f), position: nil)
  }

  /// Labels in the undo log after the reboot, read through the plain unix VFS; plus integrity_check.
  func survivors(_ path: String) throws -> (labels: Set<String>, integrity: String, sync: Int) {
    CrashVFS.uninstall()
    let db = try AppDatabase(path: path)
    let integrity = try db.integrityCheck()
    let sync = try db.synchronousMode()
    var config = Configuration()
    config.readonly = true
    let q = try DatabaseQueue(path: path, configuration: config)
    let labels = try q.read { try String.fetchAll($0, sql: "SELECT label FROM editLog") }
    try q.close()
    return (Set(labels), integrity, sync)
  }

  /// Commits edits until the power is cut; returns the labels acknowledged while the power was on.
  /// Checkpoints that ran in ``commitUntilCut(_:_:count:checkpointing:)``.
  var checkpointsRun = 0

  /// With `checkpointing`, each commit is followed by ``AppDatabase/checkpointIfDue()`` (checkpoints deferred, as
  /// the app runs), counted in ``checkpointsRun``.
  func commitUntilCut(_ db: AppDatabase, _ a: Assessment, count: Int, checkpointing: Bool = false) -> [String] {
    var acknowledged: [String] = []
    for i in 0..<count {
      let label = "e\(i)"
      do {
        try db.commit([edit(a, i)], to: a.id, label: label, by: stamp)
        if !CrashVFS.isCrashed { acknowledged.append(label) }
      } catch {
        XCTAssertTrue(CrashVFS.isCrashed, "a commit failed with the power on: \(error)")
      }
      if checkpointing, db.checkpointIfDue() { checkpointsRun += 1 }
    }
    return acknowledged
  }

  func testEveryAcknowledgedEditSurvivesAPowerCut() throws {
    let path = dir + "/power.sqlite"
    var acknowledged: [String] = []
    do {
      let db = try AppDatabase(path: path)
      XCTAssertEqual(try db.synchronousMode(), 2, "synchronous FULL on the writer, through the crash VFS too")
      let a = sample()
      try db.create(a)
      acknowledged = commitUntilCut(db, a, count: 300)
      CrashVFS.powerCut()
    }
    CrashVFS.reboot()
    XCTAssertEqual(acknowledged.count, 300)
    XCTAssertGreaterThan(CrashVFS.writeCount, 600, "the edits went through the crash VFS")
    let s = try survivors(path)
    XCTAssertEqual(s.integrity, "ok")
    XCTAssertEqual(s.sync, 2)
    XCTAssertEqual(Set(acknowledged).subtracting(s.labels), [], "acknowledged edits lost by the power cut")
  }

  /// What ``randomCuts(seed:runs:maxWrites:commits:prepare:)`` saw over its runs.
  struct CutRuns {
    var acknowledged = 0
    var withUnsyncedData = 0
    var prepared = 0
    var checkpoints = 0
  }

  /// `runs` fresh databases, each cut after a seeded random number of writes (at most `maxWrites`) while `commits`
  /// edits are made (the log zero-filled first when `prepare`); after each reboot every acknowledged edit is there and
  /// `integrity_check` is ok.
  func randomCuts(seed: UInt64, runs: Int, maxWrites: Int, commits: Int, prepare: Bool, deferCheckpoints: Int = 0) throws -> CutRuns {
    var rng = SeededGenerator(seed: seed)
    var seen = CutRuns()
    for run in 0..<runs {
      let path = dir + "/cut-\(run).sqlite"
      var acknowledged: [String] = []
      do {
        let db = try AppDatabase(path: path)
        let a = sample()
        try db.create(a)
        CrashVFS.cutAfterWrites(Int.random(in: 1...maxWrites, using: &rng))
        if deferCheckpoints > 0 { try db.deferCheckpoints(after: deferCheckpoints) }
        if prepare, case .prepared = db.prepareLog(minimumFreeBytes: 0) { seen.prepared += 1 }
        acknowledged = commitUntilCut(db, a, count: commits, checkpointing: deferCheckpoints > 0)
        if !CrashVFS.isCrashed { CrashVFS.powerCut() }
        if CrashVFS.lastDroppedBytes > 0 { seen.withUnsyncedData += 1 }
      }
      CrashVFS.reboot()
      let s = try survivors(path)
      XCTAssertEqual(s.integrity, "ok", "run \(run)")
      XCTAssertEqual(Set(acknowledged).subtracting(s.labels), [], "run \(run): acknowledged edits lost")
      seen.acknowledged += acknowledged.count
      seen.checkpoints = checkpointsRun
      CrashVFS.install()
    }
    return seen
  }

  /// Power cuts at seeded random points in the middle of the write stream (inside transactions).
  func testPowerCutsAtRandomWritePointsLoseNoAcknowledgedEdit() throws {
    let seen = try randomCuts(seed: 0x5158_5348, runs: 15, maxWrites: 400, commits: 120, prepare: false)
    XCTAssertGreaterThan(seen.acknowledged, 100, "the cuts must leave acknowledged edits to check")
    XCTAssertGreaterThan(seen.withUnsyncedData, 0, "some cuts must drop unsynced writes")
  }

  /// The log written ahead with zeros (``AppDatabase/prepareLog(minimumFreeBytes:)``, as the app does after its first
  /// frame): power cuts at seeded random points, some among the ~70 writes of the zeros, most among the edits after,
  /// and enough edits for the log to be checkpointed and started again over the zeros, lose no acknowledged edit.
  func testPreparedLogLosesNoAcknowledgedEditAtRandomCuts() throws {
    let seen = try randomCuts(seed: 0x574C_4F47, runs: 10, maxWrites: 1_200, commits: 300, prepare: true)
    XCTAssertGreaterThan(seen.prepared, 0, "the log must have been prepared in some runs")
    XCTAssertGreaterThan(seen.acknowledged, 300, "the cuts must leave acknowledged edits to check")
  }

  /// Checkpoints deferred as the app defers them (``AppDatabase/deferCheckpoints(after:)``, here every 20 frames so
  /// that a run holds many), each made after a commit returned: power cuts at seeded random points, among the
  /// commits and among the checkpoints' writes to the database file, lose no acknowledged edit.
  func testDeferredCheckpointsLoseNoAcknowledgedEditAtRandomCuts() throws {
    let seen = try randomCuts(seed: 0x434B_5054, runs: 10, maxWrites: 900, commits: 150, prepare: true, deferCheckpoints: 20)
    XCTAssertGreaterThan(seen.checkpoints, 10, "the runs must checkpoint before their cuts")
    XCTAssertGreaterThan(seen.acknowledged, 150, "the cuts must leave acknowledged edits to check")
  }

  /// Control: GRDB's own WAL default (synchronous NORMAL) does lose acknowledged commits in this harness,
  /// so the two tests above would catch a regression to NORMAL.
  func testControlSynchronousNormalLosesCommitsInTheSameHarness() throws {
    let path = dir + "/normal.sqlite"
    var acked = 0
    do {
      var config = Configuration()
      config.journalMode = .wal
      let q = try DatabaseQueue(path: path, configuration: config)
      XCTAssertEqual(try q.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }, 1)
      try q.write { try $0.execute(sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)") }
      for i in 0..<300 {
        try q.write { try $0.execute(sql: "INSERT INTO t(v) VALUES (?)", arguments: ["v\(i)"]) }
        acked += 1
      }
      CrashVFS.powerCut()
      try q.close()
    }
    CrashVFS.reboot()
    CrashVFS.uninstall()
    XCTAssertGreaterThan(CrashVFS.lastDroppedBytes, 0)
    let q = try DatabaseQueue(path: path)
    let survived = (try? q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t") ?? 0 }) ?? 0
    XCTAssertLessThan(survived, acked, "NORMAL keeps commits only in the unsynced WAL; the cut must lose some")
  }
}

/// SplitMix64: a small seeded generator so the random cut points are reproducible.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
