import Analysis
import Estimation
import Reports
import SurveyData

/// Variance and weights (`V`, `W`: a menu, then a prompt naming the variable) and the Models
/// view's display options (`O` odds ratios, `P` what the parentheses hold).
enum VarianceKeys {
    static func perform(_ action: KeyAction, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        let language = state.spec.language
        switch action {
        case .varianceMenu:
            let selected: Int
            switch state.spec.vce { case .oim: selected = 0; case .robust: selected = 1; case .cluster: selected = 2 }
            state.overlay = .choice(ChoiceMenu(title: UIText.varianceTitle.text(language),
                                               options: ["oim", "robust", UIText.clusterBy.text(language)],
                                               selected: selected, purpose: .variance))
        case .weights:
            let selected = state.spec.weight.map { $0.kind == .fweight ? 1 : 2 } ?? 0
            state.overlay = .choice(ChoiceMenu(title: UIText.weightsTitle.text(language),
                                               options: [UIText.noWeights.text(language)]
                                                   + SpecWeight.Kind.allCases.map { weightPhrase($0).text(language) },
                                               selected: selected, purpose: .weights))
        case .surveyDesign:
            state.overlay = .prompt(Prompt(title: UIText.designPrompt.text(language),
                                           text: state.spec.design?.argument ?? "", purpose: .surveyDesign))
        case .oddsRatios:
            let effects = Reducer.change(&state, env: env) { $0.oddsRatios.toggle() }
            state.status = StatusMessage(text: (state.spec.oddsRatios ? UIText.oddsRatiosOn : UIText.oddsRatiosOff).text(language), isError: false)
            return effects
        case .parenContent:
            let effects = Reducer.change(&state, env: env) { $0.paren = $0.paren.next }
            state.status = StatusMessage(text: parenPhrase(state.spec.paren).text(language), isError: false)
            return effects
        default:
            break
        }
        return []
    }

    /// A pick in the `V` or `W` menu: applied at once, or a prompt for the variable.
    static func pick(_ state: inout AppState, _ menu: ChoiceMenu, env: ExplorerEnvironment) -> [Effect] {
        let language = state.spec.language
        switch (menu.purpose, menu.selected) {
        case (.variance, 0): return Reducer.change(&state, env: env) { $0.vce = .oim }
        case (.variance, 1): return Reducer.change(&state, env: env) { $0.vce = .robust }
        case (.variance, _):
            var current = ""
            if case let .cluster(v) = state.spec.vce { current = v }
            state.overlay = .prompt(Prompt(title: UIText.clusterPrompt.text(language), text: current,
                                           purpose: .clusterVariable))
        case (.weights, 0): return Reducer.change(&state, env: env) { $0.weight = nil }
        case (.weights, let i):
            let kind = SpecWeight.Kind.allCases[min(i - 1, SpecWeight.Kind.allCases.count - 1)]
            state.overlay = .prompt(Prompt(title: UIText.weightPrompt.text(language, kind.rawValue),
                                           text: state.spec.weight?.variable ?? "", purpose: .weightVariable(kind)))
        default: break
        }
        return []
    }

    /// The prompt's variable name, confirmed: it must exist and play no role in the models.
    static func confirm(_ state: inout AppState, _ prompt: Prompt, text: String, env: ExplorerEnvironment) -> [Effect] {
        let language = state.spec.language
        var prompt = prompt
        guard env.dataset.column(text) != nil else {
            prompt.feedback = UIText.unknownVariable.text(language, text)
            prompt.feedbackIsError = true
            state.overlay = .prompt(prompt)
            return []
        }
        let role = EditorRole.of(text, in: state.spec)
        if role != .none && role != .control {
            prompt.feedback = UIText.variableHasRole.text(language, text, role.phrase.text(language))
            prompt.feedbackIsError = true
            state.overlay = .prompt(prompt)
            return []
        }
        state.overlay = nil
        switch prompt.purpose {
        case .clusterVariable: return Reducer.change(&state, env: env) { $0.vce = .cluster(text) }
        case let .weightVariable(kind): return Reducer.change(&state, env: env) { $0.weight = SpecWeight(kind: kind, variable: text) }
        default: return []
        }
    }

    /// The `D` prompt's design, confirmed: parsed as `--svy` (`none` switches it off), its
    /// variables and values checked (`SurveyDesign.check`); a bad part stays in the prompt as
    /// one line of feedback, the design in force unchanged.
    static func confirmDesign(_ state: inout AppState, _ prompt: Prompt, text: String, env: ExplorerEnvironment) -> [Effect] {
        let language = state.spec.language
        var prompt = prompt
        let design: SurveyDesign?
        do { design = try SurveyDesign.parse(text) } catch {
            prompt.feedback = error.text(language)
            prompt.feedbackIsError = true
            state.overlay = .prompt(prompt)
            return []
        }
        if let design {
            if let (key, name) = design.unknownVariable(in: env.dataset) {
                prompt.feedback = UIText.designUnknownVariable.text(language, key, name)
                prompt.feedbackIsError = true
                state.overlay = .prompt(prompt)
                return []
            }
            // Negative or no positive weights, PSUs in two strata, a bad fpc: refused here in one
            // line rather than accepted and then failing in every model column.
            do { try design.check(on: env.dataset, language: language) } catch {
                prompt.feedback = error.description
                prompt.feedbackIsError = true
                state.overlay = .prompt(prompt)
                return []
            }
        }
        state.overlay = nil
        let effects = Reducer.change(&state, env: env) { $0.design = design }
        let message = design.map { UIText.designSet.text(language, $0.argument) } ?? UIText.designOff.text(language)
        state.status = StatusMessage(text: message, isError: false)
        return effects
    }

    /// The `W` menu's line for a kind of weight.
    static func weightPhrase(_ kind: SpecWeight.Kind) -> Phrase {
        switch kind {
        case .fweight: return UIText.frequencyWeights
        case .pweight: return UIText.samplingWeights
        }
    }

    /// The status line after `P`: what the parentheses now hold.
    static func parenPhrase(_ content: ParenContent) -> Phrase {
        switch content {
        case .t: return UIText.parenT
        case .se: return UIText.parenSE
        case .ci: return UIText.parenCI
        }
    }
}
