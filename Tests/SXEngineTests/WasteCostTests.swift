import SXCore
import XCTest

@testable import SXEngine

/// Area 5 — waste-stream cost (MFCA, ISO 14051): material + allocated energy + allocated system + waste management.
final class WasteCostTests: XCTestCase {
  /// Worked by hand.
  /// Step cut: fabric in 10 000 kg @ 100 000 VND/kg (1e9); out garments 9 000 kg + cutting waste 1 000 kg (flow cw);
  ///   electricity 50 000 kWh @ 2 000 = 100 000 000 energy cost; own system cost 200 000 000.
  ///   ws1 = cutting waste (flow cw), disposal 5 000 000; material price = step average 1e9/10 000 = 100 000 VND/kg
  ///   C_mat = 1 000 × 100 000 = 100 000 000; share m/m_in = 1 000/10 000 = 0.1
  ///   C_energy = 0.1 × 1e8 = 10 000 000; C_system = 0.1 × 2e8 = 20 000 000; C_wm = 5 000 000
  ///   total = 135 000 000
  /// Step dye: in fabric 5 000 kg @ 150 000, water 100 m³ (100 000 kg) @ 10 000/m³ = 1 000 000,
  ///   chemicals 500 kg @ 40 000 = 20 000 000 → m_in = 105 500 kg; no energy flows.
  ///   Plant system cost 422 000 000 shared by mass among steps without their own (only dye) → 422e6.
  ///   ws2 = wastewater 100 m³ (100 000 kg), no disposal cost → wastewater charge 100 × 5 000 = 500 000;
  ///     material price = water-like inputs (water + chemicals): (1e6 + 2e7)/(100 000 + 500) = 208.955… VND/kg
  ///     C_mat = 100 000 × 208.955… = 20 895 522.388; C_system = 422e6 × 100 000/105 500 = 400 000 000
  ///     total = 20 895 522.388 + 0 + 400 000 000 + 500 000 = 421 395 522.388
  ///   ws3 = dyed scraps 100 kg, own value 50 000 VND/kg → C_mat = 5 000 000; C_system = 100 × 4 000 = 400 000;
  ///     total = 5 400 000
  /// Pareto: Σ = 561 795 522.388; ws2 75.00870…% (A), ws1 cumulative 99.03880…% (A, before 75 < 80),
  ///   ws3 100 % (C, before 99.04 ≥ 95). Step totals: cut 135 000 000; dye 426 795 522.388.
  func makeAssessment() -> Assessment {
    var a = newAssessment()
    a.header.settings.systemCost = q(422_000_000, "VND")
    a.header.settings.wastewaterCharge = price(5_000, per: "m³")
    var cut = step("cut", "Cắt")
    cut.systemCost = q(200_000_000, "VND")
    a.steps = [cut, step("dye", "Nhuộm")]
    a.energyCarriers = [carrier("el", "Điện", fuel: "electricity", q(50_000, "kWh"), price: price(2_000, per: "kWh"))]
    a.flows = [
      flow("c1", "cut", .input, .rawMaterial, "Vải", q(10_000, "kg"), price: price(100_000, per: "kg")),
      flow("c2", "cut", .output, .product, "Bán thành phẩm", q(9_000, "kg")),
      flow("cw", "cut", .output, .solidWaste, "Vải vụn cắt", q(1_000, "kg")),
      flow("ce", "cut", .input, .energy, "Điện cắt", q(50_000, "kWh"), carrier: "el"),
      flow("d1", "dye", .input, .rawMaterial, "Vải mộc", q(5_000, "kg"), price: price(150_000, per: "kg")),
      flow("d2", "dye", .input, .water, "Nước", q(100, "m³"), price: price(10_000, per: "m³")),
      flow("d3", "dye", .input, .chemical, "Hóa chất", q(500, "kg"), price: price(40_000, per: "kg")),
      flow("d4", "dye", .output, .product, "Vải nhuộm", q(4_900, "kg")),
      flow("d5", "dye", .output, .wastewater, "Nước thải", q(100, "m³")),
    ]
    var ws1 = WasteStream(id: "ws1")
    ws1.name = "Vải vụn cắt"
    ws1.flowId = "cw"
    ws1.disposalCost = q(5_000_000, "VND")
    var ws2 = WasteStream(id: "ws2")
    ws2.name = "Nước thải nhuộm"
    ws2.kind = .wastewater
    ws2.sourceStepId = "dye"
    ws2.quantity = q(100, "m³")
    var ws3 = WasteStream(id: "ws3")
    ws3.name = "Vải vụn nhuộm"
    ws3.sourceStepId = "dye"
    ws3.quantity = q(100, "kg")
    ws3.materialValue = price(50_000, per: "kg")
    a.wasteStreams = [ws1, ws2, ws3]
    return a
  }

  func testStreams() {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    let s = Dictionary(uniqueKeysWithValues: r.wasteCost.streams.map { ($0.id, $0) })
    near(s["ws1"]?.mass.value, 1_000)
    near(s["ws1"]?.material.value, 100_000_000)
    near(s["ws1"]?.energy.value, 10_000_000)
    near(s["ws1"]?.system.value, 20_000_000)
    near(s["ws1"]?.wasteManagement.value, 5_000_000)
    near(s["ws1"]?.total.value, 135_000_000)
    XCTAssertEqual(s["ws1"]?.stepId, "cut")
    near(s["ws2"]?.material.value, 20_895_522.388_059_7)
    near(s["ws2"]?.energy.value, 0, abs: 1e-9)
    near(s["ws2"]?.system.value, 400_000_000)
    near(s["ws2"]?.wasteManagement.value, 500_000)
    near(s["ws2"]?.total.value, 421_395_522.388_059_7)
    near(s["ws3"]?.material.value, 5_000_000)
    near(s["ws3"]?.system.value, 400_000)
    near(s["ws3"]?.total.value, 5_400_000)
    XCTAssertTrue(s["ws1"]?.total.isOK ?? false)
  }

  func testStepTotalsAndPareto() {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    XCTAssertEqual(r.wasteCost.steps.map(\.id), ["cut", "dye"])
    near(r.wasteCost.steps[0].total.value, 135_000_000)
    near(r.wasteCost.steps[1].total.value, 426_795_522.388_059_7)
    near(r.wasteCost.total.value, 561_795_522.388_059_6)
    let p = r.wasteCost.pareto
    XCTAssertEqual(p.map(\.streamId), ["ws2", "ws1", "ws3"])
    XCTAssertEqual(p.map(\.rank), [1, 2, 3])
    near(p[0].sharePercent.value, 75.008_700_780_812_06)
    near(p[1].cumulativePercent.value, 99.038_796_183_877_38)
    near(p[2].cumulativePercent.value, 100)
    XCTAssertEqual(p.map(\.paretoClass), ["A", "A", "C"])
    assertEncodes(r)
  }

  /// No material value and no priced input in the step → material cost incomplete ("unit price missing").
  func testMissingMaterialPrice() {
    var a = makeAssessment()
    a.flows[0].unitPrice = nil
    let r = Engine.compute(a, factors: .builtinDefaults)
    guard let ws1 = r.wasteCost.streams.first(where: { $0.id == "ws1" }) else { return XCTFail("ws1") }
    assertIncomplete(ws1.material, "unit price missing")
    assertIncomplete(ws1.total, "unit price missing", valueNil: false)
    near(ws1.total.value, 35_000_000)
  }
}
