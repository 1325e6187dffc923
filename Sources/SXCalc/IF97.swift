import Foundation

/// A state of water or steam, in SI units.
public struct WaterState: Sendable, Hashable {
  /// Absolute pressure, Pa.
  public let pressure: Double
  /// Temperature, K.
  public let temperature: Double
  /// Specific volume, m³/kg.
  public let volume: Double
  /// Specific enthalpy, J/kg.
  public let enthalpy: Double
  /// Specific entropy, J/(kg·K).
  public let entropy: Double
  /// Specific internal energy, J/kg.
  public let internalEnergy: Double
  /// Specific isobaric heat capacity, J/(kg·K) (nil inside the two-phase dome).
  public let cp: Double?
  /// Speed of sound, m/s (nil inside the two-phase dome).
  public let speedOfSound: Double?
  /// Vapour mass fraction: 0…1 inside the dome, nil for a single-phase state.
  public let quality: Double?
  /// IF97 region: 1 (compressed liquid), 2 (vapour), 3 (near-critical), 4 (two-phase mixture).
  public let region: Int

  public var density: Double { 1 / volume }
}

/// IAPWS Industrial Formulation 1997 for the thermodynamic properties of water and steam
/// (IAPWS R7-97(2012)): regions 1, 2 and 3 (basic equations), region 4 (saturation line),
/// the region 2–3 boundary (B23), and the backward equations T(p,h) of regions 1 and 2.
///
/// Range: 273.15 K ≤ T ≤ 1073.15 K, 0 < p ≤ 100 MPa (region 5, above 1073.15 K, is not implemented).
/// States given by (p,h) or (p,s) are solved by iterating the forward equations to consistency (as MEASUR and
/// the `iapws` package do), starting from the backward equations where the release provides them.
public enum IF97 {
  /// Specific gas constant of water, kJ/(kg·K) (IF97 value).
  static let R = 0.461526
  /// Critical temperature (K), pressure (MPa), density (kg/m³).
  static let Tc = 647.096
  static let pc = 22.064
  static let rhoc = 322.0
  static let tMin = 273.15
  static let tMax = 1_073.15
  static let pMax = 100.0
  /// Lowest pressure of the saturation line (triple point), MPa.
  static let pSatMin = 611.212677e-6
  /// Temperature of the region 1/3 boundary, K.
  static let t13 = 623.15

  /// Properties in the release's units: MPa, K, m³/kg, kJ/kg, kJ/(kg·K), m/s.
  struct Props {
    var p: Double
    var T: Double
    var v: Double
    var h: Double
    var s: Double
    var u: Double
    var cp: Double
    var w: Double
  }

  // MARK: Region 1 (Gibbs free energy, p* = 16.53 MPa, T* = 1386 K)

  static func region1(T: Double, p: Double) -> Props {
    let pi = p / 16.53, tau = 1386 / T
    let a = 7.1 - pi, b = tau - 1.222
    var g = 0.0, gp = 0.0, gpp = 0.0, gt = 0.0, gtt = 0.0, gpt = 0.0
    let c = IF97Coefficients.self
    for k in 0..<c.r1N.count {
      let n = c.r1N[k], I = Double(c.r1I[k]), J = Double(c.r1J[k])
      let aI = pow(a, I), bJ = pow(b, J)
      g += n * aI * bJ
      gp -= n * I * pow(a, I - 1) * bJ
      gpp += n * I * (I - 1) * pow(a, I - 2) * bJ
      gt += n * aI * J * pow(b, J - 1)
      gtt += n * aI * J * (J - 1) * pow(b, J - 2)
      gpt -= n * I * pow(a, I - 1) * J * pow(b, J - 1)
    }
    let v = pi * gp * R * T / p / 1000
    let h = tau * gt * R * T
    let s = R * (tau * gt - g)
    let cp = -R * tau * tau * gtt
    let w = sqrt(R * T * 1000 * gp * gp / ((gp - tau * gpt) * (gp - tau * gpt) / (tau * tau * gtt) - gpp))
    return Props(p: p, T: T, v: v, h: h, s: s, u: h - p * 1000 * v, cp: cp, w: w)
  }

  // MARK: Region 2 (ideal-gas + residual Gibbs free energy, p* = 1 MPa, T* = 540 K)

