import Foundation
import SXCore
import XCTest

/// `Worksheets/schema/assessment.schema.json` against the Codable model.
final class SchemaTests: XCTestCase {
  var schema: [String: Any] = [:]
  var defs: [String: Any] { schema["$defs"] as? [String: Any] ?? [:] }

  override func setUpWithError() throws {
    let data = try Data(contentsOf: Fixture.worksheets.appendingPathComponent("schema/assessment.schema.json"))
    schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func testHasADefinitionForEveryRecordKind() throws {
    XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
    XCTAssertEqual(Set(schema["required"] as? [String] ?? []), ["schemaVersion", "generator", "assessment"])
    let kinds = try XCTUnwrap(schema["x-recordKinds"] as? [String: String])
    XCTAssertEqual(Set(kinds.keys), Set(RecordKind.allCases.map(\.rawValue)))
    for (kind, name) in kinds {
      let def = try XCTUnwrap(defs[name] as? [String: Any], "\(kind) → \(name)")
      XCTAssertEqual(def["additionalProperties"] as? Bool, false, name)
      XCTAssertTrue((def["required"] as? [String])?.contains("id") == true, name)
    }
    for name in ["Assessment", "AssessmentHeader", "Quantity", "UnitPrice", "PlantProfile", "AssessmentSettings"] {
      XCTAssertNotNil(defs[name], name)
    }
    XCTAssertEqual((defs["FlowKind"] as? [String: Any])?["enum"] as? [String], FlowKind.allCases.map(\.rawValue))
    XCTAssertEqual((defs["OpportunityStatus"] as? [String: Any])?["enum"] as? [String], OpportunityStatus.allCases.map(\.rawValue))
  }

  /// A document with every optional property set validates, so no model property is missing from the schema;
  /// a default one validates, so nothing optional is marked required.
  func testFullAndEmptyDocumentsValidate() throws {
    for assessment in [try SchemaSample.full(), Assessment(header: AssessmentHeader(id: "a"))] {
      let data = try AssessmentDocument(assessment: assessment, generator: "sxsh test").encoded(results: Data(#"{"x":1}"#.utf8))
      let json = try JSONSerialization.jsonObject(with: data)
      var errors: [String] = []
      MiniValidator(defs: defs).validate(json, schema, "$", &errors)
      XCTAssertEqual(errors, [])
    }
  }

  func testSchemaRejectsUnknownAndMissingProperties() throws {
    let data = try AssessmentDocument(assessment: try SchemaSample.full(), generator: "t").encoded()
    var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var a = try XCTUnwrap(json["assessment"] as? [String: Any])
    var flows = try XCTUnwrap(a["flows"] as? [[String: Any]])
    flows[0]["colour"] = "red"
    flows[0].removeValue(forKey: "stepId")
    a["flows"] = flows
    json["assessment"] = a
    var errors: [String] = []
    MiniValidator(defs: defs).validate(json, schema, "$", &errors)
    XCTAssertEqual(Set(errors), ["$.assessment.flows[0]: unknown property colour", "$.assessment.flows[0]: missing stepId"])
  }
}

/// Just enough of JSON Schema for the assessment schema: $ref, type, const, enum, properties, required,
/// additionalProperties (false or a schema), items.
struct MiniValidator {
  let defs: [String: Any]

  func validate(_ value: Any, _ schema: [String: Any], _ path: String, _ errors: inout [String]) {
    if let ref = schema["$ref"] as? String {
      let name = String(ref.dropFirst("#/$defs/".count))
      guard let target = defs[name] as? [String: Any] else { return errors.append("\(path): bad $ref \(ref)") }
      return validate(value, target, path, &errors)
    }
    if let c = schema["const"], "\(c)" != "\(value)" { errors.append("\(path): not \(c)") }
    if let e = schema["enum"] as? [String], !(value is String && e.contains(value as? String ?? "")) {
      errors.append("\(path): \(value) not in enum")
    }
    switch schema["type"] as? String {
    case "string": if !(value is String) { errors.append("\(path): not a string") }
    case "boolean": if !(value is Bool) { errors.append("\(path): not a boolean") }
    case "number": if !(value is NSNumber) || isBool(value) { errors.append("\(path): not a number") }
    case "integer":
      if let n = value as? NSNumber, !isBool(value), n.doubleValue.rounded() == n.doubleValue {} else { errors.append("\(path): not an integer") }
    case "array":
      guard let a = value as? [Any] else { return errors.append("\(path): not an array") }
      if let items = schema["items"] as? [String: Any] {
        for (i, v) in a.enumerated() { validate(v, items, "\(path)[\(i)]", &errors) }
      }
    case "object":
      guard let o = value as? [String: Any] else { return errors.append("\(path): not an object") }
      let props = schema["properties"] as? [String: Any] ?? [:]
      for r in schema["required"] as? [String] ?? [] where o[r] == nil { errors.append("\(path): missing \(r)") }
      for (k, v) in o {
        if let p = props[k] as? [String: Any] {
          validate(v, p, "\(path).\(k)", &errors)
        } else if let extra = schema["additionalProperties"] as? [String: Any] {
          validate(v, extra, "\(path).\(k)", &errors)
        } else if (schema["additionalProperties"] as? Bool) == false {
          errors.append("\(path): unknown property \(k)")
        }
      }
    default: break
    }
  }

  /// Booleans and numbers are not told apart strictly (Foundation boxes both as NSNumber on some platforms).
  func isBool(_ v: Any) -> Bool { false }
}
