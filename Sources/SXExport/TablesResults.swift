import Foundation
import SXCore
import SXEngine
import SXWorksheets

/// The opportunity tracker: status, owner, dates, estimated vs actual.
enum TrackerTable {
  static func build(_ i: ExportInput) -> ExportTable {
    let a = i.assessment
    let econ = Dictionary(i.results.economics.opportunities.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    let cols = [
      ExportColumn(i.t("Giải pháp", "Opportunity"), wide: true),
      ExportColumn(i.t("Trạng thái", "Status")),
      ExportColumn(i.t("Sàng lọc", "Screening")),
      ExportColumn(i.t("Người phụ trách", "Owner")),
      ExportColumn(i.t("Ngày đề xuất", "Identified")),
      ExportColumn(i.t("Bắt đầu", "Start")),
      ExportColumn(i.t("Hạn hoàn thành", "Due")),
      ExportColumn(i.t("Ngày theo dõi", "Follow-up")),
      ExportColumn(i.t("Đầu tư ước tính", "Estimated investment"), unit: "VND", format: NumberFormats.integer),
      ExportColumn(i.t("Chi phí thực tế", "Actual cost"), unit: "VND", format: NumberFormats.integer),
      ExportColumn(i.t("Tiết kiệm ước tính/năm", "Estimated saving/yr"), unit: "VND", format: NumberFormats.integer),
      ExportColumn(i.t("Tiết kiệm thực tế/năm", "Actual saving/yr"), unit: "VND", format: NumberFormats.integer),
      ExportColumn(i.t("Chênh lệch tiết kiệm", "Saving variance"), unit: "%", format: NumberFormats.percent1),
    ]
    let rows: [[CellValue]] = a.opportunities.map { o in
      let e = econ[o.id]
      let acts = a.actions.filter { $0.opportunityId == o.id }
      let start = acts.map(\.start).filter { !$0.isEmpty }.min()
      let due = acts.map(\.due).filter { !$0.isEmpty }.max()
      let est = e?.annualSaving.value
      let actual = o.actualSavings?.si
      let variance: Double? = (est != nil && actual != nil && est != 0) ? ((actual ?? 0) - (est ?? 0)) / (est ?? 1) * 100 : nil
      return [
        .str(o.title), .text(i.t(o.status.label)), .text(i.t(o.screening.label)), .str(o.owner), .str(o.date),
        .str(start), .str(due), .str(o.followUpDate), .num(e?.investment.value ?? o.investment.totalVND), .num(o.actualCost?.si),
        .num(est), .num(actual), .num(variance),
      ]
    }
    return ExportTable(id: "tracker", title: i.t("Theo dõi giải pháp", "Opportunity tracker"), columns: cols, rows: rows)
  }
}

/// The computed results as tables.
enum ResultTables {
  static func build(_ i: ExportInput) -> [ExportTable] {
    [
      balance(i), energyCarriers(i), energySteps(i), co2(i, carriers: true), co2(i, carriers: false), water(i),
      wasteStreams(i), pareto(i), indicators(i), economics(i), policy(i), dataQuality(i), sources(i), issues(i),
    ]
  }

  static let t = NumberFormats.decimal1
  static func tonnes(_ f: Figure) -> CellValue { .num(f.value.map { $0 / 1000 }) }

