import Foundation
import GRDB
import SXCore

/// Applying edits to rows, in SQL with bound parameters only.
extension AppDatabase {
  static func json(_ e: Edit) throws -> String {
    String(decoding: try JSONCoding.encoder().encode(StoredEdit(e)), as: UTF8.self)
  }

  static func edit(_ text: String) throws -> Edit {
    try JSONDecoder().decode(StoredEdit.self, from: Data(utf8Of: text)).edit()
  }

  static func putHeader(_ db: Database, _ h: AssessmentHeader, insert: Bool, body encoded: String? = nil, cache: HeaderCache? = nil) throws {
    let body = try encoded ?? String(decoding: try JSONCoding.encoder().encode(h), as: UTF8.self)
    let keyText = [h.profile.name, h.title, h.profile.sector, h.profile.province].joined(separator: " ")
    let key = cache?.searchKey(keyText) ?? TextRules.searchKey(keyText)
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
      try db.cachedStatement(
        sql: """
          UPDATE assessment SET plantName = ?, sector = ?, province = ?, periodStart = ?, periodEnd = ?, status = ?,
            isSample = ?, searchKey = ?, updatedAt = ?, body = ? WHERE id = ?
          """
      ).execute(arguments: args)
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
      db.cachedStatement(sql: "SELECT position, body FROM record WHERE assessmentId = ? AND kind = ? AND id = ?"),
      arguments: [aid, kind.rawValue, id]
    ).map { ($0["position"], $0["body"]) }
  }

  /// Stamps one edit, applies it, and returns it as stored with its edit-log texts (forward and inverse).
  ///
  /// An upsert of an existing row — what every field edit is — reads the row once and encodes the stamped record once:
  /// the same body goes into the row and into the forward log entry. Its inverse is the previous record as decoded from
  /// the row, encoded as `apply` would log it. Other edits go through `stamp` then `apply`.
  static func stampAndApply(_ db: Database, _ aid: String, _ e: Edit, _ stamp: Provenance, headerCache: HeaderCache? = nil) throws
    -> (stamped: Edit, forward: String, inverse: String)
  {
    if case .setHeader(let h) = e { return try stampAndApplyHeader(db, aid, h, stamp, cache: headerCache) }
    guard case .upsert(let r, let position) = e, let old = try oldRow(db, aid, r.kind, r.id) else {
      let stamped = try Self.stamp(db, aid, e, stamp)
      let inverse = try apply(db, aid, stamped, at: stamp.at)
      return (stamped, try json(stamped), try json(inverse))
    }
    // The fields that changed, compared on the previous record re-encoded (so both sides are the same encoder's
    // canonical JSON) — `Provenance.stampChanges` without its generic JSON round trip, which cost most of an edit.
    let before = try AnyRecord.decode(r.kind, Data(utf8Of: old.body))
    let newBody = try r.encoded()
    let beforeBody = try before.encoded()
    let record: AnyRecord
    if let keys = FieldStamp.changedKeys(old: Array(beforeBody), new: Array(newBody)) {
      record = r.stamped(keys, stamp)
    } else {
      record = try AnyRecord.decode(r.kind, try Provenance.stampChanges(old: Data(utf8Of: old.body), new: newBody, stamp: stamp))
    }
    let body = String(decoding: try record.encoded(), as: UTF8.self)
    try db.cachedStatement(sql: "UPDATE record SET body = ?, searchKey = ?, updatedAt = ? WHERE assessmentId = ? AND kind = ? AND id = ?")
      .execute(arguments: [body, TextRules.searchKey(record.displayName), stamp.at, aid, r.kind.rawValue, r.id])
    return (.upsert(record, position: position), try json(upsert: record, body: body, position: position),
      try json(upsert: before, body: String(decoding: beforeBody, as: UTF8.self), position: nil))
  }

  /// A header edit: the stored header read and decoded once, each header encoded once (the stored one: compared and
  /// logged as the inverse; the stamped one: stored and logged as the edit) — the same rows as ``stamp(_:_:_:_:)``
  /// then ``apply(_:_:_:at:)`` write.
  ///
  /// With a `cache` (the app's database), the stored body this connection wrote last is remembered: when the row
  /// still holds exactly those bytes (nothing else wrote it since), it is the stored header as encoded, so it is
  /// neither decoded nor encoded again. The stamped header differs from the edited one only in `provenance` and
  /// `updatedAt`, so its body is the edited one's with those two values encoded and put in place.
  static func stampAndApplyHeader(_ db: Database, _ aid: String, _ h: AssessmentHeader, _ stamp: Provenance, cache: HeaderCache? = nil) throws
    -> (stamped: Edit, forward: String, inverse: String)
  {
    guard h.id == aid else { throw EditError.wrongAssessment }
    guard let oldText = try String.fetchOne(
      db.cachedStatement(sql: "SELECT body FROM assessment WHERE id = ?"), arguments: [aid])
    else {
      throw StoreError.noSuchAssessment(aid)
    }
    let beforeBody: Data
    let beforeText: String
    var known: AssessmentHeader?
    if let body = cache?.body(of: aid), HeaderCache.sameBytes(body, oldText) {
      beforeBody = Data(utf8Of: oldText)
      beforeText = oldText
      known = cache?.header(of: aid)
    } else {
      let before = try JSONDecoder().decode(AssessmentHeader.self, from: Data(utf8Of: oldText))
      beforeBody = try JSONCoding.encoder().encode(before)
      beforeText = String(decoding: beforeBody, as: UTF8.self)
    }
    // The new body: the stored one with the members that changed encoded again (an address edit encodes the profile
    // alone), when the header it encodes is known; else the whole header encoded.
    // Each body's members are found once (the scan is shared by the splice, the comparison and the stamp).
    let oldBytes = Array(beforeBody)
    let oldFields = FieldStamp.fields(oldBytes)
    let newBytes =
      try known.flatMap { try membersReplaced(oldBytes, fields: oldFields, from: $0, to: h) } ?? Array(JSONCoding.encoder().encode(h))
    let newFields = FieldStamp.fields(newBytes)
    let newBody = Data(newBytes)
    var out: AssessmentHeader
    var body: String?
    if let keys = FieldStamp.changedKeys(old: oldBytes, oldFields, new: newBytes, newFields) {
      out = h
      for k in keys { out.provenance[k] = stamp }
      out.updatedAt = stamp.at
      body = try spliced(newBytes, newFields, out)
    } else {
      let stamped = try Provenance.stampChanges(old: Data(utf8Of: oldText), new: newBody, stamp: stamp)
      out = try JSONDecoder().decode(AssessmentHeader.self, from: stamped)
      out.updatedAt = stamp.at
    }
    let stored = try body ?? String(decoding: try JSONCoding.encoder().encode(out), as: UTF8.self)
    try putHeader(db, out, insert: false, body: stored, cache: cache)
    cache?.remember(stored, of: aid, header: out)
    return (.setHeader(out), try json(setHeaderBody: stored), try json(setHeaderBody: beforeText))
  }

  /// What the encoder writes for `new`, from `bytes`, what it wrote for `old`: the members of `new` that differ from
  /// `old`'s are encoded alone and put in place of theirs (the encoder writes a member's value as it writes that value
  /// alone, and the keys, sorted, stay where they are: every member of the header is always written). Nil when a
  /// member that differs is not a structure, collection or string (the whole header is then encoded), or `bytes` is
  /// not the object expected.
  static func membersReplaced(_ bytes: [UInt8], from old: AssessmentHeader, to new: AssessmentHeader) throws -> [UInt8]? {
    try membersReplaced(bytes, fields: FieldStamp.fields(bytes), from: old, to: new)
  }

  /// ``membersReplaced(_:from:to:)`` with the members of `bytes` already found (`FieldStamp.fields`).
  static func membersReplaced(_ bytes: [UInt8], fields: [(key: String, value: Range<Int>)]?, from old: AssessmentHeader, to new: AssessmentHeader)
    throws -> [UInt8]?
  {
    guard new.id == old.id, new.isSample == old.isSample, new.status == old.status, let fields else { return nil }
    let encoder = JSONCoding.encoder()
    var changed: [String: Data] = [:]
    if new.profile != old.profile { changed["profile"] = try encoder.encode(new.profile) }
    if new.period != old.period { changed["period"] = try encoder.encode(new.period) }
    if new.settings != old.settings { changed["settings"] = try encoder.encode(new.settings) }
    if new.dismissedRules != old.dismissedRules { changed["dismissedRules"] = try encoder.encode(new.dismissedRules) }
    if new.provenance != old.provenance { changed["provenance"] = try encoder.encode(new.provenance) }
    // A string as the encoder writes it in an object: `["…"]` without the brackets.
    func string(_ s: String) throws -> Data? {
      let wrapped = try encoder.encode([s])
      return wrapped.count >= 2 ? wrapped.dropFirst().dropLast() : nil
    }
    for (key, a, b) in [("title", new.title, old.title), ("createdAt", new.createdAt, old.createdAt), ("updatedAt", new.updatedAt, old.updatedAt)]
    where a != b {
      guard let d = try string(a) else { return nil }
      changed[key] = d
    }
    guard !changed.isEmpty else { return bytes }
    // Every member replaced must be found once, in order.
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + changed.values.reduce(0) { $0 + $1.count })
    var at = 0
    var found = 0
    for f in fields {
      guard let d = changed[f.key] else { continue }
      guard f.value.lowerBound >= at else { return nil }
      result.append(contentsOf: bytes[at..<f.value.lowerBound])
      result.append(contentsOf: d)
      at = f.value.upperBound
      found += 1
    }
    guard found == changed.count else { return nil }
    result.append(contentsOf: bytes[at...])
    return result
  }

  /// The body of `out` from the body of a header equal to it but for `provenance` and `updatedAt` (`bytes`, split
  /// into `fields`): those two values encoded alone and put in place of the old ones (the encoder writes a member's
  /// value as it writes that value alone, and the keys, sorted, stay where they are). Nil when either is missing.
  static func spliced(_ bytes: [UInt8], _ fields: [(key: String, value: Range<Int>)]?, _ out: AssessmentHeader) throws -> String? {
    guard let fields, let p = fields.first(where: { $0.key == "provenance" }), let u = fields.first(where: { $0.key == "updatedAt" }),
      p.value.upperBound <= u.value.lowerBound
    else { return nil }
    let encoder = JSONCoding.encoder()
    let provenance = try encoder.encode(out.provenance)
    let wrapped = try encoder.encode([out.updatedAt])  // `["…"]`: the string as the encoder writes it in an object
    guard wrapped.count >= 2 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + provenance.count + wrapped.count)
    result.append(contentsOf: bytes[..<p.value.lowerBound])
    result.append(contentsOf: provenance)
    result.append(contentsOf: bytes[p.value.upperBound..<u.value.lowerBound])
    result.append(contentsOf: wrapped.dropFirst().dropLast())
    result.append(contentsOf: bytes[u.value.upperBound...])
    return String(decoding: result, as: UTF8.self)
  }

  /// `json(.setHeader(header))` from the header's already-encoded body.
  ///
  /// The body is compact JSON as the encoder writes it, which has no control character: as a JSON string it only
  /// needs its quotes and backslashes escaped, and the edit is then `{"body":…,"op":"setHeader"}` (keys sorted, the
  /// other members nil). A body with a control character goes through the encoder.
  static func json(setHeaderBody body: String) throws -> String {
    var text = body
    let written = text.withUTF8 { src -> String? in
      var escapes = 0
      for b in src {
        if b < 0x20 || b == 0x7F { return nil }
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { escapes += 1 }
      }
      let head = #"{"body":""#.utf8
      let tail = #"","op":"setHeader"}"#.utf8
      return String(unsafeUninitializedCapacity: head.count + src.count + escapes + tail.count) { dst in
        var i = 0
        for b in head {
          dst[i] = b
          i += 1
        }
        for b in src {
          if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            dst[i] = UInt8(ascii: "\\")
            i += 1
          }
          dst[i] = b
          i += 1
        }
        for b in tail {
          dst[i] = b
          i += 1
        }
        return i
      }
    }
    return try written ?? encodedSetHeader(body: body)
  }

  /// `json(setHeaderBody:)` through the encoder.
  static func encodedSetHeader(body: String) throws -> String {
    var s = try StoredEdit(.delete(.flow, id: ""))
    s.op = "setHeader"
    s.kind = nil
    s.id = nil
    s.position = nil
    s.body = body
    return String(decoding: try JSONCoding.encoder().encode(s), as: UTF8.self)
  }

  /// `json(.upsert(record, position:))` from the record's already-encoded body.
  static func json(upsert record: AnyRecord, body: String, position: Int?) throws -> String {
    var s = try StoredEdit(.delete(record.kind, id: record.id))
    s.op = "upsert"
    s.position = position
    s.body = body
    return String(decoding: try JSONCoding.encoder().encode(s), as: UTF8.self)
  }

  static func count(_ db: Database, _ aid: String, _ kind: RecordKind) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM record WHERE assessmentId = ? AND kind = ?", arguments: [aid, kind.rawValue]) ?? 0
  }

  static func shift(_ db: Database, _ aid: String, _ kind: RecordKind, from: Int, by delta: Int) throws {
    try db.execute(
      sql: "UPDATE record SET position = position + ? WHERE assessmentId = ? AND kind = ? AND position >= ?",
      arguments: [delta, aid, kind.rawValue, from])
  }

  /// Stamps provenance on the fields a new row's upsert sets (a header edit: ``stampAndApplyHeader(_:_:_:_:)``).
  static func stamp(_ db: Database, _ aid: String, _ e: Edit, _ stamp: Provenance) throws -> Edit {
    switch e {
    case .upsert(let r, let p):
      let old = try oldRow(db, aid, r.kind, r.id).map { Data(utf8Of: $0.body) }
      let body = try Provenance.stampChanges(old: old, new: try r.encoded(), stamp: stamp)
      return .upsert(try AnyRecord.decode(r.kind, body), position: p)
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
      let old = try JSONDecoder().decode(AssessmentHeader.self, from: Data(utf8Of: oldText))
      try putHeader(db, h, insert: false)
      return .setHeader(old)
    case .upsert(let r, let position):
      let body = try r.encoded()
      if let old = try oldRow(db, aid, r.kind, r.id) {
        try db.execute(
          sql: "UPDATE record SET body = ?, searchKey = ?, updatedAt = ? WHERE assessmentId = ? AND kind = ? AND id = ?",
          arguments: [String(decoding: body, as: UTF8.self), TextRules.searchKey(r.displayName), at, aid, r.kind.rawValue, r.id])
        return .upsert(try AnyRecord.decode(r.kind, Data(utf8Of: old.body)), position: nil)
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
      return .upsert(try AnyRecord.decode(kind, Data(utf8Of: old.body)), position: old.position)
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

/// Provenance stamping without a generic JSON round trip: which top-level fields of a record changed, found by
/// comparing the encoded values field by field, then stamped on the typed record.
enum FieldStamp {
  /// The top-level keys of `new` (except `id` and `provenance`) whose encoded value differs from `old`'s, or is absent
  /// from `old` — the fields `Provenance.stampChanges` stamps. Both must be compact JSON objects as `JSONCoding.encoder()`
  /// writes them (sorted keys, so equal values are equal bytes); nil when either is not.
  static func changedKeys(old: [UInt8], new: [UInt8]) -> [String]? {
    changedKeys(old: old, fields(old), new: new, fields(new))
  }

  /// ``changedKeys(old:new:)`` with the members of both already found (``fields(_:)``).
  static func changedKeys(
    old: [UInt8], _ oldFields: [(key: String, value: Range<Int>)]?, new: [UInt8], _ newFields: [(key: String, value: Range<Int>)]?
  ) -> [String]? {
    guard let o = oldFields, let n = newFields else { return nil }
    var before: [String: ArraySlice<UInt8>] = [:]
    for f in o { before[f.key] = old[f.value] }
    var out: [String] = []
    for f in n where f.key != "id" && f.key != "provenance" {
      if before[f.key].map({ $0 != new[f.value] }) ?? true { out.append(f.key) }
    }
    return out
  }

  /// The top-level members of a compact JSON object: key and the byte range of its value. nil when the text is not a
  /// compact object or a key has an escape.
  static func fields(_ bytes: [UInt8]) -> [(key: String, value: Range<Int>)]? {
    bytes.withUnsafeBufferPointer { fields(in: $0) }
  }

  private static func fields(in b: UnsafeBufferPointer<UInt8>) -> [(key: String, value: Range<Int>)]? {
    var out: [(key: String, value: Range<Int>)] = []
    out.reserveCapacity(16)
    var i = 0
    let n = b.count
    guard n >= 2, b[0] == UInt8(ascii: "{"), b[n - 1] == UInt8(ascii: "}") else { return nil }
    i = 1
    if i == n - 1 { return out }
    while i < n - 1 {
      guard b[i] == UInt8(ascii: "\"") else { return nil }
      let ks = i + 1
      var j = ks
      while j < n, b[j] != UInt8(ascii: "\"") {
        if b[j] == UInt8(ascii: "\\") { return nil }
        j += 1
      }
      guard j + 1 < n, b[j + 1] == UInt8(ascii: ":") else { return nil }
      let key = String(decoding: b[ks..<j], as: UTF8.self)
      let vs = j + 2
      var k = vs
      var depth = 0
      var inString = false
      while k < n {
        let c = b[k]
        if inString {
          if c == UInt8(ascii: "\\") { k += 2; continue }
          if c == UInt8(ascii: "\"") { inString = false }
        } else if c == UInt8(ascii: "\"") {
          inString = true
        } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
          depth += 1
        } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
          if depth == 0 { break }
          depth -= 1
        } else if c == UInt8(ascii: ","), depth == 0 {
          break
        }
        k += 1
      }
      guard k < n, vs < k else { return nil }
      out.append((key, vs..<k))
      if b[k] == UInt8(ascii: "}") {
        guard k == n - 1 else { return nil }
        return out
      }
      i = k + 1
    }
    return nil
  }
}

extension AnyRecord {
  /// The record with `stamp` as the provenance of each of `keys`.
  func stamped(_ keys: [String], _ stamp: Provenance) -> AnyRecord {
    func set(_ p: inout [String: Provenance]) { for k in keys { p[k] = stamp } }
    switch self {
    case .teamMember(var r): set(&r.provenance); return .teamMember(r)
    case .product(var r): set(&r.provenance); return .product(r)
    case .material(var r): set(&r.provenance); return .material(r)
    case .energyCarrier(var r): set(&r.provenance); return .energyCarrier(r)
    case .waterItem(var r): set(&r.provenance); return .waterItem(r)
    case .processStep(var r): set(&r.provenance); return .processStep(r)
    case .flow(var r): set(&r.provenance); return .flow(r)
    case .wasteStream(var r): set(&r.provenance); return .wasteStream(r)
    case .focusItem(var r): set(&r.provenance); return .focusItem(r)
    case .opportunity(var r): set(&r.provenance); return .opportunity(r)
    case .actionItem(var r): set(&r.provenance); return .actionItem(r)
    case .indicator(var r): set(&r.provenance); return .indicator(r)
    case .earlierPeriod(var r): set(&r.provenance); return .earlierPeriod(r)
    }
  }
}

/// What the last header commit of this connection wrote (see ``AppDatabase/stampAndApplyHeader(_:_:_:_:cache:)``),
/// and the search key of the last plant name, title, sector and province. Only ever a shortcut: a body is used when
/// the row holds exactly its bytes, a search key when its text is exactly the same.
final class HeaderCache: @unchecked Sendable {
  private let lock = NSLock()
  private var id = ""
  private var body = ""
  private var header: AssessmentHeader?
  private var keyText = ""
  private var key = ""

  func body(of aid: String) -> String? { lock.withLock { id == aid && !body.isEmpty ? body : nil } }

  /// The header whose encoding is the remembered body of `aid`, when it is known.
  func header(of aid: String) -> AssessmentHeader? { lock.withLock { id == aid && !body.isEmpty ? header : nil } }

  /// Remembers `text`, written by `JSONCoding.encoder()` (or spliced to the same bytes), as the body of `aid`, and the
  /// header it encodes. Should the transaction not commit, the row keeps other bytes and the shortcut is not taken.
  func remember(_ text: String, of aid: String, header: AssessmentHeader? = nil) {
    lock.withLock {
      id = aid
      body = text
      self.header = header
    }
  }

  /// Forgets the body (tests: the next header commit then decodes and encodes the stored header).
  func forget() {
    lock.withLock {
      body = ""
      header = nil
    }
  }

  /// True when `a` and `b` are the same bytes (not merely canonically equivalent, as `==` compares strings).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
  }

  func searchKey(_ text: String) -> String {
    if let known = lock.withLock({ !keyText.isEmpty && Self.sameBytes(keyText, text) ? key : nil }) { return known }
    let k = TextRules.searchKey(text)
    lock.withLock {
      keyText = text
      key = k
    }
    return k
  }
}
