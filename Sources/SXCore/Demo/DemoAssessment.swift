import Foundation

/// The built-in sample assessment: a fictional Vietnamese textile & garment plant ("Công ty CP Dệt May Sông Hương"),
/// one year of data (2025), clearly marked as sample data (`header.isSample`).
///
/// The figures are illustrative but lie in the ranges of the domain brief (§3, §4), and some are chosen so that the
/// engine has real findings to show:
/// - the dyeing–finishing step does not close its balance (≈ 10 % unaccounted: unmeasured evaporation and load),
///   while the other production steps close within 5 %;
/// - dyeing uses 150 L water per kg fabric (good practice ≈ 50 L/kg);
/// - a coal boiler at ≈ 70 % efficiency, ≈ 22 % compressed-air leakage, little condensate return;
/// - the plant uses ≈ 8,400 TOE/yr (a key energy user, > 1,000 TOE);
/// - the waste-stream costs follow a clear Pareto (dyeing wastewater, cutting waste, heat in hot effluent).
///
/// Every id is fixed, so two calls give equal assessments.
public enum DemoAssessment {
  /// The fixed id of the sample assessment (a valid version-4 UUID string).
  public static let id = "00000000-0000-4000-8000-00000000d3e0"

  /// Builds the sample; `now` is used for the header's created/updated stamps only.
  public static func make(now: String = "2026-01-15T08:00:00Z") -> Assessment {
    var a = Assessment(header: header(now: now))
    a.team = team()
    a.products = products()
    a.materials = materials()
    a.energyCarriers = energyCarriers()
    a.water = water()
    a.steps = steps()
    a.flows = flows()
    a.wasteStreams = wasteStreams()
    a.focus = focus()
    a.opportunities = opportunities()
    a.actions = actions()
    a.indicators = indicators()
    a.earlierPeriods = earlierPeriods()
    return a
  }

  // MARK: - Ids shared between the files of the demo

  enum Step {
    static let spinning = "demo-step-spinning"
    static let weaving = "demo-step-weaving"
    static let knitting = "demo-step-knitting"
    static let dyeing = "demo-step-dyeing"
    static let sewing = "demo-step-sewing"
    static let boiler = "demo-step-boiler"
    static let air = "demo-step-compressed-air"
    static let wwtp = "demo-step-wwtp"
  }

  enum Carrier {
    static let electricity = "demo-carrier-electricity"
    static let coal = "demo-carrier-coal"
    static let husk = "demo-carrier-rice-husk"
    static let diesel = "demo-carrier-diesel"
    static let lpg = "demo-carrier-lpg"
  }

  /// USD rate of the sample (VND per USD).
  static let usdRate = 25_400.0

  // MARK: - Quantity helpers

  /// A quantity in a standard unit. The unit symbols are literals of this file set; a unit test builds the whole
  /// sample, so a mistyped symbol is caught there and this failure cannot happen at run time.
  static func q(_ v: Double, _ unit: String) -> Quantity {
    guard let u = UnitSystem.standard.unit(unit) else {
      preconditionFailure("DemoAssessment: unknown unit literal «\(unit)»")
    }
    return Quantity(value: v, unit: u.symbol, si: u.toSI(v))
  }

  /// The unit system of the sample (standard units + its local units and currency rates).
  static let units: UnitSystem = {
    guard let s = try? settings().unitSystem() else {
      preconditionFailure("DemoAssessment: the sample's local units or rates are invalid")
    }
    return s
  }()

  /// A quantity in a unit of the sample's own unit system (e.g. `USD`, `bao`).
  static func qa(_ v: Double, _ unit: String) -> Quantity {
    guard let u = units.unit(unit) else {
      preconditionFailure("DemoAssessment: unknown unit literal «\(unit)»")
    }
    return Quantity(value: v, unit: u.symbol, si: u.toSI(v))
  }

  /// A price of `v` VND per `perUnit`.
  static func vnd(_ v: Double, per perUnit: String) -> UnitPrice {
    UnitPrice(amount: q(v, "VND"), perUnit: perUnit)
  }

  // MARK: - W0 header, profile, settings

  static func settings() -> AssessmentSettings {
    var s = AssessmentSettings()
    s.currencyRates = [
      CurrencyRate(currency: "USD", vndPerUnit: usdRate, date: "2025-12-31", source: "Vietcombank 2025-12-31 (minh họa)"),
      CurrencyRate(currency: "EUR", vndPerUnit: 29_900, date: "2025-12-31", source: "Vietcombank 2025-12-31 (minh họa)"),
      CurrencyRate(currency: "CNY", vndPerUnit: 3_560, date: "2025-12-31", source: "Vietcombank 2025-12-31 (minh họa)"),
    ]
    s.localUnits = [
      LocalUnit(symbol: "bao", factor: 50, baseUnit: "kg", note: "Bao muối, soda 50 kg"),
      LocalUnit(symbol: "kg hơi", factor: 1, baseUnit: "kg", note: "1 kg hơi bão hòa (dùng để tính giá hơi)"),
    ]
    s.gridFactorYear = 2023
    s.imbalanceThreshold = 0.05
    s.discountRate = 0.12
    s.criteria = FeasibilityCriterion.defaults
    s.benchmarkSector = "textile"
    s.wastewaterCharge = vnd(9_500, per: "m³")
    return s
  }

