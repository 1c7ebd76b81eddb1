import SurveyData
import Estimation

/// Pure state transitions: `reduce` takes the state and one event and returns the effects to
/// perform. No I/O happens here, so every key binding is testable without a terminal.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ event: Event, env: ExplorerEnvironment) -> [Effect] {
        switch event {
        case let .key(key):
            return reduceKey(&state, key, env: env)
        case let .resize(width, height):
            state.width = width; state.height = height
            clampCursor(&state, env: env)
            return []
        case let .computed(output):
            guard output.generation == state.generation else { return [] }
            state.results = output
            if let failure = output.sampleError ?? output.models.compactMap(\.error).first {
                state.status = StatusMessage(text: failure, isError: true)
            }
            return []
        case let .bootstrapProgress(generation, done, total, stage):
            guard generation == state.bootstrap.generation, state.bootstrap.phase == .running else { return [] }
            state.bootstrap.done = done; state.bootstrap.total = total; state.bootstrap.stage = stage
            return []
        case let .bootstrapFinished(generation, output):
            guard generation == state.bootstrap.generation, state.bootstrap.phase == .running else { return [] }
            state.bootstrap.phase = .finished
            state.bootstrap.output = output
            state.bootstrap.done = state.bootstrap.total
            return []
        case let .bootstrapFailed(generation, message):
            guard generation == state.bootstrap.generation, state.bootstrap.phase == .running else { return [] }
            state.bootstrap.phase = .failed(message)
            return []
        case let .effectFinished(message, isError):
            state.status = StatusMessage(text: message, isError: isError)
            return []
        case let .lessonRendered(result):
            return LessonKeys.rendered(&state, result)
        case let .lessonLoaded(result):
            return LessonKeys.loaded(&state, result, env: env)
        }
    }

    /// Posts the current specification when its numbers changed: a new generation to compute
    /// (the main loop cancels the superseded one), and a fresh bootstrap in the Mediation view.
    static func post(_ state: inout AppState, previous: Specification, env: ExplorerEnvironment) -> [Effect] {
        guard state.spec.computeKey != previous.computeKey else { return [] }
        state.generation += 1
        var effects: [Effect] = [.compute(state.spec, generation: state.generation)]
        if state.bootstrap.phase == .running { effects.append(.cancelBootstrap) }
        state.bootstrap = BootstrapProgress()
        effects += bootstrapIfNeeded(&state)
        return effects
    }

    static func bootstrapIfNeeded(_ state: inout AppState) -> [Effect] {
        guard state.view == .mediation, state.spec.activeMediator != nil, state.bootstrap.phase == .idle else { return [] }
        state.bootstrap = BootstrapProgress(generation: state.generation, phase: .running)
        return [.startBootstrap(state.spec, generation: state.generation)]
    }

    /// Applies `mutate` to the specification as one undoable step.
    static func change(_ state: inout AppState, env: ExplorerEnvironment, _ mutate: (inout Specification) -> Void) -> [Effect] {
        var next = state.spec
        mutate(&next)
        guard next != state.spec else { return [] }
        let previous = state.spec
        state.undoStack.append(previous)
        if state.undoStack.count > 500 { state.undoStack.removeFirst() }
        state.redoStack = []
        state.spec = next
        return post(&state, previous: previous, env: env)
    }

    // MARK: keys

    static func reduceKey(_ state: inout AppState, _ key: Key, env: ExplorerEnvironment) -> [Effect] {
        if let overlay = state.overlay {
            switch overlay {
            case let .help(scroll): return helpKey(&state, key, scroll: scroll)
            case let .choice(menu): return choiceKey(&state, key, menu: menu, env: env)
            case let .prompt(prompt): return promptKey(&state, key, prompt: prompt, env: env)
            }
        }
        state.status = nil
        if let effects = LessonKeys.reduce(&state, key, env: env) { return effects }
        let page = max(1, state.height - 6)
        switch key {
        case .char("q"):
            state.quitting = true
            return [.quit]
        case let .char(c) where ("1"..."6").contains(c):
            guard let v = c.wholeNumberValue.flatMap(ViewKind.init(rawValue:)) else { return [] }
            if v != state.view { state.scrollRow = 0; state.scrollColumn = 0 }
            state.view = v
            return bootstrapIfNeeded(&state)
        case .tab, .backTab:
            state.focus = state.focus == .variables ? .view : .variables
            if state.zoom { state.focus = .view }
        case .char("?"):
            state.overlay = .help(scroll: 0)
        case .char("/"):
            state.focus = .variables
            state.zoom = false
            state.overlay = .prompt(Prompt(title: "Find variable", text: "", purpose: .find(previousCursor: state.cursor)))
        case .up, .char("k"): move(&state, by: -1, env: env)
        case .down, .char("j"): move(&state, by: 1, env: env)
        case .pageUp: move(&state, by: -page, env: env)
        case .pageDown: move(&state, by: page, env: env)
        case .home: if state.focus == .view { state.scrollRow = 0 } else { setCursor(&state, 0, direction: 1, env: env) }
        case .end: if state.focus == .view { state.scrollRow = Int.max / 2 } else { setCursor(&state, env.paneRows.count - 1, direction: -1, env: env) }
        case .left, .char("h"): state.scrollColumn = max(0, state.scrollColumn - 1)
        case .right:
            state.scrollColumn += 1
        case .char("l"):
            // hjkl: in the view pane `l` scrolls right; the variables pane has no sideways
            // movement, so there `l` switches the label language (`L` does it anywhere).
            if state.focus == .view || state.zoom { state.scrollColumn += 1 } else { return toggleLanguage(&state, env: env) }
        case .char("L"):
            return toggleLanguage(&state, env: env)
        case .char(" "):
            return toggleUnderCursor(&state, env: env)
        case .enter:
            return enter(&state, env: env)
        case .char("o"): return variableAction(&state, .outcome, env: env)
        case .char("r"): return variableAction(&state, .keyRegressor, env: env)
        case .char("m"): return variableAction(&state, .mediator, env: env)
        case .char("t"): return variableAction(&state, .marginsTerm, env: env)
        case .char("c"): return variableAction(&state, .crosstabColumn, env: env)
        case .char("C"): return variableAction(&state, .crosstabRow, env: env)
        case .char("M"):
            guard state.spec.mediator != nil else {
                state.status = StatusMessage(text: "no mediator chosen: press m on a variable", isError: true)
                return []
            }
            return change(&state, env: env) { $0.mediatorOn.toggle() }
        case .char("s"):
            state.overlay = .choice(subsampleMenu(state, env: env))
        case .char("e"):
            return change(&state, env: env) { $0.estimators = $0.estimators.next }
        case .char("v"):
            return change(&state, env: env) { $0.vce = $0.vce == .oim ? .robust : .oim }
        case .char("S"):
            return change(&state, env: env) { $0.sampling = $0.sampling == .common ? .perModel : .common }
        case .char("u"):
            return step(&state, from: \.undoStack, to: \.redoStack, emptyMessage: "nothing to undo", env: env)
        case .ctrl("r"), .ctrl("R"):
            return step(&state, from: \.redoStack, to: \.undoStack, emptyMessage: "nothing to redo", env: env)
        case .char("b"):
            guard let results = state.results else {
                state.status = StatusMessage(text: "no results to pin yet", isError: true); return []
            }
            state.baseline = Baseline(spec: results.spec, models: results.models)
            state.status = StatusMessage(text: "baseline pinned: changes are now shown against it", isError: false)
        case .char("B"):
            state.baseline = nil
            state.status = StatusMessage(text: "baseline cleared", isError: false)
        case .char("g"):
            guard state.spec.activeMediator != nil else {
                state.status = StatusMessage(text: "switch the mediator on first (m or M)", isError: true); return []
            }
            var effects: [Effect] = state.bootstrap.phase == .running ? [.cancelBootstrap] : []
            state.bootstrap = BootstrapProgress(generation: state.generation, phase: .running)
            effects.append(.startBootstrap(state.spec, generation: state.generation))
            return effects
        case .escape:
            if state.bootstrap.phase == .running {
                state.bootstrap.phase = .cancelled
                state.status = StatusMessage(text: "bootstrap cancelled (g restarts it)", isError: false)
                return [.cancelBootstrap]
            }
        case .char("z"):
            state.zoom.toggle()
            state.focus = state.zoom ? .view : .variables
        case .char("w"):
            state.overlay = .prompt(Prompt(title: "Save specification to", text: "pathlens-spec.json", purpose: .saveSpec, suggested: true))
        case .char("x"):
            state.overlay = .choice(ChoiceMenu(title: "Export \(state.view.title) as",
                                               options: ExportFormat.allCases.map(\.title), selected: 0, purpose: .exportFormat))
        default:
            break
        }
        return []
    }

    /// Undo and redo: takes the specification from one history stack, keeps the current one on the other.
    static func step(_ state: inout AppState, from source: WritableKeyPath<AppState, [Specification]>,
                     to destination: WritableKeyPath<AppState, [Specification]>, emptyMessage: String,
                     env: ExplorerEnvironment) -> [Effect] {
        guard let restored = state[keyPath: source].popLast() else {
            state.status = StatusMessage(text: emptyMessage, isError: false); return []
        }
        let current = state.spec
        state[keyPath: destination].append(current)
        state.spec = restored
        return post(&state, previous: current, env: env)
    }

    static func toggleLanguage(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard env.unicode else {
            state.status = StatusMessage(text: "Chinese labels need a UTF-8 locale; showing English", isError: true)
            return []
        }
        return change(&state, env: env) { $0.language = $0.language == .en ? .zh : .en }
    }

    // MARK: cursor

    static func move(_ state: inout AppState, by delta: Int, env: ExplorerEnvironment) {
        if state.focus == .view || state.zoom {
            state.scrollRow = max(0, state.scrollRow + delta)
        } else {
            setCursor(&state, state.cursor + delta, direction: delta >= 0 ? 1 : -1, env: env)
        }
    }

    /// Moves to `row`, skipping section headers in `direction`.
    static func setCursor(_ state: inout AppState, _ row: Int, direction: Int, env: ExplorerEnvironment) {
        let rows = env.paneRows
        guard !rows.isEmpty else { state.cursor = 0; return }
        var r = min(max(0, row), rows.count - 1)
        while r >= 0, r < rows.count, case .section = rows[r] { r += direction }
        if r < 0 || r >= rows.count {
            r = min(max(0, row), rows.count - 1)
            while r >= 0, r < rows.count, case .section = rows[r] { r -= direction }
        }
        state.cursor = min(max(0, r), rows.count - 1)
    }

    static func clampCursor(_ state: inout AppState, env: ExplorerEnvironment) {
        setCursor(&state, state.cursor, direction: 1, env: env)
    }

    static func rowUnderCursor(_ state: AppState, env: ExplorerEnvironment) -> PaneRow? {
        env.paneRows.indices.contains(state.cursor) ? env.paneRows[state.cursor] : nil
    }

    // MARK: variable actions

    enum VariableAction: CaseIterable {
        case outcome, keyRegressor, mediator, control, crosstabRow, crosstabColumn, marginsTerm

        var title: String {
            switch self {
            case .outcome: return "Set as outcome (o)"
            case .keyRegressor: return "Set as key regressor (r)"
            case .mediator: return "Set as mediator (m)"
            case .control: return "Switch control on/off (Space)"
            case .crosstabRow: return "Crosstab rows (C)"
            case .crosstabColumn: return "Crosstab columns (c)"
            case .marginsTerm: return "Show its margins (t)"
            }
        }
    }

    static func variableAction(_ state: inout AppState, _ action: VariableAction, env: ExplorerEnvironment) -> [Effect] {
        guard state.focus == .variables, !state.zoom, let name = rowUnderCursor(state, env: env)?.variableName else {
            state.status = StatusMessage(text: "move the cursor to a variable in the variables pane first", isError: true)
            return []
        }
        return apply(action, to: name, &state, env: env)
    }

    static func apply(_ action: VariableAction, to name: String, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        let spec = state.spec
        func refuse(_ text: String) -> [Effect] {
            state.status = StatusMessage(text: text, isError: true); return []
        }
        switch action {
        case .outcome:
            if name == spec.keyRegressor { return refuse("\(name) is the key regressor; pick another outcome") }
            if name == spec.activeMediator { return refuse("\(name) is the mediator; pick another outcome") }
            return change(&state, env: env) { $0.outcome = name }
        case .keyRegressor:
            if name == spec.outcome { return refuse("\(name) is the outcome; pick another key regressor") }
            if name == spec.activeMediator { return refuse("\(name) is the mediator; pick another key regressor") }
            return change(&state, env: env) { $0.keyRegressor = name }
        case .mediator:
            if name == spec.outcome || name == spec.keyRegressor {
                return refuse("\(name) is the \(name == spec.outcome ? "outcome" : "key regressor"); pick another mediator")
            }
            return change(&state, env: env) {
                if $0.mediator == name && $0.mediatorOn { $0.mediatorOn = false } else { $0.mediator = name; $0.mediatorOn = true }
            }
        case .control:
            return toggleControl(name, &state, env: env)
        case .crosstabRow:
            return change(&state, env: env) { s in
                let column = s.crosstabs.first?.column ?? s.outcome
                s.crosstabs = [CrosstabPair(row: name, column: column)]
            }
        case .crosstabColumn:
            return change(&state, env: env) { s in
                let row = s.crosstabs.first?.row ?? s.keyRegressor
                s.crosstabs = [CrosstabPair(row: row, column: name)]
            }
        case .marginsTerm:
            return change(&state, env: env) { $0.marginsTerm = $0.marginsTerm == name ? nil : name }
        }
    }

    static func toggleControl(_ name: String, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        let spec = state.spec
        if name == spec.outcome || name == spec.keyRegressor || name == spec.activeMediator {
            let role = name == spec.outcome ? "outcome" : name == spec.keyRegressor ? "key regressor" : "mediator"
            state.status = StatusMessage(text: "\(name) is the \(role); it cannot also be a control", isError: true)
            return []
        }
        let term = env.controlTerm[name] ?? name
        return change(&state, env: env) { s in
            if s.controls.contains(where: { FormulaTerms.variable(of: $0) == name }) {
                s.controls.removeAll { FormulaTerms.variable(of: $0) == name }
            } else {
                s.controls = env.sortControls(s.controls + [term])
            }
        }
    }

    static func toggleGroup(_ index: Int, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard env.codebook.controlGroups.indices.contains(index) else { return [] }
        let terms = env.codebook.controlGroups[index].terms
        let allOn = terms.allSatisfy(state.spec.controls.contains)
        return change(&state, env: env) { s in
            if allOn { s.controls.removeAll(where: terms.contains) } else { s.controls = env.sortControls(s.controls + terms) }
        }
    }

    static func toggleUnderCursor(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard state.focus == .variables, !state.zoom else { return [] }
        switch rowUnderCursor(state, env: env) {
        case let .group(g)?: return toggleGroup(g, &state, env: env)
        case let .variable(name, _)?: return toggleControl(name, &state, env: env)
        default: return []
        }
    }

    static func enter(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        if state.focus == .view || state.zoom {
            state.overlay = .choice(ChoiceMenu(title: "View", options: ViewKind.allCases.map { "\($0.rawValue) \($0.title)" },
                                               selected: state.view.rawValue - 1, purpose: .view))
            return []
        }
        switch rowUnderCursor(state, env: env) {
        case let .group(g)?: return toggleGroup(g, &state, env: env)
        case let .variable(name, _)?:
            state.overlay = .choice(ChoiceMenu(title: name, options: VariableAction.allCases.map(\.title),
                                               selected: 0, purpose: .variable(name)))
        default: break
        }
        return []
    }

    // MARK: overlays

    static func helpKey(_ state: inout AppState, _ key: Key, scroll: Int) -> [Effect] {
        switch key {
        case .down, .char("j"): state.overlay = .help(scroll: min(scroll + 1, KeyMap.bindings.count - 1))
        case .up, .char("k"): state.overlay = .help(scroll: max(0, scroll - 1))
        default: state.overlay = nil
        }
        return []
    }

    static func subsampleMenu(_ state: AppState, env: ExplorerEnvironment) -> ChoiceMenu {
        let language = state.spec.language
        let presets = env.codebook.subsamples.map { p in
            ((language == .zh ? p.labelZH : p.labelEN) ?? p.labelEN ?? p.name) + "  [\(p.condition)]"
        }
        let current = state.spec.subsample
        let selected = current.flatMap { c in env.codebook.subsamples.firstIndex { $0.condition == c.condition }.map { $0 + 1 } }
            ?? (current == nil ? 0 : presets.count + 1)
        return ChoiceMenu(title: "Subsample", options: ["All observations"] + presets + ["Type an if expression..."],
                          selected: selected, purpose: .subsample)
    }

    static func choiceKey(_ state: inout AppState, _ key: Key, menu: ChoiceMenu, env: ExplorerEnvironment) -> [Effect] {
        var menu = menu
        switch key {
        case .down, .char("j"), .tab:
            menu.selected = (menu.selected + 1) % max(1, menu.options.count)
            state.overlay = .choice(menu)
        case .up, .char("k"), .backTab:
            menu.selected = (menu.selected - 1 + max(1, menu.options.count)) % max(1, menu.options.count)
            state.overlay = .choice(menu)
        case .escape, .char("q"):
            state.overlay = nil
        case .enter:
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
            let actions = VariableAction.allCases
            guard actions.indices.contains(menu.selected) else { return [] }
            return apply(actions[menu.selected], to: name, &state, env: env)
        case .subsample:
            let presets = env.codebook.subsamples
            if menu.selected == 0 { return change(&state, env: env) { $0.subsample = nil } }
            if menu.selected <= presets.count {
                let p = presets[menu.selected - 1]
                return change(&state, env: env) { $0.subsample = Subsample(name: p.name, condition: p.condition) }
            }
            var prompt = Prompt(title: "if", text: state.spec.subsample?.condition ?? "", purpose: .condition)
            check(&prompt, env: env)
            state.overlay = .prompt(prompt)
        case .exportFormat:
            let formats = ExportFormat.allCases
            guard formats.indices.contains(menu.selected) else { return [] }
            let format = formats[menu.selected]
            let name = "pathlens-\(state.view.title.lowercased()).\(format.fileExtension)"
            state.overlay = .prompt(Prompt(title: "Export to", text: name, purpose: .export(format), suggested: true))
        case .view:
            return reduceKey(&state, .char(Character(String(menu.selected + 1))), env: env)
        }
        return []
    }

    /// Checks a typed `if` expression as it is typed: its N, or the parser's message.
    static func check(_ prompt: inout Prompt, env: ExplorerEnvironment) {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            prompt.feedback = "all observations: N = \(env.dataset.rowCount)"
            prompt.feedbackIsError = false
            return
        }
        do {
            let filter = try Filter(text, dataset: env.dataset)
            let n = try filter.mask(on: env.dataset).reduce(0) { $0 + ($1 ? 1 : 0) }
            prompt.feedback = "N = \(n)"
            prompt.feedbackIsError = n == 0
            if n == 0 { prompt.feedback = "no observations satisfy this condition" }
        } catch {
            prompt.feedback = "\(error)"
            prompt.feedbackIsError = true
        }
    }

    static func promptKey(_ state: inout AppState, _ key: Key, prompt: Prompt, env: ExplorerEnvironment) -> [Effect] {
        var prompt = prompt
        switch key {
        case .escape:
            if case let .find(previous) = prompt.purpose { state.cursor = previous }
            state.overlay = nil
            return []
        case .enter:
            return confirm(&state, prompt, env: env)
        case .backspace:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .ctrl("u"), .ctrl("U"):
            prompt.text = ""
        case let .char(c):
            if prompt.suggested { prompt.text = "" }
            prompt.text.append(c)
        default:
            return []
        }
        prompt.suggested = false
        switch prompt.purpose {
        case .condition: check(&prompt, env: env)
        case .find: find(&state, prompt: &prompt, env: env)
        default: break
        }
        state.overlay = .prompt(prompt)
        return []
    }

    static func find(_ state: inout AppState, prompt: inout Prompt, env: ExplorerEnvironment) {
        let needle = prompt.text.lowercased()
        guard !needle.isEmpty else { prompt.feedback = nil; return }
        let language = state.spec.language
        let match = env.paneRows.firstIndex { row in
            switch row {
            case let .variable(name, _):
                let info = env.dataset.info(name)
                return ([name, info?.labelEN ?? "", info?.labelZH ?? ""]).contains { $0.lowercased().contains(needle) }
            case let .group(g):
                return env.groupLabel(g, language).lowercased().contains(needle)
                    || env.codebook.controlGroups[g].name.lowercased().contains(needle)
            case .section: return false
            }
        }
        if let match {
            state.cursor = match
            prompt.feedback = nil
            prompt.feedbackIsError = false
        } else {
            prompt.feedback = "no variable matches '\(prompt.text)'"
            prompt.feedbackIsError = true
        }
    }

    static func confirm(_ state: inout AppState, _ prompt: Prompt, env: ExplorerEnvironment) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .condition:
            var checked = prompt
            check(&checked, env: env)
            if checked.feedbackIsError {
                state.overlay = .prompt(checked)
                return []
            }
            state.overlay = nil
            return change(&state, env: env) { $0.subsample = text.isEmpty ? nil : Subsample(condition: text) }
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
        }
    }
}
