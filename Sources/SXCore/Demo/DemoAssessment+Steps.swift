import Foundation

// W6 process steps and W7 inputs/outputs of the sample.
//
// Mass closure by step (flows with mass units, energy carriers excluded), as designed:
//   kéo sợi      in 5,860 t  out 5,745 t  → 1.96 % unaccounted (moisture, fly)
//   dệt thoi     in 1,445 t  out 1,441 t  → 0.28 %
//   dệt kim      in 1,912 t  out 1,905 t  → 0.37 %
//   nhuộm        in 4,858 t  out 4,360 t  → 10.25 % unaccounted (deliberate: unmeasured evaporation and load)
//   may          in 1,415 t  out 1,395 t  → 1.41 %
//   XLNT         in 1,623 t  out 1,590 t  → 2.03 %
// Water (m³) closes within 2 % everywhere except dyeing: 490,000 in, 441,000 out (10 %).
// Boiler: 4,200 t coal × 20.9 GJ/t + 2,050 t husk × 13.5 GJ/t = 115,455 GJ; 31,000 t steam × 2.564 GJ/t = 79,484 GJ
// (η ≈ 69 %; coal boiler alone 24,000 t steam / 4,200 t coal ≈ 5.7 t/t ⇒ η ≈ 70 %).
extension DemoAssessment {
  static func steps() -> [ProcessStep] {
    func step(_ id: String, _ name: String, _ description: String, _ systemCostBn: Double) -> ProcessStep {
      var s = ProcessStep(id: id)
      s.name = name
      s.description = description
      s.systemCost = q(systemCostBn, "tỷ VND")
      return s
    }
    return [
      step(
        Step.spinning, "Kéo sợi",
        "Bông – chải – ghép – thô – con – đánh ống; 42.000 cọc sợi, sợi Ne 30–40 cotton và PE/CO; điều không làm ẩm.",
        58),
      step(
        Step.weaving, "Dệt thoi",
        "Mắc – hồ sợi dọc – xâu go – dệt trên 180 máy dệt khí (air-jet); vải mộc popeline, kaki.", 22),
      step(Step.knitting, "Dệt kim", "96 máy dệt kim tròn; vải single jersey, pique, rib.", 14),
      step(
        Step.dyeing, "Nhuộm – hoàn tất",
        "Đốt lông, rũ hồ, nấu tẩy, nhuộm (jet tỷ lệ dung dịch 1:8–1:10, jigger), giặt, làm mềm, sấy, căng kim "
          + "định hình, cán co.",
        36),
      step(Step.sewing, "May", "Trải vải – cắt – may – là – kiểm tra – đóng gói; 22 chuyền may.", 92),
      step(
        Step.boiler, "Lò hơi",
        "Lò hơi ghi xích đốt than 10 t/h (hiệu suất ≈ 70 %) và lò hơi đốt trấu 4 t/h; hơi bão hòa 8 bar; "
          + "thu hồi nước ngưng ≈ 20 %.",
        4.5),
      step(
        Step.air, "Khí nén",
        "4 máy nén trục vít 110 kW, áp suất đặt 7,5 bar, máy sấy khí lạnh; không có điều khiển biến tần.", 1.2),
      step(
        Step.wwtp, "Xử lý nước thải",
        "Song chắn rác – bể điều hòa – trung hòa – keo tụ, tạo bông – bể sinh học hiếu khí – lắng – ép bùn; "
          + "công suất 1.600 m³/ngày đêm.",
        3.8),
    ]
  }

  static func flows() -> [Flow] {
    spinningFlows() + weavingFlows() + knittingFlows() + dyeingFlows() + sewingFlows() + boilerFlows() + airFlows()
      + wwtpFlows()
  }

  // MARK: - Builders

  /// Steam from the boiler house (no purchased carrier of its own), priced at its production cost.
  static var steamPrice: UnitPrice { vnd(630, per: "kg hơi") }
  /// Compressed air from the compressor house, priced at its production cost per delivered Nm³.
  static var airPrice: UnitPrice { vnd(320, per: "Nm³") }

  private static let materialPrices: [String: UnitPrice] = {
    var d: [String: UnitPrice] = [:]
    for m in materials() { d[m.id] = m.unitPrice }
    return d
  }()

