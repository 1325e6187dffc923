import Foundation

/// Encodes a value straight into the tree `JSONSerialization` gives for the JSON text of `JSONEncoder` (dictionaries,
/// arrays, strings, `NSNumber`s, `NSNull`), without writing and parsing that text: the worksheets read every
/// field through this tree, row by row.
enum TreeEncoding {
  /// The tree of `value`; nil when it cannot be encoded (a non-finite number, as `JSONEncoder` refuses them).
  static func tree<T: Encodable>(_ value: T) -> Any? {
    let e = TreeEncoder()
    do {
      try value.encode(to: e)
    } catch {
      return nil
    }
    return e.slot.finished()
  }

  /// What `JSONSerialization` gives for `true` and `false` on this platform (an `NSNumber` or a `Bool`).
  nonisolated(unsafe) static let booleans: (Any, Any) = {
    let parsed = (try? JSONSerialization.jsonObject(with: Data("[true,false]".utf8))) as? [Any]
    return (parsed?.first ?? NSNumber(value: true), parsed?.last ?? NSNumber(value: false))
  }()

  struct NonFinite: Error {}

  static func leaf(_ value: Any) throws -> Any? {
    switch value {
    case let s as String: return s
    case let b as Bool: return b ? booleans.0 : booleans.1
    case let d as Double:
      guard d.isFinite else { throw NonFinite() }
      return NSNumber(value: d)
    case let f as Float:
      guard f.isFinite else { throw NonFinite() }
      return NSNumber(value: Double(f))
    case let i as Int: return NSNumber(value: i)
    case let i as Int64: return NSNumber(value: i)
    case let i as Int32: return NSNumber(value: i)
    case let i as Int16: return NSNumber(value: i)
    case let i as Int8: return NSNumber(value: i)
    case let i as UInt: return NSNumber(value: i)
    case let i as UInt64: return NSNumber(value: i)
    case let i as UInt32: return NSNumber(value: i)
    case let i as UInt16: return NSNumber(value: i)
    case let i as UInt8: return NSNumber(value: i)
    default: return nil
    }
  }

  /// Where an encoded value goes: a leaf, a dictionary or an array being filled.
  final class Slot {
    var leaf: Any?
    var dict: [String: Slot]?
    var array: [Slot]?

    func finished() -> Any {
      if let dict {
        var out: [String: Any] = [:]
        out.reserveCapacity(dict.count)
        for (k, v) in dict { out[k] = v.finished() }
        return out
      }
      if let array { return array.map { $0.finished() } }
      return leaf ?? [String: Any]()
    }

    func keyed() -> Slot {
      if dict == nil { dict = [:] }
      return self
    }

    func child(_ key: String) -> Slot {
      if dict == nil { dict = [:] }
      if let s = dict?[key] { return s }
      let s = Slot()
      dict?[key] = s
      return s
    }

    func append() -> Slot {
      if array == nil { array = [] }
      let s = Slot()
      array?.append(s)
      return s
    }

    func set<T: Encodable>(_ value: T) throws {
      if let l = try TreeEncoding.leaf(value) {
        leaf = l
        return
      }
      try value.encode(to: TreeEncoder(slot: self))
    }
  }

  struct TreeEncoder: Encoder {
    var slot = Slot()
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { KeyedEncodingContainer(Keyed(slot: slot.keyed())) }
    func unkeyedContainer() -> UnkeyedEncodingContainer {
      if slot.array == nil { slot.array = [] }
      return Unkeyed(slot: slot)
    }
    func singleValueContainer() -> SingleValueEncodingContainer { Single(slot: slot) }
  }

  struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [CodingKey] { [] }
    mutating func encodeNil(forKey key: Key) throws { slot.child(key.stringValue).leaf = NSNull() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
      KeyedEncodingContainer(Keyed<NestedKey>(slot: slot.child(key.stringValue).keyed()))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
      let s = slot.child(key.stringValue)
      if s.array == nil { s.array = [] }
      return Unkeyed(slot: s)
    }
    mutating func superEncoder() -> Encoder { TreeEncoder(slot: slot.child("super")) }
    mutating func superEncoder(forKey key: Key) -> Encoder { TreeEncoder(slot: slot.child(key.stringValue)) }
  }

  struct Unkeyed: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [CodingKey] { [] }
    var count: Int { slot.array?.count ?? 0 }
    mutating func encodeNil() throws { slot.append().leaf = NSNull() }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot.append().set(value) }
    mutating func encode(_ value: Bool) throws { try slot.append().set(value) }
    mutating func encode(_ value: String) throws { try slot.append().set(value) }
    mutating func encode(_ value: Double) throws { try slot.append().set(value) }
    mutating func encode(_ value: Float) throws { try slot.append().set(value) }
    mutating func encode(_ value: Int) throws { try slot.append().set(value) }
    mutating func encode(_ value: Int8) throws { try slot.append().set(value) }
    mutating func encode(_ value: Int16) throws { try slot.append().set(value) }
    mutating func encode(_ value: Int32) throws { try slot.append().set(value) }
    mutating func encode(_ value: Int64) throws { try slot.append().set(value) }
    mutating func encode(_ value: UInt) throws { try slot.append().set(value) }
    mutating func encode(_ value: UInt8) throws { try slot.append().set(value) }
    mutating func encode(_ value: UInt16) throws { try slot.append().set(value) }
    mutating func encode(_ value: UInt32) throws { try slot.append().set(value) }
    mutating func encode(_ value: UInt64) throws { try slot.append().set(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
      KeyedEncodingContainer(Keyed<NestedKey>(slot: slot.append().keyed()))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
      let s = slot.append()
      s.array = []
      return Unkeyed(slot: s)
    }
    mutating func superEncoder() -> Encoder { TreeEncoder(slot: slot.append()) }
  }

  struct Single: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [CodingKey] { [] }
    mutating func encodeNil() throws { slot.leaf = NSNull() }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot.set(value) }
    mutating func encode(_ value: Bool) throws { try slot.set(value) }
    mutating func encode(_ value: String) throws { try slot.set(value) }
    mutating func encode(_ value: Double) throws { try slot.set(value) }
    mutating func encode(_ value: Float) throws { try slot.set(value) }
    mutating func encode(_ value: Int) throws { try slot.set(value) }
    mutating func encode(_ value: Int8) throws { try slot.set(value) }
    mutating func encode(_ value: Int16) throws { try slot.set(value) }
    mutating func encode(_ value: Int32) throws { try slot.set(value) }
    mutating func encode(_ value: Int64) throws { try slot.set(value) }
    mutating func encode(_ value: UInt) throws { try slot.set(value) }
    mutating func encode(_ value: UInt8) throws { try slot.set(value) }
    mutating func encode(_ value: UInt16) throws { try slot.set(value) }
    mutating func encode(_ value: UInt32) throws { try slot.set(value) }
    mutating func encode(_ value: UInt64) throws { try slot.set(value) }
  }
}
