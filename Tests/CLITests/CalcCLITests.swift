import Foundation
import XCTest

/// `sxsh calc` run as a process: listing, units on the command line, JSON on stdin, clean errors.
final class CalcCLITests: XCTestCase {
  func json(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
  }

  func output(_ r: CLI.Result, _ name: String) throws -> Double {
    let outputs = try XCTUnwrap(try json(r.stdout)["outputs"] as? [String: [String: Any]])
    return try XCTUnwrap(outputs[name]?["value"] as? Double, "\(name) in \(r.stdout)")
  }

  func testListJSONHasEveryIssueCalculator() throws {
    let r = try CLI.run(["calc", "--list", "--json"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let list = try XCTUnwrap(try json(r.stdout)["calculators"] as? [[String: Any]])
    let ids = Set(list.compactMap { $0["id"] as? String })
    for id in [
      "steam.saturation.pressure", "steam.properties.pt", "steam.properties.ph", "steam.leak.orifice", "steam.cost",
      "steam.reduction.flow_meter", "steam.reduction.air", "steam.reduction.water", "steam.reduction.other", "boiler.efficiency.direct",
      "boiler.blowdown", "boiler.fuel", "boiler.excess_air", "boiler.stack_loss", "steam.flash", "steam.condensate_return",
      "insulation.pipe", "insulation.pipe.table", "air.leak.orifice", "air.leak.bag", "air.leak.decibel", "air.leak.estimate",
      "air.reduction.flow_meter", "air.pressure_reduction", "electric.reduction.multimeter", "electric.reduction.nameplate",
      "electric.reduction.power_meter", "motor.replacement", "fan_pump.speed_reduction", "lighting.replacement",
      "fuel.reduction.flow_meter", "water.reduction.metered", "water.reduction.volume", "water.reduction.bucket", "fuel.energy_co2",
      "finance.cashflow",
    ] {
      XCTAssertTrue(ids.contains(id), id)
    }
    let text = try CLI.run(["calc", "--list"])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(text.stdout.contains("steam.leak.orifice"))
    let one = try CLI.run(["calc", "--list", "steam.leak.orifice", "--lang", "vi"])
    XCTAssertEqual(one.status, 0, one.stderr)
    XCTAssertTrue(one.stdout.contains("0,729") && one.stdout.contains("Napier"), one.stdout)
  }

  func testUnitsOnTheCommandLine() throws {
    // DOE Steam Tip Sheet #1: 1/8 in at 150 psig → 75.8 lb/h = 34.38 kg/h.
    let r = try CLI.run(["calc", "steam.leak.orifice", "diameter=1/8 in", "pressure=150 psig", "hours=8760h", "--json"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(try output(r, "steamLoss"), 75.8 * 0.453_592_37, accuracy: 0.03)
    // IAPWS-IF97 Table 5: 3 MPa, 300 K → h = 115.331273 kJ/kg.
    let s = try CLI.run(["calc", "steam.properties.pt", "pressure=3 MPa", "temperature=300 K", "--json"])
    XCTAssertEqual(s.status, 0, s.stderr)
    XCTAssertEqual(try output(s, "enthalpy"), 115.331273, accuracy: 1e-6)
    // Bare numbers are in the listed unit (barg, °C): 7 barg saturated → 170.4 °C.
    let t = try CLI.run(["calc", "steam.saturation.pressure", "pressure=7barg", "--json"])
    XCTAssertEqual(t.status, 0, t.stderr)
    XCTAssertEqual(try output(t, "saturationTemperature"), 170.4, accuracy: 0.1)
    // Vietnamese decimal comma.
    let v = try CLI.run(["calc", "fuel.energy_co2", "fuel=diesel", "mass=12,5 t", "--json", "--lang", "vi"])
    XCTAssertEqual(v.status, 0, v.stderr)
    XCTAssertEqual(try output(v, "energy"), 12.5 * 43, accuracy: 1e-9)
  }

  func testReadableTable() throws {
    let r = try CLI.run(["calc", "air.leak.orifice", "diameter=3mm", "pressure=7barg"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("Outputs:") && r.stdout.contains("flowRate") && r.stdout.contains("m³/min"), r.stdout)
  }

  func testJSONOnStdin() throws {
    // Vector 70 (numpy-financial): NPV = 126,876.97904 at 12 %.
    let body = #"{"investment": 1000000, "discountRate": "12%", "cashFlows": [200000, 300000, 400000, 400000, 300000]}"#
    let r = try CLI.run(["calc", "finance.cashflow", "--json"], stdin: Data(body.utf8))
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(try output(r, "npv"), 126_876.97904, accuracy: 0.01)
    XCTAssertEqual(try output(r, "irr"), 16.60457585, accuracy: 1e-6)  // shown in %
  }

  func testBadInputIsOneLocalisedLine() throws {
    let cases: [([String], String)] = [
      (["calc", "steam.leak.orifice", "diameter=0"], "diameter"),
      (["calc", "steam.leak.orifice", "pressure=-2 bar"], "pressure"),
      (["calc", "steam.cost", "boilerEfficiency=120%"], "boilerEfficiency"),
      (["calc", "steam.properties.pt", "temperature=-300"], "temperature"),
      (["calc", "steam.leak.orifice", "pressure=7 bargs"], "bargs"),
      (["calc", "steam.leak.orifice", "diametre=3"], "diametre"),
      (["calc", "no.such.calculator"], "no.such.calculator"),
      (["calc"], "calc --list"),
    ]
    for (args, needle) in cases {
      let r = try CLI.run(args)
      XCTAssertNotEqual(r.status, 0, args.joined(separator: " "))
      XCTAssertTrue(r.stdout.isEmpty, r.stdout)
      let lines = r.stderr.split(separator: "\n")
      XCTAssertEqual(lines.count, 1, r.stderr)
      XCTAssertTrue(r.stderr.contains(needle), "\(args): \(r.stderr)")
      XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.lowercased().contains("nan"), r.stderr)
    }
    let vi = try CLI.run(["calc", "steam.leak.orifice", "diameter=0", "--lang", "vi"])
    XCTAssertTrue(vi.stderr.contains("phải"), vi.stderr)
    let stdinBad = try CLI.run(["calc", "finance.cashflow"], stdin: Data("not json".utf8))
    XCTAssertNotEqual(stdinBad.status, 0)
    XCTAssertTrue(stdinBad.stderr.contains("JSON"), stdinBad.stderr)
  }
}