  static func flow(
    _ id: String, _ step: String, _ direction: FlowDirection, _ kind: FlowKind, _ name: String, _ v: Double,
    _ unit: String, _ source: DataSource = .measured, mat: String? = nil, carrier: String? = nil,
    price: UnitPrice? = nil, note: String = ""
  ) -> Flow {
    var f = Flow(id: "demo-flow-" + id, stepId: step)
    f.direction = direction
    f.kind = kind
    f.name = name
    f.quantity = q(v, unit)
    f.dataSource = source
    f.materialId = mat
    f.carrierId = carrier
    f.unitPrice = price ?? mat.flatMap { materialPrices[$0] }
    f.note = note
    return f
  }

  // MARK: - Steps

  static func spinningFlows() -> [Flow] {
    let s = Step.spinning
    return [
      flow("spin-01", s, .input, .rawMaterial, "Bông xơ", 4_200, "t", .records, mat: Mat.cotton),
      flow("spin-02", s, .input, .rawMaterial, "Xơ polyester", 1_600, "t", .records, mat: Mat.polyester),
      flow("spin-03", s, .input, .packaging, "Ống giấy, bao PP", 60, "t", .records, mat: Mat.yarnPackaging),
      flow("spin-04", s, .input, .water, "Nước làm ẩm (điều không)", 12_000, "m³", .estimate),
      flow(
        "spin-05", s, .input, .energy, "Điện", 18_600_000, "kWh", .measured, carrier: Carrier.electricity,
        note: "Công tơ tổng xưởng sợi, gồm điều không"),
      flow(
        "spin-06", s, .input, .energy, "Khí nén (máy đánh ống tự động, vệ sinh)", 2_900_000, "Nm³", .estimate,
        price: airPrice),
      flow(
        "spin-07", s, .output, .product, "Sợi thành phẩm trên ống (kể cả ống, bao)", 4_960, "t", .records,
        price: vnd(62_000, per: "kg"), note: "Giá thành nội bộ"),
      flow(
        "spin-08", s, .output, .byProduct, "Xơ chải kỹ (noil) bán cho cơ sở kéo sợi OE", 420, "t", .records,
        price: vnd(22_000, per: "kg")),
      flow("spin-09", s, .output, .reuse, "Bông hồi (xơ rơi) đưa lại máy bông", 150, "t", .estimate),
      flow("spin-10", s, .output, .solidWaste, "Bụi bông, tạp chất từ hệ thống lọc bụi", 160, "t", .records),
      flow("spin-11", s, .output, .solidWaste, "Sợi rối, ống hỏng, bao bì hỏng", 55, "t", .records),
      flow("spin-12", s, .output, .airEmission, "Hơi nước bay hơi từ điều không", 11_700, "m³", .calculated),
      flow("spin-13", s, .output, .wastewater, "Nước xả buồng phun điều không", 250, "m³", .estimate),
    ]
  }

  static func weavingFlows() -> [Flow] {
    let s = Step.weaving
    return [
      flow(
        "weave-01", s, .input, .rawMaterial, "Sợi dọc, sợi ngang", 1_350, "t", .records, price: vnd(62_000, per: "kg"),
        note: "Giá thành nội bộ"),
      flow("weave-02", s, .input, .chemical, "Hồ PVA, tinh bột biến tính", 95, "t", .records, mat: Mat.sizing),
      flow("weave-03", s, .input, .water, "Nước nấu hồ, làm ẩm", 6_000, "m³", .estimate),
      flow(
        "weave-04", s, .input, .energy, "Điện (máy dệt khí, máy hồ)", 3_300_000, "kWh", .measured,
        carrier: Carrier.electricity),
      flow(
        "weave-05", s, .input, .energy, "Hơi (nấu hồ, sấy lô máy hồ)", 2_400, "t", .calculated, price: steamPrice),
      flow(
        "weave-06", s, .input, .energy, "Khí nén 7 bar (máy dệt khí)", 15_300_000, "Nm³", .calculated,
        price: airPrice),
      flow("weave-07", s, .output, .product, "Vải mộc dệt thoi", 1_390, "t", .records),
      flow(
        "weave-08", s, .output, .byProduct, "Biên vải, đầu tấm (bán phế liệu)", 28, "t", .records,
        price: vnd(6_000, per: "kg")),
      flow("weave-09", s, .output, .solidWaste, "Sợi phế, sợi đầu trục", 15, "t", .records),
      flow("weave-10", s, .output, .solidWaste, "Cặn hồ, hồ thừa đóng rắn", 8, "t", .estimate),
      flow("weave-11", s, .output, .wastewater, "Nước rửa nồi hồ, máy hồ", 2_450, "m³", .estimate),
      flow("weave-12", s, .output, .airEmission, "Hơi nước bay hơi (sấy hồ, làm ẩm)", 3_450, "m³", .calculated),
    ]
  }

