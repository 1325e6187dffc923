import Foundation
import SXCore

/// A quantity of one energy carrier converted to everything the engine reports.
struct EnergyAmount {
  var isElectricity = false
  /// Physical energy, GJ (electricity 3.6 GJ/MWh; fuels NCV × amount).
  var gj = Val(nil)
  /// Electricity, kWh (nil for fuels).
  var electricityKWh: Double?
  var toe = Val(nil)
  /// `moit` (regulatory table), `derived` (energy content / 41.868 GJ per TOE) or `none`.
  var toeMethod = "none"
  /// Fossil CO2, kg (biogenic CO2 is kept apart).
  var co2Kg = Val(nil)
  var ch4Kg = Val(nil)
  var n2oKg = Val(nil)
  var biogenicKg = Val(nil)
  var cost = Val(nil)
  /// Fuel energy (GJ); 0 for electricity.
  var thermalGJ = Val(nil)
  var factors: [ExplainFactor] = []
  var toeFactors: [ExplainFactor] = []
  var co2Factors: [ExplainFactor] = []

  /// CO2e in kg = CO2 + GWP_CH4 × CH4 + GWP_N2O × N2O (`nil` when CO2 is unknown).
  func co2eKg(gwpCH4: Double, gwpN2O: Double) -> Val {
    let rs = co2Kg.reasons + ch4Kg.reasons + n2oKg.reasons
    guard let c = co2Kg.value else { return Val(nil, rs) }
    return Val(c + (ch4Kg.value ?? 0) * gwpCH4 + (n2oKg.value ?? 0) * gwpN2O, rs)
  }
}

extension Context {
  /// The grid factor chosen in the settings, or the reason it is missing.
  var gridFactor: (factor: GridFactor?, reason: LocalizedText?) {
    let year = a.header.settings.gridFactorYear
    if let g = f.grid(year) { return (g, nil) }
    return (nil, Reason.noGridYear(year, f.gridFactors.map(\.year).sorted()))
  }

  /// Converts `q` of `carrier` (priced at `price`) to GJ, TOE, CO2 and cost.
  func energy(_ q: Quantity?, carrier: EnergyCarrier, price: UnitPrice?, name: String) -> EnergyAmount {
    var out = EnergyAmount()
    let code = carrier.fuel
    out.isElectricity = code == "electricity"
    guard let q else {
      let r = Reason.missingQuantity(name)
      out.gj = .missing(r); out.toe = .missing(r); out.co2Kg = .missing(r); out.ch4Kg = .missing(r)
      out.n2oKg = .missing(r); out.biogenicKg = .missing(r); out.cost = .missing(r)
      out.thermalGJ = out.isElectricity ? Val(0) : .missing(r)
      return out
    }
    guard let dim = dimension(q) else {
      let r = Reason.unknownUnit(name, q.unit)
      out.gj = .missing(r); out.toe = .missing(r); out.co2Kg = .missing(r); out.ch4Kg = .missing(r)
      out.n2oKg = .missing(r); out.biogenicKg = .missing(r); out.cost = .missing(r)
      out.thermalGJ = out.isElectricity ? Val(0) : .missing(r)
      return out
    }
    return out.isElectricity ? electricity(q, dim, price: price, name: name) : fuel(q, dim, carrier: carrier, price: price, name: name)
  }

