import Foundation
import SXCalc
import SXCore
import SXWorksheets

/// The property each fuzz target checks, shared by the libFuzzer entry points (Sources/Fuzz*/main.swift) and the
/// replay tests (Tests/FuzzReplayTests), so a crash input found by fuzzing replays through exactly the same code.
/// A broken property ends in `fatalError` (libFuzzer records the input as a crash).
public enum FuzzBodies {
  /// Any byte string given to the importer must give a document or a ValidationFailure, never a crash.
  public static func importDocument(_ data: Data) {
    do {
      let doc = try AssessmentDocument.decode(data)
      // A document that imports must re-encode and re-import to the same assessment.
      let again = try AssessmentDocument.decode(try doc.encoded())
      if again.assessment != doc.assessment { fatalError("import/export round trip differs") }
    } catch is ValidationFailure {
    } catch {
      fatalError("unexpected error type: \(error)")
    }
  }

  /// The number-and-unit parser must accept or refuse any text with a typed error, never crash, never yield NaN.
  public static func quantity(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    for language in Language.allCases {
      let p = QuantityParser(language: language)
      do {
        let q = try p.parse(text)
        if !q.si.isFinite || !q.value.isFinite { fatalError("non-finite quantity from \(text.debugDescription)") }
        // What we print we must read back.
        let shown = NumberFormat.format(q.value, language, maxFractionDigits: 12)
        if shown != "—", (try? NumberParser.parse(shown, language)) == nil { fatalError("cannot re-read \(shown)") }
      } catch is NumberError {
      } catch is UnitError {
      } catch {
        fatalError("unexpected error type: \(error)")
      }
    }
  }

  /// The embedded worksheet files, sorted by path (the fuzz input's first byte picks one).
  public static let worksheetPaths: [String] = WorksheetLoader.embeddedFiles.keys.filter { $0.hasSuffix(".yaml") }.sorted()

  /// One mutated YAML file in an otherwise valid Worksheets folder: the first byte picks the file (modulo the
  /// number of files), the rest replaces its text. `check(files:)` must return problems that name a file of the
  /// folder with a positive line, never crash.
  public static func worksheets(_ data: Data) {
    guard let first = data.first, !worksheetPaths.isEmpty else { return }
    var files = WorksheetLoader.embeddedFiles
    let path = worksheetPaths[Int(first) % worksheetPaths.count]
    files[path] = String(decoding: data.dropFirst(), as: UTF8.self)
    for p in WorksheetLoader.check(files: files) {
      if p.line < 1 || p.column < 1 { fatalError("problem without a position: \(p)") }
      if p.message.en.isEmpty || p.message.vi.isEmpty { fatalError("problem without a message: \(p.file):\(p.line)") }
      if p.file != "." && files[p.file] == nil { fatalError("problem names an unknown file: \(p.file)") }
    }
  }

  /// The problems `check(files:)` finds with the input applied as in ``worksheets(_:)`` (for the replay tests).
  public static func worksheetProblems(_ data: Data) -> [String] {
    guard let first = data.first, !worksheetPaths.isEmpty else { return [] }
    var files = WorksheetLoader.embeddedFiles
    files[worksheetPaths[Int(first) % worksheetPaths.count]] = String(decoding: data.dropFirst(), as: UTF8.self)
    return WorksheetLoader.check(files: files).map(\.description)
  }

  /// `sxsh calc` arguments: the first byte picks a calculator (modulo the catalogue), then one `key=value`
  /// argument per line. The parser must give finite SI values or a CalcError, in both languages.
  public static func calcArgs(_ data: Data) {
    guard let first = data.first, !CalculatorCatalog.all.isEmpty else { return }
    let calc = CalculatorCatalog.all[Int(first) % CalculatorCatalog.all.count]
    let args = String(decoding: data.dropFirst(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for language in Language.allCases {
      do {
        let p = try CalcCLI.parse(arguments: args, for: calc, language: language)
        for (k, v) in p.numbers where !v.isFinite { fatalError("non-finite value for \(k) from \(args)") }
        for (k, vs) in p.lists where vs.contains(where: { !$0.isFinite }) { fatalError("non-finite list value for \(k) from \(args)") }
      } catch is CalcError {
      } catch {
        fatalError("unexpected error type: \(error)")
      }
    }
  }
}
