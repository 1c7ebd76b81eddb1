import Foundation
import Reports
import SurveyData
import Teaching

/// Performs the reducer's effects for the terminal's main loop and for headless replays
/// (`explore --print`, `teach --print-screen`), so both run the same code: computations and
/// renders go to background work, file writes happen at once (atomically) and report back
/// through the reducer. Condition checks are debounced in the terminal (`fireDueCheck` each
/// tick starts the latest one `ConditionCheck.debounce` after it was asked for; a newer request
/// replaces it) and run synchronously headless.
final class EffectRunner {
    let env: ExplorerEnvironment
    let worker: BackgroundWorker
    let lessonRenderer: LessonRenderer
    /// Headless: condition checks run at once, synchronously.
    let immediateChecks: Bool
    private let clock = ContinuousClock()
    private var pendingCheck: (check: ConditionCheck, due: ContinuousClock.Instant)?

    init(env: ExplorerEnvironment, worker: BackgroundWorker, lessonRenderer: LessonRenderer, immediateChecks: Bool) {
        self.env = env; self.worker = worker; self.lessonRenderer = lessonRenderer; self.immediateChecks = immediateChecks
    }

    /// The effects of opening the explorer: the lesson's first step (`pathlens teach`), the first computation.
    static func opening(_ state: inout AppState, lesson: LessonRunner?, step: Int, language: Language,
                        renderer: LessonRenderer, env: ExplorerEnvironment) -> [Effect] {
        var effects: [Effect] = []
        if let warning = env.openingWarning {
            state.status = StatusMessage(text: warning, isError: true)
        } else if !env.dataset.notes.isEmpty {
            // How the file was read (missing tokens, a column read as text, the delimiter): said
            // once on opening, as the CLI prints them.
            state.status = StatusMessage(text: env.dataset.notes.joined(separator: "; "), isError: false)
        }
        if let lesson {
            effects = LessonKeys.open(&state, runner: lesson, renderer: renderer, step: step, language: language, env: env)
        }
        if state.generation == 0 {
            state.generation = 1
            effects.insert(.compute(state.spec, generation: 1), at: 0)
        }
        return effects
    }

    /// A debounced check is waiting to start.
    var checkPending: Bool { pendingCheck != nil }

    /// Starts the waiting condition check once its delay has passed.
    func fireDueCheck() {
        guard let pending = pendingCheck, clock.now >= pending.due else { return }
        pendingCheck = nil
        worker.checkCondition(pending.check)
    }

    func perform(_ effects: inout [Effect], state: inout AppState) {
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            var followUp: Event?
            switch effect {
            case let .compute(spec, generation): worker.compute(spec, generation: generation)
            case let .startBootstrap(spec, generation): worker.bootstrap(spec, generation: generation)
            case .cancelBootstrap: worker.cancelBootstrap()
            case let .computeMultiverse(spec, generation): worker.multiverse(spec, generation: generation)
            case let .save(path, spec):
                do {
                    try SpecFile.save(spec, to: path, dataFile: env.dataFile)
                    followUp = .effectFinished(message: UIText.specSaved.text(state.spec.language, path), isError: false)
                } catch {
                    followUp = .effectFinished(message: "\(error)", isError: true)
                }
            case let .export(path, format, _):
                do {
                    followUp = .effectFinished(message: try ViewExport.write(state, env: env, format: format, to: path), isError: false)
                } catch {
                    followUp = .effectFinished(message: "\(error)", isError: true)
                }
            case let .checkCondition(check):
                if immediateChecks {
                    followUp = .conditionChecked(check.run(env: env))
                } else if check.confirm {
                    pendingCheck = nil
                    worker.checkCondition(check)
                } else {
                    pendingCheck = (check, clock.now + ConditionCheck.debounce)
                }
            case let .renderLessonStep(step, language, generation):
                guard let mode = state.lesson else { break }
                let worker = self.worker
                mode.renderer.render(mode.runner, step: step, language: language, generation: generation,
                                     spec: state.spec, env: env, cache: worker.cache) { worker.post(.lessonRendered($0)) }
            case .openShippedLesson:
                let worker = self.worker
                lessonRenderer.loadShipped { worker.post(.lessonLoaded($0)) }
            case .quit: break
            }
            if let followUp { effects += Reducer.reduce(&state, followUp, env: env) }
        }
    }

    /// Headless: performs `effects` and everything they lead to until no work is running or
    /// waiting (models with margins, a bootstrap, lesson renders, checks, file writes).
    func settle(_ effects: inout [Effect], state: inout AppState) {
        while true {
            perform(&effects, state: &state)
            let events = worker.drain()
            if !events.isEmpty {
                for event in events { effects += Reducer.reduce(&state, event, env: env) }
                continue
            }
            if effects.isEmpty && worker.isIdle && lessonRenderer.isIdle { return }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }
}
