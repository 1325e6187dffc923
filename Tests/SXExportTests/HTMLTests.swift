import Foundation
import SXCore
import XCTest

@testable import SXExport

final class HTMLTests: XCTestCase {
  /// Headless Chromium loads the page without console errors or CSP refusals, the inline sentinel script (allowed by
  /// its hash, nothing else is) counts the SVGs, and a screenshot is taken; the Sankey read back from the DOM balances.
  func testReportRendersInChromium() throws {
    guard let chromium = Checker.require(["chromium", "chromium-browser", "google-chrome"]) else { return }
    for l in Language.allCases {
      let input = try demoInput(l)
      let html = HTMLReport.render(input)
      let dir = try Checker.tempDir()
      defer { try? FileManager.default.removeItem(at: dir) }
      let page = dir.appendingPathComponent("report.html")
      try Data(html.utf8).write(to: page)
      let svgCount = html.components(separatedBy: "<svg ").count - 1
      XCTAssertGreaterThanOrEqual(svgCount, 8)
      let dom = try Self.dumpDOM(chromium, page, dir)
      XCTAssertTrue(dom.contains("<meta id=\"sx-rendered\" content=\"\(svgCount)\">"), "sentinel script ran and saw \(svgCount) SVGs")
      for cls in ["chart sankey", "chart pareto", "chart macc", "chart flow", "chart bars"] {
        XCTAssertTrue(dom.contains("class=\"\(cls)\""), cls)
      }
      try Self.checkSankeyBalances(dom)
      let shot = dir.appendingPathComponent("shot.png")
      let r = try Checker.run(
        chromium, Self.flags(dir) + ["--window-size=1240,1754", "--screenshot=\(shot.path)", page.absoluteString], timeout: 120)
      let png = try Data(contentsOf: shot)
      XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], r.stderr)
      XCTAssertGreaterThan(png.count, 20_000)
    }
  }

  /// The report prints on A4 (a PDF with several pages); with SXSH_UPDATE_REPORT_PNG=1 its first page becomes the
  /// README image.
  func testReportPrintsToA4() throws {
    guard let chromium = Checker.require(["chromium", "chromium-browser", "google-chrome"]),
      let pdftoppm = Checker.require(["pdftoppm"])
    else { return }
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("report.html")
    try Data(HTMLReport.render(try demoInput(.vi)).utf8).write(to: page)
    let pdf = dir.appendingPathComponent("report.pdf")
    let r = try Checker.run(chromium, Self.flags(dir) + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString])
    let bytes = try Data(contentsOf: pdf)
    XCTAssertTrue(bytes.starts(with: Data("%PDF".utf8)), r.stderr)
    let pdfinfo = try XCTUnwrap(Checker.require(["pdfinfo"]))
    let info = try Checker.run(pdfinfo, [pdf.path]).out
    XCTAssertTrue(info.contains("(A4)"), info)
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    XCTAssertGreaterThan(pages, 5, info)
    let prefix = dir.appendingPathComponent("page").path
    XCTAssertEqual(try Checker.run(pdftoppm, ["-png", "-r", "80", "-f", "1", "-l", "1", pdf.path, prefix]).status, 0)
    let png = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix("page") && $0.hasSuffix(".png") })
    if ProcessInfo.processInfo.environment["SXSH_UPDATE_REPORT_PNG"] == "1" {
      let target = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/report-page1.png")
      try? FileManager.default.removeItem(at: target)
      try FileManager.default.copyItem(at: dir.appendingPathComponent(png), to: target)
    }
  }

  func testBlankWorksheetsRender() throws {
    guard let chromium = Checker.require(["chromium", "chromium-browser", "google-chrome"]) else { return }
    let set = try demoInput(.vi).worksheets
    for l in Language.allCases {
      let html = BlankWorksheets.render(set, language: l, plant: "Nhà máy <A&B>", generator: "t")
      XCTAssertEqual(html.components(separatedBy: "data-worksheet=").count - 1, set.worksheets.count)
      XCTAssertTrue(html.contains("Nhà máy &lt;A&amp;B&gt;"))
      let dir = try Checker.tempDir()
      defer { try? FileManager.default.removeItem(at: dir) }
      let page = dir.appendingPathComponent("blank.html")
      try Data(html.utf8).write(to: page)
      let dom = try Self.dumpDOM(chromium, page, dir)
      XCTAssertTrue(dom.contains("<meta id=\"sx-rendered\" content=\"0\">"))
      XCTAssertTrue(dom.contains("data-worksheet=\"W13\""))
    }
  }

  func testHostileTextIsEscapedAndCSPIsRestrictive() throws {
    let input = try ExportInput.compute(hostileAssessment(), language: .en, generator: "t")
    let html = HTMLReport.render(input)
    XCTAssertFalse(html.contains("<script>alert"))
    XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    XCTAssertEqual(html.components(separatedBy: "<script>").count - 1, 1, "only the sentinel script")
    XCTAssertTrue(html.contains("default-src 'none'"))
    let md = MarkdownReport.render(input)
    XCTAssertFalse(md.contains("<script>"))
    XCTAssertFalse(html.contains("http://") && html.contains("src=\"http"), "no external resources")
  }

  func testMarkdownReportHasTheSections() throws {
    for l in Language.allCases {
      let md = MarkdownReport.render(try demoInput(l))
      XCTAssertGreaterThanOrEqual(md.components(separatedBy: "\n## ").count - 1, 13)
      XCTAssertTrue(md.contains("data:image/svg+xml;base64,"))
      XCTAssertTrue(md.contains("| --- |"))
    }
  }

  // MARK: - Helpers

  static func flags(_ dir: URL) -> [String] {
    [
      "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.path)/chrome-profile", "--no-first-run",
      "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
    ]
  }

  static func dumpDOM(_ chromium: String, _ page: URL, _ dir: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let r = try Checker.run(chromium, flags(dir) + ["--dump-dom", page.absoluteString], timeout: 120)
    XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
    let errors = r.stderr.split(separator: "\n").filter {
      $0.contains("CONSOLE") || $0.contains("Refused to") || $0.contains("Uncaught") || $0.contains("Content Security Policy")
    }
    XCTAssertEqual(errors, [], "page errors", file: file, line: line)
    return r.out
  }

  /// Reads the Sankey links from the rendered DOM and checks Σ in = Σ out for every step node.
  static func checkSankeyBalances(_ dom: String) throws {
    let re = try NSRegularExpression(pattern: #"data-from="([^"]+)" data-to="([^"]+)" data-kg="([^"]+)""#)
    var inflow: [String: Double] = [:], outflow: [String: Double] = [:]
    let ns = dom as NSString
    let matches = re.matches(in: dom, range: NSRange(location: 0, length: ns.length))
    XCTAssertFalse(matches.isEmpty)
    for m in matches {
      let from = ns.substring(with: m.range(at: 1)), to = ns.substring(with: m.range(at: 2))
      let kg = Double(ns.substring(with: m.range(at: 3))) ?? .nan
      outflow[from, default: 0] += kg
      inflow[to, default: 0] += kg
    }
    let steps = Set(inflow.keys.filter { $0.hasPrefix("step:") })
    XCTAssertFalse(steps.isEmpty)
    for s in steps {
      let i = inflow[s] ?? 0, o = outflow[s] ?? 0
      XCTAssertEqual(i, o, accuracy: max(i, 1) * 1e-9, s)
    }
  }
}
