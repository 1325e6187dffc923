import Foundation
import SXCore
import SXStore

/// Starts the interactive app. Without a terminal it says so clearly and fails.
enum Interactive {
  /// `afterFirstFrame` runs once the app's first frame is painted, before any key is read.
  static func open(db: AppDatabase, assessmentId: String?, language: Language, afterFirstFrame: @Sendable () throws -> Void = {}) throws {
    guard isatty(0) != 0, isatty(1) != 0 else {
      throw CLIError(
        vi: "sxsh cần một terminal tương tác (stdin/stdout không phải tty); dùng các lệnh con, ví dụ: sxsh list",
        en: "sxsh needs an interactive terminal (stdin/stdout is not a tty); use the subcommands, e.g. sxsh list")
    }
    try MainActor.assumeIsolated {
      try AppRunner.run(db: db, assessmentId: assessmentId, language: language, afterFirstFrame: afterFirstFrame)
    }
  }
}
