import Foundation
import SXCore
import XCTest

@testable import SXExport

/// The worksheet tables read record fields straight from the records (`RecordReader`, `HeaderReader`): every value
/// must be what the record's encoded tree (`JSONTree.of`, itself checked against the JSON text in `FastPathTests`)
/// holds at the same key path, and the property names must be the model's (read back by `Mirror`).
final class RecordFieldsTests: XCTestCase {
  /// Same kind and same values, members compared by name.
  func assertSame(_ a: JSONTree?, _ b: JSONTree?, _ path: String, file: StaticString = #filePath, line: UInt = #line) {
    guard let a, let b else {
      XCTAssertTrue(a == nil && b == nil, "\(path): \(a == nil ? "nil" : "value") vs \(b == nil ? "nil" : "value")", file: file, line: line)
      return
    }
    XCTAssertEqual(a.kind, b.kind, path, file: file, line: line)
    XCTAssertEqual(a.string, b.string, path, file: file, line: line)
    XCTAssertEqual(a.bool, b.bool, path, file: file, line: line)
    XCTAssertEqual(a.number?.bitPattern, b.number?.bitPattern, path, file: file, line: line)
    XCTAssertEqual(a.array?.count, b.array?.count, path, file: file, line: line)
    for (k, (x, y)) in zip(a.array ?? [], b.array ?? []).enumerated() { assertSame(x, y, "\(path)[\(k)]", file: file, line: line) }
    XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), path, file: file, line: line)
    for k in a.keys { assertSame(a[k], b[k], "\(path).\(k)", file: file, line: line) }
  }

  /// A value read from a record: the same node as the encoded tree's, and the same answers from its accessors.
  func assertSame(_ v: FieldValue?, _ t: JSONTree?, _ path: String, file: StaticString = #filePath, line: UInt = #line) {
    assertSame(v?.tree, t, path, file: file, line: line)
    guard let v, let t else { return }
    XCTAssertEqual(v.number?.bitPattern, t.number?.bitPattern, path, file: file, line: line)
    XCTAssertEqual(v.bool, t.bool, path, file: file, line: line)
    XCTAssertEqual(v.string, t.string, path, file: file, line: line)
    XCTAssertEqual(v.array?.count, t.array?.count, path, file: file, line: line)
    XCTAssertEqual(v.quantity, FieldContext.quantity(t), path, file: file, line: line)
    XCTAssertEqual(v.quantity?.value.sign, FieldContext.quantity(t)?.value.sign, path, file: file, line: line)
    XCTAssertEqual(v.quantity?.si.sign, FieldContext.quantity(t)?.si.sign, path, file: file, line: line)
    XCTAssertEqual(v.price, FieldContext.price(t), path, file: file, line: line)
    XCTAssertEqual(v.price?.amount.value.sign, FieldContext.price(t)?.amount.value.sign, path, file: file, line: line)
    for sub in [["value"], ["unit"], ["si"], ["amount"], ["amount", "value"], ["perUnit"], ["x"]] {
      assertSame(v.value(at: sub)?.tree, t.value(at: sub), "\(path)/\(sub)", file: file, line: line)
    }
  }

  /// Every key path of a tree (objects walked into; arrays as a whole).
  func paths(_ t: JSONTree?, _ prefix: [String] = []) -> [[String]] {
    guard let t, t.kind == .object else { return [] }
    return t.keys.flatMap { k in [prefix + [k]] + paths(t[k], prefix + [k]) }
  }

  /// The demo with every optional field of at least one record of each kind set, odd numbers included.
  func fullAssessment() -> Assessment {
    var a = DemoAssessment.make()
    let q = Quantity(value: -0.0, unit: "kg", si: Double.leastNormalMagnitude / 4)  // subnormal
    let price = UnitPrice(amount: Quantity(value: 1.5e300, unit: "VND", si: 1.5e300), perUnit: "m3")
    a.products[0].annualQuantity = q
    a.materials[0].unitPrice = price
    a.materials[0].intoProductShare = 0.125
    a.energyCarriers[0].ncvOverride = price
    a.water[0].stepId = "step-x"
    a.water[0].unitPrice = price
    a.steps[0].stockChange = q
    a.steps[0].systemCost = q
    a.flows[0].carrierId = "c"
    a.flows[0].quantity = Quantity(value: 2, unit: "t", si: -0.0)
    a.flows[0].materialId = "m"
    a.flows[0].unitPrice = price
    a.wasteStreams[0].flowId = "f"
    a.wasteStreams[0].sourceStepId = "s"
    a.wasteStreams[0].disposalCost = q
    a.wasteStreams[0].materialValue = price
    a.wasteStreams[0].causes = ["a", "", "\"quoted\""]
    a.focus[0].costScore = 0
    a.focus[0].environmentScore = 1
    a.focus[0].safetyScore = 5
    a.focus[0].regulationScore = -3
    a.focus[0].selected = true
    var o = a.opportunities[0]
    o.stepId = "s"
    o.wasteStreamId = "w"
    o.tags = [.goodHousekeeping, .onSiteRecovery]
    o.effort = 1
    o.investment.equipment = q
    o.investment.installation = q
    o.investment.engineering = q
    o.investment.other = q
    o.addedOM = q
    o.lifetimeYears = 0
    var saving = ResourceSaving(resource: .water)
    saving.quantity = q
    saving.carrierId = "c"
    saving.value = q
    o.savings = [saving, ResourceSaving(resource: .other)]
    o.scores = ["economic": 1, "technical": 0, "x": 7]
    o.actualCost = q
    o.actualSavings = q
    o.ruleId = "r"
    o.calculatorId = "steam"
    o.calculatorInputs = ["p": "7 barg"]
    o.provenance = ["title": Provenance(by: "a", at: "2026-01-01T00:00:00Z", device: "d")]
    a.opportunities.append(o)
    a.actions[0].opportunityId = "o"
    a.actions[0].budget = q
    a.actions[0].done = true
    a.indicators[0].baseline = -0.0
    a.indicators[0].target = 1
    var e = EarlierPeriodValue(id: "e1")
    e.value = 0
    a.earlierPeriods.append(e)
    a.header.profile.employees = 1
    a.header.profile.shifts = 0
    a.header.profile.turnover = q
    a.header.settings.systemCost = q
    a.header.settings.wastewaterCharge = price
    return a
  }

  /// A record with a non-finite number cannot be encoded: every value reads as nil, as the tree is nil.
  func nonFinite() -> [AnyRecord] {
    let a = DemoAssessment.make()
    var f = a.flows[0]
    f.quantity = Quantity(value: .nan, unit: "kg", si: .nan)
    var o = a.opportunities[0]
    var s = ResourceSaving(resource: .water)
    s.value = Quantity(value: 1, unit: "VND", si: .infinity)
    o.savings = [s]
    var m = a.materials[0]
    m.intoProductShare = -.infinity
    return [.flow(f), .opportunity(o), .material(m)]
  }

  func testPropertyNamesAreTheModels() {
    func names(_ v: Any) -> Set<String> { Set(Mirror(reflecting: v).children.compactMap(\.label)) }
    let samples: [RecordKind: Any] = [
      .teamMember: TeamMember(id: "x"), .product: Product(id: "x"), .material: Material(id: "x"), .energyCarrier: EnergyCarrier(id: "x"),
      .waterItem: WaterItem(id: "x"), .processStep: ProcessStep(id: "x"), .flow: Flow(id: "x", stepId: "s"),
      .wasteStream: WasteStream(id: "x"), .focusItem: FocusItem(id: "x", targetId: "t"), .opportunity: Opportunity(id: "x"),
      .actionItem: ActionItem(id: "x"), .indicator: IndicatorTarget(id: "x", key: "k"), .earlierPeriod: EarlierPeriodValue(id: "x"),
    ]
    XCTAssertEqual(Set(samples.keys), Set(RecordKind.allCases))
    for (kind, sample) in samples {
      XCTAssertEqual(RecordFields.properties[kind], names(sample), kind.rawValue)
    }
    XCTAssertEqual(RecordFields.headerProperties, names(AssessmentHeader(id: "x")))
    XCTAssertEqual(RecordFields.profileProperties, names(PlantProfile()))
    XCTAssertEqual(names(AssessmentPeriod()), ["start", "end"])
    XCTAssertEqual(names(InvestmentSplit()), ["equipment", "installation", "engineering", "other"])
    XCTAssertEqual(names(ResourceSaving(resource: .water)), ["resource", "quantity", "carrierId", "value"])
    XCTAssertEqual(names(Quantity(value: 1, unit: "kg", si: 1)), ["value", "unit", "si"])
    XCTAssertEqual(names(UnitPrice(amount: Quantity(value: 1, unit: "kg", si: 1), perUnit: "kg")), ["amount", "perUnit"])
    XCTAssertEqual(
      names(AssessmentSettings()),
      ["currencyRates", "localUnits", "gridFactorYear", "imbalanceThreshold", "discountRate", "criteria", "benchmarkSector", "systemCost",
        "wastewaterCharge"])
  }

  func testRecordValuesAreTheEncodedTrees() throws {
    var checked = 0
    let bogus: [[String]] = [["nope"], ["name", "x"], ["quantity", "value"], ["quantity", "nope"], ["investment", "equipment", "si"],
      ["scores", "economic"], ["scores", "missing"], ["savings"], ["provenance"], ["provenance", "title", "by"], ["calculatorInputs", "p"],
      ["tags"], ["causes"], ["id", "deeper", "still"], []]
    for a in [DemoAssessment.make(), hostileAssessment(), fullAssessment()] {
      for r in a.records + nonFinite() {
        let tree = RecordFields.tree(r)
        let reader = RecordReader(r)
        let all = paths(tree) + RecordFields.properties[r.kind]!.map { [$0] } + bogus
        for p in all {
          assertSame(reader.value(at: p), tree?.value(at: p), "\(r.kind.rawValue) \(r.id) \(p.joined(separator: "."))")
          checked += 1
        }
      }
    }
    XCTAssertGreaterThan(checked, 5000)
    for r in nonFinite() {
      XCTAssertNil(RecordFields.tree(r))
      XCTAssertNil(RecordReader(r).value(at: ["id"]), "\(r.kind.rawValue): a record that cannot be encoded has no values")
    }
  }

  /// The worksheet tables read the records column by column (`RecordRows`: each property's reader resolved once per
  /// column, a property read for a longer path kept for the next path into it): every value at every path, read in
  /// column order over a whole table, is the encoded tree's, for every record kind, hostile and non-finite records too.
  func testRecordRowsReadWhatTheEncodedTreesHold() throws {
    var checked = 0
    let bogus: [[String]] = [["nope"], ["name", "x"], ["quantity", "value"], ["quantity", "nope"], ["investment", "equipment", "si"],
      ["investment", "other"], ["scores", "economic"], ["savings"], ["provenance"], ["tags"], ["causes"], ["id", "deeper"], []]
    func check<R: FieldRecord>(_ records: [R]) {
      let rows = RecordRows(records)
      let trees = records.map { RecordFields.tree($0.wrapped) }
      var all = RecordFields.properties[R.recordKind]!.sorted().map { [$0] } + bogus
      var seen = Set(all)
      for t in trees {
        for p in paths(t) where seen.insert(p).inserted { all.append(p) }
      }
      // Every path over every record (column order, as a table reads them), nested paths after their parents' reads.
      for p in all {
        let column = RecordRows<R>.column(p)
        for k in records.indices {
          assertSame(rows.value(k, at: p, column), trees[k]?.value(at: p), "\(R.recordKind.rawValue) \(records[k].id) \(p.joined(separator: "."))")
          checked += 1
        }
      }
    }
    for a in [DemoAssessment.make(), hostileAssessment(), fullAssessment()] {
      check(a.team)
      check(a.products)
      check(a.materials)
      check(a.energyCarriers)
      check(a.water)
      check(a.steps)
      check(a.flows)
      check(a.wasteStreams)
      check(a.focus)
      check(a.opportunities)
      check(a.actions)
      check(a.indicators)
      check(a.earlierPeriods)
    }
    for r in nonFinite() {
      switch r {
      case .teamMember(let x): check([x])
      case .product(let x): check([x])
      case .material(let x): check([x])
      case .energyCarrier(let x): check([x])
      case .waterItem(let x): check([x])
      case .processStep(let x): check([x])
      case .flow(let x): check([x])
      case .wasteStream(let x): check([x])
      case .focusItem(let x): check([x])
      case .opportunity(let x): check([x])
      case .actionItem(let x): check([x])
      case .indicator(let x): check([x])
      case .earlierPeriod(let x): check([x])
      }
    }
    XCTAssertGreaterThan(checked, 5000)
    // A filter keeps the records (and what was read of them) in order.
    let flows = DemoAssessment.make().flows
    let rows = RecordRows(flows)
    let column = RecordRows<Flow>.column(["direction"])
    rows.filter { k in rows.value(k, at: ["direction"], column)?.string == "in" }
    XCTAssertEqual(rows.records.map(\.id), flows.filter { $0.direction == .input }.map(\.id))
    XCTAssertGreaterThan(rows.count, 0)
    for k in 0..<rows.count {
      assertSame(rows.value(k, at: ["quantity", "unit"], RecordRows<Flow>.column(["quantity", "unit"])),
        RecordFields.tree(rows.records[k].wrapped)?.value(at: ["quantity", "unit"]), "filtered \(k)")
    }
  }

  func testHeaderValuesAreTheEncodedTree() throws {
    var headers = [DemoAssessment.make().header, hostileAssessment().header, fullAssessment().header, AssessmentHeader(id: "empty")]
    var broken = DemoAssessment.make().header
    broken.settings.discountRate = .nan
    headers.append(broken)
    var checked = 0
    for h in headers {
      let tree = JSONTree.of(h).map { JSONTree.object("header", $0) }
      let reader = HeaderReader(h)
      let extra: [[String]] = [["header"], ["header", "nope"], ["header", "settings"], ["header", "settings", "nope"],
        ["header", "settings", "criteria"], ["header", "profile", "nope"], ["title"], ["header", "title", "x"], []]
      for p in paths(tree) + extra {
        assertSame(reader.value(at: p), tree?.value(at: p), "\(h.id) \(p.joined(separator: "."))")
        checked += 1
      }
    }
    XCTAssertGreaterThan(checked, 200)
    XCTAssertNil(HeaderReader(broken).value(at: ["header", "title"]))
  }
}