  static func region2(T: Double, p: Double) -> Props {
    let pi = p, tau = 540 / T
    let c = IF97Coefficients.self
    var g0 = log(pi), g0t = 0.0, g0tt = 0.0
    for k in 0..<c.r2N0.count {
      let n = c.r2N0[k], J = Double(c.r2J0[k])
      g0 += n * pow(tau, J)
      g0t += n * J * pow(tau, J - 1)
      g0tt += n * J * (J - 1) * pow(tau, J - 2)
    }
    let g0p = 1 / pi
    var gr = 0.0, grp = 0.0, grpp = 0.0, grt = 0.0, grtt = 0.0, grpt = 0.0
    let b = tau - 0.5
    for k in 0..<c.r2N.count {
      let n = c.r2N[k], I = Double(c.r2I[k]), J = Double(c.r2J[k])
      let pI = pow(pi, I), bJ = pow(b, J)
      gr += n * pI * bJ
      grp += n * I * pow(pi, I - 1) * bJ
      grpp += n * I * (I - 1) * pow(pi, I - 2) * bJ
      grt += n * pI * J * pow(b, J - 1)
      grtt += n * pI * J * (J - 1) * pow(b, J - 2)
      grpt += n * I * pow(pi, I - 1) * J * pow(b, J - 1)
    }
    let v = pi * (g0p + grp) * R * T / p / 1000
    let h = tau * (g0t + grt) * R * T
    let s = R * (tau * (g0t + grt) - (g0 + gr))
    let cp = -R * tau * tau * (g0tt + grtt)
    let num = 1 + 2 * pi * grp + pi * pi * grp * grp
    let x = 1 + pi * grp - tau * pi * grpt
    let den = 1 - pi * pi * grpp + x * x / (tau * tau * (g0tt + grtt))
    let w = sqrt(R * T * 1000 * num / den)
    return Props(p: p, T: T, v: v, h: h, s: s, u: h - p * 1000 * v, cp: cp, w: w)
  }

  // MARK: Region 3 (Helmholtz free energy in density and temperature)

  static func region3(rho: Double, T: Double) -> Props {
    let d = rho / rhoc, tau = Tc / T
    let c = IF97Coefficients.self
    let n1 = 1.0658070028513
    var f = n1 * log(d), fd = n1 / d, fdd = -n1 / (d * d), ft = 0.0, ftt = 0.0, fdt = 0.0
    for k in 0..<c.r3N.count {
      let n = c.r3N[k], I = Double(c.r3I[k]), J = Double(c.r3J[k])
      let dI = pow(d, I), tJ = pow(tau, J)
      f += n * dI * tJ
      fd += n * I * pow(d, I - 1) * tJ
      fdd += n * I * (I - 1) * pow(d, I - 2) * tJ
      ft += n * dI * J * pow(tau, J - 1)
      ftt += n * dI * J * (J - 1) * pow(tau, J - 2)
      fdt += n * I * pow(d, I - 1) * J * pow(tau, J - 1)
    }
    let p = d * fd * R * T * rho / 1000
    let h = R * T * (tau * ft + d * fd)
    let s = R * (tau * ft - f)
    let u = R * T * tau * ft
    let y = d * fd - d * tau * fdt
    let cp = R * (-tau * tau * ftt + y * y / (2 * d * fd + d * d * fdd))
    let w = sqrt(R * T * 1000 * (2 * d * fd + d * d * fdd - y * y / (tau * tau * ftt)))
    return Props(p: p, T: T, v: 1 / rho, h: h, s: s, u: u, cp: cp, w: w)
  }

