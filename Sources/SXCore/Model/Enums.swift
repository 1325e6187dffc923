import Foundation

/// Direction of a flow across a process step boundary.
public enum FlowDirection: String, Codable, CaseIterable, Sendable {
  case input = "in"
  case output = "out"

  public var label: LocalizedText {
    self == .input ? LocalizedText(vi: "vào", en: "in") : LocalizedText(vi: "ra", en: "out")
  }
}

/// What a flow is. Inputs and outputs have their own kinds; the engine balances mass, water and energy separately.
public enum FlowKind: String, Codable, CaseIterable, Sendable {
  case rawMaterial, chemical, packaging, water, energy
  case product, byProduct, reuse, solidWaste, hazardousWaste, wastewater, airEmission, heat, unaccountedLoss

  public var label: LocalizedText {
    switch self {
    case .rawMaterial: LocalizedText(vi: "nguyên liệu", en: "raw material")
    case .chemical: LocalizedText(vi: "hóa chất/phụ liệu", en: "chemical/auxiliary")
    case .packaging: LocalizedText(vi: "bao bì", en: "packaging")
    case .water: LocalizedText(vi: "nước", en: "water")
    case .energy: LocalizedText(vi: "năng lượng", en: "energy carrier")
    case .product: LocalizedText(vi: "sản phẩm", en: "product")
    case .byProduct: LocalizedText(vi: "sản phẩm phụ", en: "by-product")
    case .reuse: LocalizedText(vi: "tái sử dụng", en: "reuse")
    case .solidWaste: LocalizedText(vi: "chất thải rắn", en: "solid waste")
    case .hazardousWaste: LocalizedText(vi: "chất thải nguy hại", en: "hazardous waste")
    case .wastewater: LocalizedText(vi: "nước thải", en: "wastewater")
    case .airEmission: LocalizedText(vi: "khí thải", en: "air emission")
    case .heat: LocalizedText(vi: "nhiệt thải", en: "heat")
    case .unaccountedLoss: LocalizedText(vi: "tổn thất chưa rõ", en: "unaccounted loss")
    }
  }

  /// Kinds that are losses (negative products in MFCA terms).
  public var isLoss: Bool {
    switch self {
    case .solidWaste, .hazardousWaste, .wastewater, .airEmission, .heat, .unaccountedLoss: true
    default: false
    }
  }
}

/// Where a figure comes from. Shown next to totals as data quality.
public enum DataSource: String, Codable, CaseIterable, Sendable {
  case measured, records, calculated, nameplate, estimate, interview

  public var label: LocalizedText {
    switch self {
    case .measured: LocalizedText(vi: "đo đạc", en: "measured")
    case .records: LocalizedText(vi: "sổ sách", en: "records")
    case .calculated: LocalizedText(vi: "tính toán", en: "calculated")
    case .nameplate: LocalizedText(vi: "nhãn thiết bị", en: "nameplate")
    case .estimate: LocalizedText(vi: "ước tính", en: "estimate")
    case .interview: LocalizedText(vi: "phỏng vấn", en: "interview")
    }
  }

  /// Measured, records and calculated count as "measured-grade" data; the rest as estimates.
  public var isMeasuredGrade: Bool { self == .measured || self == .records || self == .calculated }
}

/// The eight CP techniques (UNEP/UNIDO) plus the energy-efficiency and end-of-pipe tags.
public enum CPTechnique: String, Codable, CaseIterable, Sendable {
  case goodHousekeeping, inputMaterialChange, betterProcessControl, equipmentModification, technologyChange
  case onSiteRecovery, usefulByProduct, productModification, energyEfficiency, endOfPipe

