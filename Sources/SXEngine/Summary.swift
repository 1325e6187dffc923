import Foundation
import SXCore

extension Results {
  /// A readable summary in `language`: one section per area, columns aligned, numbers in the language's format.
  public func summary(_ language: Language) -> String {
    let vi = language == .vi
    func t(_ v: String, _ e: String) -> String { vi ? v : e }
    func n(_ f: Figure, scale: Double = 1, digits: Int? = nil) -> String {
      guard let v = f.value else { return "—" }
      let s = digits.map { NumberFormat.format(v / scale, language, maxFractionDigits: $0) } ?? NumberFormat.auto(v / scale, language)
      return f.isOK ? s : s + "*"
    }
    var out: [String] = []
    out.append(t("KẾT QUẢ ĐÁNH GIÁ NHANH SXSH — ", "RAPID CP ASSESSMENT RESULTS — ") + assessmentId)
    out.append(
      complete
        ? t("Mọi số liệu đã đầy đủ.", "All figures complete.")
        : t("Có \(issues.count) số liệu chưa đầy đủ (đánh dấu *).", "\(issues.count) figures incomplete (marked *)."))

    section(&out, t("1. Cân bằng vật chất (t)", "1. Material balance (t)"),
      [t("Công đoạn", "Step"), t("Vào", "In"), t("Ra", "Out"), t("Chênh lệch", "Unaccounted"), t("Khép %", "Closure %"), t("Cờ", "Flag")],
      (balance.steps + [balance.plant]).map { b in
        [b.id == "plant" ? t("Toàn nhà máy", "Plant") : b.name, n(b.massIn, scale: 1000, digits: 2), n(b.massOut, scale: 1000, digits: 2),
         n(b.unaccounted, scale: 1000, digits: 2), n(b.closurePercent, digits: 1),
         b.flagged ? "⚑ " + (b.biggestMissing?.text(language) ?? "") : ""]
      })

    section(&out, t("2. Năng lượng", "2. Energy"),
      [t("Dạng năng lượng", "Carrier"), "GJ", "TOE", t("Chi phí (tr.đ)", "Cost (M VND)"), t("Tỷ trọng %", "Share %")],
      energy.carriers.map { [$0.name, n($0.gj, digits: 1), n($0.toe, digits: 2), n($0.cost, scale: 1e6, digits: 1), n($0.sharePercent, digits: 1)] }
        + [[t("Tổng", "Total"), n(energy.total.gj, digits: 1), n(energy.total.toe, digits: 2), n(energy.total.cost, scale: 1e6, digits: 1), ""]])
    out.append(
      energy.keyEnergyUser
        ? t("⚑ Cơ sở sử dụng năng lượng trọng điểm (> \(NumberFormat.format(energy.keyEnergyUserThresholdTOE, language)) TOE/năm)",
            "⚑ Key energy user (> \(NumberFormat.format(energy.keyEnergyUserThresholdTOE, language)) TOE/yr)")
        : t("Dưới ngưỡng cơ sở sử dụng năng lượng trọng điểm.", "Below the key-energy-user threshold."))

    section(&out, t("3. Phát thải CO2 (t)", "3. CO2 emissions (t)"),
      [t("Nguồn", "Source"), "CO2", "CO2e", t("CO2 sinh khối (ghi nhớ)", "Biogenic CO2 (memo)")],
      (co2.carriers + [co2.total]).map { r in
        [r.id == "total" ? t("Tổng", "Total") : r.name, n(r.co2, digits: 1), n(r.co2e, digits: 1), n(r.biogenicCO2, digits: 1)]
      })
    out.append(t("Hệ số lưới điện \(co2.gridFactorYear): ", "Grid factor \(co2.gridFactorYear): ") + n(co2.gridFactor, digits: 4) + " t CO2/MWh")

    let w = water.total
    section(&out, t("4. Nước (m³/năm)", "4. Water (m³/yr)"), [t("Chỉ tiêu", "Item"), t("Giá trị", "Value")], [
      [t("Cấp", "Supply"), n(w.supply, digits: 0)], [t("Đầu ra", "Outputs"), n(w.outputs, digits: 0)],
      [t("Chưa rõ", "Unaccounted"), n(w.unaccounted, digits: 0)], [t("Độ khép %", "Closure %"), n(w.closurePercent, digits: 1)],
      [t("Nước thải", "Wastewater"), n(w.wastewater, digits: 0)], [t("Tổng chi phí (tr.đ)", "Total cost (M VND)"), n(w.totalCost, scale: 1e6, digits: 1)],
    ])

    section(&out, t("5. Chi phí dòng thải (MFCA) — Pareto", "5. Waste-stream cost (MFCA) — Pareto"),
      ["#", t("Dòng thải", "Stream"), t("Tổng (tr.đ)", "Total (M VND)"), t("Tích lũy %", "Cumulative %"), t("Nhóm", "Class")],
      wasteCost.pareto.map { ["\($0.rank)", $0.name, n($0.total, scale: 1e6, digits: 1), n($0.cumulativePercent, digits: 1), $0.paretoClass] })

    section(&out, t("6. Chỉ số trên tấn sản phẩm", "6. Indicators per tonne of product"),
      [t("Chỉ số", "Indicator"), t("Giá trị", "Value"), t("Đơn vị", "Unit"), t("Điển hình", "Typical"), t("Thực hành tốt", "Good practice"), t("Đánh giá", "Rating")],
      indicators.items.map { i in
        let b = i.benchmark
        let typical = b.map { b in
          [b.typicalLow, b.typicalHigh].compactMap { $0.map { NumberFormat.auto($0, language) } }.joined(separator: "–") + (b.indicative ? " (i)" : "")
        } ?? "—"
        return [i.name.text(language), n(i.value, digits: 2), i.value.unit, typical, b?.goodPractice.map { NumberFormat.auto($0, language) } ?? "—",
                rating(i.rating, language) + (i.exceedsTypical ? " ⚑" : "")]
      })

    section(&out, t("Chính sách: mức giảm theo kế hoạch", "Policy: planned cut per unit product"),
      [t("Nguồn lực", "Resource"), t("Giảm %", "Cut %")] + policy.targets.map { $0.name.text(language) },
      policy.baselines.map { b in
        [b.resource, n(b.plannedPercent, digits: 1)] + policy.targets.map { tg in
          guard let g = tg.gaps.first(where: { $0.resource == b.resource }) else { return "" }
          return g.meetsLow ? t("đạt", "met") : t("thiếu ", "short ") + n(g.gapToLow, digits: 1)
        }
      })

    section(&out, t("7. Hiệu quả kinh tế các giải pháp", "7. Economics of the opportunities"),
      [t("Giải pháp", "Opportunity"), t("Đầu tư (tr.đ)", "Invest (M VND)"), t("TK ròng/năm", "Net saving/yr"), t("Hoàn vốn (năm)", "Payback (yr)"),
       "NPV (tr.đ)", "IRR %"],
      economics.opportunities.map { o in
        [o.title, n(o.investment, scale: 1e6, digits: 1), n(o.annualNetSaving, scale: 1e6, digits: 1), n(o.simplePayback, digits: 2),
         n(o.npv, scale: 1e6, digits: 1), o.irr.value.map { NumberFormat.format($0 * 100, language, maxFractionDigits: 1) } ?? "—"]
      })

    section(&out, t("8. Chất lượng số liệu (tỷ lệ đo/sổ sách)", "8. Data quality (measured-grade share)"),
      [t("Lĩnh vực", "Area"), t("Số dòng", "Rows"), t("Theo số dòng %", "By count %"), t("Theo lượng %", "By weight %")],
      dataQuality.areas.map { [$0.area, "\($0.records)", n($0.byCountPercent, digits: 0), n($0.byWeightPercent, digits: 0)] })

    if !issues.isEmpty {
      out.append("")
      out.append(t("Chưa đầy đủ (10 mục đầu):", "Incomplete (first 10):"))
      for i in issues.prefix(10) { out.append("  * \(i.path): " + i.reasons.map { $0.text(language) }.joined(separator: "; ")) }
    }
    return out.joined(separator: "\n")
  }

