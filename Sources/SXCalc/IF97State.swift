import Foundation

/// Public, SI-unit entry points of IAPWS-IF97: states from (p,T), (p,h), (p,s), (p,x), and the saturation line.
extension IF97 {
  /// Saturated liquid and vapour at one pressure.
  public struct Saturation: Sendable, Hashable {
    public let pressure: Double
    public let temperature: Double
    public let liquid: WaterState
    public let vapour: WaterState
    /// Latent heat h_g − h_f, J/kg.
    public var latentHeat: Double { vapour.enthalpy - liquid.enthalpy }
  }

  static func rangeError(_ what: String) -> CalcError {
    CalcError(
      input: nil,
      vi: "\(what) nằm ngoài phạm vi IAPWS-IF97 đã cài (273,15–1073,15 K; 0–100 MPa tuyệt đối)",
      en: "\(what) is outside the implemented IAPWS-IF97 range (273.15–1073.15 K; 0–100 MPa absolute)")
  }

  static func state(_ q: Props, region: Int, quality: Double? = nil) -> WaterState {
    WaterState(
      pressure: q.p * 1e6, temperature: q.T, volume: q.v, enthalpy: q.h * 1e3, entropy: q.s * 1e3,
      internalEnergy: q.u * 1e3, cp: q.cp * 1e3, speedOfSound: q.w, quality: quality, region: region)
  }

  /// Saturation pressure (Pa) at temperature T (K), 273.15 K ≤ T ≤ 647.096 K (IF97 eq. 30).
  public static func saturationPressure(temperature T: Double) throws -> Double {
    guard T >= tMin, T <= Tc else { throw rangeError("T = \(T) K (saturation)") }
    return psatMPa(T) * 1e6
  }

  /// Saturation temperature (K) at absolute pressure p (Pa), 611.213 Pa ≤ p ≤ 22.064 MPa (IF97 eq. 31).
  public static func saturationTemperature(pressure p: Double) throws -> Double {
    guard p >= pSatMin * 1e6, p <= pc * 1e6 else { throw rangeError("p = \(p) Pa (saturation)") }
    return tsatK(p / 1e6)
  }

  /// Single-phase properties at (p, T) in MPa and K, region chosen by the IF97 boundaries.
  static func propsPT(p: Double, T: Double) throws -> (Props, Int) {
    guard p > 0, p <= pMax, T >= tMin, T <= tMax else { throw rangeError("p = \(p) MPa, T = \(T) K") }
    if T <= t13 {
      return p > psatMPa(T) ? (region1(T: T, p: p), 1) : (region2(T: T, p: p), 2)
    }
    if p <= pB23(T) { return (region2(T: T, p: p), 2) }
    let liquid: Bool? = T < Tc ? p > psatMPa(T) : nil
    guard let rho = region3Density(T: T, p: p, liquid: liquid) else { throw rangeError("p = \(p) MPa, T = \(T) K") }
    return (region3(rho: rho, T: T), 3)
  }

  /// The state at absolute pressure p (Pa) and temperature T (K).
  public static func state(pressure p: Double, temperature T: Double) throws -> WaterState {
    let (q, r) = try propsPT(p: p / 1e6, T: T)
    return state(q, region: r)
  }

  /// Saturated liquid and vapour at absolute pressure p (Pa).
  public static func saturation(pressure p: Double) throws -> Saturation {
    let pm = p / 1e6
    let ts = try saturationTemperature(pressure: p)
    let ph = try saturatedPhases(p: pm, T: ts)
    return Saturation(
      pressure: p, temperature: ts, liquid: state(ph.liquid.props, region: ph.liquid.region, quality: 0),
      vapour: state(ph.vapour.props, region: ph.vapour.region, quality: 1))
  }

  /// Saturated liquid and vapour at temperature T (K).
  public static func saturation(temperature T: Double) throws -> Saturation {
    let p = try saturationPressure(temperature: T)
    let ph = try saturatedPhases(p: p / 1e6, T: T)
    return Saturation(
      pressure: p, temperature: T, liquid: state(ph.liquid.props, region: ph.liquid.region, quality: 0),
      vapour: state(ph.vapour.props, region: ph.vapour.region, quality: 1))
  }

