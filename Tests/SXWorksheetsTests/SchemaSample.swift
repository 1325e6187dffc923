import Foundation
import SXCore

/// An assessment with every optional property set, for the schema tests.
enum SchemaSample {
  static func q(_ v: Double, _ u: String) throws -> Quantity { try Quantity(v, u) }

  static func full() throws -> Assessment {
    let prov = ["name": Provenance(by: "lan", at: "2025-03-01T08:00:00Z", device: "laptop")]
    var h = AssessmentHeader(id: "a1")
    h.title = "Đánh giá nhanh"
    h.profile.name = "Dệt may Huế"
    h.profile.employees = 3000
    h.profile.shifts = 3
    h.profile.operatingHours = try q(7200, "h")
    h.profile.annualOutput = try q(1200, "t")
    h.profile.turnover = try q(900, "tỷ VND")
    h.profile.labourCost = try q(150, "tỷ VND")
    h.period = AssessmentPeriod(start: "2024-01-01", end: "2024-12-31")
    h.settings.currencyRates = [CurrencyRate(currency: "USD", vndPerUnit: 25_000, date: "2025-01-02", source: "VCB")]
    h.settings.localUnits = [LocalUnit(symbol: "bao", factor: 50, baseUnit: "kg", note: "bao muối")]
    h.settings.systemCost = try q(10, "tỷ VND")
    h.settings.wastewaterCharge = UnitPrice(amount: try q(12_000, "VND"), perUnit: "m³")
    h.dismissedRules = ["r1"]
    h.provenance = prov
    var a = Assessment(header: h)
    var t = TeamMember(id: "t1")
    t.provenance = prov
    a.team = [t]
    var p = Product(id: "p1")
    p.annualQuantity = try q(1200, "t")
    p.isReference = true
    a.products = [p]
    var m = Material(id: "m1")
    m.kind = .chemical
    m.annualQuantity = try q(20, "t")
    m.unitPrice = UnitPrice(amount: try q(30_000, "VND"), perUnit: "kg")
    m.intoProductShare = 0.7
    a.materials = [m]
    var e = EnergyCarrier(id: "e1")
    e.fuel = "coal_cam_3_4"
    e.annualQuantity = try q(3000, "t")
    e.unitPrice = UnitPrice(amount: try q(3_500_000, "VND"), perUnit: "t")
    e.ncvOverride = UnitPrice(amount: try q(22, "MJ"), perUnit: "kg")
    a.energyCarriers = [e]
    var w = WaterItem(id: "w1")
    w.role = .consumer
    w.stepId = "s1"
    w.annualQuantity = try q(150_000, "m³")
    w.unitPrice = UnitPrice(amount: try q(12_000, "VND"), perUnit: "m³")
    a.water = [w]
    var s = ProcessStep(id: "s1")
    s.stockChange = try q(-2, "t")
    s.systemCost = try q(500, "triệu VND")
    a.steps = [s]
    var f = Flow(id: "f1", stepId: "s1")
    f.direction = .output
    f.kind = .wastewater
    f.quantity = try q(120_000, "m³")
    f.unitPrice = UnitPrice(amount: try q(8000, "VND"), perUnit: "m³")
    f.carrierId = "e1"
    f.materialId = "m1"
    a.flows = [f]
    var ws = WasteStream(id: "ws1")
    ws.sourceStepId = "s1"
    ws.flowId = "f1"
    ws.quantity = try q(120_000, "m³")
    ws.disposalCost = try q(900, "triệu VND")
    ws.materialValue = UnitPrice(amount: try q(500, "VND"), perUnit: "m³")
    ws.causes = ["giặt tràn"]
    a.wasteStreams = [ws]
    var fi = FocusItem(id: "fi1", targetId: "s1")
    fi.costScore = 5
    fi.environmentScore = 4
    fi.safetyScore = 2
    fi.regulationScore = 3
    fi.selected = true
    a.focus = [fi]
    var o = Opportunity(id: "o1")
    o.stepId = "s1"
    o.wasteStreamId = "ws1"
    o.tags = [.onSiteRecovery]
    o.effort = 3
    o.investment.equipment = try q(200, "triệu VND")
    o.investment.installation = try q(20, "triệu VND")
    o.investment.engineering = try q(10, "triệu VND")
    o.investment.other = try q(5, "triệu VND")
    o.addedOM = try q(2, "triệu VND")
    o.lifetimeYears = 10
    var saving = ResourceSaving(resource: .water)
    saving.quantity = try q(20_000, "m³")
    saving.carrierId = "w1"
    saving.value = try q(240, "triệu VND")
    o.savings = [saving]
    o.scores = ["economic": 4]
    o.status = .planned
    o.actualCost = try q(210, "triệu VND")
    o.actualSavings = try q(250, "triệu VND")
    o.ruleId = "rule.rinse"
    o.calculatorId = "water.rinse"
    o.calculatorInputs = ["flow": "12 m³/h"]
    a.opportunities = [o]
    var ac = ActionItem(id: "ac1")
    ac.opportunityId = "o1"
    ac.budget = try q(230, "triệu VND")
    a.actions = [ac]
    var ind = IndicatorTarget(id: "i1", key: "water_per_product")
    ind.baseline = 125
    ind.target = 100
    a.indicators = [ind]
    var ep = EarlierPeriodValue(id: "ep1")
    ep.value = 130
    a.earlierPeriods = [ep]
    return a
  }
}
