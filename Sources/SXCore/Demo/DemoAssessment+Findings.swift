import Foundation

// W8 waste streams, W9 focus, W10/W11 opportunities, W12 actions, W13 indicators and earlier periods of the sample.
//
// Intended cost of each stream (disposal + quantity × material value), VND/yr, for a clear Pareto:
//   nước thải nhuộm 8.57 bn + 441,000 m³ × 12,000 = 13.86 bn
//   vải vụn cắt 0.01 bn + 138 t × 88,000/kg = 12.15 bn
//   nhiệt nước thải nóng 29,500 GJ × 245,000 = 7.23 bn
//   khói thải lò hơi 25,900 GJ × 154,000 = 3.99 bn; bùn thải 1,150 t × 2.8 M = 3.22 bn
//   khí nén rò rỉ 1.43 bn; bụi bông 1.38 bn; hơi rò rỉ 0.94 bn; xỉ than 0.62 bn; bao bì hóa chất 0.06 bn
extension DemoAssessment {
  enum Waste {
    static let dyeWastewater = "demo-waste-dye-wastewater"
    static let hotEffluent = "demo-waste-hot-effluent"
    static let flueGas = "demo-waste-boiler-flue-gas"
    static let cutting = "demo-waste-cutting"
    static let sludge = "demo-waste-wwtp-sludge"
    static let airLeaks = "demo-waste-air-leaks"
    static let steamLeaks = "demo-waste-steam-leaks"
    static let spinningDust = "demo-waste-spinning-dust"
    static let coalAsh = "demo-waste-coal-ash"
    static let chemicalPackaging = "demo-waste-chemical-packaging"
  }

  enum Opp {
    static let airLeaks = "demo-opp-air-leaks"
    static let condensate = "demo-opp-condensate-return"
    static let lowLiquor = "demo-opp-low-liquor-dyeing"
    static let heatRecovery = "demo-opp-effluent-heat-recovery"
    static let steamTraps = "demo-opp-steam-traps"
    static let marker = "demo-opp-cad-marker"
  }