  static func balance(_ i: ExportInput) -> ExportTable {
    let b = i.results.balance
    let cols = [
      ExportColumn(i.t("Công đoạn", "Step"), wide: true),
      ExportColumn(i.t("Vào", "In"), unit: "t", format: t), ExportColumn(i.t("Ra", "Out"), unit: "t", format: t),
      ExportColumn(i.t("Thay đổi tồn kho", "Stock change"), unit: "t", format: t),
      ExportColumn(i.t("Chưa giải thích", "Unaccounted"), unit: "t", format: t),
      ExportColumn(i.t("Độ khép", "Closure"), unit: "%", format: NumberFormats.percent1),
      ExportColumn(i.t("Cờ mất cân bằng", "Imbalance flag")),
      ExportColumn(i.t("Dòng thiếu có thể", "Likely missing stream"), wide: true),
      ExportColumn(i.t("Nước vào", "Water in"), unit: "m³", format: NumberFormats.integer),
      ExportColumn(i.t("Nước ra", "Water out"), unit: "m³", format: NumberFormats.integer),
      ExportColumn(i.t("Năng lượng vào", "Energy in"), unit: "GJ", format: NumberFormats.integer),
    ]
    func row(_ m: MassBalance, name: String) -> [CellValue] {
      [
        .text(name), tonnes(m.massIn), tonnes(m.massOut), tonnes(m.stockChange), tonnes(m.unaccounted), .num(m.closurePercent.value),
        .text(m.flagged ? i.t("có", "yes") : i.t("không", "no")), .str(m.biggestMissing.map(i.t)), .num(m.waterIn.value),
        .num(m.waterOut.value), .num(m.energyIn.value),
      ]
    }
    let rows = b.steps.map { row($0, name: $0.name) } + [row(b.plant, name: i.t("Toàn nhà máy", "Whole plant"))]
    return ExportTable(
      id: "results-balance", title: i.t("Cân bằng vật chất theo công đoạn", "Material balance by step"), columns: cols, rows: rows,
      note: i.t("Ngưỡng cờ: \(Fmt.num(b.thresholdPercent, i.language)) %", "Flag threshold: \(Fmt.num(b.thresholdPercent, i.language)) %"))
  }

  static func energyCarriers(_ i: ExportInput) -> ExportTable {
    let e = i.results.energy
    let cols = [
      ExportColumn(i.t("Dạng năng lượng", "Energy carrier"), wide: true), ExportColumn(i.t("Nhiên liệu", "Fuel")),
      ExportColumn(i.t("Lượng", "Amount"), format: NumberFormats.integer), ExportColumn(i.t("Đơn vị", "Unit")),
      ExportColumn(i.t("Năng lượng", "Energy"), unit: "GJ", format: NumberFormats.integer),
      ExportColumn("TOE", unit: "TOE", format: NumberFormats.decimal1),
      ExportColumn(i.t("Chi phí", "Cost"), unit: "VND", format: NumberFormats.integer),
      ExportColumn(i.t("Tỷ trọng", "Share"), unit: "%", format: NumberFormats.percent1),
    ]
    let fuels = FieldContext.fuelNames(i)
    var rows: [[CellValue]] = e.carriers.map {
      [.text($0.name), .str(fuels[$0.fuel] ?? $0.fuel), .num($0.quantity.value), .str($0.quantity.unit), .num($0.gj.value), .num($0.toe.value), .num($0.cost.value), .num($0.sharePercent.value)]
    }
    rows.append([.text(i.t("Tổng", "Total")), .empty, .empty, .empty, .num(e.total.gj.value), .num(e.total.toe.value), .num(e.total.cost.value), .num(100)])
    return ExportTable(
      id: "results-energy-carriers", title: i.t("Năng lượng theo dạng năng lượng", "Energy by carrier"), columns: cols, rows: rows,
      note: e.keyEnergyUser
        ? i.t("Cơ sở sử dụng năng lượng trọng điểm (> \(Fmt.num(e.keyEnergyUserThresholdTOE, i.language)) TOE/năm)", "Key energy user (> \(Fmt.num(e.keyEnergyUserThresholdTOE, i.language)) TOE/yr)")
        : nil)
  }