  static func knittingFlows() -> [Flow] {
    let s = Step.knitting
    return [
      flow(
        "knit-01", s, .input, .rawMaterial, "Sợi dệt kim", 1_900, "t", .records, price: vnd(62_000, per: "kg"),
        note: "Giá thành nội bộ"),
      flow("knit-02", s, .input, .chemical, "Dầu máy dệt kim", 12, "t", .records, mat: Mat.knittingOil),
      flow("knit-03", s, .input, .water, "Nước làm ẩm", 1_500, "m³", .estimate),
      flow(
        "knit-04", s, .input, .energy, "Điện (máy dệt kim tròn)", 1_500_000, "kWh", .measured,
        carrier: Carrier.electricity),
      flow("knit-05", s, .output, .product, "Vải mộc dệt kim", 1_870, "t", .records),
      flow("knit-06", s, .output, .solidWaste, "Vải vụn, đầu cây", 22, "t", .records),
      flow("knit-07", s, .output, .solidWaste, "Sợi phế", 10, "t", .records),
      flow("knit-08", s, .output, .hazardousWaste, "Dầu thải, giẻ lau dính dầu", 3, "t", .records),
      flow("knit-09", s, .output, .airEmission, "Hơi nước bay hơi (làm ẩm)", 1_480, "m³", .calculated),
    ]
  }

  static func dyeingFlows() -> [Flow] {
    let s = Step.dyeing
    return [
      flow(
        "dye-01", s, .input, .rawMaterial, "Vải mộc dệt thoi", 1_390, "t", .records, price: vnd(75_000, per: "kg"),
        note: "Giá thành nội bộ"),
      flow(
        "dye-02", s, .input, .rawMaterial, "Vải mộc dệt kim", 1_870, "t", .records, price: vnd(72_000, per: "kg"),
        note: "Giá thành nội bộ"),
      flow("dye-03", s, .input, .chemical, "Thuốc nhuộm hoạt tính", 75, "t", .records, mat: Mat.reactiveDyes),
      flow("dye-04", s, .input, .chemical, "Thuốc nhuộm phân tán", 22, "t", .records, mat: Mat.disperseDyes),
      flow("dye-05", s, .input, .chemical, "Muối công nghiệp (NaCl)", 780, "t", .records, mat: Mat.salt),
      flow("dye-06", s, .input, .chemical, "Soda (Na₂CO₃)", 260, "t", .records, mat: Mat.sodaAsh),
      flow("dye-07", s, .input, .chemical, "Xút (NaOH, quy 100 %)", 150, "t", .records, mat: Mat.caustic),
      flow("dye-08", s, .input, .chemical, "Axit axetic", 40, "t", .records, mat: Mat.acetic),
      flow("dye-09", s, .input, .chemical, "Hydro peroxit H₂O₂ 50 %", 90, "t", .records, mat: Mat.peroxide),
      flow("dye-10", s, .input, .chemical, "Chất trợ nhuộm", 70, "t", .records, mat: Mat.auxiliaries),
      flow("dye-11", s, .input, .chemical, "Chất làm mềm", 55, "t", .records, mat: Mat.softener),
      flow("dye-12", s, .input, .chemical, "Enzym rũ hồ, chất hoàn tất", 38, "t", .records, mat: Mat.finishing),
      flow(
        "dye-13", s, .input, .packaging, "Bao bì hóa chất (bao, can, phuy)", 18, "t", .estimate,
        mat: Mat.chemicalPackaging),
      flow(
        "dye-14", s, .input, .water, "Nước cấp (nước ngầm và nước máy)", 490_000, "m³", .measured,
        note: "Đồng hồ tổng xưởng nhuộm; chưa có đồng hồ từng máy"),
      flow("dye-15", s, .input, .energy, "Hơi bão hòa 8 bar", 25_600, "t", .calculated, price: steamPrice),
      flow(
        "dye-16", s, .input, .energy, "Điện", 4_900_000, "kWh", .measured, carrier: Carrier.electricity),
      flow(
        "dye-17", s, .input, .energy, "LPG (máy đốt lông, máy căng kim)", 165_000, "kg", .records,
        carrier: Carrier.lpg),
      flow("dye-18", s, .input, .energy, "Khí nén", 1_300_000, "Nm³", .estimate, price: airPrice),
      flow(
        "dye-19", s, .output, .product, "Vải thành phẩm", 3_060, "t", .records, price: vnd(88_000, per: "kg"),
        note: "1.910 t bán ra, 1.150 t chuyển nhà máy may"),
      flow(
        "dye-20", s, .output, .byProduct, "Vải đầu tấm, vải lỗi (bán)", 38, "t", .records,
        price: vnd(15_000, per: "kg")),
      flow("dye-21", s, .output, .solidWaste, "Xơ vụn, bụi xơ (máy sấy, căng kim)", 14, "t", .estimate),
      flow("dye-22", s, .output, .hazardousWaste, "Bao bì hóa chất nhiễm bẩn", 18, "t", .records),
      flow(
        "dye-23", s, .output, .wastewater, "Nước thải nhuộm – hoàn tất", 441_000, "m³", .measured,
        note: "Đồng hồ điện từ trên cống thải xưởng nhuộm"),
      flow(
        "dye-24", s, .output, .wastewater, "Hóa chất, thuốc nhuộm dư và tạp chất theo nước thải (tính toán)", 1_230,
        "t", .calculated, note: "Tính từ định mức hóa chất và độ tận trích thuốc nhuộm"),
      flow("dye-25", s, .output, .heat, "Nhiệt theo nước thải nóng (40–50 °C)", 29_500, "GJ", .calculated),
      flow("dye-26", s, .output, .heat, "Nhiệt khí thải máy căng kim, máy sấy", 9_000, "GJ", .estimate),
    ]
  }