  static func wasteStreams() -> [WasteStream] {
    func stream(
      _ id: String, _ name: String, _ step: String, flow: String?, _ kind: FlowKind, _ qty: Quantity,
      composition: String, destination: String, disposalMillion: Double?, value: UnitPrice?, causes: [String],
      source: DataSource = .estimate
    ) -> WasteStream {
      var w = WasteStream(id: id)
      w.name = name
      w.sourceStepId = step
      w.flowId = flow.map { "demo-flow-" + $0 }
      w.kind = kind
      w.quantity = qty
      w.composition = composition
      w.destination = destination
      w.disposalCost = disposalMillion.map { q($0, "triệu VND") }
      w.materialValue = value
      w.causes = causes
      w.dataSource = source
      return w
    }
    return [
      stream(
        Waste.dyeWastewater, "Nước thải nhuộm – hoàn tất", Step.dyeing, flow: "dye-23", .wastewater, q(441_000, "m³"),
        composition: "COD 1.000–1.500 mg/L, màu 400–800 Pt-Co, pH 10–11, 40–50 °C, TDS cao (muối, soda)",
        destination: "HTXLNT của công ty, sau đó HTXLNT tập trung KCN Phú Bài", disposalMillion: 8_570,
        value: vnd(12_000, per: "m³"),
        causes: [
          "Tỷ lệ dung dịch cao (1:8–1:10) trên máy nhuộm jet cũ", "Giặt tràn, không giặt ngược dòng",
          "Không có đồng hồ nước từng máy; công nhân mở van theo kinh nghiệm", "Nhuộm lại ≈ 6 % số mẻ do sai màu",
        ], source: .measured),
      stream(
        Waste.hotEffluent, "Nhiệt theo nước thải nóng", Step.dyeing, flow: "dye-25", .heat, q(29_500, "GJ"),
        composition: "Dịch nhuộm, nước giặt 60–95 °C xả thẳng; nhiệt độ trung bình ở cống 45 °C",
        destination: "Theo nước thải ra HTXLNT (phải làm nguội trước xử lý sinh học)", disposalMillion: nil,
        value: vnd(245_000, per: "GJ"),
        causes: ["Xả dịch nhuộm nóng, không có bộ trao đổi nhiệt", "Không tách dòng nước thải nóng và nguội"],
        source: .calculated),
      stream(
        Waste.flueGas, "Tổn thất nhiệt khói thải lò hơi", Step.boiler, flow: "boil-10", .heat, q(25_900, "GJ"),
        composition: "Khói ≈ 220 °C, O₂ ≈ 11 % (hệ số không khí thừa ≈ 2,1), bụi, SO₂",
        destination: "Ống khói sau xyclon và tháp hấp thụ", disposalMillion: nil, value: vnd(154_000, per: "GJ"),
        causes: [
          "Không có bộ hâm nước (economizer)", "Không khí thừa cao, điều chỉnh gió thủ công",
          "Không đo O₂ liên tục",
        ], source: .calculated),
      stream(
        Waste.cutting, "Vải vụn cắt may", Step.sewing, flow: nil, .solidWaste, q(138, "t"),
        composition: "Vải cotton và CVC dệt kim, dệt thoi; 118 t khổ lớn bán tái chế, 20 t vụn nhỏ thải bỏ",
        destination: "Bán cho cơ sở tái chế (3.000 đ/kg); phần vụn nhỏ thuê thu gom", disposalMillion: 14,
        value: vnd(88_000, per: "kg"),
        causes: [
          "Hiệu suất sơ đồ giác ≈ 82 %, giác tay cho đơn hàng nhỏ", "Đầu bàn cắt, trải vải dư",
          "Lỗi vải từ nhuộm phát hiện muộn ở bàn cắt",
        ], source: .records),
      stream(
        Waste.sludge, "Bùn thải HTXLNT", Step.wwtp, flow: "wwtp-13", .hazardousWaste, q(1_150, "t"),
        composition: "Bùn hóa lý và sinh học, độ ẩm 80 %, chứa thuốc nhuộm, kim loại vết",
        destination: "Chuyển giao đơn vị có giấy phép xử lý chất thải nguy hại", disposalMillion: 3_220, value: nil,
        causes: ["Dùng nhiều PAC do màu và độ kiềm cao", "Máy ép bùn chỉ đạt độ ẩm 80 %"], source: .records),
      stream(
        Waste.airLeaks, "Khí nén rò rỉ", Step.air, flow: "air-04", .airEmission, q(5_720_000, "Nm³"),
        composition: "Không khí nén 7,5 bar", destination: "Môi trường xung quanh", disposalMillion: nil,
        value: vnd(250, per: "Nm³"),
        causes: [
          "Rò rỉ tại khớp nối nhanh, ống mềm, van xả nước ngưng", "Áp suất đặt 7,5 bar, nhu cầu thực ≈ 6 bar",
          "Không có chương trình kiểm tra rò rỉ định kỳ",
        ]),
      stream(
        Waste.steamLeaks, "Hơi rò rỉ, bẫy hơi hỏng", Step.boiler, flow: "boil-09", .heat, q(3_850, "GJ"),
        composition: "≈ 1.500 t hơi bão hòa 8 bar/năm", destination: "Môi trường xung quanh, cống thoát",
        disposalMillion: nil, value: vnd(245_000, per: "GJ"),
        causes: [
          "≈ 18 % bẫy hơi hỏng (kiểm tra tháng 8/2025)", "Van, mặt bích không bảo ôn",
          "Đường hơi dự phòng không dùng nhưng chưa cô lập",
        ]),
      stream(
        Waste.spinningDust, "Bụi bông, tạp chất kéo sợi", Step.spinning, flow: "spin-10", .solidWaste, q(160, "t"),
        composition: "Xơ ngắn, bụi, vỏ hạt, lá bông", destination: "Thuê đơn vị môi trường thu gom, chôn lấp",
        disposalMillion: 96, value: vnd(8_000, per: "kg"),
        causes: ["Tỷ lệ tạp chất cao ở lô bông giá rẻ", "Cài đặt máy bông, máy chải chưa tối ưu"], source: .records),
      stream(
        Waste.coalAsh, "Xỉ than và tro bay", Step.boiler, flow: "boil-13", .solidWaste, q(1_150, "t"),
        composition: "Xỉ đáy lò (≈ 12 % than chưa cháy), tro bay từ xyclon",
        destination: "Xỉ cho cơ sở gạch không nung; tro bay thuê thu gom", disposalMillion: 125,
        value: vnd(430_000, per: "t"),
        causes: ["Cấp than không đều, lớp than trên ghi dày", "Cỡ hạt than không đồng đều"], source: .records),
      stream(
        Waste.chemicalPackaging, "Bao bì hóa chất nhiễm bẩn", Step.dyeing, flow: "dye-22", .hazardousWaste,
        q(18, "t"), composition: "Bao PP, can nhựa, phuy dính thuốc nhuộm, xút, axit",
        destination: "Chuyển giao đơn vị xử lý chất thải nguy hại", disposalMillion: 58, value: nil,
        causes: ["Mua hóa chất bao nhỏ 25 kg thay vì bồn IBC trả lại nhà cung cấp"], source: .records),
    ]
  }

