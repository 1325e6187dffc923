import Foundation
import SXCore
import XCTest
@testable import SXCalc

/// The pure text side of `sxsh calc`: value parsing with units, listing, JSON and table output.
final class CalcCLITextTests: XCTestCase {
  func spec(_ id: String, _ name: String) throws -> CalcInput {
    try XCTUnwrap(CalculatorCatalog.calculator(id)?.input(name), "\(id).\(name)")
  }

  func testValuesWithUnits() throws {
    let p = try spec("steam.leak.orifice", "pressure")
    XCTAssertEqual(try CalcCLI.value("7barg", for: p, language: .en), 7e5 + 101_325, accuracy: 1e-9)
    XCTAssertEqual(try CalcCLI.value("7", for: p, language: .en), 7e5 + 101_325, accuracy: 1e-9)  // bare = listed unit (barg)
    XCTAssertEqual(try CalcCLI.value("150 psig", for: p, language: .en), 150 * U.psi + 101_325, accuracy: 1e-6)
    XCTAssertEqual(try CalcCLI.value("0.8 MPa", for: p, language: .en), 8e5, accuracy: 1e-9)
    let d = try spec("steam.leak.orifice", "diameter")
    XCTAssertEqual(try CalcCLI.value("1/8 in", for: d, language: .en), 0.003175, accuracy: 1e-12)
    XCTAssertEqual(try CalcCLI.value("3,2", for: d, language: .vi), 0.0032, accuracy: 1e-12)
    let h = try spec("steam.leak.orifice", "hours")
    XCTAssertEqual(try CalcCLI.value("8000h", for: h, language: .en), 8_000 * 3_600, accuracy: 1e-6)
    let price = try spec("electric.reduction.other", "electricityPrice")
    XCTAssertEqual(try CalcCLI.value("3000 VND/kWh", for: price, language: .en), 3_000 / 3.6e6, accuracy: 1e-15)
    let eff = try spec("steam.cost", "boilerEfficiency")
    XCTAssertEqual(try CalcCLI.value("80%", for: eff, language: .en), 0.8, accuracy: 1e-12)
    XCTAssertEqual(try CalcCLI.value("0.8", for: eff, language: .vi), 0.8, accuracy: 1e-12)
    let mass = try spec("fuel.energy_co2", "mass")
    XCTAssertEqual(try CalcCLI.value("12,5 t", for: mass, language: .vi), 12_500, accuracy: 1e-9)
    let sp = try spec("air.leak.orifice", "specificPower")
    XCTAssertEqual(try CalcCLI.value("0.16 kW/cfm", for: sp, language: .en), 160 / U.cfm, accuracy: 1e-6)
    let t = try spec("steam.properties.pt", "temperature")
    XCTAssertEqual(try CalcCLI.value("212 °F", for: t, language: .en), 373.15, accuracy: 1e-9)
    let state = try spec("steam.cost", "steamState")
    XCTAssertEqual(try CalcCLI.value("superheated", for: state, language: .en), 1)
  }

  func testBadValuesNameTheInput() throws {
    let p = try spec("steam.leak.orifice", "pressure")
    for text in ["7 bargs", "5 kg", "abc", ""] {
      XCTAssertThrowsError(try CalcCLI.value(text, for: p, language: .en), text) { e in
        XCTAssertEqual((e as? CalcError)?.input, "pressure", text)
      }
    }
    let c = try XCTUnwrap(CalculatorCatalog.calculator("steam.leak.orifice"))
    XCTAssertThrowsError(try CalcCLI.parse(arguments: ["diametre=3"], for: c, language: .en)) { e in
      XCTAssertTrue((e as? CalcError)?.message.en.contains("diameter") ?? false)  // lists the real names
    }
    XCTAssertThrowsError(try CalcCLI.parse(arguments: ["diameter"], for: c, language: .en))
    XCTAssertThrowsError(try CalcCLI.parse(arguments: ["diameter=1", "diameter=2"], for: c, language: .en))
  }

  func testArgumentsEndToEnd() throws {
    // The DOE Steam Tip Sheet #1 case typed as a plant engineer would: 1/8 in at 150 psig, 8760 h.
    let c = try XCTUnwrap(CalculatorCatalog.calculator("steam.leak.orifice"))
    let p = try CalcCLI.parse(arguments: ["diameter=1/8 in", "pressure=150 psig", "hours=8760h"], for: c, language: .en)
    let r = try c.compute(p.numbers, lists: p.lists)
    XCTAssertEqual((r.values["steamLoss"] ?? 0) / (U.lb / U.hour), 75.8, accuracy: 0.05)
    let json = CalcCLI.resultJSON(c, p, r)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let outputs = try XCTUnwrap(object["outputs"] as? [String: [String: Any]])
    XCTAssertEqual(outputs["steamLoss"]?["unit"] as? String, "kg/h")
    XCTAssertEqual((outputs["steamLoss"]?["value"] as? Double) ?? 0, 75.8 * U.lb, accuracy: 0.05)
    let inputs = try XCTUnwrap(object["inputs"] as? [String: [String: Any]])
    XCTAssertEqual((inputs["diameter"]?["value"] as? Double) ?? 0, 3.175, accuracy: 1e-9)  // shown in the listed unit, mm
    XCTAssertEqual((inputs["dischargeCoefficient"]?["value"] as? Double) ?? 0, 0.729, accuracy: 1e-12)  // defaults are shown
    let table = CalcCLI.resultTable(c, p, r, language: .vi)
    XCTAssertTrue(table.contains("steamLoss") && table.contains("kg/h") && table.contains("3,175"))
  }