  struct Phase {
    var props: Props
    var region: Int
  }

  /// Saturated liquid and vapour props at (p, T) on the saturation line (regions 1/2 below 623.15 K, region 3 above).
  static func saturatedPhases(p: Double, T: Double) throws -> (liquid: Phase, vapour: Phase) {
    if T <= t13 { return (Phase(props: region1(T: T, p: p), region: 1), Phase(props: region2(T: T, p: p), region: 2)) }
    guard let rl = region3Density(T: T, p: p, liquid: true), let rv = region3Density(T: T, p: p, liquid: false) else {
      throw rangeError("p = \(p) MPa (saturation)")
    }
    return (Phase(props: region3(rho: rl, T: T), region: 3), Phase(props: region3(rho: rv, T: T), region: 3))
  }

  static func mix(_ l: Props, _ v: Props, x: Double) -> Props {
    func m(_ a: Double, _ b: Double) -> Double { a + x * (b - a) }
    return Props(p: l.p, T: l.T, v: m(l.v, v.v), h: m(l.h, v.h), s: m(l.s, v.s), u: m(l.u, v.u), cp: .nan, w: .nan)
  }

  static func twoPhase(_ l: Props, _ v: Props, x: Double) -> WaterState {
    let q = mix(l, v, x: x)
    return WaterState(
      pressure: q.p * 1e6, temperature: q.T, volume: q.v, enthalpy: q.h * 1e3, entropy: q.s * 1e3,
      internalEnergy: q.u * 1e3, cp: nil, speedOfSound: nil, quality: x, region: 4)
  }

  /// The state at absolute pressure p (Pa) and vapour fraction x (0 = saturated liquid, 1 = saturated vapour).
  public static func state(pressure p: Double, quality x: Double) throws -> WaterState {
    guard x >= 0, x <= 1 else {
      throw CalcError(input: "quality", vi: "độ khô phải trong [0, 1]", en: "quality must be within [0, 1]")
    }
    let sat = try saturation(pressure: p)
    if x == 0 { return sat.liquid }
    if x == 1 { return sat.vapour }
    let ph = try saturatedPhases(p: p / 1e6, T: sat.temperature)
    return twoPhase(ph.liquid.props, ph.vapour.props, x: x)
  }

  enum Given { case enthalpy, entropy }

  /// Solves g(T) = target for T in [a, b] (g increasing) by bisection with secant steps (Illinois).
  static func solveT(_ a0: Double, _ b0: Double, guess: Double?, target: Double, _ g: (Double) throws -> Double) rethrows
    -> Double
  {
    var a = a0, b = b0
    var fa = try g(a) - target, fb = try g(b) - target
    if fa == 0 { return a }
    if fb == 0 { return b }
    if let t = guess, t > a, t < b {
      // Narrow the bracket around the backward-equation estimate first.
      let d = max(1e-3, 1e-4 * t)
      let lo = max(a, t - d), hi = min(b, t + d)
      let flo = try g(lo) - target, fhi = try g(hi) - target
      if flo <= 0, fhi >= 0 { a = lo; fa = flo; b = hi; fb = fhi }
    }
    var side = 0
    for _ in 0..<200 {
      var c = (a * fb - b * fa) / (fb - fa)
      if !(c > a && c < b) { c = 0.5 * (a + b) }
      let fc = try g(c) - target
      if fc == 0 || b - a < 1e-11 * c { return c }
      if fc.sign == fa.sign {
        a = c; fa = fc
        if side == -1 { fb /= 2 }
        side = -1
      } else {
        b = c; fb = fc
        if side == 1 { fa /= 2 }
        side = 1
      }
      if abs(fc) < 1e-13 * max(1, abs(target)) { return c }
    }
    return 0.5 * (a + b)
  }