  // MARK: - W9 focus

  static func focus() -> [FocusItem] {
    func item(_ id: String, _ target: String, _ scores: [Int], selected: Bool, _ note: String) -> FocusItem {
      var f = FocusItem(id: "demo-focus-" + id, targetId: target)
      f.costScore = scores[0]
      f.environmentScore = scores[1]
      f.safetyScore = scores[2]
      f.regulationScore = scores[3]
      f.selected = selected
      f.note = note
      return f
    }
    return [
      item("dyeing", Step.dyeing, [5, 5, 3, 4], selected: true, "Nước, hơi và hóa chất lớn nhất; cân bằng lệch ≈ 10 %"),
      item("boiler", Step.boiler, [4, 4, 3, 4], selected: true, "Than là chi phí nhiên liệu lớn nhất; khói thải nóng"),
      item("air", Step.air, [3, 2, 1, 1], selected: true, "Rò rỉ ≈ 22 %, giải pháp nhanh, chi phí thấp"),
      item("cutting", Waste.cutting, [5, 2, 1, 1], selected: true, "Giá trị vật liệu mất lớn theo MFCA"),
      item("sludge", Waste.sludge, [3, 4, 3, 5], selected: false, "Xem xét sau khi giảm nước thải và hóa chất"),
      item("spinning", Step.spinning, [2, 2, 3, 1], selected: false, "Cân bằng đóng tốt; chỉ theo dõi"),
    ]
  }

  // MARK: - W10/W11 opportunities

  static func saving(
    _ resource: SavedResource, _ v: Double, _ unit: String, carrier: String? = nil, valueMillion: Double? = nil
  ) -> ResourceSaving {
    var s = ResourceSaving(resource: resource)
    s.quantity = q(v, unit)
    s.carrierId = carrier
    s.value = valueMillion.map { q($0, "triệu VND") }
    return s
  }

  static func investment(equipment: Double, installation: Double, engineering: Double, other: Double = 0)
    -> InvestmentSplit
  {
    var i = InvestmentSplit()
    i.equipment = q(equipment, "triệu VND")
    i.installation = q(installation, "triệu VND")
    i.engineering = q(engineering, "triệu VND")
    if other > 0 { i.other = q(other, "triệu VND") }
    return i
  }