  static func sewingFlows() -> [Flow] {
    let s = Step.sewing
    return [
      flow(
        "sew-01", s, .input, .rawMaterial, "Vải thành phẩm", 1_150, "t", .records, price: vnd(88_000, per: "kg"),
        note: "Giá thành nội bộ"),
      flow("sew-02", s, .input, .rawMaterial, "Chỉ may", 25, "t", .records, mat: Mat.thread),
      flow("sew-03", s, .input, .rawMaterial, "Phụ liệu (nhãn, nút, mex)", 30, "t", .records, mat: Mat.trims),
      flow("sew-04", s, .input, .packaging, "Thùng carton, túi PE", 210, "t", .records, mat: Mat.garmentPackaging),
      flow(
        "sew-05", s, .input, .energy, "Điện (máy may, chiếu sáng, điều hòa)", 2_100_000, "kWh", .measured,
        carrier: Carrier.electricity),
      flow("sew-06", s, .input, .energy, "Hơi (bàn là hơi, máy ép)", 1_500, "t", .calculated, price: steamPrice),
      flow("sew-07", s, .input, .energy, "Khí nén", 780_000, "Nm³", .estimate, price: airPrice),
      flow("sew-08", s, .output, .product, "Sản phẩm may đóng thùng (4,8 triệu sản phẩm)", 1_245, "t", .records),
      flow(
        "sew-09", s, .output, .byProduct, "Vải vụn khổ lớn bán cho cơ sở tái chế", 118, "t", .records,
        price: vnd(3_000, per: "kg")),
      flow("sew-10", s, .output, .solidWaste, "Vải vụn nhỏ, chỉ, bụi vải", 20, "t", .estimate),
      flow("sew-11", s, .output, .solidWaste, "Bao bì, ống chỉ thải", 12, "t", .estimate),
    ]
  }

  static func boilerFlows() -> [Flow] {
    let s = Step.boiler
    return [
      flow("boil-01", s, .input, .energy, "Than cám 5", 4_200, "t", .records, carrier: Carrier.coal),
      flow("boil-02", s, .input, .energy, "Trấu", 2_050, "t", .records, carrier: Carrier.husk),
      flow("boil-03", s, .input, .energy, "Dầu DO mồi lò", 6_000, "L", .records, carrier: Carrier.diesel),
      flow(
        "boil-04", s, .input, .energy, "Điện (quạt gió, quạt khói, bơm cấp)", 520_000, "kWh", .measured,
        carrier: Carrier.electricity),
      flow("boil-05", s, .input, .water, "Nước cấp bổ sung (đã làm mềm)", 26_300, "m³", .measured),
      flow("boil-06", s, .input, .reuse, "Nước ngưng thu hồi (≈ 20 %)", 5_900, "m³", .estimate),
      flow("boil-07", s, .input, .chemical, "Hóa chất xử lý nước cấp", 18, "t", .records, mat: Mat.boilerChemicals),
      flow(
        "boil-08", s, .output, .energy, "Hơi bão hòa 8 bar cấp các xưởng", 29_500, "t", .calculated,
        price: steamPrice, note: "Tổng hơi sinh ra 31.000 t (than 24.000 t, trấu 7.000 t)"),
      flow(
        "boil-09", s, .output, .heat, "Tổn thất hơi: rò rỉ, bẫy hơi hỏng, ống trần", 3_850, "GJ", .estimate,
        note: "≈ 1.500 t hơi/năm"),
      flow("boil-10", s, .output, .heat, "Tổn thất nhiệt theo khói thải (≈ 220 °C)", 25_900, "GJ", .calculated),
      flow("boil-11", s, .output, .heat, "Tổn thất do cháy không hết (than trong xỉ)", 5_600, "GJ", .calculated),
      flow("boil-12", s, .output, .heat, "Tổn thất bức xạ, xả đáy", 4_400, "GJ", .estimate),
      flow("boil-13", s, .output, .solidWaste, "Xỉ đáy lò và tro bay (than)", 1_150, "t", .records),
      flow(
        "boil-14", s, .output, .byProduct, "Tro trấu (bán làm phân bón)", 370, "t", .records,
        price: vnd(500, per: "kg")),
      flow("boil-15", s, .output, .wastewater, "Nước xả đáy lò", 1_240, "m³", .calculated),
      flow(
        "boil-16", s, .output, .airEmission, "Khí thải lò hơi (bụi, SO₂, NOₓ, CO₂)", 44_000_000, "Nm³", .estimate),
    ]
  }

