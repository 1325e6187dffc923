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
    let parsed = (try? JSONSerialization.jsonObject(with: Data(utf8Of: "[true,false]"))) as? [Any]
    return (parsed?.first ?? NSNumber(value: true), parsed?.last ?? NSNumber(value: false))
  }()

  struct NonFinite: Error {}

  /// The leaf of a value of a JSON scalar type (a string, a boolean or a number), nil for any other type. The type is
  /// compared first (a pointer comparison each) and only a scalar is cast: casting every value to each scalar type in
  /// turn, as a `switch` over `Any` does, cost most of the tree of a structure (fifteen failed dynamic casts per
  /// nested value: about 7,000 instructions per key of the header).
  @inline(__always)
  static func leaf<T>(_ value: T) throws -> Any? {
    let t = T.self
    if t == String.self { return unsafeBitCast(value, to: String.self) }
    if t == Double.self { return try number(unsafeBitCast(value, to: Double.self)) }
    if t == Int.self { return NSNumber(value: unsafeBitCast(value, to: Int.self)) }
    if t == Bool.self { return unsafeBitCast(value, to: Bool.self) ? booleans.0 : booleans.1 }
    if t == Float.self {
      let f = unsafeBitCast(value, to: Float.self)
      guard f.isFinite else { throw NonFinite() }
      return NSNumber(value: Double(f))
    }
    if t == Int64.self { return NSNumber(value: unsafeBitCast(value, to: Int64.self)) }
    if t == Int32.self { return NSNumber(value: unsafeBitCast(value, to: Int32.self)) }
    if t == Int16.self { return NSNumber(value: unsafeBitCast(value, to: Int16.self)) }
    if t == Int8.self { return NSNumber(value: unsafeBitCast(value, to: Int8.self)) }
    if t == UInt.self { return NSNumber(value: unsafeBitCast(value, to: UInt.self)) }
    if t == UInt64.self { return NSNumber(value: unsafeBitCast(value, to: UInt64.self)) }
    if t == UInt32.self { return NSNumber(value: unsafeBitCast(value, to: UInt32.self)) }
    if t == UInt16.self { return NSNumber(value: unsafeBitCast(value, to: UInt16.self)) }
    if t == UInt8.self { return NSNumber(value: unsafeBitCast(value, to: UInt8.self)) }
    return nil
  }

  /// A finite number as `JSONSerialization` gives it; a non-finite one is refused (as `JSONEncoder` refuses it).
  @inline(__always)
  static func number(_ d: Double) throws -> Any {
    guard d.isFinite else { throw NonFinite() }
    return NSNumber(value: d)
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
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.child(key.stringValue).leaf = value ? TreeEncoding.booleans.0 : TreeEncoding.booleans.1 }
    mutating func encode(_ value: String, forKey key: Key) throws { slot.child(key.stringValue).leaf = value }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot.child(key.stringValue).leaf = try TreeEncoding.number(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot.child(key.stringValue).leaf = NSNumber(value: value) }
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
