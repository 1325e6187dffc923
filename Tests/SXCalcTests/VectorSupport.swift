import Foundation
import XCTest

/// One reference vector of `shared/reference/vectors-public.json`.
struct Vector {
  let index: Int
  let calculator: String
  let inputs: [String: Any]
  let expected: [String: (value: Double, unit: String, tolerance: String)]
  let notes: String

  /// A numeric input (bools and numeric strings are read as numbers too).
  func input(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> Double {
    guard let entry = inputs[name] as? [String: Any] else {
      XCTFail("vector #\(index) \(calculator): no input \(name)", file: file, line: line)
      return .nan
    }
    switch entry["value"] {
    case let n as NSNumber: return n.doubleValue
    case let s as String: return Double(s) ?? .nan
    default:
      XCTFail("vector #\(index) \(calculator): input \(name) is not a number", file: file, line: line)
      return .nan
    }
  }

  func inputText(_ name: String) -> String? { (inputs[name] as? [String: Any])?["value"] as? String }

  func inputList(_ name: String) -> [Double] {
    ((inputs[name] as? [String: Any])?["value"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
  }

  func expect(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> (value: Double, unit: String, tolerance: String) {
    guard let e = expected[name] else {
      XCTFail("vector #\(index) \(calculator): no expected \(name)", file: file, line: line)
      return (.nan, "", "")
    }
    return e
  }

  /// Asserts `actual` against the expected value `name` within the vector's stated tolerance.
  /// `scale` converts the expected value into the unit of `actual` (e.g. 1000 for kJ → J).
  func check(
    _ name: String, _ actual: Double?, scale: Double = 1, file: StaticString = #filePath, line: UInt = #line
  ) {
    let e = expect(name, file: file, line: line)
    guard let actual else {
      XCTFail("vector #\(index) \(calculator) \(name): no value computed", file: file, line: line)
      return
    }
    let expectedValue = e.value * scale
    let ok = Tolerance.within(actual: actual, expected: expectedValue, scale: scale, tolerance: e.tolerance)
    XCTAssertTrue(
      ok,
      "vector #\(index) \(calculator) \(name): got \(actual / scale), expected \(e.value) \(e.unit) (\(e.tolerance))",
      file: file, line: line)
  }
}

enum Tolerance {
  /// Reads the tolerance strings of the vectors file: "relative 1e-8", "relative 0.5% …", "absolute 0.05 …",
  /// "exact …" (relative 1e-12), and the Catch v1.9.4 `Approx` default (|a−e| < 1.19209e-5·(1 + max(|a|,|e|))).
  /// Absolute tolerances are in the expected value's unit, so they are multiplied by `scale`.
  static func within(actual: Double, expected: Double, scale: Double, tolerance: String) -> Bool {
    guard actual.isFinite else { return false }
    let diff = abs(actual - expected)
    if tolerance.contains("Catch") {
      let a = actual / scale, e = expected / scale
      return abs(a - e) < 1.19209e-5 * (1 + max(abs(a), abs(e)))
    }
    let words = tolerance.split(separator: " ")
    if words.first == "relative", words.count > 1 {
      var t = String(words[1])
      var factor = 1.0
      if t.hasSuffix("%") {
        t.removeLast()
        factor = 0.01
      }
      guard let r = Double(t) else { return false }
      return diff <= r * factor * max(abs(expected), 1e-300)
    }
    if words.first == "absolute", words.count > 1, let a = Double(words[1]) {
      return diff <= a * abs(scale)
    }
    if words.first?.hasPrefix("exact") == true {
      return diff <= 1e-12 * max(abs(expected), 1e-300)
    }
    return false
  }
}

struct MissingFile: Error { let path: String }

enum Vectors {
  /// `shared/reference/vectors-public.json`, beside the repository (`<repo>/../shared/reference/`).
  static let url: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SXCalcTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repo root
    .deletingLastPathComponent()  // parent of the repo
    .appendingPathComponent("shared/reference/vectors-public.json")

  static func load() throws -> [Vector] {
    guard FileManager.default.fileExists(atPath: url.path) else { throw MissingFile(path: url.path) }
    let data = try Data(contentsOf: url)
    guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
    return list.enumerated().map { i, v in
      var expected: [String: (Double, String, String)] = [:]
      for (k, e) in (v["expected"] as? [String: [String: Any]]) ?? [:] {
        expected[k] = (((e["value"] as? NSNumber)?.doubleValue) ?? .nan, e["unit"] as? String ?? "", e["tolerance"] as? String ?? "")
      }
      return Vector(
        index: i, calculator: v["calculator"] as? String ?? "", inputs: v["inputs"] as? [String: Any] ?? [:],
        expected: expected, notes: v["notes"] as? String ?? "")
    }
  }

  /// All vectors of a family (calculator name, or prefix ending in "."); fails the test if the file is missing
  /// or the family is empty.
  static func family(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [Vector] {
    guard FileManager.default.fileExists(atPath: url.path) else {
      XCTFail(
        "reference vectors not found at \(url.path): shared/ must sit beside the repository (…/shared/reference/vectors-public.json)",
        file: file, line: line)
      return []
    }
    do {
      let all = try load()
      let found = all.filter { $0.calculator == name || (name.hasSuffix(".") && $0.calculator.hasPrefix(name)) }
      if found.isEmpty { XCTFail("no vectors for \(name)", file: file, line: line) }
      return found
    } catch {
      XCTFail("cannot read \(url.path): \(error)", file: file, line: line)
      return []
    }
  }
}
