import Foundation

/// One committed user edit. Every edit is applied and stored as its own transaction and has an inverse (for undo).
public enum Edit: Hashable, Sendable {
  /// Replace the header (profile, period, settings, status).
  case setHeader(AssessmentHeader)
  /// Insert or replace a row; a new row goes at `position` (end when nil).
  case upsert(AnyRecord, position: Int?)
  /// Delete a row (deleting a step deletes its flows: that is recorded as several edits in one group).
  case delete(RecordKind, id: String)
  /// Move a row to a new position among the rows of its kind.
  case move(RecordKind, id: String, to: Int)
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
      var rows = records(of: r.kind)
      if let i = rows.firstIndex(where: { $0.id == r.id }) {
        let old = rows[i]
        rows[i] = r
        setRecords(r.kind, rows)
        return .upsert(old, position: nil)
      }
      let p = min(max(position ?? rows.count, 0), rows.count)
      rows.insert(r, at: p)
      setRecords(r.kind, rows)
      return .delete(r.kind, id: r.id)
    case .delete(let kind, let id):
      var rows = records(of: kind)
      guard let i = rows.firstIndex(where: { $0.id == id }) else { throw EditError.noSuchRecord(kind, id) }
      let old = rows.remove(at: i)
      setRecords(kind, rows)
      return .upsert(old, position: i)
    case .move(let kind, let id, let to):
      var rows = records(of: kind)
      guard let i = rows.firstIndex(where: { $0.id == id }) else { throw EditError.noSuchRecord(kind, id) }
      let r = rows.remove(at: i)
      let p = min(max(to, 0), rows.count)
      rows.insert(r, at: p)
      setRecords(kind, rows)
      return .move(kind, id: id, to: i)
    }
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
