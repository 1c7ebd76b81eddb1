import Reports
import SurveyData
import Teaching

/// The lesson's keys and events, consulted by `Reducer` before the explorer's own bindings:
/// `n`/`p` (PgDn/PgUp, as a presenter's remote sends) move through the steps, `l` switches the
/// language of lesson and labels, `Esc` leaves for free exploration, `T` returns to the step.
/// Every move applies the step's specification as one undoable change and asks for the step to
/// be rendered on a background task. In a plain `pathlens` session `T` reads the shipped lesson
/// (in the background) and opens it when it is written for the dataset on screen.
enum LessonKeys {
    /// The status hint naming the lesson's keys (from `KeyTable`).
    static func hint(_ language: Language) -> String {
        let keys = KeyTable.hint([.lessonNext, .lessonPrevious, .lessonLanguage, .lessonLeave], in: .lesson, language)
        return UIText.lessonKeysHint.text(language, keys)
    }

    /// Opens `runner`'s lesson at `step` (`pathlens teach [--step N]`).
    static func open(_ state: inout AppState, runner: LessonRunner, renderer: LessonRenderer, step: Int = 1,
                     language: Language, env: ExplorerEnvironment) -> [Effect] {
        state.lesson = LessonMode(runner: runner, renderer: renderer, step: step, language: env.unicode ? language : .en)
        state.focus = .variables
        return enterStep(&state, env: env)
    }

    /// `T` outside an active lesson: return to the lesson's step, or read the shipped lesson.
    static func reopen(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard var mode = state.lesson else {
            state.status = StatusMessage(text: UIText.openingLesson.text(state.spec.language), isError: false)
            return [.openShippedLesson]
        }
        guard !mode.isActive else { return [] }
        mode.session.resume()
        state.lesson = mode
        return enterStep(&state, env: env)
    }

    /// While a lesson is active: the key's effects, or nil when the explorer's own binding
    /// should handle it (the lesson's `lessonPassThrough` keys, a view key after leaving).
    static func reduce(_ state: inout AppState, _ key: Key, env: ExplorerEnvironment) -> [Effect]? {
        guard var mode = state.lesson, mode.isActive else { return nil }
        let contexts: [KeyContext] = state.focus == .variables && !state.zoom ? [.lessonPane, .lesson] : [.lesson]
        guard let binding = KeyTable.binding(for: key, in: contexts) else { return nil }
        let language = mode.session.language
        // With the tables in focus (Tab, z) PgDn / PgUp page them, as everywhere else; n / p
        // still move through the steps.
        if (key == .pageDown || key == .pageUp) && (state.focus == .view || state.zoom) { return nil }
        switch binding.action {
        case .lessonNext:
            guard mode.session.next() else {
                let leave = KeyTable.label(.lessonLeave, in: .lesson)
                state.status = StatusMessage(text: UIText.lastStep.text(language, leave), isError: false)
                return []
            }
            state.lesson = mode
            return enterStep(&state, env: env)
        case .lessonPrevious:
            guard mode.session.previous() else {
                state.status = StatusMessage(text: UIText.firstStep.text(language), isError: false)
                return []
            }
            state.lesson = mode
            return enterStep(&state, env: env)
        case .lessonLanguage:
            guard env.unicode else {
                state.status = StatusMessage(text: UIText.chineseNeedsUTF8.text(.en), isError: true); return []
            }
            mode.session.toggleLanguage()
            state.lesson = mode
            let language = mode.session.language
            var effects = Reducer.change(&state, env: env) { $0.language = language }
            effects += requestRender(&state)
            return effects
        case .lessonLeave:
            mode.session.leave()
            state.lesson = mode
            state.scrollRow = 0; state.scrollColumn = 0
            let back = KeyTable.label(.lesson)
            state.status = StatusMessage(text: UIText.exploringFreely.text(language, back, mode.session.step), isError: false)
            return []
        case .lessonScroll:
            switch key {
            case .home: mode.paneScroll = 0
            case .up, .char("k"): mode.paneScroll = max(0, mode.paneScroll - 1)
            default:
                let width = LessonScreen.paneWidth(state.width) - 1
                let lines = LessonScreen.paneLines(mode, width: width, language: mode.session.language, env: env).count
                mode.paneScroll = min(mode.paneScroll + 1, max(0, lines - (state.height - 3)))
            }
            state.lesson = mode
            return []
        case .lessonLeaveToView:
            // A view key starts free exploration in that view.
            mode.session.leave()
            state.lesson = mode
            return nil
        case .lessonPassThrough:
            return nil
        default:
            state.status = StatusMessage(text: hint(language), isError: false)
            return []
        }
    }

    /// The shipped lesson was read: open it if it is written for this dataset.
    static func loaded(_ state: inout AppState, _ result: LessonLoadResult, env: ExplorerEnvironment) -> [Effect] {
        guard state.lesson == nil else { return [] }
        guard let runner = result.runner else {
            state.status = StatusMessage(text: result.error ?? UIText.lessonUnreadable.text(state.spec.language), isError: true)
            return []
        }
        let names = runner.lesson.steps.flatMap { [$0.spec.outcome, $0.spec.keyRegressor] + ($0.spec.mediator.map { [$0] } ?? []) }
        guard runner.dataset.name == env.dataset.name, names.allSatisfy({ env.dataset.info($0) != nil }) else {
            state.status = StatusMessage(text: UIText.lessonOtherData.text(state.spec.language, runner.dataset.name), isError: true)
            return []
        }
        return open(&state, runner: runner, renderer: result.renderer, language: state.spec.language, env: env)
    }

    /// A background render finished: show it if it is still the step asked for.
    static func rendered(_ state: inout AppState, _ result: LessonRenderResult) -> [Effect] {
        guard var mode = state.lesson, result.generation == mode.generation else { return [] }
        if let rendered = result.rendered {
            mode.rendered = rendered
            mode.error = nil
        } else {
            mode.error = result.error
            state.status = StatusMessage(text: result.error ?? UIText.stepUnrendered.text(mode.session.language), isError: true)
        }
        if let baseline = result.baseline { state.baseline = baseline }
        state.lesson = mode
        return []
    }

    /// Applies the current step: its view, its specification (undoable), the baseline cleared
    /// until the step's own pinned one arrives with the render.
    static func enterStep(_ state: inout AppState, env: ExplorerEnvironment) -> [Effect] {
        guard var mode = state.lesson, let lessonSpec = mode.stepSpec(mode.session.step) else { return [] }
        mode.paneScroll = 0
        state.lesson = mode
        let view = lessonSpec.view
        if view != state.view { state.view = view }
        state.scrollRow = 0; state.scrollColumn = 0
        state.baseline = nil
        let language = mode.session.language
        var effects = Reducer.change(&state, env: env) { spec in
            spec = LessonSpecMapping.specification(lessonSpec, language: language, current: spec)
        }
        effects += Reducer.bootstrapIfNeeded(&state)
        effects += requestRender(&state)
        return effects
    }

    static func requestRender(_ state: inout AppState) -> [Effect] {
        guard var mode = state.lesson else { return [] }
        mode.generation += 1
        state.lesson = mode
        return [.renderLessonStep(step: mode.session.step, language: mode.session.language, generation: mode.generation)]
    }
}
