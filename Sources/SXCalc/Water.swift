import Foundation
import SXCore

/// Water use reduction (MEASUR Treasure Hunt WaterReduction): metered flow, volume meter, bucket.
enum WaterCalculators {
  static let all: [Calculator] = [metered, volume, bucket]

  static let outputs: [CalcOutputSpec] = [
    CalcOutputSpec("flowRate", "m³/h", vi: "Lưu lượng", en: "Flow"),
    CalcOutputSpec("annualWater", "m³", vi: "Nước mỗi năm", en: "Water per year"),
    CalcOutputSpec("annualCost", "VND", vi: "Chi phí mỗi năm (nước + nước thải)", en: "Cost per year (water + wastewater)"),
  ]

  static let priceAndHours: [CalcInput] = [
    Common.hours(),
    Common.price("waterPrice", "VND/m³", vi: "Giá nước", en: "Water price"),
    Common.price("wastewaterPrice", "VND/m³", vi: "Phí nước thải (nếu tính theo m³ nước cấp)", en: "Wastewater charge (if billed per m³ supplied)"),
  ]

  static func result(_ a: CalcArgs, flow: Double) -> CalcResult {
    let w = flow * a["hours"]
    return CalcResult(values: ["flowRate": flow, "annualWater": w, "annualCost": w * (a["waterPrice"] + a["wastewaterPrice"])])
  }

  static let method = LocalizedText.t("Phương pháp MEASUR (Treasure Hunt, WaterReduction).", "MEASUR method (Treasure Hunt, WaterReduction).")

  static let metered = Calculator(
    id: "water.reduction.metered",
    title: .t("Giảm dùng nước — lưu lượng đo", "Water use reduction — metered flow"),
    help: .t("Nước mỗi năm = lưu lượng × giờ. " + method.vi, "Water per year = flow × hours. " + method.en),
    inputs: [Common.positive("flowRate", "m³/h", 1, vi: "Lưu lượng đo (ghi được L/min, gpm)", en: "Metered flow (L/min, gpm accepted)")] + priceAndHours,
    outputs: outputs,
    body: { a in result(a, flow: a["flowRate"]) })

  static let volume = Calculator(
    id: "water.reduction.volume",
    title: .t("Giảm dùng nước — chỉ số đồng hồ", "Water use reduction — meter readings"),
    help: .t(
      "Lưu lượng = (chỉ số cuối − chỉ số đầu) / thời gian giữa hai lần đọc; nước mỗi năm = lưu lượng × giờ. " + method.vi,
      "Flow = (final − initial reading) / time between readings; water per year = flow × hours. " + method.en),
    inputs: [
      Common.nonNegative("initialReading", "m³", 0, vi: "Chỉ số đồng hồ lần đầu", en: "Initial meter reading"),
      Common.nonNegative("finalReading", "m³", 1, vi: "Chỉ số đồng hồ lần sau", en: "Final meter reading"),
      Common.positive("elapsedTime", "min", 60, vi: "Thời gian giữa hai lần đọc", en: "Time between readings"),
    ] + priceAndHours,
    outputs: outputs,
    body: { a in
      guard a["finalReading"] >= a["initialReading"] else {
        throw CalcError.invalid("finalReading", vi: "không được nhỏ hơn chỉ số đầu", en: "must not be below the initial reading")
      }
      return result(a, flow: (a["finalReading"] - a["initialReading"]) / a["elapsedTime"])
    })

  static let bucket = Calculator(
    id: "water.reduction.bucket",
    title: .t("Giảm dùng nước — hứng bằng xô", "Water use reduction — bucket test"),
    help: .t(
      "Lưu lượng = thể tích xô / thời gian đầy; nước mỗi năm = lưu lượng × giờ. " + method.vi,
      "Flow = bucket volume / fill time; water per year = flow × hours. " + method.en),
    inputs: [
      Common.positive("bucketVolume", "L", 10, vi: "Thể tích xô", en: "Bucket volume"),
      Common.positive("fillTime", "s", 20, vi: "Thời gian đầy xô", en: "Time to fill"),
    ] + priceAndHours,
    outputs: outputs,
    body: { a in result(a, flow: a["bucketVolume"] / a["fillTime"]) })
}