  static func opportunities() -> [Opportunity] {
    func opp(_ id: String, _ title: String, step: String, stream: String?, _ technique: CPTechnique) -> Opportunity {
      var o = Opportunity(id: id)
      o.title = title
      o.stepId = step
      o.wasteStreamId = stream
      o.technique = technique
      o.tags = [technique]
      o.originator = "Nhóm SXSH"
      o.team = "Nhóm SXSH"
      return o
    }
    var o1 = opp(
      Opp.airLeaks, "Sửa rò rỉ khí nén và hạ áp suất đặt từ 7,5 xuống 6,5 bar", step: Step.air, stream: Waste.airLeaks,
      .goodHousekeeping)
    o1.tags = [.goodHousekeeping, .energyEfficiency]
    o1.cause = "Rò rỉ ≈ 22 % sản lượng khí nén; áp suất đặt cao hơn nhu cầu"
    o1.date = "2025-11-18"
    o1.owner = "Lê Quang Minh"
    o1.effort = 2
    o1.investment = investment(equipment: 120, installation: 60, engineering: 20)
    o1.addedOM = q(30, "triệu VND")
    o1.lifetimeYears = 5
    o1.savings = [saving(.electricity, 620_000, "kWh", carrier: Carrier.electricity)]
    o1.screening = .implementNow
    o1.screeningReason = "Chi phí thấp, hoàn vốn dưới 3 tháng"
    o1.scores = ["economic": 5, "technical": 5, "environmental": 3]
    o1.status = .planned
    o1.explanation =
      "Máy nén chạy 22 % tải khi nghỉ sản xuất ⇒ rò rỉ ≈ 5,7 triệu Nm³/năm; giảm rò rỉ xuống 8 % và hạ 1 bar "
      + "(≈ 7 % điện) tiết kiệm ≈ 620 MWh/năm."

    var o2 = opp(
      Opp.condensate, "Thu hồi nước ngưng xưởng nhuộm về lò hơi (từ 20 % lên 60 %)", step: Step.boiler, stream: nil,
      .onSiteRecovery)
    o2.tags = [.onSiteRecovery, .energyEfficiency]
    o2.cause = "Nước ngưng 85 °C xả bỏ; nước cấp lò chỉ ≈ 50 °C"
    o2.date = "2025-11-20"
    o2.owner = "Lê Quang Minh"
    o2.effort = 5
    o2.investment = investment(equipment: 850, installation: 300, engineering: 80)
    o2.addedOM = q(40, "triệu VND")
    o2.lifetimeYears = 10
    o2.savings = [
      saving(.fuel, 195, "t", carrier: Carrier.coal),
      saving(.water, 11_800, "m³", valueMillion: 80),
      saving(.chemicals, 4, "t", carrier: Mat.boilerChemicals, valueMillion: 80),
    ]
    o2.screening = .implementNow
    o2.screeningReason = "Công nghệ quen thuộc, hoàn vốn ≈ 1,6 năm"
    o2.scores = ["economic": 4, "technical": 4, "environmental": 4]
    o2.status = .notImplemented
    o2.explanation =
      "Thêm 11.800 t nước ngưng/năm ở 85 °C thay nước bổ sung 28 °C: 11.800 × 4,19 × 57 ≈ 2.820 GJ ≈ 3,5 % "
      + "nhiệt lò hơi ⇒ ≈ 195 t than/năm."

    var o3 = opp(
      Opp.lowLiquor, "Thay 4 máy nhuộm jet cũ (1:10) bằng máy nhuộm tỷ lệ dung dịch thấp (1:5)", step: Step.dyeing,
      stream: Waste.dyeWastewater, .technologyChange)
    o3.tags = [.technologyChange, .energyEfficiency]
    o3.cause = "Tỷ lệ dung dịch cao làm tăng nước, hơi, muối và nước thải"
    o3.date = "2025-11-25"
    o3.owner = "Trần Thị Thu Hà"
    o3.effort = 8
    o3.investment = investment(equipment: 9_600, installation: 600, engineering: 300)
    o3.addedOM = q(150, "triệu VND")
    o3.lifetimeYears = 15
    o3.savings = [
      saving(.water, 95_000, "m³", valueMillion: 2_490),
      saving(.fuel, 700, "t", carrier: Carrier.coal),
      saving(.chemicals, 150, "t", carrier: Mat.salt, valueMillion: 420),
    ]
    o3.screening = .studyFurther
    o3.screeningReason = "Đầu tư lớn; cần chào giá và thử nghiệm màu trên vải khách hàng"
    o3.scores = ["economic": 4, "technical": 3, "environmental": 5]
    o3.status = .notImplemented
    o3.explanation = "Nhuộm – hoàn tất dùng 150 L/kg vải, cao gấp 3 lần thực hành tốt (≈ 50 L/kg)."

    var o4 = opp(
      Opp.heatRecovery, "Thu hồi nhiệt nước thải nóng để gia nhiệt nước cấp nhuộm (trao đổi nhiệt tấm)",
      step: Step.dyeing, stream: Waste.hotEffluent, .equipmentModification)
    o4.tags = [.equipmentModification, .onSiteRecovery, .energyEfficiency]
    o4.cause = "Nước thải 60–95 °C xả thẳng ra cống"
    o4.date = "2025-11-25"
    o4.owner = "Lê Quang Minh"
    o4.effort = 6
    o4.investment = investment(equipment: 1_900, installation: 500, engineering: 200)
    o4.addedOM = q(120, "triệu VND")
    o4.lifetimeYears = 10
    o4.savings = [saving(.fuel, 500, "t", carrier: Carrier.coal)]
    o4.screening = .studyFurther
    o4.screeningReason = "Cần tách dòng nước thải nóng và lọc xơ trước bộ trao đổi nhiệt"
    o4.scores = ["economic": 4, "technical": 3, "environmental": 4]
    o4.status = .notImplemented
    o4.explanation = "Thu hồi 25 % của 29.500 GJ/năm ≈ 7.375 GJ ⇒ ≈ 500 t than/năm (lò hơi η ≈ 70 %)."

    var o5 = opp(
      Opp.steamTraps, "Thay bẫy hơi hỏng, bảo ôn van và mặt bích, cô lập đường hơi dự phòng", step: Step.boiler,
      stream: Waste.steamLeaks, .goodHousekeeping)
    o5.tags = [.goodHousekeeping, .equipmentModification, .energyEfficiency]
    o5.cause = "≈ 18 % bẫy hơi hỏng; van, mặt bích trần"
    o5.date = "2025-08-28"
    o5.owner = "Lê Quang Minh"
    o5.effort = 3
    o5.investment = investment(equipment: 320, installation: 80, engineering: 0)
    o5.lifetimeYears = 5
    o5.savings = [saving(.fuel, 193, "t", carrier: Carrier.coal)]
    o5.screening = .implementNow
    o5.screeningReason = "Giải pháp quản lý nội vi, hoàn vốn dưới 1 năm"
    o5.scores = ["economic": 5, "technical": 5, "environmental": 3]
    o5.status = .implemented
    o5.actualCost = q(410, "triệu VND")
    o5.actualSavings = q(640, "triệu VND")
    o5.followUpDate = "2026-04-30"
    o5.explanation = "Giảm ≈ 1.100 t hơi/năm: 1.100 × 2,564 GJ/t ÷ (20,9 GJ/t × 0,70) ≈ 193 t than."

    var o6 = opp(
      Opp.marker, "Giác sơ đồ bằng phần mềm CAD và tận dụng vải vụn khổ lớn làm bo, viền", step: Step.sewing,
      stream: Waste.cutting, .betterProcessControl)
    o6.tags = [.betterProcessControl, .goodHousekeeping]
    o6.cause = "Hiệu suất sơ đồ giác ≈ 82 %"
    o6.date = "2025-12-02"
    o6.owner = "Hoàng Đức Anh"
    o6.effort = 4
    o6.investment = investment(equipment: 450, installation: 0, engineering: 50)
    o6.addedOM = q(60, "triệu VND")
    o6.lifetimeYears = 5
    o6.savings = [saving(.rawMaterial, 23, "t", valueMillion: 2_024)]
    o6.screening = .implementNow
    o6.screeningReason = "Hoàn vốn ≈ 3 tháng; không cần thay đổi thiết bị may"
    o6.scores = ["economic": 5, "technical": 4, "environmental": 3]
    o6.status = .planned
    o6.explanation = "Tăng hiệu suất giác 2 điểm % trên 1.150 t vải ⇒ 23 t vải × 88.000 đ/kg ≈ 2,0 tỷ đồng/năm."
    return [o1, o2, o3, o4, o5, o6]
  }