  public var label: LocalizedText {
    switch self {
    case .goodHousekeeping: LocalizedText(vi: "quản lý nội vi", en: "good housekeeping")
    case .inputMaterialChange: LocalizedText(vi: "thay đổi nguyên liệu đầu vào", en: "input material change")
    case .betterProcessControl: LocalizedText(vi: "kiểm soát quá trình tốt hơn", en: "better process control")
    case .equipmentModification: LocalizedText(vi: "cải tiến thiết bị", en: "equipment modification")
    case .technologyChange: LocalizedText(vi: "thay đổi công nghệ", en: "technology change")
    case .onSiteRecovery: LocalizedText(vi: "tuần hoàn, tái sử dụng tại chỗ", en: "on-site recovery/reuse")
    case .usefulByProduct: LocalizedText(vi: "tạo sản phẩm phụ hữu ích", en: "useful by-product")
    case .productModification: LocalizedText(vi: "cải tiến sản phẩm", en: "product modification")
    case .energyEfficiency: LocalizedText(vi: "hiệu quả năng lượng", en: "energy efficiency")
    case .endOfPipe: LocalizedText(vi: "xử lý cuối đường ống", en: "end of pipe")
    }
  }
}

/// The screening class of an opportunity.
public enum ScreeningClass: String, Codable, CaseIterable, Sendable {
  case implementNow, studyFurther, rejected, unscreened

  public var label: LocalizedText {
    switch self {
    case .implementNow: LocalizedText(vi: "thực hiện ngay", en: "implement now")
    case .studyFurther: LocalizedText(vi: "nghiên cứu thêm", en: "study further")
    case .rejected: LocalizedText(vi: "loại bỏ", en: "rejected")
    case .unscreened: LocalizedText(vi: "chưa sàng lọc", en: "not screened")
    }
  }
}

/// Implementation status: I implemented, N not implemented, P planned/in progress, K not to be implemented.
public enum OpportunityStatus: String, Codable, CaseIterable, Sendable {
  case implemented = "I"
  case notImplemented = "N"
  case planned = "P"
  case rejected = "K"

  public var label: LocalizedText {
    switch self {
    case .implemented: LocalizedText(vi: "đã thực hiện (I)", en: "implemented (I)")
    case .notImplemented: LocalizedText(vi: "chưa thực hiện (N)", en: "not implemented (N)")
    case .planned: LocalizedText(vi: "đang/sẽ thực hiện (P)", en: "planned (P)")
    case .rejected: LocalizedText(vi: "không thực hiện (K)", en: "will not implement (K)")
    }
  }
}

/// Where an assessment stands.
public enum AssessmentStatus: String, Codable, CaseIterable, Sendable {
  case draft, inProgress, complete

  public var label: LocalizedText {
    switch self {
    case .draft: LocalizedText(vi: "nháp", en: "draft")
    case .inProgress: LocalizedText(vi: "đang làm", en: "in progress")
    case .complete: LocalizedText(vi: "hoàn thành", en: "complete")
    }
  }
}

/// The resources an opportunity saves.
public enum SavedResource: String, Codable, CaseIterable, Sendable {
  case electricity, fuel, steam, water, chemicals, rawMaterial, wasteDisposal, other

  public var label: LocalizedText {
    switch self {
    case .electricity: LocalizedText(vi: "điện", en: "electricity")
    case .fuel: LocalizedText(vi: "nhiên liệu", en: "fuel")
    case .steam: LocalizedText(vi: "hơi", en: "steam")
    case .water: LocalizedText(vi: "nước", en: "water")
    case .chemicals: LocalizedText(vi: "hóa chất", en: "chemicals")
    case .rawMaterial: LocalizedText(vi: "nguyên liệu", en: "raw material")
    case .wasteDisposal: LocalizedText(vi: "xử lý chất thải", en: "waste disposal")
    case .other: LocalizedText(vi: "khác", en: "other")
    }
  }
}

/// Role of a line in the water worksheet (W5).
public enum WaterRole: String, Codable, CaseIterable, Sendable {
  case source, consumer, output

  public var label: LocalizedText {
    switch self {
    case .source: LocalizedText(vi: "nguồn cấp", en: "source")
    case .consumer: LocalizedText(vi: "hộ tiêu thụ", en: "consumer")
    case .output: LocalizedText(vi: "đầu ra", en: "output")
    }
  }
}