  static func energySteps(_ i: ExportInput) -> ExportTable {
    let cols = [
      ExportColumn(i.t("Công đoạn", "Step"), wide: true), ExportColumn(i.t("Năng lượng", "Energy"), unit: "GJ", format: NumberFormats.integer),
      ExportColumn("TOE", unit: "TOE", format: NumberFormats.decimal1),
      ExportColumn(i.t("Điện", "Electricity"), unit: "kWh", format: NumberFormats.integer),
      ExportColumn(i.t("Nhiệt", "Thermal"), unit: "GJ", format: NumberFormats.integer),
      ExportColumn(i.t("Chi phí", "Cost"), unit: "VND", format: NumberFormats.integer),
      ExportColumn(i.t("Tỷ trọng", "Share"), unit: "%", format: NumberFormats.percent1),
    ]
    let rows: [[CellValue]] = i.results.energy.steps.map {
      [.text($0.name), .num($0.gj.value), .num($0.toe.value), .num($0.electricityKWh.value), .num($0.thermalGJ.value), .num($0.cost.value), .num($0.sharePercent.value)]
    }
    return ExportTable(id: "results-energy-steps", title: i.t("Năng lượng theo công đoạn", "Energy by step"), columns: cols, rows: rows)
  }

  static func co2(_ i: ExportInput, carriers: Bool) -> ExportTable {
    let c = i.results.co2
    let cols = [
      ExportColumn(carriers ? i.t("Dạng năng lượng", "Energy carrier") : i.t("Công đoạn", "Step"), wide: true),
      ExportColumn("CO₂", unit: "t", format: NumberFormats.decimal1), ExportColumn("CH₄", unit: "t", format: NumberFormats.decimal3),
      ExportColumn("N₂O", unit: "t", format: NumberFormats.decimal3), ExportColumn("CO₂e", unit: "t", format: NumberFormats.decimal1),
      ExportColumn(i.t("CO₂ sinh học (ghi nhớ)", "Biogenic CO₂ (memo)"), unit: "t", format: NumberFormats.decimal1),
    ]
    func row(_ r: EmissionRow) -> [CellValue] {
      [.text(r.name), .num(r.co2.value), .num(r.ch4.value), .num(r.n2o.value), .num(r.co2e.value), .num(r.biogenicCO2.value)]
    }
    var rows = (carriers ? c.carriers : c.steps).map(row)
    if carriers {
      var total = c.total
      total.name = i.t("Tổng", "Total")
      rows.append(row(total))
    }
    let note = i.t(
      "Hệ số lưới điện \(c.gridFactorYear): \(Fmt.num(c.gridFactor.value, i.language)) t CO₂/MWh (\(c.gridFactorSource)); phạm vi 1: \(Fmt.num(c.scope1.value, i.language)) t, phạm vi 2: \(Fmt.num(c.scope2.value, i.language)) t CO₂e",
      "Grid factor \(c.gridFactorYear): \(Fmt.num(c.gridFactor.value, i.language)) t CO₂/MWh (\(c.gridFactorSource)); scope 1: \(Fmt.num(c.scope1.value, i.language)) t, scope 2: \(Fmt.num(c.scope2.value, i.language)) t CO₂e")
    return ExportTable(
      id: carriers ? "results-co2-carriers" : "results-co2-steps",
      title: carriers ? i.t("Phát thải CO₂ theo dạng năng lượng", "CO₂ by carrier") : i.t("Phát thải CO₂ theo công đoạn", "CO₂ by step"),
      columns: cols, rows: rows, note: carriers ? note : nil)
  }

