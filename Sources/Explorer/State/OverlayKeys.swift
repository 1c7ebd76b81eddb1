import Reports
import SurveyData

/// Dialogs: the `?` list, choice menus (variable actions, subsample, export format, views) and
/// one-line prompts (find, file names, a typed `if` expression checked as it is typed).
enum OverlayKeys {
    static func context(_ overlay: Overlay) -> KeyContext {
        switch overlay {
        case .help: return .help
        case .choice: return .menu
        case .prompt: return .prompt
        case .editor: return .editor
        }
    }

    static func reduce(_ state: inout AppState, _ key: Key, overlay: Overlay, env: ExplorerEnvironment) -> [Effect] {
        guard let binding = KeyTable.binding(for: key, in: context(overlay)) else { return [] }
        switch overlay {
        case let .help(scroll): return helpKey(&state, binding.action, key: key, scroll: scroll)
        case let .choice(menu): return choiceKey(&state, binding.action, key: key, menu: menu, env: env)
        case let .prompt(prompt): return promptKey(&state, binding.action, key: key, prompt: prompt, env: env)
        case let .editor(editor): return VariableEditorKeys.reduce(&state, binding.action, key: key, editor: editor, env: env)
        }
    }

    // MARK: help

    static func helpKey(_ state: inout AppState, _ action: KeyAction, key: Key, scroll: Int) -> [Effect] {
        let count = KeyTable.helpLines(state.spec.language).count
        switch action {
        case .helpScroll:
            let up = key == .up || key == .char("k")
            state.overlay = .help(scroll: up ? max(0, scroll - 1) : min(scroll + 1, count - 1))
        default:
            state.overlay = nil
        }
        return []
    }

    // MARK: menus

    static func subsampleMenu(_ state: AppState, env: ExplorerEnvironment) -> ChoiceMenu {
        let language = state.spec.language
        let presets = env.codebook.subsamples.map { p in
            ((language == .zh ? p.labelZH : p.labelEN) ?? p.labelEN ?? p.name) + "  [\(p.condition)]"
        }
        let current = state.spec.subsample
        let selected = current.flatMap { c in env.codebook.subsamples.firstIndex { $0.condition == c.condition }.map { $0 + 1 } }
            ?? (current == nil ? 0 : presets.count + 1)
        let all = UIText.allObservations.text(language)
        let typed = UIText.typeCondition.text(language)
        return ChoiceMenu(title: UIText.subsampleTitle.text(language), options: [all] + presets + [typed],
                          selected: selected, purpose: .subsample)
    }

    static func choiceKey(_ state: inout AppState, _ action: KeyAction, key: Key, menu: ChoiceMenu, env: ExplorerEnvironment) -> [Effect] {
        var menu = menu
        let count = max(1, menu.options.count)
        switch action {
        case .menuMove:
            let up = key == .up || key == .char("k") || key == .backTab
            menu.selected = (menu.selected + (up ? count - 1 : 1)) % count
            state.overlay = .choice(menu)
        case .closeOverlay:
            state.overlay = nil
        case .menuPick:
            state.overlay = nil
            return pick(&state, menu, env: env)
        default:
            break
        }
        return []
    }

    static func pick(_ state: inout AppState, _ menu: ChoiceMenu, env: ExplorerEnvironment) -> [Effect] {
        switch menu.purpose {
        case let .variable(name):
            let actions = VariablesPaneKeys.VariableAction.allCases
            guard actions.indices.contains(menu.selected) else { return [] }
            return VariablesPaneKeys.apply(actions[menu.selected], to: name, &state, env: env)
        case .subsample:
            let presets = env.codebook.subsamples
            if menu.selected == 0 { return Reducer.change(&state, env: env) { $0.subsample = nil } }
            if menu.selected <= presets.count {
                let p = presets[menu.selected - 1]
                return Reducer.change(&state, env: env) { $0.subsample = Subsample(name: p.name, condition: p.condition) }
            }
            var prompt = Prompt(title: "if", text: state.spec.subsample?.condition ?? "", purpose: .condition)
            let effect = requestCheck(&state, &prompt, confirm: false)
            state.overlay = .prompt(prompt)
            return [effect]
        case .exportFormat:
            let formats = ExportFormat.allCases
            guard formats.indices.contains(menu.selected) else { return [] }
            let format = formats[menu.selected]
            let name = UIText.exportFileName.text(.en, state.view.title.lowercased(), format.fileExtension)
            state.overlay = .prompt(Prompt(title: UIText.exportTo.text(state.spec.language), text: name, purpose: .export(format), suggested: true))
        case .view:
            return Reducer.reduceKey(&state, .char(Character(String(menu.selected + 1))), env: env)
        case .variance, .weights:
            return VarianceKeys.pick(&state, menu, env: env)
        }
        return []
    }

