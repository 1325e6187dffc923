import Foundation
import SXCore

// The worksheet tables' column-wise reader over the records of one kind (`RecordFields` reads one record's fields).

/// One property of a record type, resolved once for a column: read here, read from the encoded tree, or absent.
enum FieldColumn<R: FieldRecord> {
  case read((UnsafePointer<R>) -> RecordFields.Lookup)
  case encoded
  case absent

  init(_ key: String) {
    if let f = R.field(key) {
      self = .read(f)
    } else {
      // Not built here: read from the encoded tree when the record has such a property, else absent.
      self = RecordFields.properties[R.recordKind]?.contains(key) == true ? .encoded : .absent
    }
  }
}

/// The records of one worksheet read column by column: what `RecordReader(record).value(at: path)` gives for each,
/// with the property reader resolved once per column and the records read in place (not wrapped or copied per cell).
final class RecordRows<R: FieldRecord> {
  private(set) var records: [R]
  private var finite: [Bool]
  private var trees: [JSONTree??]

  init(_ records: [R]) {
    self.records = records
    finite = records.map(R.finite)
    trees = Array(repeating: nil, count: records.count)
  }

  var count: Int { records.count }

  /// The column reader of a key path (its first key).
  static func column(_ path: [String]) -> FieldColumn<R>? { path.first.map { FieldColumn<R>($0) } }

  /// The value of record `k` at `path` (nil when missing or null); `column` is `column(path)`.
  func value(_ k: Int, at path: [String], _ column: FieldColumn<R>?) -> FieldValue? {
    if let column, finite[k] {
      switch column {
      case .read(let f):
        // A property read for a longer path (`investment.equipment`) is kept for the next path into it.
        if case .found(let value) = path.count == 1 ? read(k, f) : nested(k, path[0], f) {
          guard let value else { return nil }
          return path.count == 1 ? value : value.value(at: Array(path.dropFirst()))
        }
      case .absent: return nil
      case .encoded: break
      }
    }
    return encoded(k)?.value(at: path).map(FieldValue.tree)
  }

  /// `f` of record `k`, read in place (not copied out of the array).
  private func read(_ k: Int, _ f: (UnsafePointer<R>) -> RecordFields.Lookup) -> RecordFields.Lookup {
    records.withUnsafeBufferPointer { f($0.baseAddress! + k) }
  }

  /// The top-level properties read so far for longer paths, by key, per record.
  private var tops: [String: [RecordFields.Lookup?]] = [:]

  private func nested(_ k: Int, _ key: String, _ f: (UnsafePointer<R>) -> RecordFields.Lookup) -> RecordFields.Lookup {
    if let known = tops[key]?[k] { return known }
    let l = read(k, f)
    if tops[key] == nil { tops[key] = Array(repeating: nil, count: records.count) }
    tops[key]![k] = l
    return l
  }

  /// Keeps the records for which `keep` is true.
  func filter(_ keep: (Int) -> Bool) {
    let kept = records.indices.filter(keep)
    records = kept.map { records[$0] }
    finite = kept.map { finite[$0] }
    trees = kept.map { trees[$0] }
    tops = [:]
  }

  private func encoded(_ k: Int) -> JSONTree? {
    if let tree = trees[k] { return tree }
    let t = RecordFields.tree(records[k].wrapped)
    trees[k] = .some(t)
    return t
  }
}