  private func rating(_ r: BenchmarkRating, _ l: Language) -> String {
    let vi = l == .vi
    switch r {
    case .atOrBelowGoodPractice: return vi ? "tốt" : "good practice"
    case .withinTypical: return vi ? "điển hình" : "typical"
    case .aboveTypical: return vi ? "cao hơn điển hình" : "above typical"
    case .belowTypical: return vi ? "thấp hơn điển hình" : "below typical"
    case .noBenchmark: return "—"
    case .unknown: return "?"
    }
  }

  private func section(_ out: inout [String], _ title: String, _ header: [String], _ rows: [[String]]) {
    out.append("")
    out.append(title)
    let all = [header] + rows
    var widths = Array(repeating: 0, count: header.count)
    for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], min(40, c.count)) } }
    for (k, r) in all.enumerated() {
      var line = "  "
      for (i, c) in r.enumerated() where i < widths.count {
        let cell = c.count > 40 ? String(c.prefix(39)) + "…" : c
        let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
        // Text columns left-aligned (first), numbers right-aligned.
        line += (i == 0 || i == r.count - 1 && k > 0 && !(cell.first?.isNumber ?? false) ? cell + pad : pad + cell)
        line += "  "
      }
      out.append(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
      if k == 0 { out.append("  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")) }
    }
  }
}
