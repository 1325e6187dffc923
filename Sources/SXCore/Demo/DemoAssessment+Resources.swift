import Foundation

// W3 materials and chemicals, W4 energy carriers, W5 water balance of the sample.
extension DemoAssessment {
  enum Mat {
    static let cotton = "demo-mat-cotton"
    static let polyester = "demo-mat-polyester"
    static let yarnPackaging = "demo-mat-yarn-packaging"
    static let sizing = "demo-mat-sizing"
    static let knittingOil = "demo-mat-knitting-oil"
    static let reactiveDyes = "demo-mat-reactive-dyes"
    static let disperseDyes = "demo-mat-disperse-dyes"
    static let salt = "demo-mat-salt"
    static let sodaAsh = "demo-mat-soda-ash"
    static let caustic = "demo-mat-caustic-soda"
    static let acetic = "demo-mat-acetic-acid"
    static let peroxide = "demo-mat-peroxide"
    static let auxiliaries = "demo-mat-auxiliaries"
    static let softener = "demo-mat-softener"
    static let finishing = "demo-mat-finishing"
    static let chemicalPackaging = "demo-mat-chemical-packaging"
    static let thread = "demo-mat-sewing-thread"
    static let trims = "demo-mat-trims"
    static let garmentPackaging = "demo-mat-garment-packaging"
    static let pac = "demo-mat-pac"
    static let polymer = "demo-mat-polymer"
    static let sulphuric = "demo-mat-sulphuric-acid"
    static let decolourant = "demo-mat-decolourant"
    static let boilerChemicals = "demo-mat-boiler-chemicals"
    static let compressorOil = "demo-mat-compressor-oil"
  }

