// The export budgets (issue 8): 1,000 demo-sized assessments to xlsx and to csv.
  import Foundation
  import SXCore
  import SXEngine
  import SXExport
  import SXWorksheets

  extension Benchmarks {
    /// Export of `count` demo-sized assessments to xlsx and to csv (one zip each), as a batch export makes them: the
    /// worksheets, factors and rules are loaded once; per assessment the results are computed (engine + rules) and
    /// the file is built and written (owner-only, not fsynced). Reported scaled to 1,000 assessments.
    mutating func exports(count: Int) throws {
      let set = try WorksheetLoader.embedded()
      let factors = EngineFactors.from(set.reference)
      let rules = try Workloads.rules()
      let dir = try Workloads.tempDir("export")
      defer { try? FileManager.default.removeItem(atPath: dir) }
      var assessments: [Assessment] = []
      for i in 0..<count {
        var a = DemoAssessment.make()
        a.header.id = "export-\(i)"
        a.header.isSample = false
        assessments.append(a)
      }
      for format in [ExportFormat.xlsx, .csv] {
        let budget = format == .xlsx ? 10.0 : 3.0
        let t0 = Measure.now()
        for (i, a) in assessments.enumerated() {
          let r = Engine.compute(a, factors: factors, rules: rules)
          let input = ExportInput(assessment: a, results: r, worksheets: set, language: .vi, generator: "sxsh-bench")
          guard case .file(let data) = try Exporter.export(format, input, zip: true) else { throw BenchError("no file") }
          let path = "\(dir)/\(i).\(format.fileExtension)"
          guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw BenchError("cannot write \(path)")
          }
        }
        let s = Double(Measure.now() - t0) / 1e9 * 1000 / Double(count)
        report.figures.append(Figure(
          "export 1,000 demo assessments to \(format.rawValue)", s, "s", budget: budget,
          note: "\(count) measured, scaled; results computed (engine + rules) and files written"))
      }
    }
  }
