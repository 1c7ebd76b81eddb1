import Reports
import SurveyData

/// A typed `if` expression to check (its N, or the parser's message), tagged with the prompt's
/// token so a late answer to text already typed over is dropped. `confirm`: Enter was pressed
/// before the last check came back; apply the subsample if this one passes.
public struct ConditionCheck: Sendable, Equatable {
    public var text: String
    public var token: Int
    public var confirm: Bool
    /// The language of the answer (the prompt's feedback line).
    public var language: Language

    public struct Result: Sendable, Equatable {
        public var text: String
        public var token: Int
        public var confirm: Bool
        public var message: String
        public var isError: Bool
    }

    /// How long the main loop waits after the last key before checking (typing supersedes it).
    public static let debounce: Duration = .milliseconds(150)

    public init(text: String, token: Int, confirm: Bool, language: Language = .en) {
        self.text = text; self.token = token; self.confirm = confirm; self.language = language
    }

    /// The check itself: pure, run by the background worker (or synchronously, headless).
    public func run(env: ExplorerEnvironment) -> Result {
        var result = Result(text: text, token: token, confirm: confirm, message: "", isError: false)
        let condition = text.trimmingCharacters(in: .whitespaces)
        if condition.isEmpty {
            result.message = UIText.allObservationsN.text(language, env.dataset.rowCount)
            return result
        }
        do {
            let filter = try Filter(condition, dataset: env.dataset)
            let n = try filter.mask(on: env.dataset).reduce(0) { $0 + ($1 ? 1 : 0) }
            result.message = n == 0 ? UIText.noObservationsSatisfy.text(language) : "N = \(n)"
            result.isError = n == 0
        } catch {
            result.message = "\(error)"
            result.isError = true
        }
        return result
    }
}