  func testJSONInput() throws {
    let c = try XCTUnwrap(CalculatorCatalog.calculator("finance.cashflow"))
    let data = Data(#"{"investment": "1000000 VND", "discountRate": "12%", "cashFlows": [200000, 300000, 400000, 400000, 300000]}"#.utf8)
    let p = try CalcCLI.parse(json: data, for: c, language: .en)
    let r = try c.compute(p.numbers, lists: p.lists)
    XCTAssertEqual(r.values["npv"] ?? 0, 126_876.97904, accuracy: 0.01)  // vector 70
    XCTAssertThrowsError(try CalcCLI.parse(json: Data("[1,2]".utf8), for: c, language: .en))
    XCTAssertThrowsError(try CalcCLI.parse(json: Data(#"{"years": "x"}"#.utf8), for: c, language: .en))
  }

  func testListJSONDescribesEveryCalculator() throws {
    let text = CalcCLI.listJSON()
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let list = try XCTUnwrap(object["calculators"] as? [[String: Any]])
    XCTAssertEqual(list.count, CalculatorCatalog.all.count)
    for c in list {
      let inputs = try XCTUnwrap(c["inputs"] as? [[String: Any]])
      for i in inputs {
        XCTAssertNotNil(i["name"] as? String)
        XCTAssertNotNil(i["unit"] as? String)
        let help = try XCTUnwrap(i["help"] as? [String: String])
        XCTAssertFalse((help["vi"] ?? "").isEmpty || (help["en"] ?? "").isEmpty)
      }
      XCTAssertFalse((c["outputs"] as? [[String: Any]] ?? []).isEmpty)
    }
    // Bounds are shown in the input's unit: absolute pressure > 0 is > −1.01325 barg.
    let leak = try XCTUnwrap(list.first { $0["id"] as? String == "steam.leak.orifice" })
    let pressure = try XCTUnwrap((leak["inputs"] as? [[String: Any]])?.first { $0["name"] as? String == "pressure" })
    XCTAssertEqual(((pressure["min"] as? [String: Any])?["value"] as? Double) ?? 0, -1.01325, accuracy: 1e-12)
  }

  func testUnusedInputsAreNotEchoed() throws {
    let fin = try XCTUnwrap(CalculatorCatalog.calculator("finance.cashflow"))
    let p = try CalcCLI.parse(arguments: ["cashFlows=10;20;30", "investment=40"], for: fin, language: .en)
    let out = try json(CalcCLI.resultJSON(fin, p, fin.compute(p.numbers, lists: p.lists)))
    let inputs = try XCTUnwrap(out["inputs"] as? [String: Any])
    XCTAssertNil(inputs["years"])
    XCTAssertNil(inputs["annualSaving"])
    XCTAssertNotNil(inputs["cashFlows"])
    let cost = try XCTUnwrap(CalculatorCatalog.calculator("steam.cost"))
    let saturated = CalcCLI.Parsed()
    let r = try cost.compute([:])
    XCTAssertNil((try json(CalcCLI.resultJSON(cost, saturated, r))["inputs"] as? [String: Any])?["steamTemperature"])
    var superheated = CalcCLI.Parsed()
    superheated.numbers["steamState"] = 1
    let r2 = try cost.compute(superheated.numbers)
    XCTAssertNotNil((try json(CalcCLI.resultJSON(cost, superheated, r2))["inputs"] as? [String: Any])?["steamTemperature"])
  }

  func json(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }
}

final class UnitLabelTests: XCTestCase {
  func testAmpereIsNotAYear() throws {
    XCTAssertEqual(try CalcUnits.toSI(10, "A"), 10)
    // 380 V, 10 A, PF 0.85, three-phase: √3 · 380 · 10 · 0.85 = 5.594 kW.
    let r = try XCTUnwrap(CalculatorCatalog.calculator("electric.reduction.multimeter")).compute([:])
    XCTAssertEqual(r.values["power"] ?? 0, 3.0.squareRoot() * 380 * 10 * 0.85, accuracy: 1e-9)
    let spec = try XCTUnwrap(CalculatorCatalog.calculator("electric.reduction.multimeter")?.input("current"))
    XCTAssertEqual(try CalcCLI.value("12 A", for: spec, language: .en), 12)
  }
}
