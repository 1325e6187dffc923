import Foundation
import SXCore
import Testing

@testable import SXUI

/// The unit system the sheets parse with follows the assessment's rates and local units as they change (it is kept
/// for the last ones asked).
@Suite struct ScreenUnitsTests {
  @Test func theUnitSystemFollowsRatesAndLocalUnits() throws {
    var a = Assessment(header: AssessmentHeader(id: "u"))
    a.header.settings.localUnits = [LocalUnit(symbol: "bao", factor: 50, baseUnit: "kg")]
    #expect(SheetScreen.units(a).unit("bao")?.scale == 50)
    #expect(SheetScreen.units(a).unit("thùng") == nil)
    // Changed: the new unit, not the old one.
    a.header.settings.localUnits = [LocalUnit(symbol: "thùng", factor: 20, baseUnit: "kg")]
    #expect(SheetScreen.units(a).unit("thùng")?.scale == 20)
    #expect(SheetScreen.units(a).unit("bao") == nil)
    // A rate added: 1 USD = 25,400 VND.
    a.header.settings.currencyRates = [CurrencyRate(currency: "USD", vndPerUnit: 25_400)]
    #expect(SheetScreen.units(a).unit("USD")?.scale == 25_400)
    a.header.settings.currencyRates = [CurrencyRate(currency: "USD", vndPerUnit: 26_000)]
    #expect(SheetScreen.units(a).unit("USD")?.scale == 26_000)
    // A wrong rate: the standard catalogue (no USD, no local unit), and back again once it is right.
    a.header.settings.currencyRates = [CurrencyRate(currency: "USD", vndPerUnit: -1)]
    #expect(SheetScreen.units(a).unit("USD") == nil)
    #expect(SheetScreen.units(a).unit("thùng") == nil)
    a.header.settings.currencyRates = []
    #expect(SheetScreen.units(a).unit("thùng")?.scale == 20)
  }
}
