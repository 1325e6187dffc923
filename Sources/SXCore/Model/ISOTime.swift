/// UTC time stamps in the form every record's provenance and the store use: `2026-11-23T19:45:12Z` (RFC 3339 /
/// ISO 8601 internet date-time, whole seconds, the form of Foundation's `ISO8601DateFormatter` with
/// `.withInternetDateTime`).
///
/// Written out by hand from the civil calendar (days to year, month, day after H. Hinnant's `civil_from_days`):
/// the formatter went through ICU and cost ~45 µs a stamp, on the path of every save, where this costs well under
/// one.
public enum ISOTime {
  /// The stamp of `seconds` since 1970-01-01T00:00:00Z (fractions are dropped, toward the past).
  public static func string(secondsSince1970 seconds: Double) -> String {
    let whole = Int64(seconds.rounded(.down))
    let days = whole >= 0 ? whole / 86_400 : -((-whole + 86_399) / 86_400)
    let secs = Int(whole - days * 86_400)
    let (y, m, d) = civil(days: days)
    var out = [UInt8]()
    out.reserveCapacity(20)
    func put(_ v: Int, _ width: Int) {
      var div = width == 4 ? 1000 : 10
      while div > 0 {
        out.append(UInt8(48 + v / div % 10))
        div /= 10
      }
    }
    if (0...9999).contains(y) {
      put(Int(y), 4)
    } else {
      // Outside four digits (never a clock reading, but never a wrong date either): the year as it is.
      out += Array(String(y).utf8)
    }
    out.append(45)
    put(m, 2)
    out.append(45)
    put(d, 2)
    out.append(84)
    put(secs / 3600, 2)
    out.append(58)
    put(secs / 60 % 60, 2)
    out.append(58)
    put(secs % 60, 2)
    out.append(90)
    return String(decoding: out, as: UTF8.self)
  }

  /// Year, month (1–12) and day (1–31) of the day `days` after 1970-01-01 (proleptic Gregorian calendar).
  static func civil(days: Int64) -> (Int64, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097  // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365  // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)  // [0, 365]
    let mp = (5 * doy + 2) / 153  // [0, 11]
    let d = Int(doy - (153 * mp + 2) / 5 + 1)
    let m = Int(mp < 10 ? mp + 3 : mp - 9)
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
