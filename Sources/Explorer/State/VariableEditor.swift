import Estimation
import Reports
import SurveyData

/// The variable editor (`E` on a variable): its measure, how it enters as a control (`c.`, `i.`,
/// `ib#.`) and its role. Every change is applied at once as one undoable step of the
/// specification, so `u` (or closing and `u`) takes it back and `w` saves it.
public struct VariableEditor: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case measure, role, entry }

    public var variable: String
    public var field: Field
    /// The role last chosen with Left/Right when the specification refused it: cycling goes on
    /// from there instead of sticking at the refused value.
    public var roleChoice: EditorRole?

    public init(variable: String, field: Field = .measure, roleChoice: EditorRole? = nil) {
        self.variable = variable; self.field = field; self.roleChoice = roleChoice
    }
}

/// A variable's role in the specification as the editor sets it.
public enum EditorRole: Sendable, Equatable, CaseIterable {
    case none, outcome, keyRegressor, mediator, control

    /// The role `name` plays in `spec` (a remembered mediator that is switched off counts as none).
    static func of(_ name: String, in spec: Specification) -> EditorRole {
        if name == spec.outcome { return .outcome }
        if name == spec.keyRegressor { return .keyRegressor }
        if name == spec.activeMediator { return .mediator }
        if spec.controls.contains(where: { FormulaTerms.variable(of: $0) == name }) { return .control }
        return .none
    }

    /// The role's name in the editor's Role row and in refusals.
    var phrase: Phrase {
        switch self {
        case .none: return UIText.roleNone
        case .outcome: return UIText.roleOutcome
        case .keyRegressor: return UIText.roleKeyRegressor
        case .mediator: return UIText.roleMediator
        case .control: return UIText.roleControl
        }
    }
}

/// Why a role change is refused, worded in the reader's language (`RoleRules`).
enum RoleRefusal: Sendable, Equatable {
    case outcomeStays, keyStays
    /// `variable` already has role `has` and cannot take `wanted`.
    case taken(String, has: EditorRole, wanted: EditorRole)

    func text(_ language: Language) -> String {
        switch self {
        case .outcomeStays: return UIText.outcomeStays.text(language)
        case .keyStays: return UIText.keyStays.text(language)
        case let .taken(v, has, wanted):
            return wanted == .control ? UIText.roleTakenForControl.text(language, v, has.phrase.text(language))
                : UIText.roleTaken.text(language, v, has.phrase.text(language), wanted.phrase.text(language))
        }
    }
}

/// The editor's choices for one variable, read from the specification and the dataset.
enum EditorChoices {
    static let measures: [VariableType] = [.continuous, .binary, .ordinal, .categorical]

    /// The measure in force: the user's override, else the codebook's type.
    static func measure(_ name: String, spec: Specification, env: ExplorerEnvironment) -> VariableType {
        spec.measures[name] ?? env.dataset.info(name)?.type ?? .continuous
    }

    /// Base levels an `ib#.` entry can take: the labelled codes, else the distinct integer values
    /// (none for a variable of more than `VariableFacts.crosstabLimit` values).
    static func levels(_ name: String, env: ExplorerEnvironment) -> [Double] {
        let info = env.dataset.info(name)
        let missing = Set(info?.missingCodes ?? [])
        let labelled = (info?.values ?? []).map(\.code).filter { !missing.contains($0) && $0 == $0.rounded() }
        if !labelled.isEmpty { return Array(Set(labelled)).sorted() }
        guard VariableFacts.distinctCount(name, in: env.dataset) <= VariableFacts.crosstabLimit,
              let column = env.dataset.column(name) else { return [] }
        let values = Set(column.values.filter { !$0.isNaN && !missing.contains($0) && $0 == $0.rounded() })
        return values.sorted()
    }