  // MARK: - W12 actions

  static func actions() -> [ActionItem] {
    func action(
      _ id: String, _ opp: String?, _ what: String, who: String, _ start: String, _ due: String,
      budgetMillion: Double?, kpi: String, done: Bool = false
    ) -> ActionItem {
      var x = ActionItem(id: "demo-action-" + id)
      x.opportunityId = opp
      x.what = what
      x.who = who
      x.start = start
      x.due = due
      x.budget = budgetMillion.map { q($0, "triệu VND") }
      x.kpi = kpi
      x.done = done
      return x
    }
    return [
      action(
        "air-survey", Opp.airLeaks, "Khảo sát rò rỉ khí nén bằng thiết bị siêu âm, gắn thẻ và sửa các điểm rò",
        who: "Lê Quang Minh", "2026-01-19", "2026-02-28", budgetMillion: 200,
        kpi: "Tỷ lệ rò rỉ < 10 % (đo khi nghỉ sản xuất)"),
      action(
        "air-pressure", Opp.airLeaks, "Hạ áp suất đặt máy nén từ 7,5 xuống 6,5 bar, theo dõi áp suất cuối đường ống",
        who: "Lê Quang Minh", "2026-03-01", "2026-03-15", budgetMillion: nil, kpi: "Điện riêng ≤ 0,115 kWh/Nm³"),
      action(
        "steam-traps", Opp.steamTraps, "Thay 46 bẫy hơi hỏng, bọc bảo ôn van và mặt bích", who: "Tổ cơ điện",
        "2025-09-15", "2025-10-31", budgetMillion: 410, kpi: "Tỷ lệ bẫy hơi hỏng < 5 %", done: true),
      action(
        "condensate-design", Opp.condensate, "Thiết kế hệ thống thu hồi nước ngưng xưởng nhuộm, lấy 3 báo giá",
        who: "Lê Quang Minh, Trần Thị Thu Hà", "2026-02-01", "2026-04-30", budgetMillion: 80,
        kpi: "Tỷ lệ nước ngưng thu hồi ≥ 60 %"),
      action(
        "water-meters", nil,
        "Lắp đồng hồ nước cho 12 máy nhuộm jet, ghi sổ hằng ngày để làm rõ ≈ 10 % chênh lệch cân bằng",
        who: "Trần Thị Thu Hà", "2026-01-20", "2026-02-20", budgetMillion: 150,
        kpi: "L nước/kg vải theo từng máy; chênh lệch cân bằng < 5 %"),
      action(
        "cad", Opp.marker, "Triển khai phần mềm giác sơ đồ CAD, đào tạo 6 nhân viên giác", who: "Hoàng Đức Anh",
        "2026-02-01", "2026-05-31", budgetMillion: 500, kpi: "Hiệu suất sơ đồ ≥ 84 %"),
    ]
  }

