import Foundation

/// A record as a JSON value tree, made straight from its `Encodable` conformance: the same tree as encoding it with
/// `JSONCoding.encoder()` and reading the text back with `JSONSerialization`, without writing and parsing the text
/// (the worksheet tables read every field of every record this way). The accessors reproduce what the casts on
/// `JSONSerialization`'s objects give: a boolean is also the number 0/1, the numbers 0 and 1 are also booleans.
final class JSONTree {
  enum Kind { case null, bool, number, string, array, object }
  private(set) var kind: Kind = .null
  private var boolValue = false
  private var numberValue = 0.0
  private var stringValue = ""
  private(set) var items: [JSONTree] = []
  /// The members of an object in encoding order (a record has a few dozen at most: a list is quicker than hashing).
  private(set) var fields: [(key: String, value: JSONTree)] = []

  init() {}

  /// The tree of `value`, or nil when it cannot be encoded (a non-finite number, as `JSONCoding.encoder()` throws).
  static func of<T: Encodable>(_ value: T) -> JSONTree? {
    let root = JSONTree()
    do { try value.encode(to: TreeEncoder(root, [])) } catch { return nil }
    return root
  }

  /// `as? NSNumber`: numbers and booleans.
  var number: Double? {
    switch kind {
    case .number: numberValue
    case .bool: boolValue ? 1 : 0
    default: nil
    }
  }

  /// `as? Bool`: booleans, and the numbers 0 and 1.
  var bool: Bool? {
    switch kind {
    case .bool: boolValue
    case .number: numberValue == 0 ? false : numberValue == 1 ? true : nil
    default: nil
    }
  }

  /// `as? String`.
  var string: String? { kind == .string ? stringValue : nil }

  /// `as? [Any]`.
  var array: [JSONTree]? { kind == .array ? items : nil }

  /// The member `key` of an object (nil for other values).
  subscript(key: String) -> JSONTree? { kind == .object ? member(key) : nil }

  private func member(_ key: String) -> JSONTree? {
    for f in fields where f.key == key { return f.value }
    return nil
  }

  /// The member names of an object.
  var keys: [String] { fields.map(\.key) }

  /// The value at a key path (`investment.equipment` split at the dots); nil when missing or null.
  func value(at path: [String]) -> JSONTree? {
    var cur = self
    for part in path {
      guard cur.kind == .object, let next = cur.member(part) else { return nil }
      cur = next
    }
    return cur.kind == .null ? nil : cur
  }

  /// An object holding `child` under `key` (the header is read at `header.…`).
  static func object(_ key: String, _ child: JSONTree) -> JSONTree {
    let t = JSONTree()
    t.kind = .object
    t.fields = [(key, child)]
    return t
  }

  // MARK: Building straight from values (`RecordFields`), as the encoder below builds them

  static func leaf(_ s: String) -> JSONTree {
    let t = JSONTree()
    t.set(s)
    return t
  }

  static func leaf(_ b: Bool) -> JSONTree {
    let t = JSONTree()
    t.set(b)
    return t
  }

  /// A finite number (the caller checked), negative zero read as zero as the encoder's tree has it.
  static func leaf(_ d: Double) -> JSONTree {
    let t = JSONTree()
    t.kind = .number
    t.numberValue = d == 0 ? 0 : d
    return t
  }

  static func array(_ items: [JSONTree]) -> JSONTree {
    let t = JSONTree()
    t.kind = .array
    t.items = items
    return t
  }

  static func object(_ fields: [(String, JSONTree)]) -> JSONTree {
    let t = JSONTree()
    t.kind = .object
    t.fields = fields.map { (key: $0.0, value: $0.1) }
    return t
  }

  // MARK: Building (the encoder's side)

  fileprivate func setNull() { kind = .null }
  fileprivate func set(_ b: Bool) {
    kind = .bool
    boolValue = b
  }
  fileprivate func set(_ d: Double, _ path: [CodingKey]) throws {
    guard d.isFinite else { throw EncodingError.invalidValue(d, .init(codingPath: path, debugDescription: "non-finite number")) }
    kind = .number
    // JSON text has no negative zero that reads back as a floating-point value: "-0" reads as the integer 0.
    numberValue = d == 0 ? 0 : d
  }
  fileprivate func set(_ s: String) {
    kind = .string
    stringValue = s
  }
  fileprivate func makeObject() {
    if kind != .object {
      kind = .object
      fields = []
    }
  }
  fileprivate func makeArray() {
    if kind != .array {
      kind = .array
      items = []
    }
  }
  /// A new member `key` (replacing one of the same name, as encoding a key twice does).
  fileprivate func child(_ key: String) -> JSONTree {
    let c = JSONTree()
    if let k = fields.firstIndex(where: { $0.key == key }) {
      fields[k].value = c
    } else {
      fields.append((key, c))
    }
    return c
  }
  fileprivate func append() -> JSONTree {
    let c = JSONTree()
    items.append(c)
    return c
  }
  fileprivate var count: Int { items.count }
}

