import Foundation
import SXCore
import SXEngine
import SXWorksheets
import XCTest

@testable import SXExport

final class TablesTests: XCTestCase {
  func testEveryTableIsRectangularAndWorksheetsAreAllThere() throws {
    for l in Language.allCases {
      let tables = ExportTables.all(try demoInput(l))
      XCTAssertEqual(tables.filter { $0.id.hasPrefix("W") }.count, 14, "W0–W13")
      XCTAssertTrue(tables.contains { $0.id == "tracker" })
      XCTAssertEqual(Set(tables.map(\.id)).count, tables.count, "ids are unique")
      for t in tables {
        for r in t.rows { XCTAssertEqual(r.count, t.columns.count, t.id) }
        XCTAssertFalse(t.columns.isEmpty, t.id)
      }
    }
  }

  func testQuantitiesAreNumbersInTheHeaderUnit() throws {
    let i = try demoInput(.vi)
    let tables = ExportTables.all(i)
    let products = try XCTUnwrap(tables.first { $0.id == "W02-products" })
    // Products are in t and pcs: one number column plus a unit column.
    let qty = try XCTUnwrap(products.columns.firstIndex { $0.label.hasSuffix("— đơn vị") }) - 1
    XCTAssertEqual(products.rows[0][qty], .number(1_710))
    XCTAssertEqual(products.rows[0][qty + 1], .text("t"))
    XCTAssertEqual(products.rows.last?[qty + 1], .text("pcs"))
    let steps = try XCTUnwrap(tables.first { $0.id == "W06-steps" })
    let cost = try XCTUnwrap(steps.columns.firstIndex { $0.unit == "triệu VND" })
    XCTAssertEqual(steps.rows[0][cost].number ?? 0, 58_000, accuracy: 1e-6, "58 tỷ VND = 58.000 triệu VND")
    let balance = try XCTUnwrap(tables.first { $0.id == "results-balance" })
    XCTAssertEqual(balance.rows.count, i.assessment.steps.count + 1)
    XCTAssertEqual(balance.rows[0][1].number ?? 0, (i.results.balance.steps[0].massIn.value ?? 0) / 1000, accuracy: 1e-9)
  }

  func testTrackerHasEstimatedAndActual() throws {
    let i = try demoInput(.en)
    let t = TrackerTable.build(i)
    XCTAssertEqual(t.rows.count, i.assessment.opportunities.count)
    let implemented = try XCTUnwrap(i.assessment.opportunities.firstIndex { $0.actualSavings != nil })
    let actual = try XCTUnwrap(t.columns.firstIndex { $0.label == "Actual saving/yr" })
    XCTAssertEqual(t.rows[implemented][actual].number ?? 0, 640e6, accuracy: 1)
    XCTAssertNotNil(t.rows[implemented].last?.number, "variance estimated vs actual")
  }

  func testFactorSourcesCoverEveryFactorUsed() throws {
    let i = try demoInput(.en)
    let sources = FactorSources.collect(i.results)
    XCTAssertFalse(sources.isEmpty)
    for p in i.results.figurePaths {
      for f in i.results.explain(path: p)?.factors ?? [] where !f.source.hasPrefix("header.settings") {
        XCTAssertTrue(sources.contains { $0.name == f.name && $0.source == f.source }, "\(p): \(f.name)")
      }
    }
    XCTAssertTrue(sources.allSatisfy { !$0.source.isEmpty })
  }

  func testDisplayWidthIgnoresCombiningMarks() {
    XCTAssertEqual(DisplayWidth.of("Nguyễn"), 6)
    XCTAssertEqual(DisplayWidth.of("Nguyễn".decomposedStringWithCanonicalMapping), 6)
    XCTAssertEqual(DisplayWidth.of("漢字"), 4)
    let t = ExportTable(id: "x", title: "x", columns: [ExportColumn("Tên")], rows: [[.text("Trần Thị Thu Hà".decomposedStringWithCanonicalMapping)]])
    XCTAssertEqual(XLSXExport.columnWidths(t, .vi), [17])
  }

