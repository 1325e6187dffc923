import XCTest
@testable import SXCalc

/// Every calculator: defaults give finite outputs, every bound is enforced with a bilingual message naming the
/// input, NaN/∞ inputs are refused, and the listing is complete.
final class CatalogBoundsTests: XCTestCase {
  func testIdsAreUniqueAndHelpIsBilingual() {
    let ids = CalculatorCatalog.all.map(\.id)
    XCTAssertEqual(Set(ids).count, ids.count)
    for c in CalculatorCatalog.all {
      XCTAssertFalse(c.title.vi.isEmpty || c.title.en.isEmpty, c.id)
      XCTAssertTrue(c.help.vi.count > 40 && c.help.en.count > 40, "\(c.id): help should state formula and source")
      XCTAssertTrue(c.help.en.contains("Source") || c.help.en.contains("MEASUR") || c.help.en.contains("IAPWS"), "\(c.id): no source")
      for i in c.inputs {
        XCTAssertFalse(i.help.vi.isEmpty || i.help.en.isEmpty, "\(c.id).\(i.name)")
        if case .number = i.kind { XCTAssertNotNil(CalcUnits.resolve(i.unit), "\(c.id).\(i.name): unit \(i.unit)") }
      }
      for o in c.outputs { XCTAssertNotNil(CalcUnits.resolve(o.unit), "\(c.id).\(o.name): unit \(o.unit)") }
    }
  }

  func testIssueCalculatorsAreListed() {
    let ids = Set(CalculatorCatalog.all.map(\.id))
    for id in [
      "steam.saturation.pressure", "steam.saturation.temperature", "steam.properties.pt", "steam.properties.ph", "steam.leak.orifice",
      "steam.cost", "steam.reduction.flow_meter", "steam.reduction.air", "steam.reduction.water", "steam.reduction.other",
      "boiler.efficiency.direct", "boiler.blowdown", "boiler.fuel", "boiler.excess_air", "boiler.stack_loss", "steam.flash",
      "steam.condensate_return", "insulation.pipe", "insulation.pipe.table", "air.leak.orifice", "air.leak.bag", "air.leak.decibel",
      "air.leak.estimate", "air.reduction.flow_meter", "air.pressure_reduction", "electric.reduction.multimeter",
      "electric.reduction.nameplate", "electric.reduction.power_meter", "motor.replacement", "fan_pump.speed_reduction",
      "lighting.replacement", "fuel.reduction.flow_meter", "water.reduction.metered", "water.reduction.volume", "water.reduction.bucket",
      "fuel.energy_co2", "finance.cashflow",
    ] {
      XCTAssertTrue(ids.contains(id), id)
    }
  }

  func testDefaultsComputeFiniteDeclaredOutputs() throws {
    for c in CalculatorCatalog.all {
      let r = try c.compute([:])
      let declared = Set(c.outputs.map(\.name))
      for (k, v) in r.values {
        XCTAssertTrue(declared.contains(k), "\(c.id): undeclared output \(k)")
        XCTAssertTrue(v.isFinite, "\(c.id).\(k) = \(v)")
      }
      XCTAssertFalse(r.values.isEmpty, c.id)
    }
  }

  func testEveryBoundIsEnforcedWithALocalisedMessage() {
    for c in CalculatorCatalog.all {
      for i in c.inputs {
        guard case .number = i.kind else { continue }
        var bad: [Double] = [.nan, .infinity]
        if let lo = i.min { bad.append(lo.inclusive ? lo.value - max(abs(lo.value) * 1e-6, 1e-9) : lo.value) }
        if let hi = i.max { bad.append(hi.inclusive ? hi.value + max(abs(hi.value) * 1e-6, 1e-9) : hi.value) }
        for value in bad {
          do {
            _ = try c.compute([i.name: value])
            XCTFail("\(c.id).\(i.name) = \(value) was accepted")
          } catch let e as CalcError {
            XCTAssertEqual(e.input, i.name, "\(c.id).\(i.name) = \(value): \(e.message.en)")
            XCTAssertTrue(e.message.vi.contains(i.name) && e.message.en.contains(i.name))
            XCTAssertNotEqual(e.message.vi, e.message.en)
          } catch {
            XCTFail("\(c.id).\(i.name): not a CalcError: \(error)")
          }
        }
      }
    }
  }

