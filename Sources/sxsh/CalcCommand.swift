import ArgumentParser
import Foundation
import SXCalc
import SXCore

/// `sxsh calc`: the utility calculators (steam, boiler, compressed air, electricity, fuel, water, finance).
///
///     sxsh calc --list [--json]                 every calculator (with --json: inputs, units, defaults, bounds, help)
///     sxsh calc --list NAME                     one calculator's formula, source, inputs and outputs
///     sxsh calc NAME key=value … [--json]       compute; values may carry units: pressure=7barg, diameter="1/8 in"
///     echo '{"pressure": "7barg"}' | sxsh calc NAME --json   inputs as a JSON object on stdin
struct CalcCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calc",
    abstract: "Máy tính tiện ích (hơi, lò hơi, khí nén, điện, nhiên liệu, nước, tài chính). Utility calculators.",
    discussion: """
      sxsh calc --list [--json]            danh sách / list (--json: đầu vào, đơn vị, mặc định, giới hạn, hướng dẫn)
      sxsh calc --list NAME                công thức, nguồn, đầu vào / formula, source, inputs
      sxsh calc NAME key=value … [--json]  tính / compute: pressure=7barg diameter="1/8 in" hours=8000h
      Số không có đơn vị được hiểu theo đơn vị liệt kê. A bare number is in the input's listed unit.
      Không có key=value và stdin không phải terminal: đọc đối tượng JSON từ stdin. Without key=value and a non-tty stdin, reads a JSON object.
      """)

  @Flag(name: .long, help: "Liệt kê máy tính. List the calculators.")
  var list = false

  @Flag(name: .long, help: "Xuất JSON. Print JSON.")
  var json = false

  @Option(name: .long, help: "Ngôn ngữ: vi (mặc định) hoặc en. Language: vi (default) or en. Also $SXSH_LANG.")
  var lang: Language?

  @Argument(help: "Tên máy tính, rồi các cặp tên=giá_trị. Calculator id, then name=value pairs.")
  var arguments: [String] = []

  func run() throws {
    let language = lang ?? Environment.language
    try guarded(language) {
      if list {
        guard arguments.count <= 1 else {
          throw CLIError(vi: "--list nhận tối đa một tên máy tính", en: "--list takes at most one calculator name")
        }
        let selected = try arguments.first.map { [try calculator($0)] } ?? CalculatorCatalog.all
        print(json ? CalcCLI.listJSON(selected) : CalcCLI.listText(selected, language: language))
        return
      }
      guard let name = arguments.first else {
        throw CLIError(
          vi: "cần tên máy tính; xem: sxsh calc --list", en: "a calculator name is needed; see: sxsh calc --list")
      }
      let calc = try calculator(name)
      let pairs = Array(arguments.dropFirst())
      var parsed = try CalcCLI.parse(arguments: pairs, for: calc, language: language)
      if pairs.isEmpty, isatty(0) == 0 {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        if data.count > 1_000_000 {
          throw CLIError(vi: "dữ liệu vào quá lớn (tối đa 1 MB)", en: "input too large (at most 1 MB)")
        }
        if !String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          parsed = try CalcCLI.parse(json: data, for: calc, language: language)
        }
      }
      let result = try calc.compute(parsed.numbers, lists: parsed.lists)
      print(json ? CalcCLI.resultJSON(calc, parsed, result) : CalcCLI.resultTable(calc, parsed, result, language: language))
    }
  }

  func calculator(_ id: String) throws -> Calculator {
    guard let c = CalculatorCatalog.calculator(id) else {
      let near = CalculatorCatalog.all.map(\.id).filter { $0.contains(id) || id.contains($0) }.prefix(5)
      let hint = near.isEmpty ? "sxsh calc --list" : near.joined(separator: ", ")
      throw CLIError(vi: "không có máy tính «\(id)»; xem: \(hint)", en: "no calculator «\(id)»; see: \(hint)")
    }
    return c
  }
}