  static func materials() -> [Material] {
    func mat(
      _ id: String, _ name: String, _ kind: FlowKind, _ tonnes: Double, _ price: UnitPrice, _ use: String,
      share: Double?, hazard: String = "", source: DataSource = .records
    ) -> Material {
      var m = Material(id: id)
      m.name = name
      m.kind = kind
      m.annualQuantity = q(tonnes, "t")
      m.unitPrice = price
      m.use = use
      m.intoProductShare = share
      m.hazard = hazard
      m.dataSource = source
      return m
    }
    let usd = { (v: Double, per: String) in UnitPrice(amount: qa(v, "USD"), perUnit: per) }
    return [
      mat(Mat.cotton, "Bông xơ (nhập khẩu Mỹ, Úc)", .rawMaterial, 4_200, usd(2.0, "kg"), "Kéo sợi", share: 0.84),
      mat(Mat.polyester, "Xơ polyester 1,4 D × 38 mm", .rawMaterial, 1_600, usd(1.15, "kg"), "Kéo sợi pha", share: 0.9),
      mat(
        Mat.yarnPackaging, "Ống giấy, bao PP đóng gói sợi", .packaging, 60, vnd(18_000, per: "kg"), "Đóng gói sợi",
        share: 1.0),
      mat(
        Mat.sizing, "Hồ sợi dọc (PVA, tinh bột biến tính)", .chemical, 95, vnd(38_000, per: "kg"), "Hồ sợi dọc dệt thoi",
        share: 0.0),
      mat(
        Mat.knittingOil, "Dầu máy dệt kim", .chemical, 12, vnd(45_000, per: "kg"), "Bôi trơn kim dệt", share: 0.0,
        hazard: "Dầu thải là chất thải nguy hại"),
      mat(
        Mat.reactiveDyes, "Thuốc nhuộm hoạt tính", .chemical, 75, vnd(180_000, per: "kg"), "Nhuộm cotton", share: 0.75,
        hazard: "Bụi thuốc nhuộm gây mẫn cảm hô hấp"),
      mat(
        Mat.disperseDyes, "Thuốc nhuộm phân tán", .chemical, 22, vnd(210_000, per: "kg"), "Nhuộm polyester",
        share: 0.85),
      mat(
        Mat.salt, "Muối công nghiệp (NaCl)", .chemical, 780, vnd(140_000, per: "bao"), "Chất điện ly nhuộm hoạt tính",
        share: 0.0),
      mat(
        Mat.sodaAsh, "Soda (Na₂CO₃)", .chemical, 260, vnd(8_500, per: "kg"), "Cầm màu nhuộm hoạt tính", share: 0.0,
        hazard: "Kích ứng mắt"),
      mat(
        Mat.caustic, "Xút (NaOH, quy 100 %)", .chemical, 150, vnd(13_000, per: "kg"), "Nấu tẩy, làm bóng", share: 0.0,
        hazard: "Ăn mòn"),
      mat(
        Mat.acetic, "Axit axetic", .chemical, 40, vnd(17_000, per: "kg"), "Trung hòa sau nhuộm", share: 0.0,
        hazard: "Ăn mòn, dễ cháy"),
      mat(
        Mat.peroxide, "Hydro peroxit H₂O₂ 50 %", .chemical, 90, vnd(9_500, per: "kg"), "Tẩy trắng", share: 0.0,
        hazard: "Chất oxy hóa"),
      mat(
        Mat.auxiliaries, "Chất trợ nhuộm (ngấm, giặt, càng hóa, đều màu)", .chemical, 70, vnd(35_000, per: "kg"),
        "Tiền xử lý, nhuộm, giặt", share: 0.0),
      mat(
        Mat.softener, "Chất làm mềm", .chemical, 55, vnd(42_000, per: "kg"), "Hoàn tất trong máy nhuộm jet",
        share: 0.6),
      mat(
        Mat.finishing, "Enzym rũ hồ, chất hoàn tất (chống nhăn, chống co)", .chemical, 38, vnd(55_000, per: "kg"),
        "Rũ hồ, hoàn tất trên máy căng kim", share: 0.5),
      mat(
        Mat.chemicalPackaging, "Bao bì hóa chất (bao, can, phuy) đi kèm hóa chất", .packaging, 18,
        vnd(0, per: "kg"), "Không mua riêng; thải bỏ là chất thải nguy hại", share: 0.0,
        hazard: "Bao bì dính hóa chất", source: .estimate),
      mat(Mat.thread, "Chỉ may polyester", .rawMaterial, 25, vnd(120_000, per: "kg"), "May", share: 0.88),
      mat(Mat.trims, "Phụ liệu may (nhãn, nút, mex, bo)", .rawMaterial, 30, vnd(150_000, per: "kg"), "May", share: 0.93),
      mat(
        Mat.garmentPackaging, "Thùng carton, túi PE đóng gói sản phẩm may", .packaging, 210, vnd(22_000, per: "kg"),
        "Đóng gói sản phẩm may", share: 0.95),
      mat(Mat.pac, "PAC (chất keo tụ)", .chemical, 150, vnd(9_000, per: "kg"), "Xử lý nước thải", share: 0.0),
      mat(Mat.polymer, "Polymer anion (trợ keo tụ)", .chemical, 3, vnd(85_000, per: "kg"), "Xử lý nước thải", share: 0.0),
      mat(
        Mat.sulphuric, "Axit sunfuric 98 %", .chemical, 180, vnd(4_500, per: "kg"), "Trung hòa nước thải kiềm",
        share: 0.0, hazard: "Ăn mòn mạnh"),
      mat(
        Mat.decolourant, "Chất khử màu nước thải", .chemical, 60, vnd(28_000, per: "kg"), "Xử lý màu nước thải",
        share: 0.0),
      mat(
        Mat.boilerChemicals, "Hóa chất xử lý nước cấp lò hơi (muối hoàn nguyên, chống cáu cặn)", .chemical, 18,
        vnd(20_000, per: "kg"), "Làm mềm nước cấp lò hơi", share: 0.0),
      mat(
        Mat.compressorOil, "Dầu máy nén khí", .chemical, 1.4, vnd(95_000, per: "kg"), "Bôi trơn máy nén trục vít",
        share: 0.0, hazard: "Dầu thải là chất thải nguy hại"),
    ]
  }

  // MARK: - W4 energy carriers