  static func profile() -> PlantProfile {
    var p = PlantProfile()
    p.name = "Công ty CP Dệt May Sông Hương (MẪU)"
    p.address = "Lô C3, Khu công nghiệp Phú Bài, phường Phú Bài, thành phố Huế (địa chỉ minh họa)"
    p.province = "Thành phố Huế (trước đây tỉnh Thừa Thiên Huế)"
    p.sector = "Dệt may: kéo sợi, dệt thoi, dệt kim, nhuộm – hoàn tất, may mặc"
    p.products = "Sợi cotton/PE Ne 30–40; vải dệt thoi và dệt kim thành phẩm; áo polo, áo thun"
    p.markets = "Xuất khẩu Mỹ, EU, Nhật Bản (khoảng 70 %); nội địa (khoảng 30 %)"
    p.employees = 2_650
    p.shifts = 3
    p.operatingHours = q(7_200, "h")
    p.annualOutput = q(3_060, "t")
    p.turnover = q(850, "tỷ VND")
    p.labourCost = q(265, "tỷ VND")
    p.previousProgrammes =
      "Kiểm toán năng lượng bắt buộc năm 2022 (cơ sở sử dụng năng lượng trọng điểm); ISO 14001:2015 từ năm 2019. "
      + "Toàn bộ số liệu là dữ liệu minh họa, không phải của doanh nghiệp có thật."
    p.contact = "Phòng Kỹ thuật – kythuat@songhuong.example (minh họa)"
    return p
  }

  static func header(now: String) -> AssessmentHeader {
    var h = AssessmentHeader(id: id)
    h.title = "Mẫu — Công ty CP Dệt May Sông Hương (dữ liệu minh họa)"
    h.profile = profile()
    h.period = AssessmentPeriod(start: "2025-01-01", end: "2025-12-31")
    h.settings = settings()
    h.status = .inProgress
    h.isSample = true
    h.createdAt = now
    h.updatedAt = now
    return h
  }

  // MARK: - W1 team

  static func team() -> [TeamMember] {
    func member(
      _ id: String, _ name: String, _ role: String, _ position: String, _ dept: String, _ why: String, _ contact: String
    ) -> TeamMember {
      var m = TeamMember(id: "demo-team-" + id)
      m.name = name
      m.role = role
      m.position = position
      m.department = dept
      m.justification = why
      m.contact = contact
      return m
    }
    return [
      member(
        "lead", "Nguyễn Văn Hùng", "Trưởng nhóm SXSH", "Phó Tổng giám đốc kỹ thuật", "Ban Giám đốc",
        "Có quyền quyết định đầu tư và điều phối các xưởng", "hung.nv@songhuong.example"),
      member(
        "dyeing", "Trần Thị Thu Hà", "Thành viên – công đoạn nhuộm – hoàn tất", "Trưởng phòng Công nghệ nhuộm",
        "Phòng Kỹ thuật", "Nắm công thức nhuộm, tỷ lệ dung dịch và tiêu hao hóa chất", "ha.ttt@songhuong.example"),
      member(
        "energy", "Lê Quang Minh", "Thành viên – năng lượng, lò hơi, khí nén", "Trưởng phòng Cơ điện", "Phòng Cơ điện",
        "Quản lý lò hơi, máy nén khí, trạm điện và số liệu công tơ", "minh.lq@songhuong.example"),
      member(
        "env", "Phạm Thị Lan", "Thư ký nhóm – số liệu nước, nước thải, chất thải", "Cán bộ môi trường – ATVSLĐ",
        "Phòng Môi trường", "Quản lý HTXLNT, sổ chất thải nguy hại và báo cáo môi trường", "lan.pt@songhuong.example"),
      member(
        "sewing", "Hoàng Đức Anh", "Thành viên – xưởng may", "Quản đốc nhà máy may", "Nhà máy may",
        "Nắm định mức vải, sơ đồ giác và vải vụn cắt", "anh.hd@songhuong.example"),
      member(
        "consultant", "Võ Thị Mai Phương", "Tư vấn SXSH (bên ngoài)", "Chuyên gia tư vấn sản xuất sạch hơn",
        "Đơn vị tư vấn", "Hướng dẫn phương pháp đánh giá nhanh và tính toán cân bằng", "phuong.vtm@tuvan.example"),
    ]
  }

  // MARK: - W2 products

  static func products() -> [Product] {
    func product(_ id: String, _ name: String, _ qty: Quantity, _ note: String, reference: Bool = false) -> Product {
      var p = Product(id: "demo-product-" + id)
      p.name = name
      p.annualQuantity = qty
      p.isReference = reference
      p.note = note
      return p
    }
    return [
      product(
        "yarn", "Sợi cotton/PE Ne 30–40 (bán ra)", q(1_710, "t"),
        "Tổng sợi kéo được 4.960 t; 1.350 t chuyển dệt thoi, 1.900 t chuyển dệt kim"),
      product("grey-woven", "Vải mộc dệt thoi (bán thành phẩm)", q(1_390, "t"), "Chuyển toàn bộ sang nhuộm – hoàn tất"),
      product("grey-knit", "Vải mộc dệt kim (bán thành phẩm)", q(1_870, "t"), "Chuyển toàn bộ sang nhuộm – hoàn tất"),
      product(
        "fabric", "Vải thành phẩm (dệt thoi và dệt kim)", q(3_060, "t"),
        "Sản phẩm quy chiếu cho các chỉ số; 1.910 t bán ra, 1.150 t chuyển nhà máy may", reference: true),
      product(
        "garments", "Sản phẩm may (áo polo, áo thun)", q(4_800_000, "pcs"),
        "Khoảng 1.045 t sản phẩm (0,22 kg/sản phẩm), chưa kể bao bì"),
    ]
  }
}
