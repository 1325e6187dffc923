import Foundation
import SXCalc
import SXCore
import SXUI
import Testing

/// The calculator panel of an opportunity: pick, fill inputs with units, apply an output as a saving (one edit).
@Suite struct ScreenOppCalcTests {
  @Test func applyCalculatorOutputAsSaving() throws {
    let (d, repo) = try ScreenFixture.driver()
    d.send([.enter, .f(6), .enter])
    let opp = try #require(d.state.doc?.assessment.opportunities.first)
    d.send([.char("c")])
    #expect(d.state.doc?.opp.calc?.picking == true)
    // A calculator whose defaults run and that gives an energy amount in kWh.
    let all = CalculatorCatalog.all
    let index = try #require(all.firstIndex { c in
      c.outputs.contains { $0.unit == "kWh" } && c.inputs.allSatisfy { $0.defaultValue != nil || $0.kind != .number }
        && (try? c.compute([:])) != nil
    })
    let calc = all[index]
    for _ in 0..<index { d.send([.down]) }
    d.send([.enter])
    #expect(d.state.doc?.opp.calc?.picking == false)
    // Type the first number input with an explicit unit when it has one; letters are text while typing.
    if let first = calc.inputs.first, first.kind == .number, let v = first.defaultValue {
      d.send([.enter, .ctrl("u")])
      #expect(AppUpdate.textFocused(d.state))
      d.type(NumberFormat.format(v, .vi, maxFractionDigits: 6) + " " + first.unit)
      d.send([.enter])
      #expect(d.state.doc?.opp.calc?.message == nil)
    }
    let out = try #require(calc.outputs.firstIndex { $0.unit == "kWh" })
    for _ in 0..<(calc.inputs.count + out) { d.send([.down]) }
    d.send([.enter])
    guard case .picker = d.state.overlay else {
      Issue.record("no resource picker; message: \(d.state.doc?.opp.calc?.message ?? "")")
      return
    }
    d.send([.enter])  // electricity is guessed for kWh
    let stored = try #require(try repo.load(ScreenFixture.demoId).opportunities.first { $0.id == opp.id })
    #expect(stored.savings.count == opp.savings.count + 1)
    #expect(stored.savings.last?.resource == .electricity)
    #expect(stored.savings.last?.quantity?.unit == "kWh")
    #expect(stored.calculatorId == calc.id)
    #expect(!stored.calculatorInputs.isEmpty)
    #expect(d.state.doc?.opp.calc == nil)
    // One edit: a single undo restores the opportunity as it was.
    d.send([.ctrl("z")])
    let undone = try #require(try repo.load(ScreenFixture.demoId).opportunities.first { $0.id == opp.id })
    #expect(undone.savings.count == opp.savings.count)
    #expect(undone.calculatorId == opp.calculatorId)
  }

  /// F7 runs calculators in their units: inputs to SI (100 °C is not 100 K), outputs back to the output unit.
  @Test func standaloneCalculatorUsesUnits() throws {
    let (d, _) = try ScreenFixture.driver()
    d.send([.enter, .f(7)])
    let index = try #require(CalculatorCatalog.all.firstIndex { c in c.inputs.first?.unit == "°C" && c.outputs.contains { $0.unit == "bar" } })
    for _ in 0..<index { d.send([.down]) }
    d.send([.enter])
    let text = d.render().snapshotText()
    #expect(text.contains("1,014 bar"), "\(text)")
  }
}
