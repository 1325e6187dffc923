import Foundation
import GRDB
import SXCore

/// One row of the assessment list.
public struct AssessmentSummary: Codable, Hashable, Sendable {
  public var id: String
  public var plant: String
  public var sector: String
  public var province: String
  public var periodStart: String
  public var periodEnd: String
  public var status: String
  public var isSample: Bool
  public var updatedAt: String
  public var searchKey: String
}

/// The sxsh database: intent-named operations, each one durable transaction (WAL, synchronous FULL).
public final class AppDatabase: Sendable {
  public let path: String
  let queue: DatabaseQueue
  /// The header body the last header commit wrote (a shortcut for the next one, see ``HeaderCache``).
  let headerCache = HeaderCache()
  /// The log's frames, counted once checkpoints are deferred (``deferCheckpoints(after:)``).
  let logFrames = LogFrames()

  /// Opens (creating when missing) the database at `path`.
  ///
  /// A file that is not SQLite, or that a newer sxsh wrote, is refused and never modified.
  public init(path: String) throws {
    self.path = path
    let fm = FileManager.default
    let dir = (path as NSString).deletingLastPathComponent
    var isDir: ObjCBool = false
    if !dir.isEmpty, !(fm.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue) {
      throw StoreError.directoryMissing(path: dir)
    }
    let exists = fm.fileExists(atPath: path)
    var isWAL = false
    if exists {
      isWAL = try Self.checkHeader(path)
    } else if !fm.isWritableFile(atPath: dir.isEmpty ? "." : dir) {
      throw StoreError.readOnly(path: dir.isEmpty ? "." : dir)
    }
    // A file already in WAL mode with an empty (or no) -wal is left untouched by the open below and by its own
    // newer-schema check: switching to WAL is then a no-op, nothing is written, and closing has nothing to
    // checkpoint. Any other file is first checked through a separate read-only connection.
    if exists, !(isWAL && Self.walIsEmpty(path)) { try Self.refuseNewerSchema(path) }
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(5)
    config.label = "sxsh"
    do {
      queue = try DatabaseQueue(path: path, configuration: config)
      // WAL is switched on here rather than through GRDB's `journalMode = .wal`: that also sets synchronous=NORMAL
      // and, whenever the -wal file is empty (after every clean exit), commits a dummy transaction (CREATE and DROP
      // of a table, for DatabasePool readers; this store has one connection), a durable write and a directory
      // sync before anything is read. synchronous=FULL: every acknowledged edit must survive a power cut.
      try queue.writeWithoutTransaction { db in
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
          throw StoreError.cannotOpen(path: path, detail: "could not activate WAL mode")
        }
        try db.execute(sql: "PRAGMA synchronous = FULL")
      }
      if !exists { chmod(path, 0o600) }
      // A current database (every migration applied, none unknown) is checked by one query; any other goes through
      // the migrator (refused when a newer sxsh wrote it, migrated otherwise). GRDB's migrator costs more than a
      // million instructions on first use, at every start.
      if try !queue.read({ db in try Self.isCurrent(db) }) {
        try queue.read { db in
          if try Schema.migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
        }
        try Schema.migrator.migrate(queue)
      }
    } catch let e as StoreError {
      throw e
    } catch let e as DatabaseError {
      if e.resultCode == .SQLITE_NOTADB { throw StoreError.notSQLite(path: path) }
      if e.resultCode == .SQLITE_READONLY { throw StoreError.readOnly(path: path) }
      throw StoreError.cannotOpen(path: path, detail: e.message ?? "\(e.resultCode)")
    }
  }

  /// An in-memory database (tests).
  public init(inMemory: Void = ()) throws {
    path = ":memory:"
    var config = Configuration()
    config.foreignKeysEnabled = true
    queue = try DatabaseQueue(configuration: config)
    try Schema.migrator.migrate(queue)
  }

  /// True when the applied migrations are exactly ``Schema/identifiers`` (GRDB's `grdb_migrations` table).
  static func isCurrent(_ db: Database) throws -> Bool {
    let hasTable = try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')") ?? false
    guard hasTable else { return false }
    return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").sorted() == Schema.identifiers.sorted()
  }

  /// Checks, through a read-only connection that cannot write anything, that no newer sxsh wrote the file.
  static func refuseNewerSchema(_ path: String) throws {
    var config = Configuration()
    config.readonly = true
    do {
      let q = try DatabaseQueue(path: path, configuration: config)
      let superseded = try q.read { db in try Schema.migrator.hasBeenSuperseded(db) }
      try q.close()
      if superseded { throw StoreError.newerSchema(path: path) }
    } catch let e as DatabaseError {
      if e.resultCode == .SQLITE_NOTADB { throw StoreError.notSQLite(path: path) }
      if e.resultCode == .SQLITE_CORRUPT { throw StoreError.cannotOpen(path: path, detail: "damaged (\(e.message ?? "corrupt"))") }
      // Other read-only failures (e.g. a WAL that needs recovery) are left to the normal open below.
    }
  }

  /// Refuses a file that is not SQLite; returns whether its header says WAL mode (file format versions 2).
  @discardableResult
  static func checkHeader(_ path: String) throws -> Bool {
    guard let h = FileHandle(forReadingAtPath: path) else { throw StoreError.cannotOpen(path: path, detail: "permission denied") }
    defer { try? h.close() }
    let head = [UInt8]((try? h.read(upToCount: 20)) ?? Data())
    if head.isEmpty { return false }  // an empty file becomes a new database
    if head.count < 16 || head[0..<16] != Array("SQLite format 3\u{0}".utf8)[...] { throw StoreError.notSQLite(path: path) }
    return head.count == 20 && head[18] == 2 && head[19] == 2
  }

  /// True when the file's -wal is missing or empty.
  static func walIsEmpty(_ path: String) -> Bool {
    var st = stat()
    return stat(path + "-wal", &st) != 0 || st.st_size == 0
  }

  /// The value of `PRAGMA synchronous` on the writer connection (2 = FULL).
  public func synchronousMode() throws -> Int {
    try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
  }

  /// `PRAGMA integrity_check`: "ok" when sound.
  public func integrityCheck() throws -> String {
    try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
  }

  // MARK: Assessments

  public func listAssessments() throws -> [AssessmentSummary] {
    try queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, plantName, sector, province, periodStart, periodEnd, status, isSample, updatedAt, searchKey
          FROM assessment
          """
      ).map { r in
        AssessmentSummary(
          id: r["id"], plant: r["plantName"], sector: r["sector"], province: r["province"],
          periodStart: r["periodStart"], periodEnd: r["periodEnd"], status: r["status"], isSample: r["isSample"],
          updatedAt: r["updatedAt"], searchKey: r["searchKey"])
      }
      .sorted { TextRules.viLess($0.plant, $1.plant) }
    }
  }

  /// Whether an assessment with exactly this id is stored (one indexed lookup; nothing else is read).
  public func containsAssessment(_ id: String) throws -> Bool {
    try queue.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM assessment WHERE id = ?)", arguments: [id]) ?? false }
  }

  /// Finds an assessment by its full id or a unique prefix of it.
  public func resolveId(_ idOrPrefix: String) throws -> String {
    let ids = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT id FROM assessment WHERE id = ? OR id LIKE ? ESCAPE '\\'", arguments: [idOrPrefix, Self.likePrefix(idOrPrefix)])
    }
    if ids.contains(idOrPrefix) { return idOrPrefix }
    guard !idOrPrefix.isEmpty, let first = ids.first else { throw StoreError.noSuchAssessment(idOrPrefix) }
    guard ids.count == 1 else { throw StoreError.ambiguousId(idOrPrefix) }
    return first
  }

  static func likePrefix(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_") + "%"
  }

  /// Stores a whole new assessment in one transaction, after validating it.
  public func create(_ a: Assessment) throws {
    let issues = Validator.validate(a)
    guard issues.isEmpty else { throw StoreError.invalid(ValidationFailure(issues)) }
    try write { db in
      try Self.putHeader(db, a.header, insert: true)
      var positions: [RecordKind: Int] = [:]
      for r in a.records {
        let p = positions[r.kind, default: 0]
        positions[r.kind] = p + 1
        try Self.insertRow(db, a.id, r, body: try r.encoded(), position: p, at: a.header.updatedAt)
      }
    }
  }

  /// The header of an assessment alone (its rows are not read).
  public func loadHeader(_ id: String) throws -> AssessmentHeader {
    try queue.read { db in try Self.header(db, id) }
  }

  static func header(_ db: Database, _ id: String) throws -> AssessmentHeader {
    guard let body = try String.fetchOne(db, sql: "SELECT body FROM assessment WHERE id = ?", arguments: [id]) else {
      throw StoreError.noSuchAssessment(id)
    }
    return try JSONDecoder().decode(AssessmentHeader.self, from: Data(utf8Of: body))
  }

  public func load(_ id: String) throws -> Assessment {
    try queue.read { db in
      let header = try Self.header(db, id)
      let rows = try Row.fetchCursor(
        db, sql: "SELECT kind, body FROM record WHERE assessmentId = ? ORDER BY kind, position", arguments: [id])
      var records: [AnyRecord] = []
      while let row = try rows.next() {
        let kindText: String = row["kind"]
        guard let kind = RecordKind(rawValue: kindText) else { continue }
        let b: String = row["body"]
        records.append(try AnyRecord.decode(kind, Data(utf8Of: b)))
      }
      return Assessment(header: header, records: records)
    }
  }

  public func delete(_ id: String) throws {
    try write { db in
      try db.execute(sql: "DELETE FROM assessment WHERE id = ?", arguments: [id])
      if db.changesCount == 0 { throw StoreError.noSuchAssessment(id) }
    }
  }

  // MARK: Edits

  /// Applies a group of edits as one durable transaction, logs them for undo, and returns them as stored
  /// (upserts carry updated provenance). Nothing is written when any edit fails.
  @discardableResult
  public func commit(_ edits: [Edit], to assessmentId: String, label: String, by stamp: Provenance) throws -> [Edit] {
    try write { db in
      // Statements are prepared once per connection (cached); a new edit drops the redo history.
      try db.cachedStatement(sql: "DELETE FROM editLog WHERE assessmentId = ? AND undone = 1").execute(arguments: [assessmentId])
      let group = (try Int.fetchOne(
        db.cachedStatement(sql: "SELECT max(groupId) FROM editLog WHERE assessmentId = ?"), arguments: [assessmentId]) ?? 0) + 1
      var applied: [Edit] = []
      for e in edits {
        let step = try Self.stampAndApply(db, assessmentId, e, stamp, headerCache: headerCache)
        try db.cachedStatement(sql: "INSERT INTO editLog (assessmentId, groupId, at, label, forward, inverse) VALUES (?, ?, ?, ?, ?, ?)")
          .execute(arguments: [assessmentId, group, stamp.at, label, step.forward, step.inverse])
        applied.append(step.stamped)
      }
      try db.cachedStatement(sql: "UPDATE assessment SET updatedAt = ? WHERE id = ?").execute(arguments: [stamp.at, assessmentId])
      return applied
    }
  }

  /// Undoes the latest edit group; returns the edits applied (to mirror in memory), or nil when there is nothing to undo.
  public func undo(_ assessmentId: String, at: String) throws -> (label: String, edits: [Edit])? {
    try write { db in
      guard let group = try Int.fetchOne(
        db, sql: "SELECT max(groupId) FROM editLog WHERE assessmentId = ? AND undone = 0", arguments: [assessmentId])
      else { return nil }
      let rows = try Row.fetchAll(
        db, sql: "SELECT seq, label, inverse FROM editLog WHERE assessmentId = ? AND groupId = ? ORDER BY seq DESC",
        arguments: [assessmentId, group])
      var applied: [Edit] = []
      for r in rows {
        let e = try Self.edit(r["inverse"])
        _ = try Self.apply(db, assessmentId, e, at: at)
        applied.append(e)
      }
      try db.execute(sql: "UPDATE editLog SET undone = 1 WHERE assessmentId = ? AND groupId = ?", arguments: [assessmentId, group])
      try db.execute(sql: "UPDATE assessment SET updatedAt = ? WHERE id = ?", arguments: [at, assessmentId])
      return (rows.first?["label"] ?? "", applied)
    }
  }

  /// Redoes the earliest undone group; nil when there is nothing to redo.
  public func redo(_ assessmentId: String, at: String) throws -> (label: String, edits: [Edit])? {
    try write { db in
      guard let group = try Int.fetchOne(
        db, sql: "SELECT min(groupId) FROM editLog WHERE assessmentId = ? AND undone = 1", arguments: [assessmentId])
      else { return nil }
      let rows = try Row.fetchAll(
        db, sql: "SELECT label, forward FROM editLog WHERE assessmentId = ? AND groupId = ? ORDER BY seq",
        arguments: [assessmentId, group])
      var applied: [Edit] = []
      for r in rows {
        let e = try Self.edit(r["forward"])
        _ = try Self.apply(db, assessmentId, e, at: at)
        applied.append(e)
      }
      try db.execute(sql: "UPDATE editLog SET undone = 0 WHERE assessmentId = ? AND groupId = ?", arguments: [assessmentId, group])
      try db.execute(sql: "UPDATE assessment SET updatedAt = ? WHERE id = ?", arguments: [at, assessmentId])
      return (rows.first?["label"] ?? "", applied)
    }
  }

  /// How many groups can be undone and redone.
  public func undoDepth(_ assessmentId: String) throws -> (undo: Int, redo: Int) {
    try queue.read { db in
      let u = try Int.fetchOne(db, sql: "SELECT count(DISTINCT groupId) FROM editLog WHERE assessmentId = ? AND undone = 0", arguments: [assessmentId]) ?? 0
      let r = try Int.fetchOne(db, sql: "SELECT count(DISTINCT groupId) FROM editLog WHERE assessmentId = ? AND undone = 1", arguments: [assessmentId]) ?? 0
      return (u, r)
    }
  }

  // MARK: UI state (where the user was)

  public func saveUIState(_ assessmentId: String, _ state: String) throws {
    try write { db in
      try db.execute(
        sql: "INSERT INTO uiState (assessmentId, state) VALUES (?, ?) ON CONFLICT(assessmentId) DO UPDATE SET state = excluded.state",
        arguments: [assessmentId, state])
    }
  }

  public func loadUIState(_ assessmentId: String) throws -> String? {
    try queue.read { db in try String.fetchOne(db, sql: "SELECT state FROM uiState WHERE assessmentId = ?", arguments: [assessmentId]) }
  }

  public func setMeta(_ key: String, _ value: String) throws {
    try write { db in
      try db.execute(
        sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
    }
  }

  public func meta(_ key: String) throws -> String? {
    try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
  }

  // MARK: Internals

  /// Runs one write transaction, mapping SQLite failures to a "not saved" error.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try queue.write(body)
    } catch let e as StoreError {
      throw e
    } catch let e as DatabaseError {
      if e.resultCode == .SQLITE_READONLY { throw StoreError.readOnly(path: path) }
      throw StoreError.saveFailed(detail: e.message ?? "\(e.resultCode)")
    }
  }
}
