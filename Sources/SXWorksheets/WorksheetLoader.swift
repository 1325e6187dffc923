import Foundation
import SXCore
import SXEngine

/// Reads `Worksheets/` folders (or the copy embedded in the binary) into a checked `WorksheetSet`.
public enum WorksheetLoader {
  /// The file listing the guided workflow.
  public static let workflowFile = "workflow.yaml"
  /// The folder of the worksheet definitions.
  public static let worksheetsFolder = "worksheets"
  /// The environment variable naming a worksheets folder.
  public static let environmentVariable = "SXSH_WORKSHEETS"
  /// The JSON schema of the assessment document.
  static let schemaFile = "schema/assessment.schema.json"
  /// Largest definition file read, in bytes.
  public static let maxFileBytes = 2 * 1024 * 1024

  // MARK: Public entry points

  /// Loads and checks a folder. Throws `WorksheetLoadError` listing every problem; nothing partial is returned.
  public static func load(directory: String) throws -> WorksheetSet { try loadWithRules(directory: directory).set }

  /// Loads the copy of `Worksheets/` embedded in the binary.
  public static func embedded() throws -> WorksheetSet { try embeddedWithRules().set }

  /// Loads from an in-memory map of relative path → file contents (the embedded copy, tests, fuzzing).
  public static func load(files: [String: String], source: String = "(memory)") throws -> WorksheetSet {
    try loadWithRules(files: files, source: source).set
  }

  /// A checked folder with its knowledge-base rules, read and parsed once (the rules are checked with the folder).
  static func loadWithRules(directory: String) throws -> (set: WorksheetSet, rules: LazyRules) {
    let (files, problems) = readDirectory(directory)
    guard let files else { throw WorksheetLoadError(source: directory, problems: problems) }
    if problems.isEmpty, let compiled = compiledIfEmbedded(files) { return compiled }
    let parsed = parseAll(files: files)
    let all = problems + parsed.problems
    guard all.isEmpty, let set = parsed.set else { throw WorksheetLoadError(source: directory, problems: all) }
    return (set, parsed.rules)
  }

  static func embeddedWithRules() throws -> (set: WorksheetSet, rules: LazyRules) {
    try loadWithRules(files: EmbeddedWorksheets.files, source: "(embedded)")
  }

  /// With `compiled`, files byte-identical to the embedded copy give the pre-parsed embedded set (the same set).
  static func loadWithRules(files: [String: String], source: String, compiled: Bool = true) throws -> (set: WorksheetSet, rules: LazyRules) {
    if compiled, let fast = compiledIfEmbedded(files) { return fast }
    let parsed = parseAll(files: files)
    guard parsed.problems.isEmpty, let set = parsed.set else { throw WorksheetLoadError(source: source, problems: parsed.problems) }
    return (set, parsed.rules)
  }

  /// The pre-parsed embedded set and its rules (parsed on first use) when `files` are exactly the embedded files,
  /// which parse without a problem into that set (the tests check both).
  static func compiledIfEmbedded(_ files: [String: String]) -> (set: WorksheetSet, rules: LazyRules)? {
    guard CompiledWorksheets.sameFiles(files, EmbeddedWorksheets.files), let set = CompiledWorksheets.embeddedSet(),
      let rules = LazyRules.deferredIfEmbedded(files)
    else { return nil }
    return (set, rules)
  }

  /// Every problem of a folder, sorted by file and line; empty when it is valid.
  /// Problems of the folder itself (missing, unreadable) have the file `.`.
  public static func check(directory: String) -> [WorksheetProblem] {
    let (files, problems) = readDirectory(directory)
    guard let files else { return problems }
    return sorted(problems + parse(files: files).problems)
  }

  /// Every problem of an in-memory folder.
  public static func check(files: [String: String]) -> [WorksheetProblem] { sorted(parse(files: files).problems) }

  /// The embedded copy of `Worksheets/` (relative path → contents), e.g. to write it out for a trainer to edit.
  public static var embeddedFiles: [String: String] { EmbeddedWorksheets.files }

  // MARK: Reading a folder

