import Analysis
import Estimation
import Reports
import SurveyData

/// The variables pane: roles for the variable under the cursor, controls and groups on/off, and
/// the choice menus Enter opens (a variable's actions; in the view pane, the views).
enum VariablesPaneKeys {
    enum VariableAction: CaseIterable {
        case outcome, keyRegressor, mediator, control, crosstabRow, crosstabColumn, marginsTerm, edit

        var keyAction: KeyAction {
            switch self {
            case .outcome: return .setOutcome
            case .keyRegressor: return .setKeyRegressor
            case .mediator: return .setMediator
            case .control: return .toggleControl
            case .crosstabRow: return .crosstabRows
            case .crosstabColumn: return .crosstabColumns
            case .marginsTerm: return .marginsTerm
            case .edit: return .variableEditor
            }
        }

        init?(_ action: KeyAction) {
            guard let found = Self.allCases.first(where: { $0.keyAction == action }) else { return nil }
            self = found
        }

        /// The menu line, with the key that does the same from the pane (from `KeyTable`).
        func title(_ language: Language) -> String {
            let phrase: Phrase
            switch self {
            case .outcome: phrase = UIText.menuOutcome
            case .keyRegressor: phrase = UIText.menuKeyRegressor
            case .mediator: phrase = UIText.menuMediator
            case .control: phrase = UIText.menuControl
            case .crosstabRow: phrase = UIText.menuCrosstabRow
            case .crosstabColumn: phrase = UIText.menuCrosstabColumn
            case .marginsTerm: phrase = UIText.menuMargins
            case .edit: phrase = UIText.menuEdit
            }
            return phrase.text(language, KeyTable.label(keyAction))
        }
    }

    static func perform(_ action: KeyAction, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        switch action {
        case .toggleControl: return toggleUnderCursor(&state, env: env)
        case .toggleInteraction: return interactUnderCursor(&state, env: env)
        case .toggleModerator: return moderateUnderCursor(&state, env: env)
        case .variableMenu: return enter(&state, env: env)
        case .variableEditor: return VariableEditorKeys.open(&state, env: env)
        case .viewMenu:
            let language = state.spec.language
            state.overlay = .choice(ChoiceMenu(title: UIText.viewMenu.text(language),
                                               options: ViewKind.allCases.map { "\($0.rawValue) \($0.title)" },
                                               selected: state.view.rawValue - 1, purpose: .view))
            return []
        default:
            guard let chosen = VariableAction(action) else { return [] }
            return variableAction(&state, chosen, env: env)
        }
    }

    static func variableAction(_ state: inout AppState, _ action: VariableAction, env: ExplorerEnvironment) -> [Effect] {
        guard state.focus == .variables, !state.zoom, let name = CursorKeys.rowUnderCursor(state, env: env)?.variableName else {
            state.status = StatusMessage(text: UIText.cursorFirst.text(state.spec.language), isError: true)
            return []
        }
        return apply(action, to: name, &state, env: env)
    }

    static func apply(_ action: VariableAction, to name: String, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        let spec = state.spec
        func refuse(_ text: String) -> [Effect] {
            state.status = StatusMessage(text: text, isError: true); return []
        }
        let language = spec.language
        switch action {
        case .outcome:
            if let conflict = RoleRules.conflict(name, .outcome, spec) { return refuse(conflict.text(language)) }
            return Reducer.change(&state, env: env) { $0.outcome = name }
        case .keyRegressor:
            if let conflict = RoleRules.conflict(name, .keyRegressor, spec) { return refuse(conflict.text(language)) }
            return Reducer.change(&state, env: env) { $0.keyRegressor = name }
        case .mediator:
            if let conflict = RoleRules.conflict(name, .mediator, spec) { return refuse(conflict.text(language)) }
            return Reducer.change(&state, env: env) {
                if $0.mediator == name && $0.mediatorOn { $0.mediatorOn = false } else { $0.mediator = name; $0.mediatorOn = true }
            }
        case .control:
            return toggleControl(name, &state, env: env)
        case .crosstabRow, .crosstabColumn:
            if VariableFacts.distinctCount(name, in: env.dataset) > VariableFacts.crosstabLimit {
                return refuse(UIText.crosstabTooMany.text(language, name, VariableFacts.crosstabLimit))
            }
            return Reducer.change(&state, env: env) { s in
                let first = s.crosstabs.first
                s.crosstabs = [action == .crosstabRow ? CrosstabPair(row: name, column: first?.column ?? s.outcome)
                                                      : CrosstabPair(row: first?.row ?? s.keyRegressor, column: name)]
                s.crosstabsPicked = true
            }
        case .edit:
            state.overlay = .editor(VariableEditor(variable: name))
            return []
        case .marginsTerm:
            return Reducer.change(&state, env: env) { $0.marginsTerm = $0.marginsTerm == name ? nil : name }
        }
    }