  /// Density of region 3 at (p, T): scans p(ρ) for sign changes and refines the root on the requested side
  /// (liquid: the densest root, vapour: the lightest, nil: the only root above the critical point).
  /// The scan stays within 40–800 kg/m³: region 3 densities lie within about 100–763 kg/m³ (763 = region 1 at
  /// 623.15 K, 100 MPa), and the Helmholtz equation extrapolated above that has spurious roots (e.g. near
  /// 970 kg/m³ at 630 K, 20 MPa).
  static func region3Density(T: Double, p: Double, liquid: Bool?) -> Double? {
    var roots: [(Double, Double)] = []
    var lo = 40.0
    var flo = region3(rho: lo, T: T).p - p
    var rho = lo + 2
    while rho <= 800 {
      let f = region3(rho: rho, T: T).p - p
      if flo.sign != f.sign || f == 0 { roots.append((lo, rho)) }
      lo = rho
      flo = f
      rho += 2
    }
    guard !roots.isEmpty else { return nil }
    let bracket: (Double, Double)
    switch liquid {
    case .some(true): bracket = roots[roots.count - 1]
    case .some(false): bracket = roots[0]
    case .none: bracket = roots[0]
    }
    var (a, b) = bracket
    var fa = region3(rho: a, T: T).p - p
    for _ in 0..<200 {
      let m = 0.5 * (a + b)
      let fm = region3(rho: m, T: T).p - p
      if fm == 0 { return m }
      if fm.sign == fa.sign {
        a = m
        fa = fm
      } else {
        b = m
      }
      if b - a < 1e-12 * m { break }
    }
    return 0.5 * (a + b)
  }

  // MARK: Region 4 (saturation line)

  static let n4: [Double] = [
    0, 0.11670521452767e4, -0.72421316703206e6, -0.17073846940092e2, 0.12020824702470e5,
    -0.32325550322333e7, 0.14915108613530e2, -0.48232657361591e4, 0.40511340542057e6,
    -0.23855557567849, 0.65017534844798e3,
  ]

  /// Saturation pressure (MPa) at T (K), 273.15 K ≤ T ≤ 647.096 K.
  static func psatMPa(_ T: Double) -> Double {
    let n = n4
    let th = T + n[9] / (T - n[10])
    let A = th * th + n[1] * th + n[2]
    let B = n[3] * th * th + n[4] * th + n[5]
    let C = n[6] * th * th + n[7] * th + n[8]
    return pow(2 * C / (-B + sqrt(B * B - 4 * A * C)), 4)
  }

  /// Saturation temperature (K) at p (MPa), 611.213 Pa ≤ p ≤ 22.064 MPa.
  static func tsatK(_ p: Double) -> Double {
    let n = n4
    let be = pow(p, 0.25)
    let E = be * be + n[3] * be + n[6]
    let F = n[1] * be * be + n[4] * be + n[7]
    let G = n[2] * be * be + n[5] * be + n[8]
    let D = 2 * G / (-F - sqrt(F * F - 4 * E * G))
    return (n[10] + D - sqrt((n[10] + D) * (n[10] + D) - 4 * (n[9] + n[10] * D))) / 2
  }

  // MARK: Boundary between regions 2 and 3 (B23)

  static func pB23(_ T: Double) -> Double { 0.34805185628969e3 - 0.11671859879975e1 * T + 0.10192970039326e-2 * T * T }
  static func tB23(_ p: Double) -> Double { 0.57254459862746e3 + sqrt((p - 0.1391883977870e2) / 0.10192970039326e-2) }

  // MARK: Backward equations T(p,h)

  static func backward1T(p: Double, h: Double) -> Double {
    let c = IF97Coefficients.self
    let eta = h / 2500
    var t = 0.0
    for k in 0..<c.b1N.count { t += c.b1N[k] * pow(p, Double(c.b1I[k])) * pow(eta + 1, Double(c.b1J[k])) }
    return t
  }

  static func backward2T(p: Double, h: Double) -> Double {
    let c = IF97Coefficients.self
    let eta = h / 2000
    var t = 0.0
    if p <= 4 {
      for k in 0..<c.b2aN.count { t += c.b2aN[k] * pow(p, Double(c.b2aI[k])) * pow(eta - 2.1, Double(c.b2aJ[k])) }
    } else if p <= 905.84278514723 - 0.67955786399241 * h + 1.2809002730136e-4 * h * h {
      for k in 0..<c.b2bN.count {
        t += c.b2bN[k] * pow(p - 2, Double(c.b2bI[k])) * pow(eta - 2.6, Double(c.b2bJ[k]))
      }
    } else {
      for k in 0..<c.b2cN.count {
        t += c.b2cN[k] * pow(p + 25, Double(c.b2cI[k])) * pow(eta - 1.8, Double(c.b2cJ[k]))
      }
    }
    return t
  }
}