  func testMACCPointsFromAcceptedOpportunities() throws {
    let i = try demoInput(.vi)
    let points = MACC.points(i)
    XCTAssertFalse(points.isEmpty)
    XCTAssertEqual(points.map(\.costPerTonne), points.map(\.costPerTonne).sorted())
    let rejected = Set(i.assessment.opportunities.filter { $0.screening == .rejected || $0.status == .rejected }.map(\.id))
    XCTAssertTrue(points.allSatisfy { !rejected.contains($0.id) && $0.abatement > 0 })
    // Electricity-only opportunity: kWh × grid factor.
    if let o = i.assessment.opportunities.first(where: { $0.savings.count == 1 && $0.savings[0].resource == .electricity }),
      let p = points.first(where: { $0.id == o.id }), let kwh = o.savings[0].quantity?.value,
      let carrier = i.results.co2.carriers.first(where: { $0.id == o.savings[0].carrierId }),
      let total = i.assessment.carrier(o.savings[0].carrierId)?.annualQuantity?.value
    {
      XCTAssertEqual(p.abatement, (carrier.co2e.value ?? 0) * kwh / total, accuracy: 1e-6)
    }
  }

  func testSHA256KnownVectors() {
    func hex(_ s: String) -> String { SHA256.hash(Data(s.utf8)).map { String(format: "%02x", $0) }.joined() }
    XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }
}

final class SankeyTests: XCTestCase {
  func testEveryStepBalancesAndMatchesTheEngine() throws {
    for l in Language.allCases {
      let i = try demoInput(l)
      let s = Sankey.material(i)
      for b in i.results.balance.steps {
        let k = try XCTUnwrap(s.index(of: "step:" + b.id))
        let inflow = s.inflow(k), outflow = s.outflow(k)
        let tol = max(inflow, 1) * 1e-9
        // Σ in = Σ out (+ the unaccounted link, which is one of the outflows or inflows).
        XCTAssertEqual(inflow, outflow, accuracy: tol, b.name)
        let unaccounted = s.links.filter { $0.unaccounted && ($0.from == k || $0.to == k) }.reduce(0) { $0 + $1.kg }
        XCTAssertEqual(unaccounted, abs(b.unaccounted.value ?? 0), accuracy: tol, b.name)
        // The inputs are the engine's mass in (plus an excess-output link when out > in).
        let realIn = s.links.filter { $0.to == k && !$0.unaccounted && s.nodes[$0.from].id != "in:stock" }.reduce(0) { $0 + $1.kg }
        XCTAssertEqual(realIn, b.massIn.value ?? 0, accuracy: tol, b.name)
      }
      // Sources only send, sinks only receive.
      for (k, n) in s.nodes.enumerated() {
        if n.column == .sources { XCTAssertEqual(s.inflow(k), 0) }
        if n.column == .sinks { XCTAssertEqual(s.outflow(k), 0) }
      }
      let svg = s.svg(l, title: "t")
      XCTAssertEqual(svg.components(separatedBy: "class=\"link\"").count - 1, s.links.count)
    }
  }
}

/// The exports other than json are built without the knowledge base's proposals.
final class ProposalFreeExportTests: XCTestCase {
  /// Only json shows the knowledge base's proposals (`ExportFormat.showsProposals`): every other format, in both
  /// languages, is byte-identical whether the results hold the demo's proposals or were computed without them (what
  /// `BatchExport` and `sxsh export` do for those formats), and the rest of the results is the same.
  func testOnlyJSONShowsProposals() throws {
    let a = DemoAssessment.make()
    let set = try WorksheetLoader.embedded()
    let factors = EngineFactors.from(set.reference)
    let rules = try RulesLoader.resolve(cliDir: nil)
    let with = Engine.compute(a, factors: factors, rules: rules)
    var without = Engine.compute(a, factors: factors, rules: rules, proposals: false)
    XCTAssertFalse(with.proposals?.isEmpty ?? true, "the demo has proposals, so the comparison means something")
    XCTAssertNil(without.proposals)
    without.proposals = with.proposals
    XCTAssertEqual(without, with)
    without.proposals = nil
    XCTAssertEqual(ExportFormat.allCases.filter(\.showsProposals), [.json])
    func bytes(_ o: ExportOutput) -> [Data] {
      switch o {
      case .file(let d): [d]
      case .folder(let files): files.flatMap { [Data($0.name.utf8), $0.data] }
      }
    }
    for l in [Language.vi, .en] {
      for format in ExportFormat.allCases where !format.showsProposals {
        for zip in format == .csv ? [false, true] : [false] {
          let full = ExportInput(assessment: a, results: with, worksheets: set, language: l, generator: "sxsh 0.1.0")
          let lean = ExportInput(assessment: a, results: without, worksheets: set, language: l, generator: "sxsh 0.1.0")
          XCTAssertEqual(
            bytes(try Exporter.export(format, lean, zip: zip)), bytes(try Exporter.export(format, full, zip: zip)), "\(format) \(l) zip \(zip)")
        }
      }
    }
  }
}
