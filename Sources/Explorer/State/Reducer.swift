import SurveyData
import Estimation

/// Pure state transitions: `reduce` takes the state and one event and returns the effects to
/// perform. No I/O happens here, so every key binding is testable without a terminal.
/// Keys are looked up in `KeyTable` and dispatched by action: `GlobalKeys`, `VariablesPaneKeys`,
/// `CursorKeys`, `OverlayKeys` and `LessonKeys` hold the handlers.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ event: Event, env: ExplorerEnvironment) -> [Effect] {
        switch event {
        case let .key(key):
            return reduceKey(&state, key, env: env)
        case let .resize(width, height):
            state.width = width; state.height = height
            CursorKeys.clampCursor(&state, env: env)
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
        case let .multiverse(generation, update):
            guard generation == state.multiverse.generation else { return [] }
            switch update {
            case let .planned(screen): state.multiverse.screen = screen
            case let .rows(rows): state.multiverse.rows += rows
            case .finished: state.multiverse.finished = true
            case let .failed(message): state.multiverse.failure = message; state.multiverse.finished = true
            }
            return []
        case let .effectFinished(message, isError):
            state.status = StatusMessage(text: message, isError: isError)
            return []
        case let .conditionChecked(result):
            return OverlayKeys.conditionChecked(&state, result, env: env)
        case let .lessonRendered(result):
            return LessonKeys.rendered(&state, result)
        case let .lessonLoaded(result):
            return LessonKeys.loaded(&state, result, env: env)
        }
    }

    /// The contexts a key is looked up in when no dialog is open and no lesson takes it.
    static func paneContexts(_ state: AppState) -> [KeyContext] {
        [state.focus == .view || state.zoom ? .viewPane : .variablesPane, .global]
    }

    static func reduceKey(_ state: inout AppState, _ key: Key, env: ExplorerEnvironment) -> [Effect] {
        if let overlay = state.overlay { return OverlayKeys.reduce(&state, key, overlay: overlay, env: env) }
        state.status = nil
        if let effects = LessonKeys.reduce(&state, key, env: env) { return effects }
        guard let binding = KeyTable.binding(for: key, in: paneContexts(state)) else { return [] }
        return perform(binding.action, key: key, &state, env: env)
    }

    /// Dispatches an action of the panes or the global context.
    static func perform(_ action: KeyAction, key: Key, _ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        switch action {
        case .cursorMove, .cursorEnds, .scrollRows, .scrollEnds, .page, .scrollLeft, .scrollRight:
            CursorKeys.perform(action, key: key, &state, env: env)
            return []
        case .toggleControl, .toggleInteraction, .toggleModerator, .variableMenu, .variableEditor, .viewMenu, .setOutcome, .setKeyRegressor, .setMediator, .marginsTerm,
             .crosstabRows, .crosstabColumns:
            return VariablesPaneKeys.perform(action, &state, env: env)
        case .switchView, .switchPane, .toggleLanguage, .mediatorOnOff, .subsample, .estimators, .variance, .sampling,
             .varianceMenu, .weights, .oddsRatios, .parenContent, .surveyDesign, .multiverseEffect,
             .pinBaseline, .clearBaseline, .bootstrap, .cancelBootstrap, .zoom, .undo, .redo, .find, .saveSpec,
             .export, .lesson, .help, .quit:
            return GlobalKeys.perform(action, key: key, &state, env: env)
        case .helpScroll, .closeOverlay, .menuMove, .menuPick, .promptConfirm, .promptCancel, .promptDelete,
             .promptClear, .promptType, .lessonNext, .lessonPrevious, .lessonLanguage, .lessonLeave,
             .lessonLeaveToView, .lessonHint, .lessonPassThrough, .lessonScroll, .editorField, .editorValue, .editorPick:
            return [] // bound only in dialogs and lessons, which dispatch them themselves
        }
    }

    /// Posts the current specification when its numbers changed: a new generation to compute
    /// (the main loop cancels the superseded one), and a fresh bootstrap in the Mediation view.
    static func post(_ state: inout AppState, previous: Specification, env: ExplorerEnvironment) -> [Effect] {
        // View 7's effect (`a`) changes no model, only the curve.
        guard state.spec.computeKey != previous.computeKey else { return multiverseIfNeeded(&state) }
        state.generation += 1
        var effects: [Effect] = [.compute(state.spec, generation: state.generation)]
        if state.bootstrap.phase == .running { effects.append(.cancelBootstrap) }
        state.bootstrap = BootstrapProgress()
        effects += bootstrapIfNeeded(&state)
        effects += multiverseIfNeeded(&state)
        return effects
    }

    /// View 7 shows the current specification's multiverse: started when the view opens or the
    /// specification (or its effect, `a`) changes while it is open (the worker cancels the
    /// superseded run; each run has its own tag, so late rows of an older one are dropped).
    static func multiverseIfNeeded(_ state: inout AppState) -> [Effect] {
        guard state.view == .multiverse,
              state.multiverse.specGeneration != state.generation || state.multiverse.effect != state.spec.multiverseEffect
        else { return [] }
        state.multiverseRuns += 1
        state.multiverse = MultiverseProgress(generation: state.multiverseRuns, specGeneration: state.generation,
                                              effect: state.spec.multiverseEffect)
        return [.computeMultiverse(state.spec, generation: state.multiverseRuns)]
    }

    static func bootstrapIfNeeded(_ state: inout AppState) -> [Effect] {
        guard state.view == .mediation, state.spec.mediator != nil, state.bootstrap.phase == .idle else { return [] }
        state.bootstrap = BootstrapProgress(generation: state.generation, phase: .running)
        return [.startBootstrap(state.spec, generation: state.generation)]
    }

    /// Applies `mutate` to the specification as one undoable step.
    static func change(_ state: inout AppState, env: ExplorerEnvironment, _ mutate: (inout Specification) -> Void) -> [Effect] {
        var next = state.spec
        mutate(&next)
        // Only a change of roles moves crosstabs that follow them (counting values costs a scan).
        let before = state.spec
        if (next.outcome, next.keyRegressor, next.mediator, next.crosstabsPicked)
            != (before.outcome, before.keyRegressor, before.mediator, before.crosstabsPicked) {
            next.followRoles(in: env.dataset)
        }
        guard next != state.spec else { return [] }
        let previous = state.spec
        state.undoStack.append(previous)
        if state.undoStack.count > 500 { state.undoStack.removeFirst() }
        state.redoStack = []
        state.spec = next
        return post(&state, previous: previous, env: env)
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
}