  /// The state at absolute pressure p (Pa) and specific enthalpy h (J/kg).
  public static func state(pressure p: Double, enthalpy h: Double) throws -> WaterState {
    try solve(p: p, value: h / 1e3, given: .enthalpy)
  }

  /// The state at absolute pressure p (Pa) and specific entropy s (J/(kg·K)).
  public static func state(pressure p: Double, entropy s: Double) throws -> WaterState {
    try solve(p: p, value: s / 1e3, given: .entropy)
  }

  static func solve(p pPa: Double, value: Double, given: Given) throws -> WaterState {
    let p = pPa / 1e6
    guard p > 0, p <= pMax else { throw rangeError("p = \(p) MPa") }
    func pick(_ q: Props) -> Double { given == .enthalpy ? q.h : q.s }
    func r1(_ T: Double) -> Double { pick(region1(T: T, p: p)) }
    func r2(_ T: Double) -> Double { pick(region2(T: T, p: p)) }
    func r3(_ T: Double) throws -> Double {
      let liquid: Bool? = (T < Tc && p < pc) ? p > psatMPa(T) : nil
      guard let rho = region3Density(T: T, p: p, liquid: liquid) else { throw rangeError("p = \(p) MPa, T = \(T) K") }
      return pick(region3(rho: rho, T: T))
    }
    let guess1: Double? = given == .enthalpy ? backward1T(p: p, h: value) : nil
    let guess2: Double? = given == .enthalpy ? backward2T(p: p, h: value) : nil
    let outOfRange = rangeError(given == .enthalpy ? "h = \(value) kJ/kg at p = \(p) MPa" : "s = \(value) kJ/(kg·K) at p = \(p) MPa")

    if p >= pSatMin, p <= psatMPa(t13) {
      let ts = tsatK(p)
      let lo = r1(tMin), lf = r1(ts), vg = r2(ts), hi = r2(tMax)
      if value < lo || value > hi { throw outOfRange }
      if value <= lf {
        let T = solveT(tMin, ts, guess: guess1, target: value, r1)
        return state(region1(T: T, p: p), region: 1)
      }
      if value >= vg {
        let T = solveT(ts, tMax, guess: guess2, target: value, r2)
        return state(region2(T: T, p: p), region: 2)
      }
      let l = region1(T: ts, p: p), v = region2(T: ts, p: p)
      return twoPhase(l, v, x: (value - pick(l)) / (pick(v) - pick(l)))
    }
    if p < pSatMin {
      // Below the triple-point pressure water at T ≥ 273.15 K is vapour (region 2).
      if value < r2(tMin) || value > r2(tMax) { throw outOfRange }
      let T = solveT(tMin, tMax, guess: guess2, target: value, r2)
      return state(region2(T: T, p: p), region: 2)
    }
    // p above the saturation pressure at 623.15 K: regions 1, 3 (with the dome below pc) and 2.
    let t23 = tB23(p)
    if value < r1(tMin) || value > r2(tMax) { throw outOfRange }
    if value <= r1(t13) {
      let T = solveT(tMin, t13, guess: guess1, target: value, r1)
      return state(region1(T: T, p: p), region: 1)
    }
    if value >= r2(t23) {
      let T = solveT(t23, tMax, guess: guess2, target: value, r2)
      return state(region2(T: T, p: p), region: 2)
    }
    if p < pc {
      let ts = tsatK(p)
      let ph = try saturatedPhases(p: p, T: ts)
      let lf = pick(ph.liquid.props), vg = pick(ph.vapour.props)
      if value > lf, value < vg { return twoPhase(ph.liquid.props, ph.vapour.props, x: (value - lf) / (vg - lf)) }
      let (a, b) = value <= lf ? (t13, ts) : (ts, t23)
      let T = try solveT(a, b, guess: nil, target: value, r3)
      let (q, r) = try propsPT(p: p, T: T)
      return state(q, region: r)
    }
    let T = try solveT(t13, t23, guess: nil, target: value, r3)
    let (q, r) = try propsPT(p: p, T: T)
    return state(q, region: r)
  }
}