    /// The control terms the variable can enter as: bare (as its measure says), `c.`, `i.`, then
    /// `ib#.` for each base level. A continuous variable (by the measure in force in `spec`) may
    /// also enter as its quadratic `c.NAME##c.NAME` (issue 14): it follows `c.` so the
    /// short list of a continuous variable keeps it within the number keys.
    static func entries(_ name: String, spec: Specification? = nil, env: ExplorerEnvironment) -> [String] {
        let quadratic = spec.map { measure(name, spec: $0, env: env) == .continuous } ?? false
        return [name, "c.\(name)"] + (quadratic ? ["c.\(name)##c.\(name)"] : []) + ["i.\(name)"]
            + levels(name, env: env).map { "ib\(formatCode($0)).\(name)" }
    }

    /// The term it enters with now, or the one it would enter with when switched on.
    static func entry(_ name: String, spec: Specification, env: ExplorerEnvironment) -> String {
        spec.controls.first { FormulaTerms.variable(of: $0) == name } ?? env.controlTerm(name, spec)
    }
}

/// The keys of the editor overlay and the role changes every role key shares.
enum VariableEditorKeys {
    static func open(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard state.focus == .variables, !state.zoom, let name = CursorKeys.rowUnderCursor(state, env: env)?.variableName else {
            state.status = StatusMessage(text: UIText.cursorFirst.text(state.spec.language), isError: true)
            return []
        }
        state.overlay = .editor(VariableEditor(variable: name))
        return []
    }

    static func reduce(_ state: inout AppState, _ action: KeyAction, key: Key, editor: VariableEditor,
                       env: ExplorerEnvironment) -> [Effect] {
        var editor = editor
        switch action {
        case .editorField:
            let all = VariableEditor.Field.allCases
            let back = key == .up || key == .char("k") || key == .backTab
            editor.field = all[(editor.field.rawValue + (back ? all.count - 1 : 1)) % all.count]
            state.overlay = .editor(editor)
            return []
        case .editorValue:
            let back = key == .left || key == .char("h")
            return step(&state, &editor, by: back ? -1 : 1, env: env)
        case .editorPick:
            guard case let .char(c) = key, let n = c.wholeNumberValue else { return [] }
            return pick(&state, &editor, index: n - 1, env: env)
        case .undo, .redo:
            return GlobalKeys.perform(action, key: key, &state, env: env)
        case .closeOverlay:
            state.overlay = nil
            return []
        default:
            return []
        }
    }

    /// The number of values of the current field, and the index of the value in force.
    static func current(_ state: AppState, _ editor: VariableEditor, env: ExplorerEnvironment) -> (count: Int, index: Int) {
        let name = editor.variable, spec = state.spec
        switch editor.field {
        case .measure:
            let m = EditorChoices.measure(name, spec: spec, env: env)
            return (EditorChoices.measures.count, EditorChoices.measures.firstIndex(of: m) ?? 0)
        case .role:
            let role = editor.roleChoice ?? EditorRole.of(name, in: spec)
            return (EditorRole.allCases.count, EditorRole.allCases.firstIndex(of: role) ?? 0)
        case .entry:
            let all = EditorChoices.entries(name, spec: spec, env: env)
            return (all.count, all.firstIndex(of: EditorChoices.entry(name, spec: spec, env: env)) ?? 0)
        }
    }

    static func step(_ state: inout AppState, _ editor: inout VariableEditor, by delta: Int, env: ExplorerEnvironment) -> [Effect] {
        let (count, index) = current(state, editor, env: env)
        return pick(&state, &editor, index: ((index + delta) % count + count) % count, env: env)
    }

    /// Applies value `index` of the current field (one undoable step, or a refusal on the status line).
    static func pick(_ state: inout AppState, _ editor: inout VariableEditor, index: Int, env: ExplorerEnvironment) -> [Effect] {
        let name = editor.variable
        let language = state.spec.language
        let (count, inForce) = current(state, editor, env: env)
        guard (0..<count).contains(index) else {
            state.status = StatusMessage(text: UIText.noSuchValue.text(language, index + 1, count), isError: true)
            return []
        }
        if index == inForce, editor.roleChoice == nil {
            state.status = StatusMessage(text: UIText.unchanged.text(language, name), isError: false)
            return []
        }
        var effects: [Effect] = []
        switch editor.field {
        case .measure:
            let type = EditorChoices.measures[index]
            let coded = env.dataset.info(name)?.type
            effects = Reducer.change(&state, env: env) { s in
                if type == coded { s.measures[name] = nil } else { s.measures[name] = type }
            }
        case .role:
            let role = EditorRole.allCases[index]
            editor.roleChoice = nil
            effects = assign(role, to: name, &state, env: env)
            if EditorRole.of(name, in: state.spec) != role { editor.roleChoice = role }
        case .entry:
            let term = EditorChoices.entries(name, spec: state.spec, env: env)[index]
            if let conflict = RoleRules.controlConflict(name, state.spec) {
                state.status = StatusMessage(text: conflict.text(language), isError: true)
                break
            }
            effects = Reducer.change(&state, env: env) { s in
                s.controls.removeAll { FormulaTerms.variable(of: $0) == name }
                s.controls = env.sortControls(s.controls + [term])
            }
        }
        state.overlay = .editor(editor)
        return effects
    }

