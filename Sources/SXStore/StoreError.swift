import SXCore

/// Store failures, each with a message in both languages naming the file.
public enum StoreError: LocalizedFailure, Equatable {
  case notSQLite(path: String)
  case newerSchema(path: String)
  case directoryMissing(path: String)
  case cannotOpen(path: String, detail: String)
  case readOnly(path: String)
  case noSuchAssessment(String)
  case ambiguousId(String)
  case saveFailed(detail: String)
  case invalid(ValidationFailure)

  public var message: LocalizedText {
    switch self {
    case .notSQLite(let p):
      LocalizedText(
        vi: "«\(p)» không phải là cơ sở dữ liệu SQLite (tệp giữ nguyên, không bị ghi đè)",
        en: "«\(p)» is not an SQLite database (the file was left untouched)")
    case .newerSchema(let p):
      LocalizedText(
        vi: "«\(p)» được ghi bởi phiên bản sxsh mới hơn; hãy cập nhật sxsh (tệp giữ nguyên)",
        en: "«\(p)» was written by a newer sxsh; update sxsh (the file was left untouched)")
    case .directoryMissing(let p):
      LocalizedText(vi: "thư mục «\(p)» không tồn tại", en: "directory «\(p)» does not exist")
    case .cannotOpen(let p, let d):
      LocalizedText(vi: "không mở được «\(p)»: \(d)", en: "cannot open «\(p)»: \(d)")
    case .readOnly(let p):
      LocalizedText(vi: "không ghi được vào «\(p)» (chỉ đọc)", en: "cannot write to «\(p)» (read-only)")
    case .noSuchAssessment(let id):
      LocalizedText(vi: "không có đánh giá «\(id)»", en: "no assessment «\(id)»")
    case .ambiguousId(let id):
      LocalizedText(vi: "mã «\(id)» khớp nhiều đánh giá; gõ dài hơn", en: "id «\(id)» matches several assessments; type more of it")
    case .saveFailed(let d):
      LocalizedText(vi: "CHƯA LƯU: \(d)", en: "NOT SAVED: \(d)")
    case .invalid(let v): v.message
    }
  }
}