  static func water(_ i: ExportInput) -> ExportTable {
    let w = i.results.water
    let cols = [
      ExportColumn(i.t("Vai trò", "Role")), ExportColumn(i.t("Hạng mục", "Item"), wide: true),
      ExportColumn(i.t("Thể tích", "Volume"), unit: "m³", format: NumberFormats.integer),
      ExportColumn(i.t("Chi phí", "Cost"), unit: "VND", format: NumberFormats.integer),
    ]
    func lines(_ ls: [WaterLine], _ role: WaterRole) -> [[CellValue]] {
      ls.map { [.text(i.t(role.label)), .text($0.name), .num($0.volume.value), .num($0.cost.value)] }
    }
    var rows = lines(w.sources, .source) + lines(w.consumers, .consumer) + lines(w.outputs, .output)
    rows.append([.text(i.t("Tổng", "Total")), .text(i.t("Cấp vào", "Supply")), .num(w.total.supply.value), .num(w.total.supplyCost.value)])
    rows.append([.text(i.t("Tổng", "Total")), .text(i.t("Chưa giải thích", "Unaccounted")), .num(w.total.unaccounted.value), .empty])
    rows.append([.text(i.t("Tổng", "Total")), .text(i.t("Phí nước thải", "Wastewater charge")), .num(w.total.wastewater.value), .num(w.total.wastewaterCharge.value)])
    return ExportTable(id: "results-water", title: i.t("Cân bằng nước", "Water balance"), columns: cols, rows: rows)
  }