  /// Reads every file under `directory` (relative path → text). Unreadable files become problems; `files` is nil
  /// when the folder itself cannot be read. Symbolic links to the folder are followed.
  static func readDirectory(_ directory: String) -> (files: [String: String]?, problems: [WorksheetProblem]) {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
      return (
        nil,
        [
          WorksheetProblem(
            file: ".", line: 1,
            message: LocalizedText(vi: "không có thư mục «\(directory)»", en: "no such folder «\(directory)»"))
        ]
      )
    }
    var files: [String: String] = [:]
    var problems: [WorksheetProblem] = []
    // The folder's real path through realpath(3): URL's symlink resolution costs ~0.5 M instructions at its first use,
    // on the way to the first frame (the URL route stays for a path realpath cannot resolve).
    let base =
      realPath(directory).map { URL(fileURLWithPath: $0, isDirectory: true) }
      ?? URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL
    let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
    guard let e = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
      return (nil, [WorksheetProblem(file: ".", line: 1, message: LocalizedText(vi: "không đọc được thư mục «\(directory)»",
        en: "cannot read the folder «\(directory)»"))])
    }
    for case let url as URL in e {
      // The enumerator's URLs extend the standardized base by names read from the folder, so a plain path
      // (`isPlainPath`) is already standard (standardizing costs ~25,000 instructions a file).
      let path = url.path
      let full = WorksheetLoader.isPlainPath(path, absolute: true) ? path : url.standardizedFileURL.path
      guard isRegularFile(full) else { continue }
      let rel = full.hasPrefix(basePath) ? String(full.dropFirst(basePath.count)) : url.lastPathComponent
      guard let data = fm.contents(atPath: full) else {
        problems.append(WorksheetProblem(file: rel, line: 1, message: LocalizedText(vi: "không đọc được tệp", en: "cannot read the file")))
        continue
      }
      guard data.count <= maxFileBytes else {
        problems.append(
          WorksheetProblem(
            file: rel, line: 1,
            message: LocalizedText(vi: "tệp quá lớn (tối đa \(maxFileBytes) byte)", en: "file too large (at most \(maxFileBytes) bytes)")))
        continue
      }
      // A file with the bytes of its embedded copy is that text, found by one comparison instead of decoding it
      // (the usual case: the repository's or an extracted folder); a copy starting with a byte-order mark is left
      // to the decoder, which may drop the mark.
      if let embedded = EmbeddedWorksheets.files[rel], !embedded.utf8.starts(with: [0xEF, 0xBB, 0xBF]), Self.sameBytes(data, embedded) {
        files[rel] = embedded
        continue
      }
      guard let text = String(data: data, encoding: .utf8) else {
        problems.append(
          WorksheetProblem(file: rel, line: 1, message: LocalizedText(vi: "tệp không phải UTF-8", en: "the file is not UTF-8")))
        continue
      }
      files[rel] = text
    }
    return (files, problems)
  }

  /// Whether `data` holds exactly the UTF-8 bytes of `text`.
  static func sameBytes(_ data: Data, _ text: String) -> Bool {
    var text = text
    return text.withUTF8 { t in
      data.withUnsafeBytes { d in t.count == d.count && (t.count == 0 || memcmp(t.baseAddress!, d.baseAddress!, t.count) == 0) }
    }
  }

  /// Whether `path` is a regular file, not following a final symbolic link: what `URLResourceValues.isRegularFile`
  /// says (a test checks it), without the full attribute read behind it (a quarter of a million instructions a file).
  static func isRegularFile(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
  }

  static func sorted(_ p: [WorksheetProblem]) -> [WorksheetProblem] {
    p.enumerated().sorted { a, b in
      if a.element.file != b.element.file { return a.element.file < b.element.file }
      if a.element.line != b.element.line { return a.element.line < b.element.line }
      return a.offset < b.offset
    }.map(\.element)
  }

  // MARK: Parsing

  /// Parses a folder given as relative path → text. The set is nil when a required part could not be read.
  static func parse(files: [String: String]) -> (set: WorksheetSet?, problems: [WorksheetProblem]) {
    let parsed = parseAll(files: files)
    return (parsed.set, parsed.problems)
  }

  /// `parse(files:)`, also returning the knowledge-base rules it checked on the way (valid when `problems` is empty).
  static func parseAll(files: [String: String]) -> (set: WorksheetSet?, rules: LazyRules, problems: [WorksheetProblem]) {
    var problems: [WorksheetProblem] = []
    func root(_ file: String) -> (YNode?, Diagnostics) {
      var d = Diagnostics(file: file)
      guard let text = files[file] else {
        d.add(line: 1, vi: "thiếu tệp bắt buộc", en: "required file is missing")
        return (nil, d)
      }
      return (YAMLTree.parse(text, &d), d)
    }
    // Stray files: wrong extension or unknown reference tables.
    let known = Set(ReferenceParser.files.map(\.file))
    for path in files.keys.sorted() {
      if path.hasPrefix("reference/"), !known.contains(path), path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
        problems.append(
          WorksheetProblem(
            file: path, line: 1,
            message: LocalizedText(
              vi: "bảng tham chiếu không rõ (dùng: \(known.sorted().joined(separator: ", ")))",
              en: "unknown reference table (use: \(known.sorted().joined(separator: ", ")))")))
      }
      if path.hasSuffix(".yml") {
        problems.append(
          WorksheetProblem(file: path, line: 1, message: LocalizedText(vi: "đuôi tệp phải là .yaml", en: "the file must end in .yaml")))
      }
    }
    // The knowledge-base rules depend on nothing else here. Rules files byte-identical to the embedded copy (whose rules
    // the tests check to parse without a problem) are parsed on first use; others are read on another thread meanwhile
    // (the same result, sooner when a second core is free) and checked with the folder.
    let deferredRules = LazyRules.deferredIfEmbedded(files)
    let pendingRules = deferredRules == nil ? Concurrently { RulesLoader.parse(files: files) } : nil
    // Worksheets.
    var worksheets: [Worksheet] = []
    var idLines: [String: (file: String, line: Int)] = [:]
    let sheetFiles = files.keys.filter { $0.hasPrefix(worksheetsFolder + "/") && $0.hasSuffix(".yaml") }.sorted()
    if sheetFiles.isEmpty {
      problems.append(
        WorksheetProblem(
          file: worksheetsFolder, line: 1, message: LocalizedText(vi: "không có phiếu công tác nào", en: "no worksheet definitions")))
    }
    for file in sheetFiles {
      var (node, d) = root(file)
      if let node {
        let parsed = WorksheetParser.parse(node, file: file, &d)
        // Register the id even when another part failed, so the workflow does not report it missing as well.
        if let id = idValue(node) {
          if let first = idLines[id] {
            d.add(line: idLine(node), vi: "mã phiếu \(id) đã dùng ở \(first.file):\(first.line)",
              en: "worksheet id \(id) is already used in \(first.file):\(first.line)")
          } else {
            idLines[id] = (file, idLine(node))
            if let parsed { worksheets.append(parsed) }
          }
        }
      }
      problems += d.problems
    }
    // Workflow.
    var (wfNode, wfDiag) = root(workflowFile)
    let workflow = wfNode.flatMap { WorkflowParser.parse($0, worksheetIds: Set(idLines.keys), &wfDiag) }
    problems += wfDiag.problems
    if let workflow {
      let listed = Set(workflow.groups.flatMap(\.worksheetIds))
      for w in worksheets where !listed.contains(w.id) {
        problems.append(
          WorksheetProblem(
            file: w.file, line: idLines[w.id]?.line ?? 1,
            message: LocalizedText(
              vi: "phiếu \(w.id) không có trong \(workflowFile)", en: "worksheet \(w.id) is not listed in \(workflowFile)")))
      }
    }
    // Reference tables.
    var toe: [TOEFactor] = []
    var grid: (unit: String, rows: [GridFactor]) = ("tCO2/MWh", [])
    var fuels: [FuelFactor] = []
    var benchmarks: [Benchmark] = []
    var policy: [PolicyTarget] = []
    var toeDiag = Diagnostics(file: ReferenceParser.files[0].file)
    var toeRoot: YNode?
    var readAll = true
    for (file, table) in ReferenceParser.files {
      var (node, d) = root(file)
      if let node {
        switch table {
        case .toeFactors:
          toe = ReferenceParser.toeFactors(node, &d)
          toeRoot = node
        case .gridFactors: grid = ReferenceParser.gridFactors(node, &d)
        case .fuels: fuels = ReferenceParser.fuels(node, &d)
        case .benchmarks: benchmarks = ReferenceParser.benchmarks(node, &d)
        case .policyTargets: policy = ReferenceParser.policyTargets(node, &d)
        }
      } else {
        readAll = false
      }
      if table == .toeFactors { toeDiag = d } else { problems += d.problems }
    }
    // Every TOE factor names a known fuel.
    if let toeRoot, !fuels.isEmpty {
      let codes = Set(fuels.map(\.code))
      for f in toe where !codes.contains(f.fuel) {
        toeDiag.add(line: fuelLine(toeRoot, code: f.code), vi: "nhiên liệu «\(f.fuel)» không có trong fuels.yaml",
          en: "fuel «\(f.fuel)» is not in fuels.yaml")
      }
    }
    problems += toeDiag.problems
    // The schema must at least be JSON (the embedded one is, as the tests check).
    if let schema = files[schemaFile], !CompiledWorksheets.sameBytes(schema, EmbeddedWorksheets.files[schemaFile]),
      (try? JSONSerialization.jsonObject(with: Data(utf8Of: schema))) == nil
    {
      problems.append(
        WorksheetProblem(
          file: schemaFile, line: 1,
          message: LocalizedText(vi: "JSON không hợp lệ", en: "malformed JSON")))
    }
    // Knowledge-base rules (rules/*.yaml): checked with the rest of the folder.
    let rules: LazyRules
    if let pendingRules {
      let parsed = pendingRules.value()
      problems += parsed.problems
      rules = LazyRules(parsed.rules)
    } else {
      rules = deferredRules!
    }
    guard let workflow, readAll else { return (nil, rules, problems) }
    let order = workflow.groups.flatMap(\.worksheetIds)
    let ordered = order.compactMap { id in worksheets.first { $0.id == id } }
    let reference = ReferenceTables(
      toeFactors: toe, gridUnit: grid.unit, gridFactors: grid.rows, fuels: fuels, benchmarks: benchmarks, policyTargets: policy)
    return (WorksheetSet(version: workflow.version, workflow: workflow.groups, worksheets: ordered, reference: reference), rules, problems)
  }

  /// The `id:` value of a worksheet file.
  static func idValue(_ root: YNode) -> String? {
    if case .mapping(let pairs) = root.value, let p = pairs.first(where: { $0.key.scalar == "id" }) { return p.value.scalar }
    return nil
  }

  /// The line of the `id:` value of a worksheet file.
  static func idLine(_ root: YNode) -> Int {
    if case .mapping(let pairs) = root.value, let p = pairs.first(where: { $0.key.scalar == "id" }) { return p.value.line }
    return 1
  }

  /// The line of the TOE row with this code.
  static func fuelLine(_ root: YNode, code: String) -> Int {
    guard case .mapping(let pairs) = root.value, let f = pairs.first(where: { $0.key.scalar == "factors" }),
      case .sequence(let rows) = f.value.value
    else { return 1 }
    for row in rows {
      if case .mapping(let kv) = row.value, let c = kv.first(where: { $0.key.scalar == "code" }), c.value.scalar == code {
        return kv.first(where: { $0.key.scalar == "fuel" })?.value.line ?? row.line
      }
    }
    return 1
  }
}

