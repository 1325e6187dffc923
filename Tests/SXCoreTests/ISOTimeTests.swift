import Foundation
import XCTest

@testable import SXCore

/// ISOTime against Foundation's ISO8601DateFormatter (internet date-time, UTC), the formatter it replaces, and
/// against dates worked out by hand.
final class ISOTimeTests: XCTestCase {
  func testKnownDates() {
    XCTAssertEqual(ISOTime.string(secondsSince1970: 0), "1970-01-01T00:00:00Z")
    XCTAssertEqual(ISOTime.string(secondsSince1970: 951_782_400), "2000-02-29T00:00:00Z")  // a leap day of a century leap year
    XCTAssertEqual(ISOTime.string(secondsSince1970: 1_795_462_399), "2026-11-23T19:33:19Z")
    XCTAssertEqual(ISOTime.string(secondsSince1970: 4_107_542_399), "2100-02-28T23:59:59Z")  // 2100 is not a leap year
    XCTAssertEqual(ISOTime.string(secondsSince1970: 4_107_542_400), "2100-03-01T00:00:00Z")
    XCTAssertEqual(ISOTime.string(secondsSince1970: -1), "1969-12-31T23:59:59Z")
    XCTAssertEqual(ISOTime.string(secondsSince1970: 1.999), "1970-01-01T00:00:01Z")
    XCTAssertEqual(ISOTime.string(secondsSince1970: -0.5), "1969-12-31T23:59:59Z")
    XCTAssertEqual(ISOTime.string(secondsSince1970: 253_402_300_800), "10000-01-01T00:00:00Z")  // five-digit year
  }

  func testMatchesFoundationsFormatter() {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    var g = SystemRandomNumberGenerator()
    // 1900 to 2200, whole and fractional seconds, plus every day boundary around the turn of a few years.
    var samples: [Double] = (0..<3000).map { _ in Double(Int64.random(in: -2_208_988_800...7_258_118_400, using: &g)) + Double.random(in: 0..<0.999, using: &g) }
    for year in [1970, 1999, 2000, 2024, 2025, 2099, 2100] {
      let start = f.date(from: "\(year)-12-28T00:00:00Z")!.timeIntervalSince1970
      for d in 0..<8 {
        let midnight: Double = start + Double(d) * 86_400
        samples.append(midnight - 1)
        samples.append(midnight)
      }
    }
    for s in samples {
      // The formatter drops fractions toward the past as well (after rounding to milliseconds, so the samples stay
      // below .999).
      XCTAssertEqual(ISOTime.string(secondsSince1970: s), f.string(from: Date(timeIntervalSince1970: s)), "at \(s)")
    }
  }
}