  static func wasteStreams(_ i: ExportInput) -> ExportTable {
    let wc = i.results.wasteCost
    let names = Dictionary(i.assessment.steps.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let money = { (l: String) in ExportColumn(l, unit: "VND", format: NumberFormats.integer) }
    let cols = [
      ExportColumn(i.t("Dòng thải", "Waste stream"), wide: true), ExportColumn(i.t("Công đoạn", "Step")),
      ExportColumn(i.t("Khối lượng", "Mass"), unit: "t", format: t), money(i.t("Nguyên vật liệu", "Material")),
      money(i.t("Năng lượng", "Energy")), money(i.t("Hệ thống", "System")), money(i.t("Quản lý chất thải", "Waste management")),
      money(i.t("Tổng chi phí tổn thất", "Total loss cost")),
    ]
    var rows: [[CellValue]] = wc.streams.map {
      [.text($0.name), .str($0.stepId.flatMap { names[$0] }), tonnes($0.mass), .num($0.material.value), .num($0.energy.value), .num($0.system.value), .num($0.wasteManagement.value), .num($0.total.value)]
    }
    rows.append([.text(i.t("Tổng", "Total")), .empty, .empty, .empty, .empty, .empty, .empty, .num(wc.total.value)])
    return ExportTable(id: "results-waste-cost", title: i.t("Chi phí dòng thải (MFCA)", "Waste cost (MFCA)"), columns: cols, rows: rows)
  }

  static func pareto(_ i: ExportInput) -> ExportTable {
    let cols = [
      ExportColumn(i.t("Hạng", "Rank"), format: NumberFormats.integer), ExportColumn(i.t("Dòng thải", "Waste stream"), wide: true),
      ExportColumn(i.t("Chi phí", "Cost"), unit: "VND", format: NumberFormats.integer),
      ExportColumn(i.t("Tỷ trọng", "Share"), unit: "%", format: NumberFormats.percent1),
      ExportColumn(i.t("Lũy kế", "Cumulative"), unit: "%", format: NumberFormats.percent1), ExportColumn(i.t("Nhóm", "Class")),
    ]
    let rows: [[CellValue]] = i.results.wasteCost.pareto.map {
      [.number(Double($0.rank)), .text($0.name), .num($0.total.value), .num($0.sharePercent.value), .num($0.cumulativePercent.value), .text($0.paretoClass)]
    }
    return ExportTable(id: "results-pareto", title: i.t("Pareto chi phí dòng thải", "Waste-cost Pareto"), columns: cols, rows: rows)
  }

  static func rating(_ r: BenchmarkRating, _ i: ExportInput) -> String {
    switch r {
    case .atOrBelowGoodPractice: i.t("đạt thực hành tốt", "at or below good practice")
    case .withinTypical: i.t("trong khoảng thông thường", "within typical range")
    case .aboveTypical: i.t("cao hơn khoảng thông thường", "above typical range")
    case .belowTypical: i.t("thấp hơn khoảng thông thường", "below typical range")
    case .noBenchmark: i.t("không có chuẩn", "no benchmark")
    case .unknown: i.t("chưa xác định", "unknown")
    }
  }

  static func indicators(_ i: ExportInput) -> ExportTable {
    let cols = [
      ExportColumn(i.t("Chỉ số", "Indicator"), wide: true), ExportColumn(i.t("Giá trị", "Value"), format: NumberFormats.decimal2),
      ExportColumn(i.t("Đơn vị", "Unit")), ExportColumn(i.t("Thông thường từ", "Typical low"), format: NumberFormats.decimal2),
      ExportColumn(i.t("Thông thường đến", "Typical high"), format: NumberFormats.decimal2),
      ExportColumn(i.t("Thực hành tốt", "Good practice"), format: NumberFormats.decimal2), ExportColumn(i.t("Đánh giá", "Rating")),
      ExportColumn(i.t("Mục tiêu", "Target"), format: NumberFormats.decimal2), ExportColumn(i.t("Nguồn chuẩn", "Benchmark source"), wide: true),
    ]
    let rows: [[CellValue]] = i.results.indicators.items.map {
      [
        .text(i.t($0.name)), .num($0.value.value), .str($0.value.unit), .num($0.benchmark?.typicalLow), .num($0.benchmark?.typicalHigh),
        .num($0.benchmark?.goodPractice), .text(rating($0.rating, i)), .num($0.target?.target),
        .str($0.benchmark.map { $0.source + ($0.indicative ? i.t(" (tham khảo)", " (indicative)") : "") }),
      ]
    }
    return ExportTable(id: "results-indicators", title: i.t("Chỉ số so với chuẩn", "Indicators vs benchmarks"), columns: cols, rows: rows)
  }

  static func economics(_ i: ExportInput) -> ExportTable {
    let e = i.results.economics
    let money = { (l: String) in ExportColumn(l, unit: "VND", format: NumberFormats.integer) }
    let cols = [
      ExportColumn(i.t("Giải pháp", "Opportunity"), wide: true), money(i.t("Đầu tư", "Investment")),
      money(i.t("Tiết kiệm/năm", "Saving/yr")), money(i.t("Chi phí vận hành thêm/năm", "Added O&M/yr")),
      money(i.t("Tiết kiệm ròng/năm", "Net saving/yr")), ExportColumn(i.t("Hoàn vốn giản đơn", "Simple payback"), unit: i.t("năm", "yr"), format: NumberFormats.decimal1),
      money("NPV"), ExportColumn("IRR", unit: "%", format: NumberFormats.percent1),
      ExportColumn(i.t("Tiết kiệm năng lượng", "Energy saved"), unit: "TOE", format: NumberFormats.decimal1),
      ExportColumn(i.t("Tiết kiệm nước", "Water saved"), unit: "m³", format: NumberFormats.integer),
      ExportColumn(i.t("Giảm CO₂e", "CO₂e avoided"), unit: "t", format: NumberFormats.decimal1),
      ExportColumn(i.t("Tính vào kế hoạch", "Counted")),
    ]
    let macc = Dictionary(MACC.points(i).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var rows: [[CellValue]] = e.opportunities.map {
      [
        .text($0.title), .num($0.investment.value), .num($0.annualSaving.value), .num($0.addedOM.value), .num($0.annualNetSaving.value),
        .num($0.simplePayback.value), .num($0.npv.value), .num($0.irr.value), .num($0.toeSaving.value), .num($0.waterSaving.value),
        .num(macc[$0.id]?.abatement), .text($0.counted ? i.t("có", "yes") : i.t("không", "no")),
      ]
    }
    rows.append([.text(i.t("Tổng", "Total")), .num(e.totalInvestment.value), .empty, .empty, .num(e.totalAnnualNetSaving.value), .empty, .num(e.totalNPV.value)])
    return ExportTable(id: "results-economics", title: i.t("Hiệu quả kinh tế các giải pháp", "Opportunity economics"), columns: cols, rows: rows)
  }

  static func policy(_ i: ExportInput) -> ExportTable {
    let p = i.results.policy
    let resource = { (r: String) -> String in
      switch r {
      case "energy": i.t("năng lượng", "energy")
      case "water": i.t("nước", "water")
      case "materials": i.t("nguyên vật liệu", "materials")
      default: r
      }
    }
    let planned = Dictionary(p.baselines.map { ($0.resource, $0.plannedPercent.value) }, uniquingKeysWith: { a, _ in a })
    let cols = [
      ExportColumn(i.t("Mục tiêu chính sách", "Policy target"), wide: true), ExportColumn(i.t("Tài nguyên", "Resource")),
      ExportColumn(i.t("Kế hoạch tiết kiệm", "Planned saving"), unit: "%", format: NumberFormats.percent1),
      ExportColumn(i.t("Mục tiêu thấp", "Target low"), unit: "%", format: NumberFormats.percent1),
      ExportColumn(i.t("Mục tiêu cao", "Target high"), unit: "%", format: NumberFormats.percent1),
      ExportColumn(i.t("Khoảng cách tới mức thấp", "Gap to low"), unit: i.t("điểm %", "pp"), format: NumberFormats.percent1),
      ExportColumn(i.t("Năm", "By year"), format: "0"), ExportColumn(i.t("Nguồn", "Source"), wide: true),
    ]
    var rows: [[CellValue]] = []
    for tg in p.targets {
      for g in tg.gaps {
        rows.append([
          .text(i.t(tg.name)), .text(resource(g.resource)), .num(planned[g.resource] ?? nil), .num(tg.lowPercent), .num(tg.highPercent),
          .num(g.gapToLow.value), .number(Double(tg.byYear)), .str(tg.source),
        ])
      }
    }
    return ExportTable(id: "results-policy", title: i.t("So với mục tiêu chính sách", "Policy targets"), columns: cols, rows: rows)
  }

  static func dataQuality(_ i: ExportInput) -> ExportTable {
    let q = i.results.dataQuality
    let cols = [
      ExportColumn(i.t("Lĩnh vực", "Area")), ExportColumn(i.t("Số dòng", "Records"), format: NumberFormats.integer),
      ExportColumn(i.t("Đo đạc/sổ sách", "Measured-grade"), format: NumberFormats.integer),
      ExportColumn(i.t("Theo số dòng", "By count"), unit: "%", format: NumberFormats.percent1),
      ExportColumn(i.t("Theo khối lượng", "By weight"), unit: "%", format: NumberFormats.percent1),
    ]
    var rows: [[CellValue]] = q.areas.map {
      [.text($0.area), .number(Double($0.records)), .number(Double($0.measuredRecords)), .num($0.byCountPercent.value), .num($0.byWeightPercent.value)]
    }
    rows.append([.text(i.t("Toàn bộ", "Overall")), .empty, .empty, .num(q.overallByCountPercent.value), .empty])
    return ExportTable(id: "results-data-quality", title: i.t("Chất lượng số liệu", "Data quality"), columns: cols, rows: rows)
  }

  static func sources(_ i: ExportInput) -> ExportTable {
    let cols = [
      ExportColumn(i.t("Hệ số", "Factor"), wide: true), ExportColumn(i.t("Giá trị", "Value"), format: NumberFormats.general),
      ExportColumn(i.t("Đơn vị", "Unit")), ExportColumn(i.t("Nguồn", "Source"), wide: true), ExportColumn(i.t("Năm", "Year"), format: "0"),
      ExportColumn(i.t("Số kết quả dùng", "Used by figures"), format: NumberFormats.integer),
    ]
    let rows: [[CellValue]] = FactorSources.collect(i.results).map {
      [.text($0.name), .number($0.value), .str($0.unit), .str($0.source), .num($0.year.map(Double.init)), .number(Double($0.uses))]
    }
    return ExportTable(id: "results-factor-sources", title: i.t("Nguồn các hệ số đã dùng", "Sources of the factors used"), columns: cols, rows: rows)
  }

  static func issues(_ i: ExportInput) -> ExportTable {
    let cols = [ExportColumn(i.t("Số liệu", "Figure"), wide: true), ExportColumn(i.t("Lý do chưa đầy đủ", "Why incomplete"), wide: true)]
    let rows: [[CellValue]] = i.results.issues.map { [.text($0.path), .text($0.reasons.map(i.t).joined(separator: "; "))] }
    return ExportTable(id: "results-issues", title: i.t("Số liệu chưa đầy đủ", "Incomplete figures"), columns: cols, rows: rows)
  }
}

/// Every factor used by any figure, once, with the number of figures using it.
enum FactorSources {
  struct Entry: Hashable {
    var name: String
    var value: Double
    var unit: String
    var source: String
    var year: Int?
    var uses: Int
  }

  /// `source.hasPrefix("header.settings")`, by the bytes when they decide: the prefix is ASCII, so a source that
  /// starts with its bytes followed by an ASCII byte (or nothing) has it, and one that does not start with its bytes
  /// has it only if a scalar outside ASCII is canonically that prefix (none of its letters or "." has such a form):
  /// only a non-ASCII byte right after the prefix, which might combine with its last letter, takes `hasPrefix`.
  static func fromSettings(_ source: String) -> Bool {
    let prefix = "header.settings".utf8
    var bytes = source.utf8.makeIterator()
    for p in prefix {
      guard let b = bytes.next(), b == p else {
        return false
      }
    }
    guard let after = bytes.next(), after >= 0x80 else { return true }
    return source.hasPrefix("header.settings")
  }

  static func collect(_ r: Results) -> [Entry] {
    // A factor is the same when its name, value (as printed), unit and source are.
    struct Key: Hashable {
      var name: String
      var value: Double
      var unit: String
      var source: String
      static func == (a: Key, b: Key) -> Bool {
        a.name == b.name && a.unit == b.unit && a.source == b.source
          && (a.value.bitPattern == b.value.bitPattern || (a.value.isNaN && b.value.isNaN && a.value.description == b.value.description))
      }
      // By the value alone (every NaN alike): hashing the texts normalises them (non-ASCII names), which cost more
      // than the rest of the table; equal keys still compare every text.
      func hash(into h: inout Hasher) { h.combine(value.isNaN ? 0 : value.bitPattern) }
    }
    var index: [Key: Int] = [:]
    var entries: [Entry] = []
    // Where each factor is first met in figure-path order (the path, then its place in that figure's list): factors
    // of the same source and name are listed in that order, as a stable sort of the factors met path by path in sorted
    // path order lists them, without sorting the paths (`allFigureFactors` gives them unsorted).
    var first: [(path: String, place: Int)] = []
    for (path, factors) in r.allFigureFactors {
      for (place, f) in factors.enumerated() where !fromSettings(f.source) {
        let key = Key(name: f.name, value: f.value, unit: f.unit, source: f.source)
        if let k = index[key] {
          entries[k].uses += 1
          if path < first[k].path { first[k] = (path, place) }
        } else {
          index[key] = entries.count
          entries.append(Entry(name: f.name, value: f.value, unit: f.unit, source: f.source, year: f.year, uses: 1))
          first.append((path, place))
        }
      }
    }
    // The entries compared in place (not copied out for every comparison).
    let order = entries.withUnsafeBufferPointer { e in
      first.withUnsafeBufferPointer { p in
        e.indices.sorted { a, b in
          if e[a].source != e[b].source { return e[a].source < e[b].source }
          if e[a].name != e[b].name { return e[a].name < e[b].name }
          return p[a].path != p[b].path ? p[a].path < p[b].path : p[a].place < p[b].place
        }
      }
    }
    return order.map { entries[$0] }
  }
}