  private func electricity(_ q: Quantity, _ dim: SXCore.Dimension, price: UnitPrice?, name: String) -> EnergyAmount {
    var out = EnergyAmount()
    out.isElectricity = true
    guard dim == .energy else {
      let r = Reason.electricityNotEnergy(name, q.unit)
      out.gj = .missing(r); out.toe = .missing(r); out.co2Kg = .missing(r); out.ch4Kg = .missing(r)
      out.n2oKg = .missing(r); out.biogenicKg = .missing(r); out.cost = .missing(r)
      out.thermalGJ = Val(0)
      return out
    }
    let kwh = q.si / 3.6e6
    out.electricityKWh = kwh
    out.gj = Val(q.si / 1e9)
    if let t = f.toe["electricity"]?.first(where: { $0.basis == .perKWh }) {
      out.toe = Val(kwh * t.value)
      out.toeMethod = "moit"
      out.toeFactors = [ExplainFactor("TOE/kWh", t.value, t.basis.unit, source: t.source, year: t.year)]
    } else {
      out.toe = Val(kwh * 0.0036 / f.gjPerTOE)
      out.toeMethod = "derived"
      out.toeFactors = [ExplainFactor("GJ/TOE", f.gjPerTOE, "GJ/TOE", source: "IEA (derived)")]
    }
    let (g, gr) = gridFactor
    if let g {
      out.co2Kg = Val(kwh * g.tCO2PerMWh)
      out.co2Factors = [ExplainFactor("EF lưới/grid", g.tCO2PerMWh, "t CO2/MWh", source: g.source, year: g.year)]
    } else {
      out.co2Kg = .missing(gr ?? Reason.noData)
    }
    out.ch4Kg = Val(0)
    out.n2oKg = Val(0)
    out.biogenicKg = Val(0)
    out.thermalGJ = Val(0)
    out.cost = cost(q, price, name: name)
    return out
  }

