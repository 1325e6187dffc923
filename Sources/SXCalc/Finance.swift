import Foundation
import SXCore

/// Financial metrics of a cleaner-production option.
///
/// Convention (calculators.md §7): cash flow index 0 is the year-0 investment (negative, not discounted);
/// index t is the net saving at the end of year t. NPV = Σ CF_t / (1 + r)^t (numpy-financial `npv`; the Excel
/// equivalent is NPV(r, CF1…CFn) + CF0); IRR is the r with NPV = 0; payback is the time until the cumulative
/// flow turns ≥ 0, linear inside the year (discounted payback: the same on discounted flows); the annualised
/// saving is the equivalent annual value NPV × CRF, CRF = r(1+r)^n / ((1+r)^n − 1) (= NPV / n at r = 0), which
/// for level flows equals S − O&M − I₀ × CRF (domain.md §5.1).
public enum Finance {
  public static func npv(rate r: Double, flows: [Double]) -> Double {
    var total = 0.0
    var factor = 1.0
    for cf in flows {
      total += cf / factor
      factor *= 1 + r
    }
    return total
  }

  /// The internal rate of return, or nil when NPV does not change sign for rates in (−99 %, 1000 %).
  public static func irr(flows: [Double]) -> Double? {
    let grid: [Double] = [-0.99, -0.9, -0.5, -0.2, 0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10]
    var lo = grid[0], flo = npv(rate: lo, flows: flows)
    for r in grid.dropFirst() {
      let f = npv(rate: r, flows: flows)
      if f == 0 { return r }
      if flo.sign != f.sign {
        var a = lo, b = r, fa = flo
        for _ in 0..<200 {
          let m = 0.5 * (a + b)
          let fm = npv(rate: m, flows: flows)
          if fm == 0 || b - a < 1e-15 { return m }
          if fm.sign == fa.sign {
            a = m
            fa = fm
          } else {
            b = m
          }
        }
        return 0.5 * (a + b)
      }
      lo = r
      flo = f
    }
    return nil
  }

  /// Years until the cumulative flow (discounted at `rate` when given) turns ≥ 0, linear inside the year;
  /// nil when it never does.
  public static func payback(flows: [Double], discountRate rate: Double? = nil) -> Double? {
    var cumulative = 0.0
    var factor = 1.0
    for (t, cf) in flows.enumerated() {
      let v = rate == nil ? cf : cf / factor
      if t > 0, cumulative < 0, cumulative + v >= 0 { return Double(t - 1) + (-cumulative) / v }
      cumulative += v
      if t == 0, cumulative >= 0 { return 0 }
      factor *= 1 + (rate ?? 0)
    }
    return nil
  }

  /// Capital recovery factor r(1+r)^n / ((1+r)^n − 1); 1/n at r = 0.
  public static func capitalRecoveryFactor(rate r: Double, years n: Int) -> Double {
    guard r != 0 else { return 1 / Double(n) }
    let g = pow(1 + r, Double(n))
    return r * g / (g - 1)
  }

  static let year = 365.0 * 86_400

