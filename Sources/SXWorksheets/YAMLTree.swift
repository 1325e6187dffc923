import Foundation
import SXCore
import Yams

/// A YAML node reduced to what the definitions need, with its position. Text is NFC.
struct YNode {
  enum Value {
    case null
    case scalar(String)
    case mapping([(key: YNode, value: YNode)])
    case sequence([YNode])
  }

  let value: Value
  let line: Int
  let column: Int

  var scalar: String? { if case .scalar(let s) = value { s } else { nil } }
  var isNull: Bool { if case .null = value { true } else { false } }

  /// What the node is, for messages.
  var kindName: LocalizedText {
    switch value {
    case .null: LocalizedText(vi: "rỗng", en: "empty")
    case .scalar: LocalizedText(vi: "một giá trị", en: "a value")
    case .mapping: LocalizedText(vi: "một bảng khóa: giá trị", en: "a mapping")
    case .sequence: LocalizedText(vi: "một danh sách", en: "a list")
    }
  }
}

enum YAMLTree {
  /// Parses one YAML document. Syntax errors are added to `diag` with their line; nil then.
  static func parse(_ text: String, _ diag: inout Diagnostics) -> YNode? {
    let nfc = YAMLTree.nfc(text)
    let root: Node?
    do {
      // The basic resolver: every scalar stays text (the definitions read numbers and booleans themselves, and only
      // `style` and `string` are used below), which skips Yams's per-scalar regular expressions. Duplicate keys are
      // still found: two keys are equal exactly when their text is, with either resolver.
      root = try Yams.compose(yaml: nfc, .basic, .default, .utf8)
    } catch let e as YamlError {
      report(e, text: nfc, &diag)
      return nil
    } catch {
      diag.add(line: 1, vi: "không đọc được YAML: \(error)", en: "cannot read YAML: \(error)")
      return nil
    }
    guard let root else {
      diag.add(line: 1, vi: "tệp rỗng", en: "the file is empty")
      return nil
    }
    return convert(root, parentLine: 1, parentColumn: 1, depth: 0, &diag)
  }

  /// `TextRules.nfc` (which skips Foundation when a quick check shows the text is NFC already).
  static func nfc(_ text: String) -> String { TextRules.nfc(text) }

  /// The text without leading and trailing white space, as `trimmingCharacters(in: .whitespacesAndNewlines)` gives it
  /// (Unicode White_Space — U+0009–000D, U+0085 and the Z* separators — plus U+200B, which Foundation counts as
  /// white space), by Unicode scalar, without bridging to NSString.
  static func trimmed(_ s: String) -> String {
    let v = s.unicodeScalars
    guard let first = v.firstIndex(where: { !isTrimmed($0) }) else { return "" }
    let last = v.lastIndex(where: { !isTrimmed($0) })!
    return String(v[first...last])
  }

  static func isTrimmed(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace || u.value == 0x200B }

