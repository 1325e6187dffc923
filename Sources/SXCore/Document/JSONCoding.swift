import Foundation

/// The JSON conventions of sxsh: sorted keys (stable, diffable output), ISO dates as strings.
public enum JSONCoding {
  public static func encoder(pretty: Bool = false) -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    e.nonConformingFloatEncodingStrategy = .throw
    return e
  }

  /// Renders a coding path as a JSON path: `$.assessment.flows[3].quantity.si`.
  public static func path(_ codingPath: [CodingKey], prefix: String = "$") -> String {
    var s = prefix
    for k in codingPath {
      if let i = k.intValue { s += "[\(i)]" } else { s += "." + k.stringValue }
    }
    return s
  }
}

/// Text limits (documented in the README): a longer text is refused with a message naming the field.
public enum Limits {
  /// Longest text accepted in any one field, in characters.
  public static let maxTextLength = 10_000
  /// Largest assessment JSON file accepted by `import`, in bytes.
  public static let maxImportBytes = 64 * 1024 * 1024
  /// Most rows of one kind in an assessment.
  public static let maxRowsPerKind = 200_000
}

/// A problem found in data: where (a JSON path or a field) and what.
public struct DataIssue: Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var message: LocalizedText

  public init(path: String, message: LocalizedText) {
    self.path = path
    self.message = message
  }

  public func text(_ language: Language) -> String { "\(path): \(message.text(language))" }
  public var description: String { text(.en) }
}

/// Rejection of a document or an edit, listing every problem found.
public struct ValidationFailure: LocalizedFailure, Equatable {
  public var issues: [DataIssue]

  public init(_ issues: [DataIssue]) { self.issues = issues }

  public var message: LocalizedText {
    LocalizedText(
      vi: issues.map { $0.text(.vi) }.joined(separator: "\n"),
      en: issues.map { $0.text(.en) }.joined(separator: "\n"))
  }
}

/// NFC-normalises every string inside a JSON value (keys included).
public enum JSONNormalizer {
  public static func nfc(_ value: Any) -> Any {
    switch value {
    case let s as String: return TextRules.nfc(s)
    case let a as [Any]: return a.map(nfc)
    case let d as [String: Any]:
      var out: [String: Any] = [:]
      for (k, v) in d { out[TextRules.nfc(k)] = nfc(v) }
      return out
    default: return value
    }
  }
}

extension Data {
  /// The UTF-8 bytes of `text`, copied from the string's storage in one go. `Data(text.utf8)` takes the generic sequence
  /// initializer, whose dynamic cast scans every protocol conformance record of the executable at its first use
  /// (~0.5 M instructions, on the way to the first frame when the stored header is decoded) and still costs a cast
  /// at every call.
  public init(utf8Of text: String) {
    var text = text
    self = text.withUTF8 { Data(buffer: $0) }
  }
}