  static let cashFlow = Calculator(
    id: "finance.cashflow",
    title: .t("Hiệu quả tài chính: NPV, IRR, hoàn vốn", "Financial metrics: NPV, IRR, payback"),
    help: .t(
      "Dòng tiền: năm 0 = −đầu tư (không chiết khấu); năm t = tiết kiệm ròng cuối năm t (tiết kiệm − chi phí vận hành, đều trong `years` năm; hoặc danh sách cashFlows cho năm 1…n, khi có thì thay thế). NPV = Σ CF_t/(1+r)^t (tương đương Excel NPV(r, CF1…CFn) + CF0 — đừng đưa CF0 vào trong NPV() của Excel); IRR: r để NPV = 0; hoàn vốn giản đơn và có chiết khấu: thời điểm dòng tiền tích lũy ≥ 0, nội suy tuyến tính trong năm; tiết kiệm quy đổi hàng năm = NPV × CRF. Không hoàn vốn/không có IRR thì bỏ trống kèm ghi chú. Nguồn: calculators.md §7, domain.md §5.1; kiểm bằng numpy-financial 1.0.0.",
      "Cash flows: year 0 = −investment (not discounted); year t = net saving at the end of year t (saving − O&M, level over `years`; or the cashFlows list for years 1…n, which replaces them when given). NPV = Σ CF_t/(1+r)^t (= Excel NPV(r, CF1…CFn) + CF0 — do not put CF0 inside Excel's NPV()); IRR: r with NPV = 0; simple and discounted payback: when the cumulative flow turns ≥ 0, linear inside the year; annualised saving = NPV × CRF. A payback that never happens or a missing IRR is left out with a note. Source: calculators.md §7, domain.md §5.1; checked with numpy-financial 1.0.0."),
    inputs: [
      Common.nonNegative("investment", "VND", 100_000_000, vi: "Vốn đầu tư năm 0", en: "Year-0 investment"),
      Common.nonNegative("annualSaving", "VND", 30_000_000, vi: "Tiết kiệm mỗi năm", en: "Saving per year"),
      Common.nonNegative("annualCost", "VND", 0, vi: "Chi phí vận hành thêm mỗi năm", en: "Added operating cost per year"),
      CalcInput("years", "1", default: 5, min: .atLeast(1), max: .atMost(50), vi: "Tuổi thọ dự án (năm, số nguyên)", en: "Project life (years, whole number)"),
      CalcInput("discountRate", "1", default: 0.1, min: .atLeast(0), max: .atMost(1), vi: "Tỉ suất chiết khấu (phân số hoặc %)", en: "Discount rate (fraction or %)"),
      CalcInput(
        "cashFlows", "VND", vi: "Tùy chọn: dòng tiền ròng năm 1…n, cách nhau bởi dấu ; (thay cho annualSaving/annualCost/years)",
        en: "Optional: net cash flows of years 1…n, separated by ; (replaces annualSaving/annualCost/years)", kind: .list),
    ],
    outputs: [
      CalcOutputSpec("npv", "VND", vi: "Giá trị hiện tại ròng", en: "Net present value"),
      CalcOutputSpec("irr", "%", vi: "Tỉ suất hoàn vốn nội bộ", en: "Internal rate of return"),
      CalcOutputSpec("simplePayback", "yr", vi: "Hoàn vốn giản đơn", en: "Simple payback"),
      CalcOutputSpec("discountedPayback", "yr", vi: "Hoàn vốn có chiết khấu", en: "Discounted payback"),
      CalcOutputSpec("annualisedSaving", "VND", vi: "Tiết kiệm quy đổi hàng năm (NPV × CRF)", en: "Annualised saving (NPV × CRF)"),
    ],
    body: { a in
      let listed = a.list("cashFlows")
      let later: [Double]
      if listed.isEmpty {
        guard a["years"] == a["years"].rounded() else {
          throw CalcError.invalid("years", vi: "phải là số nguyên", en: "must be a whole number")
        }
        later = Array(repeating: a["annualSaving"] - a["annualCost"], count: Int(a["years"]))
      } else {
        later = listed
      }
      let flows = [-a["investment"]] + later
      let r = a["discountRate"]
      let value = npv(rate: r, flows: flows)
      var v: [String: Double] = [
        "npv": value, "annualisedSaving": value * capitalRecoveryFactor(rate: r, years: later.count),
      ]
      var notes: [LocalizedText] = []
      if let i = irr(flows: flows) {
        v["irr"] = i
      } else {
        notes.append(.t("Không có IRR: NPV không đổi dấu.", "No IRR: NPV does not change sign."))
      }
      if let p = payback(flows: flows) {
        v["simplePayback"] = p * year
      } else {
        notes.append(.t("Không hoàn vốn trong thời gian dự án.", "No payback within the project life."))
      }
      if let p = payback(flows: flows, discountRate: r) {
        v["discountedPayback"] = p * year
      } else {
        notes.append(.t("Không hoàn vốn có chiết khấu trong thời gian dự án.", "No discounted payback within the project life."))
      }
      return CalcResult(values: v, notes: notes, unused: listed.isEmpty ? [] : ["annualSaving", "annualCost", "years"])
    })
}
