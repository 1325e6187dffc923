import Foundation
import SXCalc

/// Investment appraisal with the convention of calculators.md §7, reusing `SXCalc.Finance` (same convention):
/// cash-flow index 0 = year-0 investment (negative, undiscounted); index t = net flow at the END of year t;
/// NPV = Σ CF_t / (1+r)^t (numpy-financial `npv`; Excel equivalent `NPV(r, CF1..CFn) + CF0`);
/// IRR = the rate where NPV = 0; payback = years until the cumulative flow turns ≥ 0, linear inside the year;
/// `nil` means "never" / "none". This façade only adds guards so that no NaN or infinity escapes.
public enum Economics {
  /// Net present value at `rate` (fraction per year); `nil` for a rate ≤ −1 or a non-finite result.
  public static func npv(rate: Double, cashFlows: [Double]) -> Double? {
    guard rate.isFinite, rate > -1, cashFlows.allSatisfy(\.isFinite) else { return nil }
    return finite(Finance.npv(rate: rate, flows: cashFlows))
  }

  /// Internal rate of return, `nil` when NPV does not change sign.
  public static func irr(cashFlows: [Double]) -> Double? {
    guard cashFlows.count >= 2, cashFlows.allSatisfy(\.isFinite) else { return nil }
    guard cashFlows.contains(where: { $0 > 0 }), cashFlows.contains(where: { $0 < 0 }) else { return nil }
    return Finance.irr(flows: cashFlows).flatMap(finite)
  }

  /// Years until the cumulative undiscounted flow turns ≥ 0, linear inside the year; `nil` = never.
  public static func simplePayback(cashFlows: [Double]) -> Double? {
    guard cashFlows.allSatisfy(\.isFinite) else { return nil }
    return Finance.payback(flows: cashFlows).flatMap(finite)
  }

  /// The same on flows discounted at `rate`; `nil` = never.
  public static func discountedPayback(rate: Double, cashFlows: [Double]) -> Double? {
    guard rate.isFinite, rate > -1, cashFlows.allSatisfy(\.isFinite) else { return nil }
    return Finance.payback(flows: cashFlows, discountRate: rate).flatMap(finite)
  }

  /// Capital recovery factor r(1+r)^n / ((1+r)^n − 1); 1/n at r = 0.
  public static func capitalRecoveryFactor(rate: Double, years: Int) -> Double? {
    guard years > 0, rate.isFinite, rate > -1 else { return nil }
    return finite(Finance.capitalRecoveryFactor(rate: rate, years: years))
  }

  /// Equivalent annual saving = NPV × CRF(r, n); for level flows this is S_net − I × CRF (domain.md §5.1).
  public static func annualisedSaving(rate: Double, cashFlows: [Double]) -> Double? {
    let years = cashFlows.count - 1
    guard let v = npv(rate: rate, cashFlows: cashFlows), let crf = capitalRecoveryFactor(rate: rate, years: years) else {
      return nil
    }
    return finite(v * crf)
  }

  /// The cash flows of an investment with a level yearly net saving: [−I, S, S, …] (n years).
  public static func levelFlows(investment: Double, annualNetSaving: Double, years: Int) -> [Double] {
    [-investment] + Array(repeating: annualNetSaving, count: max(0, years))
  }

  private static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
}
