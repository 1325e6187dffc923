import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// A quantity in a catalogue unit (fails the test for an unknown unit).
func q(_ v: Double, _ unit: String, file: StaticString = #filePath, line: UInt = #line) -> Quantity {
  guard let u = UnitSystem.standard.unit(unit) else {
    XCTFail("unknown unit \(unit)", file: file, line: line)
    return Quantity(value: v, unit: unit, si: v)
  }
  return Quantity(value: v, unit: u.symbol, si: u.toSI(v))
}

/// A price: `vnd` VND per one `unit`.
func price(_ vnd: Double, per unit: String) -> UnitPrice { UnitPrice(amount: q(vnd, "VND"), perUnit: unit) }

func step(_ id: String, _ name: String) -> ProcessStep {
  var s = ProcessStep(id: id)
  s.name = name
  return s
}

func flow(
  _ id: String, _ stepId: String, _ dir: FlowDirection, _ kind: FlowKind, _ name: String, _ qty: Quantity?,
  price p: UnitPrice? = nil, carrier: String? = nil, source: DataSource = .measured
) -> Flow {
  var f = Flow(id: id, stepId: stepId)
  f.direction = dir
  f.kind = kind
  f.name = name
  f.quantity = qty
  f.unitPrice = p
  f.carrierId = carrier
  f.dataSource = source
  return f
}

func carrier(_ id: String, _ name: String, fuel: String, _ qty: Quantity?, price p: UnitPrice? = nil, source: DataSource = .records)
  -> EnergyCarrier
{
  var c = EnergyCarrier(id: id)
  c.name = name
  c.fuel = fuel
  c.annualQuantity = qty
  c.unitPrice = p
  c.dataSource = source
  return c
}

func waterItem(_ id: String, _ role: WaterRole, _ name: String, _ m3: Double, step: String? = nil, price p: UnitPrice? = nil) -> WaterItem {
  var w = WaterItem(id: id)
  w.role = role
  w.name = name
  w.annualQuantity = q(m3, "m³")
  w.stepId = step
  w.unitPrice = p
  return w
}

func product(_ tonnes: Double?, unit: String = "t") -> Product {
  var p = Product(id: "p1")
  p.name = "Vải thành phẩm"
  p.isReference = true
  p.annualQuantity = tonnes.map { q($0, unit) }
  return p
}

func newAssessment(_ id: String = "a1") -> Assessment {
  var h = AssessmentHeader(id: id)
  h.profile.name = "Test plant"
  return Assessment(header: h)
}

/// Asserts `a` ≈ `b` within a relative (default 1e-9) or absolute tolerance.
func near(
  _ a: Double?, _ b: Double, rel: Double = 1e-9, abs tol: Double = 0, _ msg: String = "", file: StaticString = #filePath,
  line: UInt = #line
) {
  guard let a else { return XCTFail("nil, expected \(b) \(msg)", file: file, line: line) }
  let ok = Swift.abs(a - b) <= max(tol, rel * max(Swift.abs(a), Swift.abs(b)))
  XCTAssertTrue(ok, "\(a) ≠ \(b) \(msg)", file: file, line: line)
}

/// The results encode as JSON with `.throw` for non-conforming floats (no NaN/inf anywhere).
func assertEncodes(_ r: Results, file: StaticString = #filePath, line: UInt = #line) {
  let e = JSONEncoder()
  e.nonConformingFloatEncodingStrategy = .throw
  e.outputFormatting = [.sortedKeys]
  XCTAssertNoThrow(try e.encode(r), file: file, line: line)
}

/// The figure has no value, is incomplete, and one reason contains `text` (English).
func assertIncomplete(_ f: Figure, _ text: String, valueNil: Bool = true, file: StaticString = #filePath, line: UInt = #line) {
  XCTAssertEqual(f.status, .incomplete, f.path, file: file, line: line)
  if valueNil { XCTAssertNil(f.value, f.path, file: file, line: line) }
  XCTAssertTrue(f.reasons.contains { $0.en.contains(text) }, "\(f.path): \(f.reasons.map(\.en)) lacks «\(text)»", file: file, line: line)
  XCTAssertTrue(f.reasons.allSatisfy { !$0.vi.isEmpty && !$0.en.isEmpty }, file: file, line: line)
}
