import XCTest

@testable import SXCore

/// Number and quantity input in both languages. Expected values are the plain arithmetic of each literal.
final class NumberParsingTests: XCTestCase {
  let vi = QuantityParser(language: .vi)
  let en = QuantityParser(language: .en)

  func testIssueExamplesInVietnamese() throws {
    XCTAssertEqual(try vi.parse("12,5 t").si, 12_500)  // 12.5 t = 12 500 kg
    XCTAssertEqual(try vi.parse("12.5 t").si, 12_500)  // lone "." that cannot group thousands reads as decimal
    XCTAssertEqual(try vi.parse("12 500 kg").si, 12_500)
    XCTAssertEqual(try vi.parse("1.200 kWh").si, 1_200 * 3.6e6)  // grouping: 1200 kWh
    XCTAssertEqual(try vi.parse("1.234,5 kg").si, 1_234.5)
    XCTAssertEqual(try vi.parse("3/8 in").si, 0.375 * 0.0254, accuracy: 1e-15)
    XCTAssertEqual(try vi.parse("1 1/2 in").si, 1.5 * 0.0254, accuracy: 1e-15)
    XCTAssertEqual(try vi.parse("7 barg").si, 7e5 + 101_325)
    XCTAssertEqual(try vi.parse("7barg").si, 7e5 + 101_325)
    // 150 psig = 150 × 6894.757293168 + 101325 Pa
    XCTAssertEqual(try vi.parse("150 psig").si, 150 * 6_894.757_293_168 + 101_325, accuracy: 1e-6)
    XCTAssertEqual(try vi.parse("8000h").si, 8_000 * 3_600)
  }

  func testIssueExamplesInEnglish() throws {
    XCTAssertEqual(try en.parse("1,200 kWh").si, 1_200 * 3.6e6)
    XCTAssertEqual(try en.parse("1,234.5 kg").si, 1_234.5)
    XCTAssertEqual(try en.parse("12.5 t").si, 12_500)
    XCTAssertEqual(try en.parse("12,5 t").si, 12_500)  // lone "," that cannot group reads as decimal
    XCTAssertEqual(try en.parse("12 500 kg").si, 12_500)
  }

  func testTypedUnitAndValueAreKept() throws {
    let q = try vi.parse("2,5 tấn")
    XCTAssertEqual(q.value, 2.5)
    XCTAssertEqual(q.unit, "t")
    XCTAssertEqual(q.si, 2_500)
  }

  func testTemperatureAndMoney() throws {
    XCTAssertEqual(try en.parse("100 °C").si, 373.15, accuracy: 1e-12)
    XCTAssertEqual(try en.parse("212 °F").si, 373.15, accuracy: 1e-9)
    XCTAssertEqual(try vi.parse("2,5 triệu đồng").si, 2_500_000)
    let units = try UnitSystem.standard.extended(localUnits: [LocalUnit(symbol: "bao", factor: 50, baseUnit: "kg")],
                                                  rates: [CurrencyRate(currency: "USD", vndPerUnit: 25_400)])
    let p = QuantityParser(language: .vi, units: units)
    XCTAssertEqual(try p.parse("3 bao").si, 150)
    XCTAssertEqual(try p.parse("10 USD").si, 254_000)
  }

