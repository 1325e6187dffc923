import Foundation
import GRDB
import SXCore

/// Versioned, owner-only backups of the database in `<db folder>/backups/`.
///
/// A backup is a consistent SQLite copy made with the online backup API. `restore` never overwrites the
/// current file: it is renamed aside first.
public struct Backups: Sendable {
  public let databasePath: String
  public let keep: Int

  public init(databasePath: String, keep: Int = 10) {
    self.databasePath = databasePath
    self.keep = max(1, keep)
  }

  public var folder: String { ((databasePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("backups") }

  var baseName: String { ((databasePath as NSString).lastPathComponent as NSString).deletingPathExtension }

  /// Backups, newest first.
  public func list() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasPrefix(baseName + "-") && $0.hasSuffix(".sqlite") }.sorted(by: >).map { folder + "/" + $0 }
  }

  /// The newest backup that opens and passes `PRAGMA integrity_check`.
  public func newestGood() -> String? {
    list().first { Self.isGood($0) }
  }

  static func isGood(_ path: String) -> Bool {
    var config = Configuration()
    config.readonly = true
    guard let q = try? DatabaseQueue(path: path, configuration: config) else { return false }
    let ok = (try? q.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }) ?? nil
    return ok == "ok"
  }

  /// Makes a backup of `db` now and prunes old ones; returns its path.
  @discardableResult
  public func make(from db: AppDatabase, now: Date = Date()) throws -> String {
    let fm = FileManager.default
    if !fm.fileExists(atPath: folder) {
      try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyyMMdd-HHmmss-SSS"
    let target = folder + "/" + baseName + "-" + f.string(from: now) + ".sqlite"
    do {
      let dest = try DatabaseQueue(path: target)
      try db.queue.backup(to: dest)
      try dest.close()
    } catch {
      unlink(target)
      throw StoreError.saveFailed(detail: "backup: \(error)")
    }
    chmod(target, 0o600)
    for old in list().dropFirst(keep) { try? fm.removeItem(atPath: old) }
    return target
  }

  /// Makes a backup when the database changed since the newest one (compared by content of the data).
  @discardableResult
  public func makeIfChanged(from db: AppDatabase) throws -> String? {
    let current = try db.fingerprint()
    if let newest = list().first, let q = try? DatabaseQueue(path: newest, configuration: Self.readOnly),
      let fp = try? AppDatabase.fingerprint(q), fp == current
    {
      return nil
    }
    return try make(from: db)
  }

  static var readOnly: Configuration {
    var c = Configuration()
    c.readonly = true
    return c
  }

  /// Replaces the database with `backup`. The current file (and its -wal/-shm) is renamed aside, never deleted.
  /// Returns the path the old file was moved to (nil when there was none).
  @discardableResult
  public func restore(_ backup: String, now: Date = Date()) throws -> String? {
    guard Self.isGood(backup) else {
      throw StoreError.cannotOpen(path: backup, detail: "integrity check failed")
    }
    let fm = FileManager.default
    var aside: String?
    if fm.fileExists(atPath: databasePath) {
      let stamp = Int(now.timeIntervalSince1970)
      let target = databasePath + ".before-restore-\(stamp)"
      try fm.moveItem(atPath: databasePath, toPath: target)
      for ext in ["-wal", "-shm"] where fm.fileExists(atPath: databasePath + ext) {
        try fm.moveItem(atPath: databasePath + ext, toPath: target + ext)
      }
      aside = target
    }
    try fm.copyItem(atPath: backup, toPath: databasePath)
    chmod(databasePath, 0o600)
    return aside
  }
}

extension AppDatabase {
  /// A digest of the user data (assessments, rows, undo log), to tell whether a backup is current.
  public func fingerprint() throws -> String { try Self.fingerprint(queue) }

  static func fingerprint(_ q: DatabaseQueue) throws -> String {
    try q.read { db in
      let a = try String.fetchOne(db, sql: "SELECT group_concat(id || updatedAt, ',') FROM (SELECT id, updatedAt FROM assessment ORDER BY id)") ?? ""
      let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM record") ?? 0
      let e = try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM editLog") ?? 0
      let u = try Int.fetchOne(db, sql: "SELECT count(*) FROM editLog WHERE undone = 1") ?? 0
      return "\(a)|\(n)|\(e)|\(u)"
    }
  }
}