  static func energyCarriers() -> [EnergyCarrier] {
    func carrier(
      _ id: String, _ name: String, _ fuel: String, _ qty: Quantity, _ price: UnitPrice, _ use: String,
      ncv: UnitPrice? = nil
    ) -> EnergyCarrier {
      var c = EnergyCarrier(id: id)
      c.name = name
      c.fuel = fuel
      c.annualQuantity = qty
      c.unitPrice = price
      c.ncvOverride = ncv
      c.use = use
      c.dataSource = .records
      return c
    }
    return [
      carrier(
        Carrier.electricity, "Điện lưới (EVN, cấp điện áp 22 kV)", "electricity", q(35_400_000, "kWh"),
        vnd(1_900, per: "kWh"),
        "Động cơ kéo sợi, máy dệt, máy nén khí, máy nhuộm, chiếu sáng; 650 MWh văn phòng, ký túc xá, chiếu sáng ngoài"),
      carrier(
        Carrier.coal, "Than cám 5 (antraxit Quảng Ninh)", "coal_anthracite", q(4_200, "t"), vnd(3_600_000, per: "t"),
        "Lò hơi ghi xích 10 t/h", ncv: UnitPrice(amount: q(20.9, "GJ"), perUnit: "t")),
      carrier(
        Carrier.husk, "Trấu (sinh khối)", "rice_husk", q(2_050, "t"), vnd(1_300_000, per: "t"), "Lò hơi đốt trấu 4 t/h",
        ncv: UnitPrice(amount: q(13.5, "GJ"), perUnit: "t")),
      carrier(
        Carrier.diesel, "Dầu DO 0,05S", "diesel", q(48_000, "L"), vnd(19_500, per: "L"),
        "Mồi lò hơi 6.000 L; xe nâng, máy phát dự phòng 42.000 L"),
      carrier(
        Carrier.lpg, "Khí hóa lỏng LPG", "lpg", q(165_000, "kg"), vnd(23_500, per: "kg"),
        "Máy đốt lông vải dệt thoi, máy căng kim định hình đốt khí"),
    ]
  }

  // MARK: - W5 water balance

  static func water() -> [WaterItem] {
    func item(
      _ id: String, _ role: WaterRole, _ name: String, _ m3: Double, step: String? = nil, price: UnitPrice? = nil,
      pollutants: String = "", source: DataSource = .records
    ) -> WaterItem {
      var w = WaterItem(id: "demo-water-" + id)
      w.role = role
      w.name = name
      w.annualQuantity = q(m3, "m³")
      w.stepId = step
      w.unitPrice = price
      w.pollutants = pollutants
      w.dataSource = source
      return w
    }
    return [
      item(
        "groundwater", .source, "Nước ngầm (3 giếng khoan, xử lý khử sắt)", 420_000,
        price: vnd(4_200, per: "m³"), source: .measured),
      item("town", .source, "Nước máy (cấp nước đô thị)", 157_800, price: vnd(13_800, per: "m³")),
      item("spinning", .consumer, "Kéo sợi – điều không (làm ẩm)", 12_000, step: Step.spinning, source: .estimate),
      item("weaving", .consumer, "Dệt thoi – nấu hồ, làm ẩm", 6_000, step: Step.weaving, source: .estimate),
      item("knitting", .consumer, "Dệt kim – làm ẩm", 1_500, step: Step.knitting, source: .estimate),
      item("dyeing", .consumer, "Nhuộm – hoàn tất", 490_000, step: Step.dyeing, source: .measured),
      item("boiler", .consumer, "Lò hơi – nước cấp bổ sung", 26_300, step: Step.boiler, source: .measured),
      item("domestic", .consumer, "Sinh hoạt, nhà ăn, vệ sinh", 42_000, source: .estimate),
      item(
        "wastewater", .output, "Nước thải sau xử lý sơ bộ ra HTXLNT tập trung KCN", 478_000, step: Step.wwtp,
        pollutants: "COD ≈ 120 mg/L, màu ≈ 150 Pt-Co, TDS cao (muối), pH 7–8", source: .measured),
      item(
        "evaporation", .output, "Bay hơi (làm ẩm, sấy, căng kim, bể xử lý) – ước tính", 73_600,
        source: .estimate),
      item("steam-loss", .output, "Hơi và nước ngưng không thu hồi", 24_900, step: Step.boiler, source: .calculated),
      item("in-product", .output, "Theo sản phẩm và bùn thải", 1_300, source: .estimate),
    ]
  }
}
