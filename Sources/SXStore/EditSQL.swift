import Foundation
import GRDB
import SXCore

/// Applying edits to rows, in SQL with bound parameters only.
extension AppDatabase {
  static func json(_ e: Edit) throws -> String {
    String(decoding: try JSONCoding.encoder().encode(StoredEdit(e)), as: UTF8.self)
  }

  static func edit(_ text: String) throws -> Edit {
    try JSONDecoder().decode(StoredEdit.self, from: Data(text.utf8)).edit()
  }

  static func putHeader(_ db: Database, _ h: AssessmentHeader, insert: Bool) throws {
    let body = String(decoding: try JSONCoding.encoder().encode(h), as: UTF8.self)
    let key = TextRules.searchKey([h.profile.name, h.title, h.profile.sector, h.profile.province].joined(separator: " "))
    let args: StatementArguments = [
      h.profile.name, h.profile.sector, h.profile.province, h.period.start, h.period.end, h.status.rawValue, h.isSample, key,
      h.updatedAt, body, h.id,
    ]
    if insert {
      try db.execute(
        sql: """
          INSERT INTO assessment (plantName, sector, province, periodStart, periodEnd, status, isSample, searchKey, updatedAt, body, id, createdAt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: args + [h.createdAt])
    } else {
      try db.execute(
        sql: """
          UPDATE assessment SET plantName = ?, sector = ?, province = ?, periodStart = ?, periodEnd = ?, status = ?,
            isSample = ?, searchKey = ?, updatedAt = ?, body = ? WHERE id = ?
          """, arguments: args)
      if db.changesCount == 0 { throw StoreError.noSuchAssessment(h.id) }
    }
  }

  static func insertRow(_ db: Database, _ aid: String, _ r: AnyRecord, body: Data, position: Int, at: String) throws {
    try db.execute(
      sql: "INSERT INTO record (assessmentId, kind, id, position, searchKey, updatedAt, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
      arguments: [aid, r.kind.rawValue, r.id, position, TextRules.searchKey(r.displayName), at, String(decoding: body, as: UTF8.self)])
  }

  static func oldRow(_ db: Database, _ aid: String, _ kind: RecordKind, _ id: String) throws -> (position: Int, body: String)? {
    try Row.fetchOne(
      db, sql: "SELECT position, body FROM record WHERE assessmentId = ? AND kind = ? AND id = ?", arguments: [aid, kind.rawValue, id]
    ).map { ($0["position"], $0["body"]) }
  }

  static func count(_ db: Database, _ aid: String, _ kind: RecordKind) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM record WHERE assessmentId = ? AND kind = ?", arguments: [aid, kind.rawValue]) ?? 0
  }

  static func shift(_ db: Database, _ aid: String, _ kind: RecordKind, from: Int, by delta: Int) throws {
    try db.execute(
      sql: "UPDATE record SET position = position + ? WHERE assessmentId = ? AND kind = ? AND position >= ?",
      arguments: [delta, aid, kind.rawValue, from])
  }

  /// Stamps provenance on the fields an upsert or header edit changes.
  static func stamp(_ db: Database, _ aid: String, _ e: Edit, _ stamp: Provenance) throws -> Edit {
    switch e {
    case .upsert(let r, let p):
      let old = try oldRow(db, aid, r.kind, r.id).map { Data($0.body.utf8) }
      let body = try Provenance.stampChanges(old: old, new: try r.encoded(), stamp: stamp)
      return .upsert(try AnyRecord.decode(r.kind, body), position: p)
    case .setHeader(let h):
      guard h.id == aid else { throw EditError.wrongAssessment }
      let old = try String.fetchOne(db, sql: "SELECT body FROM assessment WHERE id = ?", arguments: [aid]).map { Data($0.utf8) }
      var flat = h
      flat.provenance = [:]
      let newBody = try JSONCoding.encoder().encode(h)
      let stamped = try Provenance.stampChanges(old: old, new: newBody, stamp: stamp)
      var out = try JSONDecoder().decode(AssessmentHeader.self, from: stamped)
      out.updatedAt = stamp.at
      return .setHeader(out)
    default:
      return e
    }
  }

  /// Applies one edit to the rows and returns its inverse.
  static func apply(_ db: Database, _ aid: String, _ e: Edit, at: String) throws -> Edit {
    switch e {
    case .setHeader(let h):
      guard h.id == aid, let oldText = try String.fetchOne(db, sql: "SELECT body FROM assessment WHERE id = ?", arguments: [aid]) else {
        throw StoreError.noSuchAssessment(aid)
      }
      let old = try JSONDecoder().decode(AssessmentHeader.self, from: Data(oldText.utf8))
      try putHeader(db, h, insert: false)
      return .setHeader(old)
    case .upsert(let r, let position):
      let body = try r.encoded()
      if let old = try oldRow(db, aid, r.kind, r.id) {
        try db.execute(
          sql: "UPDATE record SET body = ?, searchKey = ?, updatedAt = ? WHERE assessmentId = ? AND kind = ? AND id = ?",
          arguments: [String(decoding: body, as: UTF8.self), TextRules.searchKey(r.displayName), at, aid, r.kind.rawValue, r.id])
        return .upsert(try AnyRecord.decode(r.kind, Data(old.body.utf8)), position: nil)
      }
      let n = try count(db, aid, r.kind)
      let p = min(max(position ?? n, 0), n)
      if p < n { try shift(db, aid, r.kind, from: p, by: 1) }
      try insertRow(db, aid, r, body: body, position: p, at: at)
      return .delete(r.kind, id: r.id)
    case .delete(let kind, let id):
      guard let old = try oldRow(db, aid, kind, id) else { throw EditError.noSuchRecord(kind, id) }
      try db.execute(sql: "DELETE FROM record WHERE assessmentId = ? AND kind = ? AND id = ?", arguments: [aid, kind.rawValue, id])
      try shift(db, aid, kind, from: old.position + 1, by: -1)
      return .upsert(try AnyRecord.decode(kind, Data(old.body.utf8)), position: old.position)
    case .move(let kind, let id, let to):
      guard let old = try oldRow(db, aid, kind, id) else { throw EditError.noSuchRecord(kind, id) }
      let n = try count(db, aid, kind)
      let p = min(max(to, 0), n - 1)
      if p != old.position {
        // Take the row out (position -1), close the gap, open a gap at p, put it back.
        try db.execute(sql: "UPDATE record SET position = -1 WHERE assessmentId = ? AND kind = ? AND id = ?", arguments: [aid, kind.rawValue, id])
        try shift(db, aid, kind, from: old.position + 1, by: -1)
        try shift(db, aid, kind, from: p, by: 1)
        try db.execute(sql: "UPDATE record SET position = ? WHERE assessmentId = ? AND kind = ? AND id = ?", arguments: [p, aid, kind.rawValue, id])
      }
      return .move(kind, id: id, to: old.position)
    }
  }
}
