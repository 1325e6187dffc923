import FuzzBodies
import Foundation

/// The `sxsh calc` key=value parser (first byte picks the calculator, one argument per line).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalcArgs(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  FuzzBodies.calcArgs(Data(bytes: start, count: count))
  return 0
}
