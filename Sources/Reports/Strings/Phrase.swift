import Foundation
import SurveyData

/// One user-facing string in English and Chinese. Entries live in `UIText` (one line each);
/// `{0}`, `{1}` … are replaced by the arguments of `text(_:_:)`, so word order can differ
/// between the languages.
public struct Phrase: Sendable, Hashable {
    public let en: String
    public let zh: String

    public init(_ en: String, _ zh: String) { self.en = en; self.zh = zh }

    /// The phrase in `language`, with `{k}` replaced by `arguments[k]`.
    public func text(_ language: Language, _ arguments: CustomStringConvertible...) -> String {
        var s = language == .zh ? zh : en
        for (k, argument) in arguments.enumerated() {
            s = s.replacingOccurrences(of: "{\(k)}", with: argument.description)
        }
        return s
    }
}
