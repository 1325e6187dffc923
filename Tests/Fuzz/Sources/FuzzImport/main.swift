import FuzzBodies
import Foundation

/// Any byte string given to the importer must give a document or a ValidationFailure, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  FuzzBodies.importDocument(Data(bytes: start, count: count))
  return 0
}
