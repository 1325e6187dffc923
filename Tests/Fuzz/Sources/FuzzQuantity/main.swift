import FuzzBodies
import Foundation

/// The number-and-unit parser must accept or refuse any text with a typed error, never crash, never yield NaN.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuantity(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  FuzzBodies.quantity(Data(bytes: start, count: count))
  return 0
}
