import Foundation
import SXCore

enum CO2Area {
  static func compute(_ c: Context, energy: EnergyOutcome, ledger: inout Ledger) -> CO2Results {
    let year = c.a.header.settings.gridFactorYear
    let (g, gr) = c.gridFactor
    let gridFig = ledger.figure(
      "co2.gridFactor", g.map { Val($0.tCO2PerMWh) } ?? .missing(gr ?? Reason.noData), "t CO2/MWh",
      label: LocalizedText(vi: "Hệ số phát thải lưới điện năm \(year)", en: "Grid emission factor \(year)"),
      formula: LocalizedText(vi: "tra bảng theo năm đã chọn (W0)", en: "looked up by the chosen year (W0)"),
      factors: g.map { [ExplainFactor("EF", $0.tCO2PerMWh, "t CO2/MWh", source: $0.source, year: $0.year)] } ?? [])
    var carriers: [EmissionRow] = []
    var scope1 = Val.sum
    var scope2 = Val.sum
    for (car, e) in energy.carrierAmounts {
      let name = car.name.isEmpty ? car.id : car.name
      ledger.name("co2.carriers", id: car.id, name: car.name)
      let inputs = [
        ExplainInput(e.isElectricity ? "kWh" : "GJ", e.isElectricity ? e.electricityKWh : e.gj.value, e.isElectricity ? "kWh" : "GJ",
          source: "energy.carriers[\(car.id)]")
      ]
      let row = makeRow(c, "co2.carriers[\(car.id)]", id: car.id, name: name, e, inputs: inputs, ledger: &ledger)
      carriers.append(row)
      let ce = e.co2eKg(gwpCH4: c.f.gwpCH4, gwpN2O: c.f.gwpN2O)
      if e.isElectricity || car.fuel == "purchased_steam" { scope2.add(ce) } else { scope1.add(ce) }
    }
    var steps: [EmissionRow] = []
    for s in c.a.steps {
      let e = energy.stepAmounts[s.id] ?? .zero
      ledger.name("co2.steps", id: s.id, name: s.name)
      let inputs = [ExplainInput("GJ", e.gj.value, "GJ", source: "energy.steps[\(s.id)].gj")]
      steps.append(makeRow(c, "co2.steps[\(s.id)]", id: s.id, name: c.stepName(s.id), e, inputs: inputs, ledger: &ledger))
    }
    let totalInputs = energy.carrierAmounts.map {
      ExplainInput($0.0.name, $0.1.co2eKg(gwpCH4: c.f.gwpCH4, gwpN2O: c.f.gwpN2O).value.map { $0 / 1000 }, "t CO2e",
        source: "co2.carriers[\($0.0.id)].co2e")
    }
    let total = makeRow(c, "co2.total", id: "total", name: "total", energy.plant, inputs: totalInputs, ledger: &ledger)
    let s1 = ledger.figure(
      "co2.scope1", scope1.map { $0 / 1000 }, "t CO2e", label: LocalizedText(vi: "Phạm vi 1 (đốt nhiên liệu)", en: "Scope 1 (fuels)"),
      formula: LocalizedText(vi: "Σ CO2e nhiên liệu đốt tại chỗ", en: "Σ CO2e of fuels burnt on site"), inputs: totalInputs)
    let s2 = ledger.figure(
      "co2.scope2", scope2.map { $0 / 1000 }, "t CO2e", label: LocalizedText(vi: "Phạm vi 2 (điện, hơi mua)", en: "Scope 2 (electricity, purchased steam)"),
      formula: LocalizedText(vi: "Σ CO2e điện và hơi mua ngoài", en: "Σ CO2e of electricity and purchased steam"), inputs: totalInputs)
    return CO2Results(
      gridFactor: gridFig, gridFactorYear: year, gridFactorSource: g?.source ?? "", gwpCH4: c.f.gwpCH4, gwpN2O: c.f.gwpN2O,
      gwpSource: c.f.gwpSource, carriers: carriers, steps: steps, total: total, scope1: s1, scope2: s2)
  }

  static func makeRow(
    _ c: Context, _ base: String, id: String, name: String, _ e: EnergyAmount, inputs: [ExplainInput], ledger: inout Ledger
  ) -> EmissionRow {
    let lt = { @Sendable (vi: String, en: String) in LocalizedText(vi: "\(vi) — \(name)", en: "\(en) — \(name)") }
    let gwp = [
      ExplainFactor("GWP CH4", c.f.gwpCH4, "1", source: c.f.gwpSource),
      ExplainFactor("GWP N2O", c.f.gwpN2O, "1", source: c.f.gwpSource),
    ]
    let co2 = ledger.figure(
      base + ".co2", e.co2Kg.map { $0 / 1000 }, "t CO2", label: lt("CO2 hóa thạch", "Fossil CO2"),
      formula: LocalizedText(
        vi: "điện: MWh × EF lưới; nhiên liệu: GJ × EF CO2 (kg/TJ) / 10⁶ (sinh khối: ghi nhớ riêng)",
        en: "electricity: MWh × grid EF; fuels: GJ × CO2 EF (kg/TJ) / 10⁶ (biomass: memo item)"),
      inputs: inputs, factors: e.co2Factors)
    let ch4 = ledger.figure(
      base + ".ch4", e.ch4Kg, "kg CH4", label: lt("CH4", "CH4"),
      formula: LocalizedText(vi: "GJ × EF CH4 (kg/TJ) / 1000", en: "GJ × CH4 EF (kg/TJ) / 1000"), inputs: inputs,
      factors: e.co2Factors)
    let n2o = ledger.figure(
      base + ".n2o", e.n2oKg, "kg N2O", label: lt("N2O", "N2O"),
      formula: LocalizedText(vi: "GJ × EF N2O (kg/TJ) / 1000", en: "GJ × N2O EF (kg/TJ) / 1000"), inputs: inputs,
      factors: e.co2Factors)
    let co2e = ledger.figure(
      base + ".co2e", e.co2eKg(gwpCH4: c.f.gwpCH4, gwpN2O: c.f.gwpN2O).map { $0 / 1000 }, "t CO2e", label: lt("CO2 tương đương", "CO2 equivalent"),
      formula: LocalizedText(
        vi: "(CO2 + GWP_CH4 × CH4 + GWP_N2O × N2O) / 1000; không gồm CO2 sinh khối",
        en: "(CO2 + GWP_CH4 × CH4 + GWP_N2O × N2O) / 1000; biogenic CO2 excluded"),
      inputs: [
        ExplainInput("CO2", e.co2Kg.value, "kg", source: base + ".co2"), ExplainInput("CH4", e.ch4Kg.value, "kg", source: base + ".ch4"),
        ExplainInput("N2O", e.n2oKg.value, "kg", source: base + ".n2o"),
      ], factors: gwp)
    let bio = ledger.figure(
      base + ".biogenicCO2", e.biogenicKg.map { $0 / 1000 }, "t CO2", label: lt("CO2 sinh khối (ghi nhớ)", "Biogenic CO2 (memo)"),
      formula: LocalizedText(vi: "GJ sinh khối × EF CO2 / 10⁶; không cộng vào tổng", en: "biomass GJ × CO2 EF / 10⁶; not added to the total"),
      inputs: inputs, factors: e.co2Factors)
    return EmissionRow(id: id, name: name, co2: co2, ch4: ch4, n2o: n2o, co2e: co2e, biogenicCO2: bio)
  }
}
