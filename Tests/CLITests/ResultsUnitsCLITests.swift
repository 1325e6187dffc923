import Foundation
import XCTest

/// Every number in `sxsh results ID --json` carries its unit: a figure (`value` with `unit`), a sibling `units` map
/// naming it, a `unit` member of its object, or a property name that states its own measure (a short, explicit list:
/// percentages, counts, years, ranks, GWPs, rates as fractions, scores, rule comparisons whose figures carry units in
/// `triggers`, and the opportunity record echoed from the input). A new plain number without a unit fails here.
final class ResultsUnitsCLITests: XCTestCase {
  /// Property names whose unit is the name itself (or dimensionless by definition).
  static let selfDescribing: Set<String> = [
    "thresholdPercent", "lowPercent", "highPercent", "percent", "closurePercent", "sharePercent", "keyEnergyUserThresholdTOE",
    "gridFactorYear", "byYear", "year", "schemaVersion", "count", "counted", "rank", "records", "measuredRecords",
    "gwpCH4", "gwpN2O", "discountRate", "leftValue", "rightValue",
  ]
  /// Subtrees whose numbers are explained elsewhere: `scores` are 1–5 points by criterion; `opportunity` is the
  /// input record a proposal would add (its quantities carry units in the document layout).
  static let skipSubtrees: Set<String> = ["scores", "opportunity"]

  func testEveryNumberInTheResultsHasAUnit() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = dir.appendingPathComponent("u.sqlite").path
    XCTAssertEqual(try CLI.run(["demo", "--no-open", "--db", db]).status, 0)
    let r = try CLI.run(["results", "00000000-0000-4000-8000-00000000d3e0", "--json", "--db", db])
    XCTAssertEqual(r.status, 0, r.stderr)
    let json = try JSONDecoder().decode(JSON.self, from: Data(r.stdout.utf8))
    var missing: [String] = []
    var checked = 0
    func walk(_ node: JSON, _ path: String) {
      switch node {
      case .object(let o):
        var units: Set<String> = []
        if case .object(let u)? = o["units"] { units = Set(u.keys) }
        var hasUnit = false
        if case .string? = o["unit"] { hasUnit = true }
        for (k, v) in o {
          let p = path + "." + k
          if k == "units" || Self.skipSubtrees.contains(k) { continue }
          if case .number = v {
            checked += 1
            if !(hasUnit || units.contains(k) || Self.selfDescribing.contains(k)) { missing.append(p) }
          } else {
            walk(v, p)
          }
        }
      case .array(let a):
        for (i, v) in a.enumerated() { walk(v, path + "[\(i)]") }
      default: break
      }
    }
    walk(json, "")
    XCTAssertGreaterThan(checked, 1000, "the demo's results hold well over a thousand numbers")
    XCTAssertEqual(missing, [], "numbers without a unit")
  }
}

/// A JSON value that keeps booleans and numbers apart.
enum JSON: Decodable {
  case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])
  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? c.decode(Double.self) {
      self = .number(n)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSON].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSON].self))
    }
  }
}
