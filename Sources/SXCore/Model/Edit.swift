import Foundation

/// One committed user edit. Every edit is applied and stored as its own transaction and has an inverse (for undo).
public enum Edit: Hashable, Sendable {
  /// Replace the header (profile, period, settings, status).
  case setHeader(AssessmentHeader)
  /// Insert or replace a row; a new row goes at `position` among the rows of its kind (end when nil).
  case upsert(AnyRecord, position: Int?)
  /// Delete a row.
  case delete(RecordKind, id: String)
  /// Move a row to a new position among the rows of its kind.
  case move(RecordKind, id: String, to: Int)
}

/// Typed access to the row arrays, so an edit touches one array only.
struct RowAccess<T: Identifiable & Sendable> where T.ID == String {
  let path: WritableKeyPath<Assessment, [T]>
  let wrap: (T) -> AnyRecord
  let unwrap: (AnyRecord) -> T?
}

extension Assessment {
  /// Applies an edit and returns its inverse. Throws when the edit refers to a row that does not exist.
  @discardableResult
  public mutating func apply(_ edit: Edit) throws -> Edit {
    switch edit {
    case .setHeader(let h):
      guard h.id == header.id else { throw EditError.wrongAssessment }
      let old = header
      header = h
      return .setHeader(old)
    case .upsert(let r, let position):
      return try Self.ops(r.kind).upsert(&self, r, position)
    case .delete(let kind, let id):
      return try Self.ops(kind).delete(&self, kind, id)
    case .move(let kind, let id, let to):
      return try Self.ops(kind).move(&self, kind, id, to)
    }
  }

  /// The index of a row among the rows of its kind.
  public func position(of kind: RecordKind, id: String) -> Int? {
    records(of: kind).firstIndex { $0.id == id }
  }

  private static func ops(_ kind: RecordKind) -> any RowOps {
    switch kind {
    case .teamMember: RowAccess(path: \.team, wrap: AnyRecord.teamMember) { if case .teamMember(let x) = $0 { x } else { nil } }
    case .product: RowAccess(path: \.products, wrap: AnyRecord.product) { if case .product(let x) = $0 { x } else { nil } }
    case .material: RowAccess(path: \.materials, wrap: AnyRecord.material) { if case .material(let x) = $0 { x } else { nil } }
    case .energyCarrier:
      RowAccess(path: \.energyCarriers, wrap: AnyRecord.energyCarrier) { if case .energyCarrier(let x) = $0 { x } else { nil } }
    case .waterItem: RowAccess(path: \.water, wrap: AnyRecord.waterItem) { if case .waterItem(let x) = $0 { x } else { nil } }
    case .processStep:
      RowAccess(path: \.steps, wrap: AnyRecord.processStep) { if case .processStep(let x) = $0 { x } else { nil } }
    case .flow: RowAccess(path: \.flows, wrap: AnyRecord.flow) { if case .flow(let x) = $0 { x } else { nil } }
    case .wasteStream:
      RowAccess(path: \.wasteStreams, wrap: AnyRecord.wasteStream) { if case .wasteStream(let x) = $0 { x } else { nil } }
    case .focusItem: RowAccess(path: \.focus, wrap: AnyRecord.focusItem) { if case .focusItem(let x) = $0 { x } else { nil } }
    case .opportunity:
      RowAccess(path: \.opportunities, wrap: AnyRecord.opportunity) { if case .opportunity(let x) = $0 { x } else { nil } }
    case .actionItem: RowAccess(path: \.actions, wrap: AnyRecord.actionItem) { if case .actionItem(let x) = $0 { x } else { nil } }
    case .indicator: RowAccess(path: \.indicators, wrap: AnyRecord.indicator) { if case .indicator(let x) = $0 { x } else { nil } }
    case .earlierPeriod:
      RowAccess(path: \.earlierPeriods, wrap: AnyRecord.earlierPeriod) { if case .earlierPeriod(let x) = $0 { x } else { nil } }
    }
  }

}

