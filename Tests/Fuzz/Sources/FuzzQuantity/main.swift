import Foundation
import SXCore

/// The number-and-unit parser must accept or refuse any text with a typed error, never crash, never yield NaN.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuantity(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  for language in Language.allCases {
    let p = QuantityParser(language: language)
    do {
      let q = try p.parse(text)
      if !q.si.isFinite || !q.value.isFinite { fatalError("non-finite quantity from \(text.debugDescription)") }
      // What we print we must read back.
      let shown = NumberFormat.format(q.value, language, maxFractionDigits: 12)
      if shown != "—", (try? NumberParser.parse(shown, language)) == nil { fatalError("cannot re-read \(shown)") }
    } catch is NumberError {
    } catch is UnitError {
    } catch {
      fatalError("unexpected error type: \(error)")
    }
  }
  return 0
}
