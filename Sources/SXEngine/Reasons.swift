import Foundation
import SXCore

/// The bilingual reasons a figure is incomplete.
enum Reason {
  static func t(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

  static let notFinite = t("kết quả không hữu hạn (chia cho 0 hoặc tràn số)", "result is not finite (division by zero or overflow)")
  static let noData = t("chưa có số liệu", "no data")

  static func unique(_ rs: [LocalizedText]) -> [LocalizedText] {
    var seen = Set<LocalizedText>()
    var out: [LocalizedText] = []
    for r in rs where seen.insert(r).inserted { out.append(r) }
    return out
  }

  static func missingQuantity(_ what: String) -> LocalizedText {
    t("«\(what)»: chưa nhập số lượng", "«\(what)»: quantity missing")
  }
  static func missingPrice(_ what: String) -> LocalizedText {
    t("«\(what)»: chưa có đơn giá", "«\(what)»: unit price missing")
  }
  static func badPrice(_ what: String, _ why: LocalizedText) -> LocalizedText {
    t("«\(what)»: không dùng được đơn giá (\(why.vi))", "«\(what)»: unit price unusable (\(why.en))")
  }
  static func unknownUnit(_ what: String, _ unit: String) -> LocalizedText {
    t("«\(what)»: đơn vị không rõ «\(unit)»", "«\(what)»: unknown unit «\(unit)»")
  }
  static func notMass(_ what: String, _ unit: String) -> LocalizedText {
    t(
      "«\(what)»: đơn vị «\(unit)» không quy đổi được ra khối lượng; dòng này không tính vào cân bằng",
      "«\(what)»: unit «\(unit)» cannot be converted to mass; left out of the balance")
  }
  static func notVolume(_ what: String, _ unit: String) -> LocalizedText {
    t("«\(what)»: đơn vị «\(unit)» không quy đổi được ra thể tích", "«\(what)»: unit «\(unit)» cannot be converted to volume")
  }
  static func electricityNotEnergy(_ what: String, _ unit: String) -> LocalizedText {
    t(
      "«\(what)»: điện phải nhập theo đơn vị năng lượng (kWh), không phải «\(unit)»",
      "«\(what)»: electricity needs an energy unit (kWh), not «\(unit)»")
  }
  static func unknownFuel(_ what: String, _ code: String) -> LocalizedText {
    t("«\(what)»: mã nhiên liệu không có trong bảng hệ số «\(code)»", "«\(what)»: fuel code «\(code)» is not in the factor tables")
  }
  static func noNCV(_ what: String, _ fuel: String, _ basis: String) -> LocalizedText {
    t(
      "«\(what)»: không có nhiệt trị (NCV) của «\(fuel)» theo \(basis); nhập nhiệt trị riêng của nhà máy",
      "«\(what)»: no net calorific value (NCV) of «\(fuel)» per \(basis); enter the plant's own NCV")
  }
  static func noCO2Factor(_ what: String, _ fuel: String) -> LocalizedText {
    t("«\(what)»: không có hệ số phát thải CO2 cho «\(fuel)»", "«\(what)»: no CO2 emission factor for «\(fuel)»")
  }
  static func noGridYear(_ year: Int, _ available: [Int]) -> LocalizedText {
    let list = available.map(String.init).joined(separator: ", ")
    return t(
      "không có hệ số phát thải lưới điện năm \(year) (có: \(list)); bổ sung năm này hoặc chọn năm khác",
      "no grid emission factor for year \(year) (available: \(list)); add that year or choose another")
  }
  static func noCarrier(_ what: String) -> LocalizedText {
    t("«\(what)»: dòng năng lượng chưa gắn với dạng năng lượng (W4)", "«\(what)»: energy flow not linked to an energy carrier (W4)")
  }
  static func noOutputs(_ step: String) -> LocalizedText {
    t("công đoạn «\(step)» không có dòng ra nào", "step «\(step)» has no outputs")
  }
  static func noInputs(_ step: String) -> LocalizedText {
    t("công đoạn «\(step)» không có đầu vào theo khối lượng", "step «\(step)» has no inputs by mass")
  }
  static let noProduction = t(
    "chưa có sản lượng sản phẩm chuẩn (W2) hoặc sản lượng năm (W0)", "no reference product quantity (W2) or annual output (W0)")
  static let zeroProduction = t("sản lượng bằng 0: không tính được suất tiêu hao", "production is zero: specific consumption undefined")
  static func productionNotMass(_ unit: String) -> LocalizedText {
    t(
      "sản lượng nhập bằng «\(unit)», không phải khối lượng: chỉ số theo tấn sản phẩm không tính được",
      "production is in «\(unit)», not a mass: per-tonne indicators cannot be computed")
  }
  static let zeroBase = t("mẫu số bằng 0", "denominator is zero")
  static func unitSystem(_ m: LocalizedText) -> LocalizedText {
    t("hệ đơn vị của phiếu lỗi (\(m.vi)); dùng bảng đơn vị chuẩn", "the assessment's unit system is invalid (\(m.en)); standard units used")
  }
  static let noLifetime = t("chưa nhập tuổi thọ (năm)", "lifetime (years) missing")
  static let neverPaysBack = t("không hoàn vốn trong tuổi thọ dự án", "does not pay back within the lifetime")
  static let noIRR = t(
    "không có IRR (dòng tiền không đổi dấu hoặc không có nghiệm)", "no IRR (cash flows do not change sign or have no root)")
  static let noSavings = t("chưa có khoản tiết kiệm nào", "no savings entered")
  static func savingUnpriced(_ what: String) -> LocalizedText {
    t(
      "khoản tiết kiệm «\(what)» chưa có giá trị và không định giá được (gắn dạng năng lượng/nguyên liệu có đơn giá)",
      "saving «\(what)» has no value and cannot be priced (link a carrier/material with a unit price)")
  }
  static func savingNotConvertible(_ what: String) -> LocalizedText {
    t("khoản tiết kiệm «\(what)» không quy đổi được về đại lượng gốc", "saving «\(what)» cannot be converted to the baseline quantity")
  }
  static func unitMismatch(_ have: String, _ need: String) -> LocalizedText {
    t("đơn vị «\(have)» khác «\(need)»", "unit «\(have)» differs from «\(need)»")
  }
  static func noStreamMass(_ what: String) -> LocalizedText {
    t("dòng thải «\(what)»: chưa có khối lượng", "waste stream «\(what)»: no mass")
  }
  static func noStreamStep(_ what: String) -> LocalizedText {
    t("dòng thải «\(what)»: chưa gắn công đoạn", "waste stream «\(what)»: no source step")
  }
  static func stepNoMassIn(_ step: String) -> LocalizedText {
    t(
      "công đoạn «\(step)»: tổng đầu vào khối lượng bằng 0, không phân bổ được chi phí",
      "step «\(step)»: mass input is zero; costs cannot be allocated")
  }
  static func noBenchmark(_ key: String) -> LocalizedText {
    t("không có giá trị tham chiếu cho «\(key)»", "no benchmark for «\(key)»")
  }
}