  static func airFlows() -> [Flow] {
    let s = Step.air
    return [
      flow(
        "air-01", s, .input, .energy, "Điện (4 máy nén trục vít 110 kW)", 3_400_000, "kWh", .measured,
        carrier: Carrier.electricity),
      flow("air-02", s, .input, .chemical, "Dầu máy nén", 1.4, "t", .records, mat: Mat.compressorOil),
      flow(
        "air-03", s, .output, .energy, "Khí nén 7,5 bar cấp các xưởng", 20_280_000, "Nm³", .calculated,
        price: airPrice),
      flow(
        "air-04", s, .output, .airEmission, "Khí nén rò rỉ (ước tính 22 %)", 5_720_000, "Nm³", .estimate,
        note: "Đo khi nghỉ sản xuất: máy nén vẫn chạy 22 % tải"),
      flow("air-05", s, .output, .heat, "Nhiệt thải máy nén (không thu hồi)", 11_000, "GJ", .calculated),
      flow("air-06", s, .output, .hazardousWaste, "Dầu máy nén thải", 1.35, "t", .records),
    ]
  }

  static func wwtpFlows() -> [Flow] {
    let s = Step.wwtp
    return [
      flow("wwtp-01", s, .input, .wastewater, "Nước thải từ nhuộm – hoàn tất", 441_000, "m³", .measured),
      flow("wwtp-02", s, .input, .wastewater, "Nước thải từ dệt thoi", 2_450, "m³", .estimate),
      flow("wwtp-03", s, .input, .wastewater, "Nước thải từ kéo sợi", 250, "m³", .estimate),
      flow("wwtp-04", s, .input, .wastewater, "Nước xả đáy lò hơi", 1_240, "m³", .calculated),
      flow("wwtp-05", s, .input, .wastewater, "Nước thải sinh hoạt", 42_000, "m³", .estimate),
      flow(
        "wwtp-06", s, .input, .wastewater, "Tải lượng chất ô nhiễm vào (tính toán)", 1_230, "t", .calculated),
      flow("wwtp-07", s, .input, .chemical, "PAC", 150, "t", .records, mat: Mat.pac),
      flow("wwtp-08", s, .input, .chemical, "Polymer anion", 3, "t", .records, mat: Mat.polymer),
      flow("wwtp-09", s, .input, .chemical, "Axit sunfuric 98 %", 180, "t", .records, mat: Mat.sulphuric),
      flow("wwtp-10", s, .input, .chemical, "Chất khử màu", 60, "t", .records, mat: Mat.decolourant),
      flow(
        "wwtp-11", s, .input, .energy, "Điện (máy thổi khí, bơm)", 430_000, "kWh", .measured,
        carrier: Carrier.electricity),
      flow(
        "wwtp-12", s, .output, .wastewater, "Nước thải sau xử lý sơ bộ ra HTXLNT tập trung KCN", 478_000, "m³",
        .measured, price: vnd(9_500, per: "m³"), note: "Phí xử lý của KCN"),
      flow("wwtp-13", s, .output, .hazardousWaste, "Bùn thải (độ ẩm 80 %)", 1_150, "t", .records),
      flow(
        "wwtp-14", s, .output, .wastewater, "Muối hòa tan và chất ô nhiễm còn lại trong nước ra (tính toán)", 440,
        "t", .calculated),
      flow("wwtp-15", s, .output, .airEmission, "Bay hơi từ bể xử lý", 8_000, "m³", .estimate),
    ]
  }
}