    // MARK: prompts

    static func promptKey(_ state: inout AppState, _ action: KeyAction, key: Key, prompt: Prompt, env: ExplorerEnvironment) -> [Effect] {
        var prompt = prompt
        switch action {
        case .promptCancel:
            if case let .find(previous) = prompt.purpose { state.cursor = previous }
            state.overlay = nil
            return []
        case .promptConfirm:
            return confirm(&state, prompt, env: env)
        case .promptDelete:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .promptClear:
            prompt.text = ""
        case .promptType:
            guard case let .char(c) = key else { return [] }
            if prompt.suggested { prompt.text = "" }
            prompt.text.append(c)
        default:
            return []
        }
        prompt.suggested = false
        var effects: [Effect] = []
        switch prompt.purpose {
        case .condition: effects.append(requestCheck(&state, &prompt, confirm: false))
        case .find: find(&state, prompt: &prompt, env: env)
        default: break
        }
        state.overlay = .prompt(prompt)
        return effects
    }

    /// Asks the main loop to check the prompt's `if` expression (debounced, off the reducer);
    /// the answer comes back as `.conditionChecked` and is shown only if still current.
    static func requestCheck(_ state: inout AppState, _ prompt: inout Prompt, confirm: Bool) -> Effect {
        state.checkToken += 1
        prompt.checkToken = state.checkToken
        prompt.checking = true
        return .checkCondition(ConditionCheck(text: prompt.text, token: state.checkToken, confirm: confirm, language: state.spec.language))
    }

    /// A check finished: its feedback goes under the prompt it was asked for (if still open and
    /// not typed on since); a confirming check that passed applies the subsample.
    static func conditionChecked(_ state: inout AppState, _ result: ConditionCheck.Result, env: ExplorerEnvironment) -> [Effect] {
        guard case var .prompt(prompt)? = state.overlay, prompt.purpose == .condition,
              prompt.checkToken == result.token else { return [] }
        prompt.checking = false
        prompt.feedback = result.message
        prompt.feedbackIsError = result.isError
        state.overlay = .prompt(prompt)
        guard result.confirm, !result.isError else { return [] }
        return apply(&state, condition: result.text, env: env)
    }

    static func apply(_ state: inout AppState, condition: String, env: ExplorerEnvironment) -> [Effect] {
        let text = condition.trimmingCharacters(in: .whitespaces)
        state.overlay = nil
        return Reducer.change(&state, env: env) { $0.subsample = text.isEmpty ? nil : Subsample(condition: text) }
    }

    static func find(_ state: inout AppState, prompt: inout Prompt, env: ExplorerEnvironment) {
        let needle = prompt.text.lowercased()
        guard !needle.isEmpty else { prompt.feedback = nil; return }
        let match = env.paneRows.firstIndex { row in
            switch row {
            case let .variable(name, _):
                let info = env.dataset.info(name)
                return ([name, info?.labelEN ?? "", info?.labelZH ?? ""]).contains { $0.lowercased().contains(needle) }
            case let .group(g):
                return env.groupLabel(g, state.spec.language).lowercased().contains(needle)
                    || env.codebook.controlGroups[g].name.lowercased().contains(needle)
            case .section: return false
            }
        }
        if let match {
            state.cursor = match
            prompt.feedback = nil
            prompt.feedbackIsError = false
        } else {
            prompt.feedback = UIText.noVariableMatches.text(state.spec.language, prompt.text)
            prompt.feedbackIsError = true
        }
    }

    static func confirm(_ state: inout AppState, _ prompt: Prompt, env: ExplorerEnvironment) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .condition:
            // The check of this very text is in: refuse an error at once, apply otherwise.
            // Still checking: check now (no delay) and apply when the answer passes.
            if !prompt.checking {
                return prompt.feedbackIsError ? [] : apply(&state, condition: text, env: env)
            }
            var prompt = prompt
            let effect = requestCheck(&state, &prompt, confirm: true)
            state.overlay = .prompt(prompt)
            return [effect]
        case .find:
            state.overlay = nil
            return []
        case .saveSpec:
            guard !text.isEmpty else { return [] }
            state.overlay = nil
            return [.save(path: text, state.spec)]
        case let .export(format):
            guard !text.isEmpty else { return [] }
            state.overlay = nil
            return [.export(path: text, format: format, view: state.view)]
        case .clusterVariable, .weightVariable:
            guard !text.isEmpty else { return [] }
            return VarianceKeys.confirm(&state, prompt, text: text, env: env)
        case .surveyDesign:
            guard !text.isEmpty else { return [] }
            return VarianceKeys.confirmDesign(&state, prompt, text: text, env: env)
        }
    }
}
