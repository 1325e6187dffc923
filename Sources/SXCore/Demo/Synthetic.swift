import Foundation

/// Large, deterministic assessments for benchmarks and scaling tests, built from the sample (`DemoAssessment`).
///
/// `make(flows:lines:)` keeps the sample's header, materials, carriers, water lines, waste streams, opportunities and
/// indicators, copies its process steps `lines` times (line 1 keeps the sample's ids, line k > 1 gets `…-L<k>`), and
/// fills the steps with copies of the sample's flows until there are exactly `flows` flows. Copy `r` of sample flow
/// `f` is `f.id + "-r<r>"`, named `f.name + " #<r>"`, placed on line `r % lines + 1`. Waste streams keep pointing at
/// the sample's own flows (copy 0 on line 1), so the MFCA still has its Pareto.
///
/// Every call with the same arguments gives an equal assessment; no randomness, no clock.
public enum SyntheticAssessment {
  public static let id = "00000000-0000-4000-8000-0000000051a7"

  public static func make(flows: Int, lines: Int = 1) -> Assessment {
    var a = DemoAssessment.make()
    a.header.id = id
    a.header.isSample = false
    a.header.profile.name += " (synthetic, \(flows) flows, \(max(1, lines)) lines)"
    let lines = max(1, lines)
    let baseSteps = a.steps
    let baseFlows = a.flows
    for k in 2..<(lines + 1) where lines > 1 {
      for s in baseSteps {
        var c = s
        c.id = s.id + "-L\(k)"
        c.name = s.name + " (L\(k))"
        a.steps.append(c)
      }
    }
    guard !baseFlows.isEmpty, flows > 0 else {
      a.flows = []
      return a
    }
    var out: [Flow] = []
    out.reserveCapacity(flows)
    var n = 0
    var r = 0
    while n < flows {
      for f in baseFlows where n < flows {
        var c = f
        if r > 0 {
          c.id = f.id + "-r\(r)"
          c.name = f.name + " #\(r)"
        }
        let line = r % lines + 1
        if line > 1 { c.stepId = f.stepId + "-L\(line)" }
        out.append(c)
        n += 1
      }
      r += 1
    }
    a.flows = out
    return a
  }
}
