import Foundation
import SXCore
import XCTest

@testable import SXExport

/// The shortcuts the batch export takes (issue 8 budgets) give what the plain code gives: the record value trees
/// read as JSONSerialization reads the encoded JSON, column widths equal the width of the formatted text, plain
/// numbers equal `String(format: "%.15g")`, and the zip writer's archives read back.
final class FastPathTests: XCTestCase {
  /// Compares a JSONSerialization object with a JSONTree through the casts the worksheet tables use.
  func assertSame(_ old: Any, _ new: JSONTree, _ path: String) {
    if old is NSNull {
      XCTAssertEqual(new.kind, .null, path)
    } else if let s = old as? String {
      XCTAssertEqual(new.string, s, path)
    } else if let a = old as? [Any] {
      XCTAssertEqual(new.array?.count, a.count, path)
      for (k, x) in a.enumerated() where k < (new.array?.count ?? 0) { assertSame(x, new.array![k], "\(path)[\(k)]") }
    } else if let d = old as? [String: Any] {
      XCTAssertEqual(new.kind, .object, path)
      XCTAssertEqual(new.keys.sorted(), d.keys.sorted(), path)
      for (k, x) in d {
        guard let child = new[k] else { continue }
        assertSame(x, child, "\(path).\(k)")
      }
    } else if let n = old as? NSNumber {
      // Foundation's JSON reader on Linux rounds some 17-digit numbers in the last place (29209.999999999996 reads
      // as 29209.99999999999); the tree keeps the stored value, so the two agree to that last place.
      let v = n.doubleValue
      XCTAssertEqual(new.number ?? .nan, v, accuracy: abs(v) * 4e-16, path)
      XCTAssertEqual(new.bool, old as? Bool, path)
      XCTAssertNil(new.string, path)
    } else {
      XCTFail("\(path): unexpected \(type(of: old))")
    }
  }

  func testRecordTreesReadAsTheirJSON() throws {
    let ctx = FieldContext(try demoInput(.vi))
    for a in [DemoAssessment.make(), hostileAssessment()] {
      var n = 0
      for r in a.records {
        let old = try JSONSerialization.jsonObject(with: try r.encoded())
        let new = try XCTUnwrap(ctx.json(record: r))
        assertSame(old, new, "\(r.kind.rawValue) \(r.id)")
        n += 1
      }
      XCTAssertGreaterThan(n, 50)
      let header = try JSONSerialization.jsonObject(with: try JSONCoding.encoder().encode(a.header))
      assertSame(["header": header], try XCTUnwrap(ctx.json(header: a.header)), "$")
    }
  }

