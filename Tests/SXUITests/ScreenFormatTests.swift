import Foundation
import SXCore
import SXUI
import Testing

/// Number formatting of fields: counts grouped, years/codes/scores plain.
@Suite struct ScreenFormatTests {
  func field(_ key: String) -> FieldSpec? {
    ScreenFixture.catalog.sheets.flatMap(\.fields).first { $0.key == key }
  }

  @Test func yearsAreNotGrouped() throws {
    let a = DemoAssessment.make()
    let year = try #require(field("header.settings.gridFactorYear"))
    #expect(!year.groupsDigits)
    #expect(FieldCodec.display(2023, year, language: .vi, assessment: a) == "2023")
    #expect(FieldCodec.display(2023, year, language: .en, assessment: a) == "2023")
    #expect(FieldCodec.editText(2023, year, language: .vi, assessment: a) == "2023")
    do {
      _ = try FieldCodec.parse("1999", year, language: .vi, units: .standard)
      Issue.record("1999 accepted")
    } catch {
      #expect(error.message.vi == "phải ≥ 2014")
    }
  }

  @Test func countsAreGrouped() throws {
    let a = DemoAssessment.make()
    let employees = try #require(field("header.profile.employees"))
    #expect(employees.groupsDigits)
    #expect(FieldCodec.display(1200, employees, language: .vi, assessment: a) == "1.200")
    #expect(FieldCodec.display(1200, employees, language: .en, assessment: a) == "1,200")
  }

  @Test func everyIntegerFieldIsClassified() {
    // Every integer/score field of the catalogue: only counts (employees, shifts) group digits.
    for f in ScreenFixture.catalog.sheets.flatMap(\.fields) where f.kind == .integer || f.kind == .score {
      let k = f.key.lowercased()
      if k.contains("year") || f.kind == .score { #expect(!f.groupsDigits, "\(f.key)") }
    }
  }
}
