import Foundation
import SurveyData
import Teaching

/// The explorer without a terminal: the same reducer, analysis engine and renderer, every effect
/// performed synchronously so each key's work (models with margins, the Mediation view's
/// bootstrap, lesson steps, file writes) has settled before the next key. `pathlens explore
/// --keys … --print`, `pathlens teach --keys … --print-screen` and tests read its screen.
public struct HeadlessSession {
    public let env: ExplorerEnvironment
    public private(set) var state: AppState
    public private(set) var quit = false
    let cache = FitCache()
    let lessonRenderer = LessonRenderer()

    /// Opens on `spec` (or on step `lessonStep` of `lesson`) and lets the first work settle.
    public init(env: ExplorerEnvironment, spec: Specification, width: Int = 80, height: Int = 24,
                lesson: LessonRunner? = nil, lessonStep: Int = 1, language: Language = .en) {
        self.env = env
        state = AppState(spec: spec, width: width, height: height)
        var effects: [Effect] = []
        if let lesson {
            effects = LessonKeys.open(&state, runner: lesson, renderer: lessonRenderer, step: lessonStep,
                                      language: language, env: env)
        }
        if state.generation == 0 {
            state.generation = 1
            effects.insert(.compute(state.spec, generation: 1), at: 0)
        }
        settle(effects)
    }

    /// One key press, then everything it started, to the end.
    public mutating func press(_ key: Key) {
        guard !quit else { return }
        settle(Reducer.reduce(&state, .key(key), env: env))
    }

    /// The screen as plain text, one line per row (trailing spaces trimmed), no escape codes.
    public var screenText: String { Screen.render(state, env: env).text }

    private mutating func settle(_ initial: [Effect]) {
        var effects = initial
        // A reducer that kept asking for work would hang a script: stop after a generous bound.
        var budget = 10_000
        while !effects.isEmpty, budget > 0 {
            budget -= 1
            let effect = effects.removeFirst()
            var event: Event?
            switch effect {
            case let .compute(spec, generation):
                event = .computed(ComputeEngine.run(spec, generation: generation, env: env, cache: cache, margins: true))
            case let .startBootstrap(spec, generation):
                switch MediationRunner.run(spec, env: env, progress: { _, _, _ in }, isCancelled: { false }) {
                case let .success(result): event = .bootstrapFinished(generation: generation, result)
                case let .failure(f): event = .bootstrapFailed(generation: generation, message: f.message)
                }
            case .cancelBootstrap:
                break
            case .save, .export:
                event = ExplorerApp.fileEvent(effect, state: state, env: env)
            case let .renderLessonStep(step, language, generation):
                guard let mode = state.lesson else { break }
                event = .lessonRendered(LessonRenderer.renderNow(mode.runner, step: step, language: language,
                                                                 generation: generation, spec: state.spec, env: env, cache: cache))
            case .openShippedLesson:
                do {
                    event = .lessonLoaded(LessonLoadResult(runner: try LessonRunner.load(reference: .dalian2022), error: nil,
                                                           renderer: lessonRenderer))
                } catch {
                    event = .lessonLoaded(LessonLoadResult(runner: nil, error: "\(error)", renderer: lessonRenderer))
                }
            case .quit:
                quit = true
                return
            }
            if let event { effects += Reducer.reduce(&state, event, env: env) }
        }
    }
}