    /// Gives `name` the role (refused, with a status message, when it would make the outcome a
    /// regressor or the mediator the key regressor).
    static func assign(_ role: EditorRole, to name: String, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        let spec = state.spec
        let language = spec.language
        if let conflict = RoleRules.conflict(name, role, spec) {
            state.status = StatusMessage(text: conflict.text(language), isError: true)
            return []
        }
        switch role {
        case .none:
            return Reducer.change(&state, env: env) { s in
                s.controls.removeAll { FormulaTerms.variable(of: $0) == name }
                if s.mediator == name { s.mediatorOn = false }
            }
        case .outcome: return Reducer.change(&state, env: env) { $0.outcome = name }
        case .keyRegressor: return Reducer.change(&state, env: env) { $0.keyRegressor = name }
        case .mediator: return Reducer.change(&state, env: env) { $0.mediator = name; $0.mediatorOn = true }
        case .control:
            if EditorRole.of(name, in: spec) == .control { return [] }
            let term = env.controlTerm(name, spec)
            return Reducer.change(&state, env: env) { $0.controls = env.sortControls($0.controls + [term]) }
        }
    }
}

/// The one place the role rules live: the outcome is never a regressor or the mediator, the
/// mediator never the key regressor. The role keys (`o`, `r`, `m`, `M`, Space), the variable
/// menu and the editor all ask it.
enum RoleRules {
    static func conflict(_ name: String, _ role: EditorRole, _ spec: Specification) -> RoleRefusal? {
        switch role {
        case .none:
            if name == spec.outcome { return .outcomeStays }
            if name == spec.keyRegressor { return .keyStays }
            return nil
        case .outcome:
            if name == spec.keyRegressor { return .taken(name, has: .keyRegressor, wanted: .outcome) }
            if name == spec.mediator && spec.mediatorOn { return .taken(name, has: .mediator, wanted: .outcome) }
            return nil
        case .keyRegressor:
            if name == spec.outcome { return .taken(name, has: .outcome, wanted: .keyRegressor) }
            if name == spec.mediator && spec.mediatorOn { return .taken(name, has: .mediator, wanted: .keyRegressor) }
            return nil
        case .mediator:
            if name == spec.outcome { return .taken(name, has: .outcome, wanted: .mediator) }
            if name == spec.keyRegressor { return .taken(name, has: .keyRegressor, wanted: .mediator) }
            return nil
        case .control:
            return controlConflict(name, spec)
        }
    }

    static func controlConflict(_ name: String, _ spec: Specification) -> RoleRefusal? {
        if name == spec.outcome { return .taken(name, has: .outcome, wanted: .control) }
        if name == spec.keyRegressor { return .taken(name, has: .keyRegressor, wanted: .control) }
        if name == spec.activeMediator { return .taken(name, has: .mediator, wanted: .control) }
        return nil
    }

    /// Switching the remembered mediator on when it has become the outcome or key regressor.
    static func mediatorOnConflict(_ spec: Specification) -> RoleRefusal? {
        guard !spec.mediatorOn, let m = spec.mediator else { return nil }
        if m == spec.outcome { return .taken(m, has: .outcome, wanted: .mediator) }
        if m == spec.keyRegressor { return .taken(m, has: .keyRegressor, wanted: .mediator) }
        return nil
    }
}