  private static func report(_ e: YamlError, text: String, _ diag: inout Diagnostics) {
    switch e {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let ctx = context.map { " (\($0.text), \($0.mark.line):\($0.mark.column))" } ?? ""
      diag.add(
        line: mark.line, column: mark.column, vi: "lỗi cú pháp YAML: \(problem)\(ctx)", en: "YAML syntax error: \(problem)\(ctx)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.joined(separator: ", ")
      diag.add(
        line: context.mark.line, column: context.mark.column, vi: "khóa bị lặp trong cùng một bảng: \(keys)",
        en: "duplicate keys in one mapping: \(keys)")
    case .reader(let problem, let offset, _, _):
      let line = offset.map { o in text.prefix(o).reduce(1) { $1 == "\n" ? $0 + 1 : $0 } } ?? 1
      diag.add(line: line, vi: "không đọc được tệp (mã hóa?): \(problem)", en: "cannot read the file (encoding?): \(problem)")
    default:
      diag.add(line: 1, vi: "lỗi YAML: \(e)", en: "YAML error: \(e)")
    }
  }

  private static func convert(_ n: Node, parentLine: Int, parentColumn: Int, depth: Int, _ diag: inout Diagnostics) -> YNode {
    let line = n.mark?.line ?? parentLine
    let column = n.mark?.column ?? parentColumn
    guard depth < 64 else {
      diag.add(line: line, column: column, vi: "lồng nhau quá sâu", en: "nested too deeply")
      return YNode(value: .null, line: line, column: column)
    }
    switch n {
    case .scalar(let s):
      let isNull = s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
      return YNode(value: isNull ? .null : .scalar(s.string), line: line, column: column)
    case .mapping(let m):
      let pairs = m.map { pair in
        (
          key: convert(pair.key, parentLine: line, parentColumn: column, depth: depth + 1, &diag),
          value: convert(pair.value, parentLine: line, parentColumn: column, depth: depth + 1, &diag)
        )
      }
      return YNode(value: .mapping(pairs), line: line, column: column)
    case .sequence(let s):
      let items = s.map { convert($0, parentLine: line, parentColumn: column, depth: depth + 1, &diag) }
      return YNode(value: .sequence(items), line: line, column: column)
    case .alias:
      diag.add(line: line, column: column, vi: "không dùng bí danh YAML (*alias)", en: "YAML aliases (*alias) are not supported")
      return YNode(value: .null, line: line, column: column)
    }
  }
}

/// Typed access to the keys of one mapping, reporting every problem with the line of the offending node.
struct MapReader {
  let node: YNode
  let pairs: [(key: String, keyNode: YNode, value: YNode)]
  /// Where the mapping is, for messages ("field «quantity»").
  let context: String

  /// Nil (with a problem) when `node` is not a mapping.
  init?(_ node: YNode, context: String, _ diag: inout Diagnostics) {
    guard case .mapping(let m) = node.value else {
      diag.add(
        node, vi: "\(context): cần một bảng khóa: giá trị, gặp \(node.kindName.vi)",
        en: "\(context): a mapping is expected, found \(node.kindName.en)")
      return nil
    }
    self.node = node
    self.context = context
    var out: [(key: String, keyNode: YNode, value: YNode)] = []
    for p in m {
      guard let k = p.key.scalar else {
        diag.add(p.key, vi: "\(context): khóa phải là chữ", en: "\(context): keys must be plain text")
        continue
      }
      out.append((k, p.key, p.value))
    }
    pairs = out
  }

  private init(node: YNode, pairs: [(key: String, keyNode: YNode, value: YNode)], context: String) {
    self.node = node
    self.pairs = pairs
    self.context = context
  }

  /// The same mapping, named differently in messages.
  func renamed(_ context: String) -> MapReader { MapReader(node: node, pairs: pairs, context: context) }

  func has(_ key: String) -> Bool { pairs.contains { $0.key == key && !$0.value.isNull } }
  func value(_ key: String) -> YNode? { pairs.first { $0.key == key }.flatMap { $0.value.isNull ? nil : $0.value } }
  func keyNode(_ key: String) -> YNode? { pairs.first { $0.key == key }?.keyNode }

  /// Reports keys not in `allowed` (typo protection).
  func checkKeys(_ allowed: [String], _ diag: inout Diagnostics) {
    for p in pairs where !allowed.contains(p.key) {
      diag.add(
        p.keyNode, vi: "\(context): khóa không hợp lệ «\(p.key)» (dùng: \(allowed.joined(separator: ", ")))",
        en: "\(context): unknown key «\(p.key)» (allowed: \(allowed.joined(separator: ", ")))")
    }
  }

  func missing(_ key: String, _ diag: inout Diagnostics) {
    diag.add(node, vi: "\(context): thiếu «\(key)»", en: "\(context): «\(key)» is missing")
  }

  func string(_ key: String, required: Bool = false, _ diag: inout Diagnostics) -> String? {
    guard let v = value(key) else {
      if required { missing(key, &diag) }
      return nil
    }
    guard let s = v.scalar else {
      diag.add(v, vi: "\(context): «\(key)» phải là chữ", en: "\(context): «\(key)» must be text")
      return nil
    }
    let t = YAMLTree.trimmed(s)
    if t.isEmpty {
      if required { missing(key, &diag) }
      return nil
    }
    return t
  }