private struct TreeEncoder: Encoder {
  let node: JSONTree
  /// Not tracked (nothing here reads it; the failure is only "cannot encode").
  let codingPath: [CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(_ node: JSONTree, _ path: [CodingKey]) {
    self.node = node
    codingPath = path
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    node.makeObject()
    return KeyedEncodingContainer(TreeKeyed<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    node.makeArray()
    return TreeUnkeyed(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> SingleValueEncodingContainer { TreeSingle(node: node, codingPath: codingPath) }
}

/// Encodes one value into `node` (shared by the three containers). Numbers, strings and booleans come back through
/// the single-value container.
private func put<T: Encodable>(_ value: T, into node: JSONTree, _ path: [CodingKey]) throws {
  try value.encode(to: TreeEncoder(node, path))
}

private struct TreeKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONTree
  let codingPath: [CodingKey]

  mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).setNull() }
  mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(key.stringValue).set(value) }
  mutating func encode(_ value: String, forKey key: Key) throws { node.child(key.stringValue).set(value) }
  mutating func encode(_ value: Double, forKey key: Key) throws { try node.child(key.stringValue).set(value, codingPath) }
  mutating func encode(_ value: Float, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: Int, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { try node.child(key.stringValue).set(Double(value), codingPath) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try put(value, into: node.child(key.stringValue), codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
    let c = node.child(key.stringValue)
    c.makeObject()
    return KeyedEncodingContainer(TreeKeyed<NestedKey>(node: c, codingPath: codingPath))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
    let c = node.child(key.stringValue)
    c.makeArray()
    return TreeUnkeyed(node: c, codingPath: codingPath)
  }

  mutating func superEncoder() -> Encoder { TreeEncoder(node.child("super"), codingPath) }
  mutating func superEncoder(forKey key: Key) -> Encoder { TreeEncoder(node.child(key.stringValue), codingPath) }
}

private struct TreeUnkeyed: UnkeyedEncodingContainer {
  let node: JSONTree
  let codingPath: [CodingKey]
  var count: Int { node.count }

  mutating func encodeNil() throws { node.append().setNull() }
  mutating func encode(_ value: Bool) throws { node.append().set(value) }
  mutating func encode(_ value: String) throws { node.append().set(value) }
  mutating func encode(_ value: Double) throws { try node.append().set(value, codingPath) }
  mutating func encode(_ value: Int) throws { try node.append().set(Double(value), codingPath) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try put(value, into: node.append(), codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    let path = codingPath
    let c = node.append()
    c.makeObject()
    return KeyedEncodingContainer(TreeKeyed<NestedKey>(node: c, codingPath: path))
  }

  mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
    let path = codingPath
    let c = node.append()
    c.makeArray()
    return TreeUnkeyed(node: c, codingPath: path)
  }

  mutating func superEncoder() -> Encoder { TreeEncoder(node.append(), codingPath) }
}

private struct TreeSingle: SingleValueEncodingContainer {
  let node: JSONTree
  let codingPath: [CodingKey]

  mutating func encodeNil() throws { node.setNull() }
  mutating func encode(_ value: Bool) throws { node.set(value) }
  mutating func encode(_ value: String) throws { node.set(value) }
  mutating func encode(_ value: Double) throws { try node.set(value, codingPath) }
  mutating func encode(_ value: Float) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: Int) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: Int8) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: Int16) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: Int32) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: Int64) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: UInt) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: UInt8) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: UInt16) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: UInt32) throws { try node.set(Double(value), codingPath) }
  mutating func encode(_ value: UInt64) throws { try node.set(Double(value), codingPath) }
  mutating func encode<T: Encodable>(_ value: T) throws { try put(value, into: node, codingPath) }
}
