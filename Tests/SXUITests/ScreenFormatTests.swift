import Foundation
import SXCore
import SXUI
import Testing

/// Number formatting of fields: counts grouped, years/codes/scores plain.
@Suite struct ScreenFormatTests {
  func field(_ key: String) -> FieldSpec? {
    ScreenFixture.catalog.sheets.flatMap(\.fields).first { $0.key == key }
  }

  /// A JSON null reads as missing; every other value (text, numbers, nested objects, lists) as itself.
  @Test func valueReadsNullAsMissing() throws {
    let obj: [String: Any] = ["a": NSNull(), "b": ["c": NSNull(), "d": "x", "e": NSNumber(value: 2)], "f": ["g"], "h": ""]
    #expect(FieldCodec.value(in: obj, at: ["a"]) == nil)
    #expect(FieldCodec.value(in: obj, at: ["b", "c"]) == nil)
    #expect(FieldCodec.value(in: obj, at: ["b", "d"]) as? String == "x")
    #expect((FieldCodec.value(in: obj, at: ["b", "e"]) as? NSNumber)?.intValue == 2)
    #expect(FieldCodec.value(in: obj, at: ["f"]) as? [String] == ["g"])
    #expect(FieldCodec.value(in: obj, at: ["h"]) as? String == "")
    #expect((FieldCodec.value(in: obj, at: ["b"]) as? [String: Any])?.count == 3)
    #expect(FieldCodec.value(in: obj, at: ["missing"]) == nil)
    #expect(FieldCodec.value(in: obj, at: ["a", "deeper"]) == nil)
    #expect(FieldCodec.value(in: obj, at: ["b", "d", "deeper"]) == nil)
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

/// Display units: the unit mode (SI-derived sensible units vs as typed) and numbers never cut.
@Suite struct ScreenUnitModeTests {
  @Test func sensibleUnits() throws {
    let q = try Quantity(17_860_000, "kg")
    #expect(DisplayUnits.text(q, mode: .si, .vi) == "17.860 t")
    #expect(DisplayUnits.text(q, mode: .typed, .vi) == "17.860.000 kg")
    let e = try Quantity(18_600_000, "kWh")
    #expect(DisplayUnits.text(e, mode: .si, .vi) == "18.600 MWh")
    let heat = try Quantity(2_500_000, "MJ")
    #expect(DisplayUnits.text(heat, mode: .si, .en) == "2,500 GJ")
    let money = try Quantity(3_938_283_080, "VND")
    #expect(DisplayUnits.text(money, mode: .si, .vi) == "3,938 tỷ VND")
    #expect(DisplayUnits.text(money, mode: .si, .en) == "3.938 bn VND")
    // Normal cubic metres stay as typed; other units go to their SI-derived family.
    let air = try Quantity(2_900_000, "Nm³")
    #expect(DisplayUnits.text(air, mode: .si, .vi) == "2.900.000 Nm³")
    let steam = try Quantity(12, "Gcal")
    #expect(DisplayUnits.text(steam, mode: .si, .vi) == "50,24 GJ")
  }

  @Test func paletteTogglesUnitModeAndStatusLine() throws {
    let (d, _) = try ScreenFixture.driver()
    d.send([.enter, .f(5)])
    #expect(d.state.unitMode == .si)
    #expect(d.render().snapshotText().contains("đơn vị: SI"))
    d.send([.char(":")])
    d.type("như nhập")
    d.send([.enter])
    #expect(d.state.unitMode == .typed)
    let text = d.render().snapshotText()
    #expect(text.contains("đơn vị: như nhập"))
  }

  @Test func balanceNumbersAreNeverCutAt80Columns() throws {
    let (d, _) = try ScreenFixture.driver(rows: 24, cols: 80)
    d.send([.enter, .f(5), .right, .right, .right])
    let lines = d.render().snapshotLines()
    // Every summary line ends with a unit, never with "…".
    for line in lines[16..<20] { #expect(!line.hasSuffix("…"), "\(line)") }
  }
}