    static func toggleControl(_ name: String, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        let spec = state.spec
        if let conflict = RoleRules.controlConflict(name, spec) {
            state.status = StatusMessage(text: conflict.text(spec.language), isError: true)
            return []
        }
        let term = env.controlTerm(name, spec)
        return Reducer.change(&state, env: env) { s in
            // Any term naming the variable, so Space also switches off `i.union##i.industry`.
            if s.controls.contains(where: { FormulaTerms.variables(of: $0).contains(name) }) {
                s.controls.removeAll { FormulaTerms.variables(of: $0).contains(name) }
            } else {
                s.controls = env.sortControls(s.controls + [term])
            }
        }
    }

    /// `i` on a variable row: its control term becomes `KEY##TERM` (the key regressor as the
    /// model lineup enters it, so a 0/1 key is `c.union`: see `ControlEntry.interactionKeyTerm`), switching the control on if it was
    /// off; on an interacted control it reverts to the plain term. The margins and mediation
    /// views read the interaction from the controls, so nothing else records it.
    static func interactUnderCursor(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard state.focus == .variables, !state.zoom,
              case let .variable(name, _)? = CursorKeys.rowUnderCursor(state, env: env) else { return [] }
        let spec = state.spec
        if let conflict = RoleRules.controlConflict(name, spec) {
            state.status = StatusMessage(text: conflict.text(spec.language), isError: true)
            return []
        }
        let key = spec.keyRegressor
        let prefix = "\(ControlEntry.interactionKeyTerm(key, in: env.dataset, spec: spec))##"
        // The term in force is what gets interacted (`c.age##c.age` becomes `c.union##c.age##c.age`,
        // Stata's union effect along the age profile), and what a second press restores.
        let index = spec.controls.firstIndex { FormulaTerms.variables(of: $0).contains(name) }
        let current = index.map { spec.controls[$0] }
        let isInteraction = current.map { $0.contains("#") && FormulaTerms.variables(of: $0).contains(key) } ?? false
        let replacement: String
        if isInteraction, let current {
            replacement = current.hasPrefix(prefix) ? String(current.dropFirst(prefix.count)) : env.controlTerm(name, spec)
        } else {
            replacement = prefix + (current ?? env.controlTerm(name, spec))
        }
        return Reducer.change(&state, env: env) { s in
            if let index { s.controls.remove(at: index) }
            s.controls = env.sortControls(s.controls + [replacement])
        }
    }

    /// `I` on a variable row: W moderates the mediation's a path (PROCESS model 7); again on the
    /// same variable the b path (14), both (58), then no moderator. The outcome, key regressor and
    /// mediator are refused, as `mediate --moderator` refuses them; so is W without a mediator.
    static func moderateUnderCursor(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard state.focus == .variables, !state.zoom,
              case let .variable(name, _)? = CursorKeys.rowUnderCursor(state, env: env) else { return [] }
        let spec = state.spec, language = spec.language
        let role: EditorRole? = name == spec.outcome ? .outcome : name == spec.keyRegressor ? .keyRegressor
            : name == spec.mediator ? .mediator : nil
        if let role {
            state.status = StatusMessage(text: UIText.moderatorHasRole.text(language, name, role.phrase.text(language)), isError: true)
            return []
        }
        guard spec.mediator != nil else {
            state.status = StatusMessage(text: UIText.moderatorNeedsMediator.text(language), isError: true)
            return []
        }
        return Reducer.change(&state, env: env) { s in
            guard s.moderator == name else { s.moderator = name; s.moderate = .a; return }
            switch s.moderate {
            case .a: s.moderate = .b
            case .b: s.moderate = .both
            case .both: s.moderator = nil; s.moderate = .a
            }
        }
    }

    static func toggleGroup(_ index: Int, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard env.codebook.controlGroups.indices.contains(index) else { return [] }
        let terms = env.codebook.controlGroups[index].terms
        let allOn = terms.allSatisfy(state.spec.controls.contains)
        return Reducer.change(&state, env: env) { s in
            if allOn { s.controls.removeAll(where: terms.contains) } else { s.controls = env.sortControls(s.controls + terms) }
        }
    }

    static func toggleUnderCursor(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard state.focus == .variables, !state.zoom else { return [] }
        switch CursorKeys.rowUnderCursor(state, env: env) {
        case let .group(g)?: return toggleGroup(g, &state, env: env)
        case let .variable(name, _)?: return toggleControl(name, &state, env: env)
        default: return []
        }
    }

    /// Enter on a group switches it; on a variable it opens the variable's actions.
    static func enter(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        switch CursorKeys.rowUnderCursor(state, env: env) {
        case let .group(g)?: return toggleGroup(g, &state, env: env)
        case let .variable(name, _)?:
            let language = state.spec.language
            state.overlay = .choice(ChoiceMenu(title: name, options: VariableAction.allCases.map { $0.title(language) },
                                               selected: 0, purpose: .variable(name)))
        default: break
        }
        return []
    }
}