  func testTreeMissesAndNulls() {
    struct R: Encodable {
      var a: Double? = nil
      var b: Double = -0.0
      var c: [String: Int] = ["x": 1, "y": 0]
      var d: Bool = true
      func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        try c.encodeNil(forKey: .a)
        try c.encode(b, forKey: .b)
        try c.encode(self.c, forKey: .c)
        try c.encode(d, forKey: .d)
      }
      enum K: String, CodingKey { case a, b, c, d }
    }
    let t = JSONTree.of(R())
    XCTAssertNotNil(t)
    XCTAssertNil(t?.value(at: ["a"]), "null reads as missing")
    XCTAssertEqual(t?.value(at: ["b"])?.number, 0)
    XCTAssertEqual(t?.value(at: ["b"])?.number?.sign, .plus, "JSON text has no negative zero")
    XCTAssertEqual(t?.value(at: ["c", "x"])?.bool, true, "1 reads as true, as an NSNumber does")
    XCTAssertEqual(t?.value(at: ["c", "y"])?.bool, false)
    XCTAssertEqual(t?.value(at: ["d"])?.number, 1, "true reads as 1, as an NSNumber does")
    XCTAssertNil(t?.value(at: ["c", "x", "deeper"]))
    XCTAssertNil(JSONTree.of([Double.nan]), "a non-finite number cannot be encoded (JSONCoding.encoder throws)")
  }

  static let numbers: [Double] = [
    0, -0.0, 0.5, 1.5, 2.5, -0.4, -0.5, -1.5, 0.05, 0.15, 0.25, 0.35, 0.45, 999.95, 999.5, 1234.5678, -1234.5, 9999.5, 99.995,
    9.9999, 0.000123, -0.00004, 0.00005, 1e-7, 12.3456, 100.05, 1e15, 1e15 - 1, 1e15 + 2, 1e20, -1e20, 123456789.125, 4503599627370495.5,
    5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 67259999999.99999, 1 / 3, 2 / 3, 1e6 / 7,
  ]

  /// Numbers from a fixed pseudo-random sequence over many magnitudes.
  static var spread: [Double] {
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    var out: [Double] = []
    for _ in 0..<3000 {
      x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let mantissa = Double(x >> 11) / Double(1 << 53)
      let exponent = Int((x >> 3) % 24) - 8
      let sign: Double = x & 1 == 0 ? 1 : -1
      var v = sign * mantissa * pow(10, Double(exponent))
      if x & 6 == 0 { v = (v * 100).rounded() / 100 }
      out.append(v)
    }
    return out
  }

  func testColumnWidthsAreTheWidthOfTheFormattedText() throws {
    let formats = [
      NumberFormats.general, NumberFormats.integer, NumberFormats.decimal1, NumberFormats.decimal2, NumberFormats.decimal3,
      NumberFormats.percent1, "0",
    ]
    for l in [Language.vi, .en] {
      for f in formats {
        let column = ExportColumn("x", format: f)
        for v in Self.numbers + Self.spread {
          let text = Fmt.cell(.number(v), column, l)
          XCTAssertEqual(Fmt.cellWidth(.number(v), column, l), DisplayWidth.of(text), "\(v) \(f) \(l): «\(text)»")
        }
      }
    }
    var cells = 0
    for input in [try demoInput(.vi), try demoInput(.en), try ExportInput.compute(hostileAssessment(), language: .vi, generator: "t")] {
      for t in ExportTables.all(input) {
        for row in t.rows {
          for (k, cell) in row.enumerated() where k < t.columns.count {
            let text = Fmt.cell(cell, t.columns[k], input.language)
            let longest = text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
            XCTAssertEqual(Fmt.cellWidth(cell, t.columns[k], input.language), longest, "\(t.id) «\(text)»")
            cells += 1
          }
        }
      }
    }
    XCTAssertGreaterThan(cells, 1000)
  }

  func testDisplayWidthShortcutAgreesWithTheUnicodeProperties() {
    // Every scalar the shortcut covers is one cell by the general-category rule.
    for v in Array(0x20...0x7E) + Array(0xA0...0x2FF) + Array(0x1E00...0x1EFF) {
      guard let u = Unicode.Scalar(UInt32(v)) else { continue }
      let zero: Set<Unicode.GeneralCategory> = [.nonspacingMark, .enclosingMark, .spacingMark, .format, .control]
      XCTAssertEqual(DisplayWidth.of(String(Character(u))), zero.contains(u.properties.generalCategory) ? 0 : 1, String(v, radix: 16))
    }
    XCTAssertEqual(DisplayWidth.of("Tiếng Việt"), 10)
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    XCTAssertEqual(DisplayWidth.of("日本"), 4)
  }

  /// The widest space-separated word, read over the scalars, is what the split by characters gives (or nil).
  func testWidestWordIsTheWidestWordOfTheSplit() {
    let headers = [
      "", " ", "   ", "Năng lượng (GJ)", "Giá trị  kép ", " lead", "trail ", "日本 語", "e\u{301} x", "a \u{301}b", "x\u{301} y",
      "Tiếng Việt có dấu", "\u{600} 1", "CO\u{2082} t", "tab\there", "soft\u{AD}hyphen word", "% TOE", "a\u{200D} b",
    ]
    for h in headers {
      let split = h.split(separator: " ").map { DisplayWidth.of(String($0)) }.max()
      guard let w = DisplayWidth.widestWord(h) else {
        XCTAssertTrue(h.unicodeScalars.contains { $0.value > 0x2FF && !(0x1E00...0x1EFF).contains($0.value) }, h)
        continue
      }
      XCTAssertEqual(w >= 0 ? w : nil, split, h)
    }
    XCTAssertNil(DisplayWidth.widestWord("a \u{301}b"))
    XCTAssertEqual(DisplayWidth.widestWord("Năng lượng (GJ)"), 5)
  }

  func testPlainNumbersArePrintfG15() {
    for v in Self.numbers + Self.spread {
      XCTAssertEqual(Fmt.g15(v), String(format: "%.15g", v), "\(v)")
    }
  }

  /// Numbers of few digits (what the fast path of `g15` prints) over every magnitude, around the switches to
  /// exponents and at the 15-digit limit.
  func testShortNumbersArePrintfG15() {
    var x: UInt64 = 0x2545_F491_4F6C_DD1D
    var values: [Double] = [1e-5, 1.5e-5, 9.99999e-5, 1e-4, 0.0001234, 1e14, 1e15, 1e16, 123456789012345, 1234567890123456, 999999999999999,
      99999999999999.9, 0.1, 0.3, 1e100, 1.25e-300, 2.5e300, 7e22, 1e21, 1e-7, 100, 1000.5]
    for _ in 0..<20000 {
      x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let digits = Int(x >> 60) + 1  // 1…16 significant digits
      var m = 1.0
      for _ in 0..<digits { m *= 10 }
      let n = Double((x >> 8) % UInt64(m))
      let scale = Int((x >> 2) % 60) - 30
      let v = n * pow(10, Double(scale)) * (x & 1 == 0 ? 1 : -1)
      values.append(v)
      values.append(v.nextUp)
    }
    for v in values {
      XCTAssertEqual(Fmt.g15(v), String(format: "%.15g", v), "\(v)")
    }
  }

  /// Numbers whose shortest digits are 16 or 17 (rounded to 15 by `g15Short`, halfway digits left to the C library):
  /// any bit pattern, sums with binary noise, 16-digit numbers ending in 5 and runs of nines that carry.
  func testLongNumbersArePrintfG15() {
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    var values: [Double] = [0.1 + 0.2, 67259999999.99999, 0.30000000000000004, 1.0000000000000002, 9.999999999999999e22,
      999999999999999.9, 99999999999999.99, 0.9999999999999999, 1e15 + 0.5, 4503599627370495.5, 0.1234567890123455,
      1.234567890123455e-5, 2.675e-7 * 3, 1 / 3.0, 2 / 3.0, -1 / 7.0, 1e-300 / 3, 5e-324, 2.2250738585072014e-308]
    for _ in 0..<100_000 {
      x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      values.append(Double(bitPattern: x))
      let d = Double(x >> 11) / Double(1 << 53) * pow(10, Double(Int(x % 40) - 20))
      values.append(d)
      values.append(d * 3)
      // 16 digits ending in 5 (halfway between two 15-digit numbers), at several magnitudes.
      let half = (Double(x >> 14 % 900_000_000_000_000) + 100_000_000_000_000) * 10 + 5
      values.append(half * pow(10, Double(Int(x >> 3 % 30) - 20)))
    }
    for v in values where v.isFinite {
      XCTAssertEqual(Fmt.g15(v), String(format: "%.15g", v), "\(v)")
      let g = String(format: "%.15g", v)
      if v != v.rounded() || abs(v) >= 1e15, let d = Double(g), d == d.rounded(), abs(d) < 1e15 {
        XCTAssertEqual(Fmt.plain(v), String(Int64(d)), "\(v)")
      }
    }
  }

  /// The settings test of the factor sources is `hasPrefix("header.settings")`.
  func testFromSettingsIsHasPrefix() {
    let sources = [
      "", "header", "header.settings", "header.settings.grid", "header.settings\u{301}", "header.setting", "Header.settings.x",
      "header.settingsé", "header.settings\r\n", "header.settings日本", "W04.energyCarriers", "header.settingś", "header.settings ",
    ]
    for s in sources {
      XCTAssertEqual(FactorSources.fromSettings(s), s.hasPrefix("header.settings"), s.debugDescription)
    }
  }

  func testZipReadsBack() throws {
    try zipReadsBack(compress: true)
  }

  /// Stored entries (the csv zips) read back the same.
  func testStoredZipReadsBack() throws {
    try zipReadsBack(compress: false)
  }

  func zipReadsBack(compress: Bool) throws {
    let doc = Data(try JSONCoding.encoder().encode(DemoAssessment.make().header))
    let zip = try Zip.archive([("a.json", doc)], compress: compress)
    XCTAssertEqual(try ArchiveImport.document(in: zip, name: "z.zip"), doc)
    guard let py = Checker.python() else { return }
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    var big = Data()
    for k in 0..<40_000 { big += Data("row \(k), \(k * 7 % 13)\n".utf8) }
    let entries: [(name: String, data: Data)] = [("empty.txt", Data()), ("big.csv", big), ("tiếng-việt.txt", Data("Tiếng Việt".utf8)), ("a.json", doc)]
    try Zip.archive(entries, compress: compress).write(to: dir.appendingPathComponent("t.zip"))
    let script = """
      import zipfile, sys, hashlib
      z = zipfile.ZipFile(sys.argv[1])
      assert z.testzip() is None
      for i in z.infolist():
          assert i.compress_type == (zipfile.ZIP_DEFLATED if sys.argv[2] == "1" else zipfile.ZIP_STORED)
          print(i.filename, oct(i.external_attr >> 16), hashlib.sha256(z.read(i)).hexdigest())
      """
    let r = try Checker.run(py, ["-c", script, dir.appendingPathComponent("t.zip").path, compress ? "1" : "0"])
    XCTAssertEqual(r.status, 0, r.stderr)
    func sha(_ d: Data) throws -> String {
      let f = dir.appendingPathComponent("h")
      try d.write(to: f)
      return try Checker.run(py, ["-c", "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())", f.path]).out
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    XCTAssertEqual(r.out.split(separator: "\n").map(String.init), try entries.map { "\($0.name) 0o100600 \(try sha($0.data))" })
  }
}