protocol RowOps {
  func upsert(_ a: inout Assessment, _ r: AnyRecord, _ position: Int?) throws -> Edit
  func delete(_ a: inout Assessment, _ kind: RecordKind, _ id: String) throws -> Edit
  func move(_ a: inout Assessment, _ kind: RecordKind, _ id: String, _ to: Int) throws -> Edit
}

extension RowAccess: RowOps {
  func upsert(_ a: inout Assessment, _ r: AnyRecord, _ position: Int?) throws -> Edit {
    guard let row = unwrap(r) else { throw EditError.noSuchRecord(r.kind, r.id) }
    if let i = a[keyPath: path].firstIndex(where: { $0.id == row.id }) {
      let old = a[keyPath: path][i]
      a[keyPath: path][i] = row
      return .upsert(wrap(old), position: nil)
    }
    let count = a[keyPath: path].count
    let p = min(max(position ?? count, 0), count)
    a[keyPath: path].insert(row, at: p)
    return .delete(r.kind, id: row.id)
  }

  func delete(_ a: inout Assessment, _ kind: RecordKind, _ id: String) throws -> Edit {
    guard let i = a[keyPath: path].firstIndex(where: { $0.id == id }) else { throw EditError.noSuchRecord(kind, id) }
    let old = a[keyPath: path].remove(at: i)
    return .upsert(wrap(old), position: i)
  }

  func move(_ a: inout Assessment, _ kind: RecordKind, _ id: String, _ to: Int) throws -> Edit {
    guard let i = a[keyPath: path].firstIndex(where: { $0.id == id }) else { throw EditError.noSuchRecord(kind, id) }
    let row = a[keyPath: path].remove(at: i)
    let p = min(max(to, 0), a[keyPath: path].count)
    a[keyPath: path].insert(row, at: p)
    return .move(kind, id: id, to: i)
  }
}

public enum EditError: LocalizedFailure, Equatable {
  case wrongAssessment
  case noSuchRecord(RecordKind, String)

  public var message: LocalizedText {
    switch self {
    case .wrongAssessment: LocalizedText(vi: "sửa đổi không thuộc đánh giá này", en: "the edit belongs to another assessment")
    case .noSuchRecord(let k, let id):
      LocalizedText(vi: "không tìm thấy dòng \(k.rawValue) «\(id)»", en: "no \(k.rawValue) row «\(id)»")
    }
  }
}

/// The stored form of an edit (the undo log keeps edits as JSON).
public struct StoredEdit: Codable, Hashable, Sendable {
  public var op: String
  public var kind: RecordKind?
  public var id: String?
  public var position: Int?
  public var body: String?

  public init(_ edit: Edit) throws {
    switch edit {
    case .setHeader(let h):
      op = "setHeader"
      body = String(decoding: try JSONCoding.encoder().encode(h), as: UTF8.self)
    case .upsert(let r, let p):
      op = "upsert"
      kind = r.kind
      id = r.id
      position = p
      body = String(decoding: try r.encoded(), as: UTF8.self)
    case .delete(let k, let i):
      op = "delete"
      kind = k
      id = i
    case .move(let k, let i, let to):
      op = "move"
      kind = k
      id = i
      position = to
    }
  }

  public func edit() throws -> Edit {
    switch op {
    case "setHeader":
      return .setHeader(try JSONDecoder().decode(AssessmentHeader.self, from: Data((body ?? "").utf8)))
    case "upsert":
      guard let kind else { throw EditError.noSuchRecord(.flow, id ?? "") }
      return .upsert(try AnyRecord.decode(kind, Data((body ?? "").utf8)), position: position)
    case "delete":
      guard let kind, let id else { throw EditError.noSuchRecord(.flow, id ?? "") }
      return .delete(kind, id: id)
    default:
      guard let kind, let id, let position else { throw EditError.noSuchRecord(.flow, id ?? "") }
      return .move(kind, id: id, to: position)
    }
  }
}
