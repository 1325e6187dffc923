import FuzzBodies
import Foundation

/// WorksheetLoader.check(files:) on a folder with one mutated YAML file (first byte picks the file).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorksheets(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  FuzzBodies.worksheets(Data(bytes: start, count: count))
  return 0
}