  /// `AssessmentSettings.unitSystem` keeps the systems it built lately: the same settings give the same answers as
  /// building them afresh, changed settings (a new rate, a new local unit) are never answered from an older system,
  /// and a bad rate is the same error every time.
  func testUnitSystemOfSettingsFollowsItsSettings() throws {
    var s = AssessmentSettings()
    s.currencyRates = [CurrencyRate(currency: "USD", vndPerUnit: 25_400)]
    s.localUnits = [LocalUnit(symbol: "bao", factor: 50, baseUnit: "kg")]
    XCTAssertEqual(try s.unitSystem().toSI(10, unit: "USD"), 254_000)
    XCTAssertEqual(try s.unitSystem().toSI(3, unit: "bao"), 150)
    s.currencyRates[0].vndPerUnit = 26_000
    XCTAssertEqual(try s.unitSystem().toSI(10, unit: "USD"), 260_000)
    s.localUnits[0].factor = 25
    XCTAssertEqual(try s.unitSystem().toSI(3, unit: "bao"), 75)
    // More settings than are kept, then the first again: still its own answer.
    for k in 1...12 {
      var other = AssessmentSettings()
      other.currencyRates = [CurrencyRate(currency: "USD", vndPerUnit: Double(20_000 + k))]
      XCTAssertEqual(try other.unitSystem().toSI(1, unit: "USD"), Double(20_000 + k))
    }
    XCTAssertEqual(try s.unitSystem().toSI(10, unit: "USD"), 260_000)
    XCTAssertEqual(try s.unitSystem().toSI(3, unit: "bao"), 75)
    // No local units nor rates: the catalogue, where USD is unknown.
    XCTAssertThrowsError(try AssessmentSettings().unitSystem().toSI(1, unit: "USD"))
    s.currencyRates[0].vndPerUnit = -1
    for _ in 0..<2 {
      XCTAssertThrowsError(try s.unitSystem()) { XCTAssertEqual($0 as? UnitError, .badRate("USD")) }
    }
  }

  func testConversions() throws {
    let s = UnitSystem.standard
    XCTAssertEqual(try s.convert(1, from: "MMBtu", to: "GJ"), 1.055_055_852_62, accuracy: 1e-12)
    XCTAssertEqual(try s.convert(1, from: "cfm", to: "m³/h"), 0.028_316_846_592 * 60, accuracy: 1e-12)
    XCTAssertEqual(try s.convert(1, from: "lb/h", to: "kg/h"), 0.453_592_37, accuracy: 1e-12)
    XCTAssertEqual(try s.convert(0, from: "barg", to: "kPa"), 101.325, accuracy: 1e-12)
  }

  /// `UnitSystem.standard` takes the catalogue's symbols and aliases as written (no normalization at start): every
  /// one must be NFC, and the standard system must answer exactly as one built through the normalizing initializer.
  func testBuiltInCatalogueIsNFCAndStandardMatchesNormalizingBuild() throws {
    let normalized = UnitSystem(UnitCatalog.all)
    XCTAssertEqual(UnitSystem.standard.units, normalized.units)
    var keys = 0
    for d in UnitCatalog.all {
      for key in [d.symbol] + d.aliases {
        keys += 1
        XCTAssertEqual(Array(key.unicodeScalars), Array(key.precomposedStringWithCanonicalMapping.unicodeScalars), "\(key) is not NFC")
        XCTAssertEqual(UnitSystem.standard.unit(key), normalized.unit(key), key)
        XCTAssertEqual(UnitSystem.standard.unit(key.uppercased()), normalized.unit(key.uppercased()), key)
        let nfd = key.decomposedStringWithCanonicalMapping
        XCTAssertEqual(UnitSystem.standard.unit(nfd), normalized.unit(nfd), key)
      }
    }
    XCTAssertGreaterThan(keys, 200)
    // Typed in NFD (base letters and combining marks), a Vietnamese alias is still found.
    XCTAssertEqual(UnitSystem.standard.unit("ta\u{0302}\u{0301}n")?.symbol, "t")
    XCTAssertEqual(UnitSystem.standard.unit("li\u{0301}t")?.symbol, "L")
  }

  func testWrongDimensionIsAClearError() {
    XCTAssertThrowsError(try vi.parse("5 kWh", expected: .mass)) { e in
      XCTAssertEqual(e as? UnitError, .wrongDimension(unit: "kWh", found: .energy, expected: .mass))
      XCTAssertEqual((e as? UnitError)?.text(.en), "unit «kWh» is energy; this field needs mass")
      XCTAssertEqual((e as? UnitError)?.text(.vi), "đơn vị «kWh» là năng lượng, ô này cần khối lượng")
    }
  }

