import Foundation
import SXCore

/// Any byte string given to the importer must give a document or a ValidationFailure, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  do {
    let doc = try AssessmentDocument.decode(data)
    // A document that imports must re-encode and re-import to the same assessment.
    let again = try AssessmentDocument.decode(try doc.encoded())
    if again.assessment != doc.assessment { fatalError("import/export round trip differs") }
  } catch is ValidationFailure {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}
