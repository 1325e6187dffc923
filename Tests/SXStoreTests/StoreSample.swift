import Foundation

@testable import SXCore

/// The small assessment the store's tests write and edit: one dyeing step ("Nhuộm") and `flows` flows named
/// "Dòng 0", "Dòng 1", … on it.
enum StoreSample {
  static func assessment(_ id: String = "a1", flows: Int, sector: String? = nil, quantities: Bool = false) -> Assessment {
    var h = AssessmentHeader(id: id)
    h.profile.name = "Nhà máy Dệt Thử"
    if let sector { h.profile.sector = sector }
    var a = Assessment(header: h)
    var s = ProcessStep(id: "s1")
    s.name = "Nhuộm"
    a.steps = [s]
    for i in 0..<flows {
      var f = Flow(id: "f\(i)", stepId: "s1")
      f.name = "Dòng \(i)"
      if quantities { f.quantity = try? Quantity(Double(i + 1), "t") }
      a.flows.append(f)
    }
    return a
  }
}
