import Foundation

/// The assessment document: one versioned JSON format carrying a whole assessment (and, on export, its results).
///
/// Layout: `{"schemaVersion": 1, "generator": "sxsh 0.1.0", "assessment": {...}, "results": {...}}`.
/// The JSON Schema is `Worksheets/schema/assessment.schema.json`.
public struct AssessmentDocument: Codable, Sendable {
  public static let currentSchemaVersion = 1

  public var schemaVersion: Int
  public var generator: String
  public var assessment: Assessment

  public init(assessment: Assessment, generator: String) {
    self.schemaVersion = Self.currentSchemaVersion
    self.generator = generator
    self.assessment = assessment
  }

  /// Encodes the document, optionally with a `results` object appended (already JSON).
  public func encoded(results: Data? = nil) throws -> Data {
    let base = try JSONCoding.encoder(pretty: true).encode(self)
    guard let results else { return base }
    guard var obj = try JSONSerialization.jsonObject(with: base) as? [String: Any],
      let r = try? JSONSerialization.jsonObject(with: results)
    else { return base }
    obj["results"] = r
    return try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
  }

  /// Parses and validates a document. Every problem is reported with its JSON path; nothing partial is returned.
  public static func decode(_ data: Data) throws -> AssessmentDocument {
    guard data.count <= Limits.maxImportBytes else {
      throw ValidationFailure([
        DataIssue(
          path: "$",
          message: LocalizedText(
            vi: "tệp quá lớn (\(data.count) byte; tối đa \(Limits.maxImportBytes))",
            en: "file too large (\(data.count) bytes; at most \(Limits.maxImportBytes))"))
      ])
    }
    let tree: Any
    do {
      tree = try JSONSerialization.jsonObject(with: data, options: [])
    } catch {
      throw ValidationFailure([
        DataIssue(
          path: "$",
          message: LocalizedText(
            vi: "JSON không hợp lệ: \(jsonErrorDetail(error))", en: "malformed JSON: \(jsonErrorDetail(error))"))
      ])
    }
    guard let root = tree as? [String: Any] else {
      throw ValidationFailure([
        DataIssue(path: "$", message: LocalizedText(vi: "cần một đối tượng JSON", en: "a JSON object is expected"))
      ])
    }
    guard let version = root["schemaVersion"] as? Int else {
      throw ValidationFailure([
        DataIssue(
          path: "$.schemaVersion",
          message: LocalizedText(vi: "thiếu schemaVersion (số nguyên)", en: "schemaVersion (an integer) is missing"))
      ])
    }
    guard version == currentSchemaVersion else {
      throw ValidationFailure([
        DataIssue(
          path: "$.schemaVersion",
          message: LocalizedText(
            vi: "schemaVersion \(version) không được hỗ trợ (phiên bản này đọc \(currentSchemaVersion))",
            en: "schemaVersion \(version) is not supported (this version reads \(currentSchemaVersion))"))
      ])
    }
    // NFC everything, then decode with typed paths.
    let normalized = JSONNormalizer.nfc(root)
    let clean = try JSONSerialization.data(withJSONObject: normalized)
    let doc: AssessmentDocument
    do {
      doc = try JSONDecoder().decode(AssessmentDocument.self, from: clean)
    } catch let e as DecodingError {
      throw ValidationFailure([decodingIssue(e)])
    }
    let issues = Validator.validate(doc.assessment)
    guard issues.isEmpty else { throw ValidationFailure(issues.map { DataIssue(path: "$.assessment" + $0.path.dropFirst(), message: $0.message) }) }
    return doc
  }

  static func jsonErrorDetail(_ error: Error) -> String {
    let ns = error as NSError
    if let d = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return d }
    return ns.localizedDescription
  }

  static func decodingIssue(_ e: DecodingError) -> DataIssue {
    switch e {
    case .typeMismatch(let type, let ctx):
      return DataIssue(
        path: JSONCoding.path(ctx.codingPath),
        message: LocalizedText(vi: "sai kiểu dữ liệu (cần \(type))", en: "wrong type (expected \(type))"))
    case .valueNotFound(let type, let ctx):
      return DataIssue(
        path: JSONCoding.path(ctx.codingPath),
        message: LocalizedText(vi: "thiếu giá trị (cần \(type))", en: "value missing (expected \(type))"))
    case .keyNotFound(let key, let ctx):
      return DataIssue(
        path: JSONCoding.path(ctx.codingPath + [key]),
        message: LocalizedText(vi: "thiếu trường bắt buộc", en: "required field missing"))
    case .dataCorrupted(let ctx):
      return DataIssue(
        path: JSONCoding.path(ctx.codingPath),
        message: LocalizedText(vi: "giá trị không hợp lệ: \(ctx.debugDescription)", en: "invalid value: \(ctx.debugDescription)"))
    @unknown default:
      return DataIssue(path: "$", message: LocalizedText(vi: "tài liệu không hợp lệ", en: "invalid document"))
    }
  }
}
