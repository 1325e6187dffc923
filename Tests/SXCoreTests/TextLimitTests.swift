import Foundation
import XCTest

@testable import SXCore

/// The text-length limit (`Limits.maxTextLength` = 10,000 characters) as `Validator` reports it: every long string
/// with its JSON path, at any depth (header, row field, array element), counted in characters, not bytes.
final class TextLimitTests: XCTestCase {
  func issuesAboutLength(_ a: Assessment) -> [String] {
    Validator.validate(a).filter { $0.message.en.hasPrefix("text too long") }.map { "\($0.path): \($0.message.en)" }
  }

  func testLongTextsAreFoundWithTheirPathsAtEveryDepth() {
    var a = DemoAssessment.make()
    XCTAssertEqual(issuesAboutLength(a), [])
    // 10,000 "ệ" are 30,000 UTF-8 bytes but 10,000 characters: within the limit.
    a.flows[2].note = String(repeating: "ệ", count: 10_000)
    XCTAssertEqual(issuesAboutLength(a), [])
    a.flows[2].note = String(repeating: "ệ", count: 10_001)
    a.header.profile.address = String(repeating: "a", count: 10_002)
    a.wasteStreams[1].causes = ["ngắn", String(repeating: "x", count: 12_345)]
    XCTAssertEqual(
      issuesAboutLength(a).sorted(),
      [
        "$.flows[2].note: text too long (10001 characters; at most 10000)",
        "$.header.profile.address: text too long (10002 characters; at most 10000)",
        "$.wasteStreams[1].causes[1]: text too long (12345 characters; at most 10000)",
      ])
  }

  func testOneRowAndTheHeaderAloneReportTheSame() {
    var a = DemoAssessment.make()
    a.header.profile.address = String(repeating: "b", count: 10_001)
    XCTAssertEqual(
      Validator.validateHeader(a).filter { $0.message.en.hasPrefix("text too long") }.map(\.path), ["$.header.profile.address"])
    var f = a.flows[0]
    f.note = String(repeating: "c", count: 10_001)
    let rowIssues = Validator.validate(record: .flow(f), at: 0, arrayName: "flows", in: a)
    XCTAssertEqual(rowIssues.filter { $0.message.en.hasPrefix("text too long") }.map(\.path), ["$.flows[0].note"])
    f.note = String(repeating: "c", count: 10_000)
    XCTAssertEqual(
      Validator.validate(record: .flow(f), at: 0, arrayName: "flows", in: a).filter { $0.message.en.hasPrefix("text too long") }, [])
  }

  /// The check of one text of the profile or the period finds exactly what the whole header check finds at that
  /// field (and under it), for good, blank, long (in characters, not bytes) and combined texts, with other fields of
  /// the header wrong at the same time; nil for fields it does not cover.
  func testOneHeaderTextFindsWhatTheWholeHeaderCheckFindsThere() {
    let fields: [(String, String, WritableKeyPath<AssessmentHeader, String>)] = [
      ("profile", "name", \.profile.name), ("profile", "address", \.profile.address), ("profile", "province", \.profile.province),
      ("profile", "sector", \.profile.sector), ("profile", "products", \.profile.products), ("profile", "markets", \.profile.markets),
      ("profile", "previousProgrammes", \.profile.previousProgrammes), ("profile", "contact", \.profile.contact),
      ("period", "start", \.period.start), ("period", "end", \.period.end),
    ]
    let texts = [
      "Công ty Dệt", "", "   ", " \n\t", " x", String(repeating: "b", count: 10_001), String(repeating: "ệ", count: 10_000),
      String(repeating: "ệ", count: 10_001), " " + String(repeating: "a", count: 10_000),
    ]
    var checked = 0
    for (member, key, keyPath) in fields {
      for text in texts {
        for othersWrong in [false, true] {
          var a = DemoAssessment.make()
          if othersWrong {
            a.header.settings.discountRate = 2
            a.header.profile.name = ""
            a.header.profile.employees = -1
            a.header.profile.contact = String(repeating: "z", count: 10_001)
          }
          a.header[keyPath: keyPath] = text
          let fieldPath = "$.header.\(member).\(key)"
          let whole = Validator.validateHeader(a).filter {
            $0.path == fieldPath || $0.path.hasPrefix(fieldPath + ".") || $0.path.hasPrefix(fieldPath + "[")
          }
          XCTAssertEqual(Validator.validateHeaderText(a, at: [member, key]), whole, "\(fieldPath) = \(text.prefix(12))")
          checked += whole.count
        }
      }
    }
    XCTAssertGreaterThan(checked, 20)  // the cases do find problems
    let a = DemoAssessment.make()
    for path in [["profile", "employees"], ["profile", "operatingHours"], ["settings", "discountRate"], ["title"], ["profile"]] {
      XCTAssertNil(Validator.validateHeaderText(a, at: path), "\(path)")
    }
  }
}
