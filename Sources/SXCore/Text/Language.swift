import Foundation

/// The two languages of sxsh. Vietnamese is the default everywhere.
public enum Language: String, Codable, CaseIterable, Sendable {
  case vi
  case en

  /// The decimal separator of numbers shown and typed in this language.
  public var decimalSeparator: Character { self == .vi ? "," : "." }
  /// The digit-grouping separator of numbers shown in this language.
  public var groupingSeparator: Character { self == .vi ? "." : "," }
}

/// A text in Vietnamese and English. Vietnamese comes first.
public struct LocalizedText: Codable, Hashable, Sendable {
  public var vi: String
  public var en: String

  public init(vi: String, en: String) {
    self.vi = vi
    self.en = en
  }

  public func text(_ language: Language) -> String { language == .vi ? vi : en }
}

/// An error whose message is available in both languages. Every user-facing error in sxsh conforms.
public protocol LocalizedFailure: Error {
  var message: LocalizedText { get }
}

extension LocalizedFailure {
  public func text(_ language: Language) -> String { message.text(language) }
}