/// Parses `workflow.yaml`.
enum WorkflowParser {
  struct Result {
    let version: Int
    let groups: [WorkflowGroup]
  }

  static func parse(_ root: YNode, worksheetIds: Set<String>, _ diag: inout Diagnostics) -> Result? {
    guard let m = MapReader(root, context: "workflow", &diag) else { return nil }
    m.checkKeys(["version", "groups"], &diag)
    let version = m.int("version", required: true, &diag)
    if let version, version != 1 {
      diag.add(m.value("version"), vi: "phiên bản \(version) không được hỗ trợ (đọc phiên bản 1)",
        en: "version \(version) is not supported (this reads version 1)")
    }
    var groups: [WorkflowGroup] = []
    var seenGroups = Set<String>()
    var seenSheets: [String: Int] = [:]
    for node in m.items("groups", required: true, &diag) {
      guard let g = MapReader(node, context: "workflow group", &diag) else { continue }
      g.checkKeys(["id", "step", "title", "help", "worksheets"], &diag)
      let id = g.string("id", required: true, &diag)
      if let id, !seenGroups.insert(id).inserted {
        diag.add(g.value("id"), vi: "nhóm «\(id)» bị lặp", en: "duplicate group «\(id)»")
      }
      let step = g.int("step", required: true, &diag)
      if let step, !(1...6).contains(step) {
        diag.add(g.value("step"), vi: "bước phải trong 1–6", en: "step must be within 1–6")
      }
      let title = g.localized("title", &diag)
      let help = g.localized("help", &diag)
      var ids: [String] = []
      let list = g.strings("worksheets", &diag) ?? []
      if list.isEmpty { g.missing("worksheets", &diag) }
      for (w, n) in list {
        if !worksheetIds.contains(w) {
          diag.add(n, vi: "phiếu «\(w)» không tồn tại trong worksheets/", en: "worksheet «\(w)» does not exist in worksheets/")
        } else if let first = seenSheets[w] {
          diag.add(n, vi: "phiếu «\(w)» đã có ở dòng \(first)", en: "worksheet «\(w)» is already listed on line \(first)")
        } else {
          seenSheets[w] = n.line
          ids.append(w)
        }
      }
      if let id, let step, let title, let help { groups.append(WorkflowGroup(id: id, step: step, title: title, help: help, worksheetIds: ids)) }
    }
    guard let version else { return nil }
    return Result(version: version, groups: groups)
  }
}