  // MARK: - W13 indicators and earlier periods

  static func indicators() -> [IndicatorTarget] {
    func indicator(_ key: String, _ name: String, _ unit: String, _ baseline: Double, _ target: Double, _ note: String)
      -> IndicatorTarget
    {
      var x = IndicatorTarget(id: "demo-indicator-" + key.replacingOccurrences(of: "_", with: "-"), key: key)
      x.name = name
      x.unit = unit
      x.baseline = baseline
      x.target = target
      x.note = note
      return x
    }
    return [
      indicator(
        "water_per_product", "Nước tiêu thụ / t vải thành phẩm", "m³/t", 188.8, 160,
        "577.800 m³ ÷ 3.060 t; riêng nhuộm – hoàn tất 150 L/kg (thực hành tốt ≈ 50 L/kg)"),
      indicator(
        "electricity_per_product", "Điện tiêu thụ / t vải thành phẩm", "kWh/t", 11_569, 10_900, "35.400 MWh ÷ 3.060 t"),
      indicator(
        "thermal_per_product", "Nhiên liệu (than, trấu, LPG, DO) / t vải thành phẩm", "GJ/t", 40.9, 37.0,
        "≈ 125.000 GJ nhiệt trị thấp ÷ 3.060 t"),
      indicator(
        "energy_per_product", "Năng lượng quy đổi / t vải thành phẩm", "TOE/t", 2.76, 2.58,
        "≈ 8.445 TOE ÷ 3.060 t; mục tiêu −6,5 % (QĐ 889/QĐ-TTg: 5–8 %)"),
      indicator(
        "co2_per_product", "Phát thải CO₂ / t vải thành phẩm", "tCO₂/t", 10.65, 9.9,
        "≈ 32.600 tCO₂ (điện EF 2023 = 0,6592; trấu là sinh học, báo cáo riêng) ÷ 3.060 t"),
      indicator(
        "chemicals_per_product", "Hóa chất / t vải thành phẩm", "kg/t", 686, 620, "≈ 2.100 t hóa chất ÷ 3.060 t"),
      indicator(
        "waste_per_product", "Chất thải rắn và nguy hại / t vải thành phẩm", "kg/t", 862, 750,
        "1.466 t chất thải rắn + 1.172 t chất thải nguy hại ÷ 3.060 t"),
      indicator(
        "dyeing_water_per_kg", "Nước nhuộm – hoàn tất / kg vải", "L/kg", 150, 90,
        "Chỉ số riêng của công đoạn nhuộm; thực hành tốt ≈ 50 L/kg, thông thường 100–200 L/kg"),
    ]
  }

  static func earlierPeriods() -> [EarlierPeriodValue] {
    func value(_ key: String, _ v: Double, _ unit: String) -> EarlierPeriodValue {
      var x = EarlierPeriodValue(id: "demo-earlier-2024-" + key.replacingOccurrences(of: "_", with: "-"))
      x.period = "2024"
      x.key = key
      x.value = v
      x.unit = unit
      x.source = "Báo cáo nội bộ năm 2024 (minh họa)"
      return x
    }
    return [
      value("water_per_product", 182, "m³/t"),
      value("electricity_per_product", 11_900, "kWh/t"),
      value("energy_per_product", 2.84, "TOE/t"),
      value("co2_per_product", 11.3, "tCO₂/t"),
      value("waste_per_product", 840, "kg/t"),
    ]
  }
}