  func testBadNumbers() {
    for bad in ["NaN", "nan kg", "1e999 kg", "inf", "", "abc", "1,2,3.4.5", "1/0 in"] {
      XCTAssertThrowsError(try en.parse(bad, expected: .mass, defaultUnit: "kg"), bad)
    }
    XCTAssertThrowsError(try vi.parse("1,234.5 kg")) { e in
      XCTAssertEqual(e as? NumberError, .badGrouping("1,234.5 kg"))
    }
    XCTAssertThrowsError(try vi.parse("12 kgx")) { e in XCTAssertEqual(e as? UnitError, .unknownUnit("kgx")) }
  }

  func testBareNumberUsesDefaultUnit() throws {
    XCTAssertEqual(try vi.parse("12", expected: .mass, defaultUnit: "t").si, 12_000)
    XCTAssertThrowsError(try vi.parse("12", expected: .mass)) { e in
      XCTAssertEqual(e as? UnitError, .missingUnit(expected: .mass))
    }
  }

  func testAllowedUnits() {
    XCTAssertThrowsError(try vi.parse("5 lb", expected: .mass, allowed: ["kg", "t"])) { e in
      XCTAssertEqual(e as? UnitError, .unitNotAllowed(unit: "lb", allowed: ["kg", "t"]))
    }
  }

  func testFormatting() {
    XCTAssertEqual(NumberFormat.format(1_234.5, .vi), "1.234,5")
    XCTAssertEqual(NumberFormat.format(1_234.5, .en), "1,234.5")
    XCTAssertEqual(NumberFormat.format(-1_234_567, .vi), "-1.234.567")
    XCTAssertEqual(NumberFormat.format(0.000_1, .en, maxFractionDigits: 2), "0")
    XCTAssertEqual(NumberFormat.format(.nan, .en), "—")
  }

  /// The exact decimal conversion gives what the C library's `%.nf` gives (the `String(format:)` path), for ties
  /// (ties to even on the exact binary value), values just off a tie, tiny and subnormal values, negative zeros,
  /// magnitudes up to and past 2⁶⁰, and random values at every digit count and minimum.
  func testFormattingMatchesPrintf() {
    var values: [Double] = [
      0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 1e-5, 4.9e-324, 2.2250738585072014e-308, 0.0005, 0.00049999,
      999.9995, 999_999.5, 1_234.5, -1_234_567, 123_456_789.123_456, 1e15, 4_503_599_627_370_496.5, 0x1p53 + 2,
      0x1p60 - 128, 0x1p60, 3e18, 1e20, -0.0004, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 7e-13, 5e-13,
    ]
    var g = SystemRandomNumberGenerator()
    for _ in 0..<400 {
      let magnitude = Double.random(in: -14...19, using: &g)
      values.append((Bool.random(using: &g) ? -1 : 1) * pow(10, magnitude))
      values.append(Double(Int.random(in: -2_000_000...2_000_000, using: &g)) / 8)
      values.append(Double(Int.random(in: -2_000_000...2_000_000, using: &g)) / 1000)
    }
    for v in values {
      for l in Language.allCases {
        for digits in [0, 1, 2, 3, 4, 7, 12] {
          for minimum in [0, 1, digits] {
            XCTAssertEqual(
              NumberFormat.format(v, l, maxFractionDigits: digits, minFractionDigits: minimum),
              NumberFormat.formatWithPrintf(v, l, maxFractionDigits: digits, minFractionDigits: minimum), "\(v) \(l) \(digits) \(minimum)")
          }
        }
        XCTAssertEqual(NumberFormat.auto(v, l), NumberFormat.formatWithPrintf(v, l, maxFractionDigits: autoDigits(v)), "\(v)")
      }
    }
  }

  /// The fraction digits `NumberFormat.auto` picks (its documented rule).
  private func autoDigits(_ v: Double) -> Int {
    let a = abs(v)
    return a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : a == 0 ? 0 : 4
  }

  func testFormatThenParseRoundTrips() throws {
    for l in Language.allCases {
      for v in [0.5, 12.25, 1_234.5, 9_876_543.125, 1_000_000] {
        XCTAssertEqual(try NumberParser.parse(NumberFormat.format(v, l), l), v, "\(l) \(v)")
      }
    }
  }
}
