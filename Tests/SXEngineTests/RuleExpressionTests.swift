import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// The rule expression language: parsing, precedence, unknown values, selectors, errors, and the figure book.
final class RuleExpressionTests: XCTestCase {
  func eval(_ text: String, _ figures: [String: Double] = [:], params: [String: Double] = [:]) throws -> Double? {
    RuleEvaluator.evaluate(try RuleParser.parse(text), RuleEnvironment(figures: DictionaryFigures(figures), params: params))
  }

  func testArithmeticAndPrecedence() throws {
    XCTAssertEqual(try eval("1 + 2 * 3"), 7)
    XCTAssertEqual(try eval("(1 + 2) * 3"), 9)
    XCTAssertEqual(try eval("-2 * 3 + 10 / 4"), -3.5)
    XCTAssertEqual(try eval("2e6 / 1_000"), 2_000)
    XCTAssertEqual(try eval("1 < 2 and 3 >= 3"), 1)
    XCTAssertEqual(try eval("1 > 2 or not 0"), 1)
    XCTAssertEqual(try eval("min(4, 2, 9) + max(1, 5) + abs(-3)"), 10)
    XCTAssertNil(try eval("1 / 0"), "division by zero is unknown, never infinite")
  }

  func testFiguresParamsAndUnknowns() throws {
    let f: [String: Double] = ["indicator.water_per_product": 160, "benchmark.water_per_product.goodPractice": 50]
    XCTAssertEqual(try eval("indicator.water_per_product > benchmark.water_per_product.goodPractice * p.k", f, params: ["k": 1.2]), 1)
    XCTAssertEqual(try eval("indicator.water_per_product > benchmark.water_per_product.goodPractice * p.k", f, params: ["k": 4]), 0)
    // A missing figure makes a comparison unknown; `and` with false is false, `or` with true is true.
    XCTAssertNil(try eval("indicator.energy_per_product > 1"))
    XCTAssertEqual(try eval("indicator.energy_per_product > 1 and 0"), 0)
    XCTAssertEqual(try eval("indicator.energy_per_product > 1 or 1"), 1)
    XCTAssertEqual(try eval("default(indicator.energy_per_product, 7)"), 7)
    XCTAssertEqual(try eval("known(indicator.energy_per_product)"), 0)
    let rule = try RuleParser.parse("indicator.energy_per_product > 1")
    XCTAssertFalse(RuleEvaluator.holds(rule, RuleEnvironment(figures: DictionaryFigures([:]))), "unknown never fires")
  }

  func testReferencesWithSelectorsRoundTrip() throws {
    let text = "wasteCost.stream[kind=heat, step~nhuộm|dye].gj * 0.4 / p.eta"
    let e = try RuleParser.parse(text)
    XCTAssertEqual(e.refs.map(\.text), ["wasteCost.stream[kind=heat, step~nhuộm|dye].gj", "p.eta"])
    XCTAssertEqual(try RuleParser.parse(e.text), e, "text form parses back to the same tree")
  }

  func testSyntaxErrorsCarryTheirOffset() {
    let cases: [(String, Int)] = [("1 +", 3), ("a.b > > 2", 6), ("foo(1)", 0), ("x[a=1", 1), ("1 < 2 < 3", 6), ("2 $ 3", 2)]
    for (text, offset) in cases {
      XCTAssertThrowsError(try RuleParser.parse(text), text) { e in
        XCTAssertEqual((e as? RuleSyntaxError)?.offset, offset, text)
      }
    }
  }

  func testCatalogueChecksNamesFieldsAndSelectorKeys() throws {
    func check(_ s: String) throws -> LocalizedText? {
      FigureBook.check(try FigureRef.parse(s), params: ["x"], calcOutputs: ["annualLoss"])
    }
    XCTAssertNil(try check("indicator.water_per_product"))
    XCTAssertNil(try check("energy.carrier[fuel=coal_anthracite].toe"))
    XCTAssertNil(try check("flow[kind=heat, direction=out, name~khói|flue].gj"))
    XCTAssertNil(try check("p.x"))
    XCTAssertNil(try check("calc.annualLoss"))
    XCTAssertNotNil(try check("indicator.water_per_tonne"))
    XCTAssertNotNil(try check("energy.carrier[fuel=coal].litres"))
    XCTAssertNotNil(try check("energy.carrier[colour=red].gj"))
    XCTAssertNotNil(try check("p.y"))
    XCTAssertNotNil(try check("calc.other"))
  }

  /// The figure book over the demo: named figures and row selectors (sums over matched rows, diacritics ignored).
  func testFigureBookOnTheDemo() throws {
    let a = DemoAssessment.make()
    let r = Engine.compute(a)
    let book = FigureBook(a, results: r, factors: .builtinDefaults)
    let env = RuleEnvironment(figures: book)
    func v(_ s: String) throws -> Double? { RuleEvaluator.evaluate(try RuleParser.parse(s), env) }
    XCTAssertEqual(try v("energy.total.electricityKWh") ?? 0, 35_400_000, accuracy: 1)
    XCTAssertEqual(try v("energy.keyEnergyUser"), 1)
    XCTAssertEqual(try v("settings.imbalanceThresholdPercent") ?? 0, 5, accuracy: 1e-9)
    XCTAssertEqual(try v("water.step[name~nhuom|dye].consumption"), 490_000)
    XCTAssertEqual(try v("flow[kind=heat, direction=out, name~khói].gj") ?? 0, 25_900, accuracy: 1e-6)
    XCTAssertEqual(try v("count(energy.carrier[fuel!=electricity])"), 4)
    XCTAssertEqual(try v("material[name~axetic].kg"), 40_000)
    XCTAssertNil(try v("material[name~nothing-like-this].kg"), "no row matched is unknown, not 0")
  }
}
