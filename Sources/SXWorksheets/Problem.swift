import Foundation
import SXCore

/// A problem found in a `Worksheets/` folder, located by file and line. Prints as `file:line: message`.
public struct WorksheetProblem: Sendable, Hashable, CustomStringConvertible {
  /// Path relative to the folder (`worksheets/W04-energy.yaml`).
  public let file: String
  /// 1-based line.
  public let line: Int
  /// 1-based column (Unicode scalars, as libyaml counts).
  public let column: Int
  public let message: LocalizedText

  public init(file: String, line: Int, column: Int = 1, message: LocalizedText) {
    self.file = file
    self.line = Swift.max(1, line)
    self.column = Swift.max(1, column)
    self.message = message
  }

  /// `file:line: message` in one language.
  public func text(_ language: Language) -> String { "\(file):\(line): \(message.text(language))" }

  /// `file:line: message` in English (logs, test failures); the CLI prints `text(_:)` in the user's language.
  public var description: String { text(.en) }
}

/// Loading failed: the folder has problems. Nothing partial is returned.
public struct WorksheetLoadError: LocalizedFailure, Sendable, Equatable {
  /// The folder or source that failed (for the message).
  public let source: String
  public let problems: [WorksheetProblem]

  public init(source: String, problems: [WorksheetProblem]) {
    self.source = source
    self.problems = problems
  }

  public var message: LocalizedText {
    LocalizedText(
      vi: "Định nghĩa biểu mẫu ở \(source) có \(problems.count) lỗi:\n" + problems.map { $0.text(.vi) }.joined(separator: "\n"),
      en: "Worksheet definitions in \(source) have \(problems.count) problem(s):\n"
        + problems.map { $0.text(.en) }.joined(separator: "\n"))
  }
}

/// Collects the problems of one file.
struct Diagnostics {
  let file: String
  private(set) var problems: [WorksheetProblem] = []

  init(file: String) { self.file = file }

  mutating func add(line: Int, column: Int = 1, vi: String, en: String) {
    problems.append(WorksheetProblem(file: file, line: line, column: column, message: LocalizedText(vi: vi, en: en)))
  }

  mutating func add(_ node: YNode?, vi: String, en: String) {
    add(line: node?.line ?? 1, column: node?.column ?? 1, vi: vi, en: en)
  }
}