  func testPhysicalBounds() throws {
    // Absolute pressure > 0, temperature above absolute zero, efficiency in (0, 1], orifice diameter > 0.
    let leak = try XCTUnwrap(CalculatorCatalog.calculator("steam.leak.orifice"))
    XCTAssertThrowsError(try leak.compute(["diameter": 0])) { XCTAssertEqual(($0 as? CalcError)?.input, "diameter") }
    XCTAssertThrowsError(try leak.compute(["pressure": 0])) { XCTAssertEqual(($0 as? CalcError)?.input, "pressure") }
    XCTAssertThrowsError(try leak.compute(["dischargeCoefficient": 1.2]))
    let cost = try XCTUnwrap(CalculatorCatalog.calculator("steam.cost"))
    XCTAssertThrowsError(try cost.compute(["boilerEfficiency": 0])) { XCTAssertEqual(($0 as? CalcError)?.input, "boilerEfficiency") }
    XCTAssertThrowsError(try cost.compute(["boilerEfficiency": 1.01]))
    XCTAssertNoThrow(try cost.compute(["boilerEfficiency": 1]))
    XCTAssertThrowsError(try cost.compute(["feedwaterTemperature": 0])) { XCTAssertEqual(($0 as? CalcError)?.input, "feedwaterTemperature") }
    XCTAssertThrowsError(try cost.compute(["feedwaterTemperature": -5]))
    // An IF97 range error names the input it came from.
    let pt = try XCTUnwrap(CalculatorCatalog.calculator("steam.properties.pt"))
    XCTAssertThrowsError(try pt.compute(["temperature": 2_000])) { e in
      XCTAssertEqual((e as? CalcError)?.input, "temperature")
      XCTAssertTrue((e as? CalcError)?.message.vi.contains("IAPWS-IF97") ?? false)
    }
    // Superheated steam below saturation is refused, not silently computed as liquid.
    XCTAssertThrowsError(try cost.compute(["steamState": 1, "steamTemperature": 373.15])) {
      XCTAssertEqual(($0 as? CalcError)?.input, "steamTemperature")
    }
  }

  func testUnknownInputAndBadChoice() throws {
    let c = try XCTUnwrap(CalculatorCatalog.calculator("fuel.energy_co2"))
    XCTAssertThrowsError(try c.compute(["masss": 1])) { XCTAssertEqual(($0 as? CalcError)?.input, "masss") }
    XCTAssertThrowsError(try c.compute(["fuel": 99])) { XCTAssertEqual(($0 as? CalcError)?.input, "fuel") }
    XCTAssertThrowsError(try c.compute(["fuel": 0.5]))
  }
}

final class DefaultsTests: XCTestCase {
  /// Defaults are written in the input's listed unit: a "%" default of 3 is 0.03 in SI.
  func testPercentDefaultsAreInPercent() throws {
    let gas = try XCTUnwrap(CalculatorCatalog.calculator("combustion.gas"))
    XCTAssertEqual(gas.input("flueO2")?.defaultSI ?? 0, 0.03, accuracy: 1e-12)
    XCTAssertEqual(gas.input("CH4")?.defaultSI ?? 0, 0.941, accuracy: 1e-12)
    let solid = try XCTUnwrap(CalculatorCatalog.calculator("combustion.solid_fuel.excess_air"))
    XCTAssertEqual(solid.input("flueO2")?.defaultSI ?? 0, 0.06, accuracy: 1e-12)
    XCTAssertEqual(solid.input("carbon")?.defaultSI ?? 0, 0.75, accuracy: 1e-12)
    // 6 % O2 (wet) on a bituminous-type coal is roughly 35–45 % excess air.
    let ea = try solid.compute([:]).values["excessAir"] ?? 0
    XCTAssertTrue(ea > 0.2 && ea < 0.6, "\(ea)")
    for c in CalculatorCatalog.all {
      for i in c.inputs where i.unit == "%" {
        if let d = i.defaultSI { XCTAssertTrue(d >= 0 && d <= 1, "\(c.id).\(i.name) default \(d)") }
      }
    }
  }
}