  private func fuel(_ q: Quantity, _ dim: SXCore.Dimension, carrier: EnergyCarrier, price: UnitPrice?, name: String) -> EnergyAmount {
    var out = EnergyAmount()
    let code = carrier.fuel
    let props = f.fuels[code]
    let density = props?.densityKgPerM3
    var factors: [ExplainFactor] = []
    // NCV: the plant's own analysis first, then the table.
    var ncvMass = props?.ncvGJPerTonne  // GJ/t
    var ncvVol = props?.ncvGJPerM3  // GJ/m³
    let src = props?.source ?? ""
    if let o = carrier.ncvOverride, let od = unit(o.perUnit)?.dimension, unit(o.amount.unit)?.dimension == .energy,
      let perDef = unit(o.perUnit), perDef.toSI(1) != 0, case let perSI = o.amount.si / perDef.toSI(1), perSI.isFinite, perSI > 0
    {
      // vndPerSI is generic: amount.si / perUnit.si, here J per kg or J per m³.
      if od == .mass {
        ncvMass = perSI * 1e-6
        ncvVol = nil
      } else if od == .volume {
        ncvVol = perSI * 1e-9
        ncvMass = nil
      }
      factors.append(ExplainFactor("NCV (nhà máy/plant)", perSI * (od == .mass ? 1e-6 : 1e-9), od == .mass ? "GJ/t" : "GJ/m³",
        source: src_carrier(carrier)))
    } else if let n = ncvMass {
      factors.append(ExplainFactor("NCV", n, "GJ/t", source: src, year: props?.year))
    } else if let n = ncvVol {
      factors.append(ExplainFactor("NCV", n, "GJ/m³", source: src, year: props?.year))
    }
    if ncvVol == nil, let n = ncvMass, let d = density { ncvVol = n * d / 1000 }
    if ncvMass == nil, let n = ncvVol, let d = density, d > 0 { ncvMass = n * 1000 / d }
    if let d = density, dim != .energy { factors.append(ExplainFactor("density", d, "kg/m³", source: props?.densitySource ?? "")) }

    // The amount in each dimension, where known.
    var kg: Double?
    var m3: Double?
    switch dim {
    case .energy:
      out.gj = Val(q.si / 1e9)
    case .mass:
      kg = q.si
      if let d = density, d > 0 { m3 = q.si / d }
      out.gj = ncvMass.map { Val(q.si / 1000 * $0) } ?? .missing(
        props == nil ? Reason.unknownFuel(name, code) : Reason.noNCV(name, code, "t"))
    case .volume:
      m3 = q.si
      if let d = density { kg = q.si * d }
      out.gj = ncvVol.map { Val(q.si * $0) } ?? .missing(
        props == nil ? Reason.unknownFuel(name, code) : Reason.noNCV(name, code, "m³"))
    default:
      let r = Reason.unknownUnit(name, q.unit)
      out.gj = .missing(r); out.toe = .missing(r); out.co2Kg = .missing(r); out.ch4Kg = .missing(r)
      out.n2oKg = .missing(r); out.biogenicKg = .missing(r); out.cost = .missing(r); out.thermalGJ = .missing(r)
      return out
    }
    if dim == .energy, let g = out.gj.value {
      if let n = ncvMass, n > 0 { kg = g / n * 1000 }
      if let n = ncvVol, n > 0 { m3 = g / n }
    }

    // TOE: the MOIT factor when the fuel has one on a usable basis, else derived from the energy content.
    let table = f.toe[code] ?? []
    var picked: (TOEFactor, Double)?
    for t in table {
      switch t.basis {
      case .perTonne: if let kg { picked = (t, kg / 1000 * t.value) }
      case .per1000L: if let m3 { picked = (t, m3 * t.value) }
      case .per1000m3: if let m3 { picked = (t, m3 / 1000 * t.value) }
      case .perKWh: break
      }
      // Prefer the basis of the typed unit.
      if let p = picked,
        (dim == .mass && p.0.basis == .perTonne) || (dim == .volume && p.0.basis != .perTonne)
      { break }
    }
    if let (t, toe) = picked, dim != .energy {
      out.toe = Val(toe)
      out.toeMethod = "moit"
      out.toeFactors = [ExplainFactor("TOE", t.value, t.basis.unit, source: t.source, year: t.year)]
    } else if let g = out.gj.value {
      out.toe = Val(g / f.gjPerTOE)
      out.toeMethod = "derived"
      out.toeFactors = [ExplainFactor("GJ/TOE", f.gjPerTOE, "GJ/TOE", source: "IEA 1 TOE = 41.868 GJ (derived)")]
    } else {
      out.toe = Val(nil, out.gj.reasons)
    }

    // CO2, CH4, N2O from energy content.
    if let p = props, let ef = p.co2KgPerTJ {
      out.co2Factors = [ExplainFactor("EF CO2", ef, "kg/TJ", source: p.source, year: p.year)]
      let ch4 = p.ch4KgPerTJ ?? 0
      let n2o = p.n2oKgPerTJ ?? 0
      out.co2Factors.append(ExplainFactor("EF CH4", ch4, "kg/TJ", source: p.source, year: p.year))
      out.co2Factors.append(ExplainFactor("EF N2O", n2o, "kg/TJ", source: p.source, year: p.year))
      let co2 = out.gj.map { $0 * ef / 1000 }
      if p.biogenic {
        out.biogenicKg = co2
        out.co2Kg = Val(out.gj.value == nil ? nil : 0, out.gj.reasons)
      } else {
        out.co2Kg = co2
        out.biogenicKg = Val(out.gj.value == nil ? nil : 0, out.gj.reasons)
      }
      out.ch4Kg = out.gj.map { $0 * ch4 / 1000 }
      out.n2oKg = out.gj.map { $0 * n2o / 1000 }
    } else {
      let r = props == nil ? Reason.unknownFuel(name, code) : Reason.noCO2Factor(name, code)
      out.co2Kg = .missing(r); out.ch4Kg = .missing(r); out.n2oKg = .missing(r); out.biogenicKg = .missing(r)
    }

    // Cost at the price's own dimension.
    if let pr = self.price(price, name: name) {
      switch pr.dimension {
      case .energy: out.cost = out.gj.value.map { Val($0 * 1e9 * pr.vndPerSI) } ?? Val(nil, out.gj.reasons)
      case .mass: out.cost = kg.map { Val($0 * pr.vndPerSI) } ?? .missing(Reason.badPrice(name, Reason.unitMismatch(q.unit, price?.perUnit ?? "")))
      case .volume: out.cost = m3.map { Val($0 * pr.vndPerSI) } ?? .missing(Reason.badPrice(name, Reason.unitMismatch(q.unit, price?.perUnit ?? "")))
      default: out.cost = .missing(Reason.badPrice(name, Reason.unitMismatch(q.unit, price?.perUnit ?? "")))
      }
    } else {
      out.cost = .missing(priceReason(price, name: name))
    }
    out.thermalGJ = out.gj
    out.factors = factors
    return out
  }

  private func src_carrier(_ c: EnergyCarrier) -> String { src("energyCarriers", c.id, c.dataSource) + " ncvOverride" }
}
