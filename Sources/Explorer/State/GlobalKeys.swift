import Reports
import SurveyData

/// The bindings of the global context: views, panes, the specification's switches, history,
/// baseline, bootstrap, files, help and quit.
enum GlobalKeys {
    static func perform(_ action: KeyAction, key: Key, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        switch action {
        case .switchView:
            guard case let .char(c) = key, let v = c.wholeNumberValue.flatMap(ViewKind.init(rawValue:)) else { return [] }
            if v != state.view { state.scrollRow = 0; state.scrollColumn = 0 }
            state.view = v
            return Reducer.bootstrapIfNeeded(&state) + Reducer.multiverseIfNeeded(&state)
        case .switchPane:
            state.focus = state.focus == .variables ? .view : .variables
            if state.zoom { state.focus = .view }
        case .toggleLanguage:
            return toggleLanguage(&state, env: env)
        case .mediatorOnOff:
            guard state.spec.mediator != nil else {
                state.status = StatusMessage(text: UIText.noMediatorChosen.text(state.spec.language, KeyTable.label(.setMediator)), isError: true)
                return []
            }
            if let conflict = RoleRules.mediatorOnConflict(state.spec) {
                state.status = StatusMessage(text: conflict.text(state.spec.language), isError: true)
                return []
            }
            return Reducer.change(&state, env: env) { $0.mediatorOn.toggle() }
        case .subsample:
            state.overlay = .choice(OverlayKeys.subsampleMenu(state, env: env))
        case .estimators:
            return Reducer.change(&state, env: env) { $0.estimators = $0.estimators.next }
        case .variance:
            return Reducer.change(&state, env: env) { $0.vce = $0.vce == .oim ? .robust : .oim }
        case .varianceMenu, .weights, .oddsRatios, .parenContent, .surveyDesign:
            return VarianceKeys.perform(action, &state, env: env)
        case .multiverseEffect:
            let available = MultiverseScreen.effects(state.spec, dataset: env.dataset)
            let shown = MultiverseScreen.shownEffect(state.spec, dataset: env.dataset)
            let next = available[((available.firstIndex(of: shown) ?? 0) + 1) % available.count]
            let effects = Reducer.change(&state, env: env) { $0.multiverseEffect = next }
            state.status = StatusMessage(text: UIText.multiverseEffectShown.text(state.spec.language,
                                         MultiverseView.effectPhrase(next).text(state.spec.language), KeyTable.label(.multiverseEffect)),
                                         isError: false)
            return effects
        case .sampling:
            return Reducer.change(&state, env: env) { $0.sampling = $0.sampling == .common ? .perModel : .common }
        case .undo:
            return Reducer.step(&state, from: \.undoStack, to: \.redoStack, emptyMessage: UIText.nothingToUndo.text(state.spec.language), env: env)
        case .redo:
            return Reducer.step(&state, from: \.redoStack, to: \.undoStack, emptyMessage: UIText.nothingToRedo.text(state.spec.language), env: env)
        case .pinBaseline:
            guard let results = state.results else {
                state.status = StatusMessage(text: UIText.noResultsToPin.text(state.spec.language), isError: true); return []
            }
            state.baseline = Baseline(spec: results.spec, models: results.models)
            state.status = StatusMessage(text: UIText.baselinePinned.text(state.spec.language), isError: false)
        case .clearBaseline:
            state.baseline = nil
            state.status = StatusMessage(text: UIText.baselineCleared.text(state.spec.language), isError: false)
        case .bootstrap:
            guard state.spec.mediator != nil else {
                state.status = StatusMessage(text: UIText.noMediatorChosen.text(state.spec.language, KeyTable.label(.setMediator)), isError: true); return []
            }
            var effects: [Effect] = state.bootstrap.phase == .running ? [.cancelBootstrap] : []
            state.bootstrap = BootstrapProgress(generation: state.generation, phase: .running)
            effects.append(.startBootstrap(state.spec, generation: state.generation))
            return effects
        case .cancelBootstrap:
            guard state.bootstrap.phase == .running else { return [] }
            state.bootstrap.phase = .cancelled
            state.status = StatusMessage(text: UIText.bootstrapCancelledStatus.text(state.spec.language, KeyTable.label(.bootstrap)), isError: false)
            return [.cancelBootstrap]
        case .zoom:
            state.zoom.toggle()
            state.focus = state.zoom ? .view : .variables
        case .find:
            state.focus = .variables
            state.zoom = false
            state.overlay = .prompt(Prompt(title: UIText.findVariable.text(state.spec.language), text: "", purpose: .find(previousCursor: state.cursor)))
        case .saveSpec:
            state.overlay = .prompt(Prompt(title: UIText.saveSpecTo.text(state.spec.language), text: UIText.specFileName.en, purpose: .saveSpec, suggested: true))
        case .export:
            state.overlay = .choice(ChoiceMenu(title: UIText.exportAs.text(state.spec.language, state.view.title),
                                               options: ExportFormat.allCases.map(\.title), selected: 0, purpose: .exportFormat))
        case .lesson:
            return LessonKeys.reopen(&state, env: env)
        case .help:
            state.overlay = .help(scroll: 0)
        case .quit:
            state.quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }

    static func toggleLanguage(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard env.unicode else {
            state.status = StatusMessage(text: UIText.chineseLabelsNeedUTF8.text(state.spec.language), isError: true)
            return []
        }
        return Reducer.change(&state, env: env) { $0.language = $0.language == .en ? .zh : .en }
    }
}