  func double(_ key: String, required: Bool = false, _ diag: inout Diagnostics) -> Double? {
    guard let v = value(key) else {
      if required { missing(key, &diag) }
      return nil
    }
    guard let s = v.scalar, let d = Double(s.replacingOccurrences(of: "_", with: "")), d.isFinite else {
      diag.add(v, vi: "\(context): «\(key)» phải là một số", en: "\(context): «\(key)» must be a number")
      return nil
    }
    return d
  }

  func int(_ key: String, required: Bool = false, _ diag: inout Diagnostics) -> Int? {
    guard let v = value(key) else {
      if required { missing(key, &diag) }
      return nil
    }
    guard let s = v.scalar, let i = Int(s.replacingOccurrences(of: "_", with: "")) else {
      diag.add(v, vi: "\(context): «\(key)» phải là số nguyên", en: "\(context): «\(key)» must be a whole number")
      return nil
    }
    return i
  }

  func bool(_ key: String, _ diag: inout Diagnostics) -> Bool? {
    guard let v = value(key) else { return nil }
    switch v.scalar {
    case "true", "True", "TRUE", "yes", "có": return true
    case "false", "False", "FALSE", "no", "không": return false
    default:
      diag.add(v, vi: "\(context): «\(key)» phải là true hoặc false", en: "\(context): «\(key)» must be true or false")
      return nil
    }
  }

  /// A `{vi: …, en: …}` text; both languages must be present and non-empty. Problems point at the key's line.
  func localized(_ key: String, required: Bool = true, _ diag: inout Diagnostics) -> LocalizedText? {
    guard let v = value(key) else {
      if required { missing(key, &diag) }
      return nil
    }
    let at = keyNode(key) ?? v
    guard case .mapping = v.value else {
      diag.add(at, vi: "\(context): «\(key)» cần hai dòng vi: và en:", en: "\(context): «\(key)» needs two lines, vi: and en:")
      return nil
    }
    guard let m = MapReader(v, context: "\(context) «\(key)»", &diag) else { return nil }
    m.checkKeys(["vi", "en"], &diag)
    var vi: String?
    var en: String?
    for (lang, name) in [("vi", "tiếng Việt"), ("en", "tiếng Anh")] {
      let s = m.value(lang)?.scalar.map(YAMLTree.trimmed) ?? ""
      if s.isEmpty {
        diag.add(
          at, vi: "\(context): «\(key)» thiếu \(name) (\(lang))",
          en: "\(context): «\(key)» is missing its \(lang == "vi" ? "Vietnamese" : "English") text (\(lang))")
      } else if lang == "vi" {
        vi = s
      } else {
        en = s
      }
    }
    guard let vi, let en else { return nil }
    return LocalizedText(vi: vi, en: en)
  }

  /// A list of plain values; a single value counts as a one-element list.
  func strings(_ key: String, _ diag: inout Diagnostics) -> [(String, YNode)]? {
    guard let v = value(key) else { return nil }
    switch v.value {
    case .scalar(let s): return [(s, v)]
    case .sequence(let items):
      var out: [(String, YNode)] = []
      for i in items {
        if let s = i.scalar { out.append((s, i)) } else {
          diag.add(i, vi: "\(context): «\(key)» chỉ chứa các giá trị đơn", en: "\(context): «\(key)» must list plain values")
        }
      }
      return out
    default:
      diag.add(v, vi: "\(context): «\(key)» phải là một danh sách", en: "\(context): «\(key)» must be a list")
      return nil
    }
  }

  /// The items of a list of mappings.
  func items(_ key: String, required: Bool = false, _ diag: inout Diagnostics) -> [YNode] {
    guard let v = value(key) else {
      if required { missing(key, &diag) }
      return []
    }
    guard case .sequence(let items) = v.value else {
      diag.add(v, vi: "\(context): «\(key)» phải là một danh sách", en: "\(context): «\(key)» must be a list")
      return []
    }
    return items
  }
}
