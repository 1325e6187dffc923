// The export budgets (issue 8): 1,000 demo-sized assessments to xlsx and to csv.
import Foundation
import SXCore
import SXEngine
import SXExport
import SXWorksheets

/// A batch export as `sxsh export` makes it for each assessment: the worksheets, factors and rules loaded once; per
/// assessment the results computed (engine + rules), the file built, and written by the CLI's safe writer (owner-only,
/// O_EXCL|O_NOFOLLOW temporary, fsync, rename). Time is kept per phase so the engine and export work can be combined.
struct ExportBatch {
  let set: WorksheetSet
  let factors: EngineFactors
  let rules: [OpportunityRule]
  let assessments: [Assessment]
  /// Nanoseconds spent per phase.
  var compute: UInt64 = 0
  var build: UInt64 = 0
  var write: UInt64 = 0
  var bytes = 0

  init(count: Int) throws {
    set = try WorksheetLoader.embedded()
    factors = EngineFactors.from(set.reference)
    rules = try Workloads.rules()
    assessments = (0..<count).map { i in
      var a = DemoAssessment.make()
      a.header.id = "export-\(i)"
      a.header.isSample = false
      return a
    }
  }

  /// Exports every assessment to `format` into `dir` (csv as one zip each, as `--output x.zip` writes it).
  mutating func run(_ format: ExportFormat, into dir: String, language: Language = .vi) throws {
    for (i, a) in assessments.enumerated() {
      let t0 = Measure.now()
      // As `sxsh export` computes it (`ExportJob.build`): the rules' proposals only for a format that shows them.
      let r = Engine.compute(a, factors: factors, rules: rules, proposals: format.showsProposals)
      let t1 = Measure.now()
      let input = ExportInput(assessment: a, results: r, worksheets: set, language: language, generator: "sxsh-bench")
      let output = try Exporter.export(format, input, zip: format == .csv)
      let t2 = Measure.now()
      if case .file(let d) = output { bytes += d.count }
      try SafeWrite.output(output, to: "\(dir)/\(i).\(format.fileExtension)", force: false)
      let t3 = Measure.now()
      compute += t1 - t0
      build += t2 - t1
      write += t3 - t2
    }
  }
}

extension Benchmarks {
  /// Export of `count` demo-sized assessments to xlsx and to csv (one zip each), as a batch export makes them
  /// (see `ExportBatch`). Reported scaled to 1,000 assessments, with the compute / build / write split.
  mutating func exports(count: Int) throws {
    // The folders are removed after the last export, not between them: on a file system without a journal (ext4 here)
    // the inodes of files deleted in the last seconds are skipped, one by one, by every file created after them, so
    // removing one run's files would slow the next run's file creation (seen in perf as `recently_deleted`).
    var folders: [String] = []
    defer { for f in folders { try? FileManager.default.removeItem(atPath: f) } }
    for format in [ExportFormat.xlsx, .csv] {
      let dir = try Workloads.tempDir("export")
      folders.append(dir)
      var batch = try ExportBatch(count: count)
      let budget = format == .xlsx ? 10.0 : 3.0
      let t0 = Measure.now()
      try batch.run(format, into: dir)
      let scale = 1000 / Double(count) / 1e9
      let total = Double(Measure.now() - t0) * scale
      let split = [("compute", batch.compute), ("build", batch.build), ("write", batch.write)]
        .map { "\($0.0) \(Report.fmt(Double($0.1) * scale)) s" }.joined(separator: ", ")
      // One lane, one file at a time, each synced on its own (what `sxsh export ID` does per file): the per-phase
      // split of the work, informational. The budget is on the batch below, the path `sxsh export --all` takes for
      // many assessments.
      report.figures.append(Figure(
        "export 1,000 demo assessments to \(format.rawValue), one lane", total, "s", budget: nil,
        note: "informational; \(count) measured, scaled; \(split); \(batch.bytes / count / 1024) KiB each"))
      // The batch export (`sxsh export --all`): the same assessments, computed, built and written over the cores. The
      // median of three runs, each into a folder of its own (one run is a single sample of a figure that swings by a
      // quarter between runs on this VM; the other figures are medians too).
      var runs: [Double] = []
      for _ in 0..<3 {
        let all = try Workloads.tempDir("export-batch")
        folders.append(all)
        let b0 = Measure.now()
        let failures = BatchExport.run(
          batch.assessments, format: format, into: all, force: false, factors: batch.factors, rules: batch.rules,
          build: BatchExport.standard(format, worksheets: batch.set, language: .vi, generator: "sxsh-bench", rawCSV: false))
        if let f = failures.first { throw BenchError("batch export: \(f.id): \(f.message.en)") }
        runs.append(Double(Measure.now() - b0) * scale)
      }
      let runList = runs.map { Report.fmt($0) }.joined(separator: ", ")
      report.figures.append(Figure(
        "export 1,000 demo assessments to \(format.rawValue), batch, median of 3", runs.sorted()[1], "s", budget: budget,
        note: "\(count) measured, scaled; runs \(runList) s; BatchExport.run over \(ProcessInfo.processInfo.activeProcessorCount) cores"))
    }
  }
}

/// `sxsh-bench export FORMAT COUNT [DIR] [--lang en] [--batch]`: COUNT exports of the demo assessment (for profiling);
/// with DIR the files are kept there (to compare outputs), else written to a temporary folder and removed. With
/// `--batch` they go through `BatchExport.run` (the product's batch path, over the cores) instead, timed as a whole.
func exportProfile(_ args: [String]) throws {
  guard args.count >= 2, let format = ExportFormat(rawValue: args[0]), let count = Int(args[1]) else {
    throw BenchError("usage: export xlsx|csv COUNT [DIR] [--lang en] [--batch]")
  }
  let keep = args.count >= 3 && !args[2].hasPrefix("--") ? args[2] : nil
  if let keep { try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true) }
  let dir = try keep ?? Workloads.tempDir("export-profile")
  defer { if keep == nil { try? FileManager.default.removeItem(atPath: dir) } }
  var batch = try ExportBatch(count: count)
  let language: Language = args.contains("en") ? .en : .vi
  if args.contains("--batch") {
    // The product path (`sxsh export --all`), timed as a whole: CPU time against wall time shows how it spreads.
    var r0 = rusage()
    getrusage(RUSAGE_SELF.rawValue, &r0)
    let t0 = Measure.now()
    let failures = BatchExport.run(
      batch.assessments, format: format, into: dir, force: false, factors: batch.factors, rules: batch.rules,
      build: BatchExport.standard(format, worksheets: batch.set, language: language, generator: "sxsh-bench", rawCSV: false))
    let wall = Measure.now() - t0
    var r1 = rusage()
    getrusage(RUSAGE_SELF.rawValue, &r1)
    func us(_ t: timeval) -> Int { t.tv_sec * 1_000_000 + Int(t.tv_usec) }
    let cpu = (us(r1.ru_utime) - us(r0.ru_utime) + us(r1.ru_stime) - us(r0.ru_stime)) / 1000
    print("batch \(wall / 1_000_000) ms wall, \(cpu) ms cpu, \(failures.count) failures")
    return
  }
  try batch.run(format, into: dir, language: language)
  print("compute \(batch.compute / 1_000_000) ms, build \(batch.build / 1_000_000) ms, write \(batch.write / 1_000_000) ms, \(batch.bytes) bytes")
}