/// Runs `body` on a global queue at once; `value()` waits for its result.
final class Concurrently<T: Sendable>: @unchecked Sendable {
  // Written once by the queue before `group` is left; read only after `group.wait()`.
  private var result: T?
  private let group = DispatchGroup()

  init(_ body: @escaping @Sendable () -> T) {
    DispatchQueue.global(qos: .userInitiated).async(group: group) { self.result = body() }
  }

  func value() -> T {
    group.wait()
    return result!
  }
}

/// The knowledge-base rules of a loaded folder: parsed with it, or — when its rules files are byte-identical to the
/// embedded copy — parsed on first use (the embedded rules parse without a problem, which the tests check, so the
/// folder's check does not depend on them). The app's first frame needs no rule.
final class LazyRules: @unchecked Sendable {
  // Guarded by `lock`.
  private let lock = NSLock()
  private var rules: [OpportunityRule]?
  private var files: [String: String]

  init(_ rules: [OpportunityRule]) {
    self.rules = rules
    files = [:]
  }

  private init(deferred files: [String: String]) {
    self.files = files
  }

  /// Rules parsed on first use, when the `rules/*.yaml` files of `files` are exactly those of the embedded copy.
  static func deferredIfEmbedded(_ files: [String: String]) -> LazyRules? {
    let read = { (f: [String: String]) in f.filter { $0.key.hasPrefix(RulesLoader.folder + "/") && $0.key.hasSuffix(".yaml") } }
    let mine = read(files)
    guard CompiledWorksheets.sameFiles(mine, read(EmbeddedWorksheets.files)) else { return nil }
    return LazyRules(deferred: mine)
  }

  /// True until the deferred rules are parsed.
  var isDeferred: Bool { lock.withLock { rules == nil } }

  /// Parses deferred rules on a global queue (nothing when already parsed).
  func parseInBackground() {
    guard isDeferred else { return }
    DispatchQueue.global(qos: .userInitiated).async { _ = self.value }
  }

  var value: [OpportunityRule] {
    lock.withLock {
      if let rules { return rules }
      let parsed = RulesLoader.parse(files: files).rules
      rules = parsed
      files = [:]
      return parsed
    }
  }
}
