import Foundation
import SurveyData
import Teaching

/// The main loop: draw, wait up to 50 ms for a key, drain finished work, reduce, perform effects.
/// Estimation runs on background tasks, so the screen never waits for a fit.
public enum ExplorerApp {
    /// With `lesson`, the explorer opens on its step `lessonStep` in `language` (`pathlens teach`).
    public static func run(env: ExplorerEnvironment, spec: Specification, lesson: LessonRunner? = nil,
                           lessonStep: Int = 1, language: Language = .en) throws {
        // Deferred in reverse: the terminal is restored first, then background work is stopped.
        let worker = BackgroundWorker(env: env)
        defer { worker.shutdown() }
        let lessonRenderer = LessonRenderer()
        defer { lessonRenderer.shutdown() }
        let backend = try NcursesBackend()
        defer { backend.restore() }
        SignalFlag.install()
        let size = backend.size
        var state = AppState(spec: spec, width: size.width, height: size.height)
        var effects: [Effect] = []
        if let lesson {
            effects = LessonKeys.open(&state, runner: lesson, renderer: lessonRenderer, step: lessonStep,
                                      language: language, env: env)
        }
        if state.generation == 0 {
            state.generation = 1
            effects.insert(.compute(state.spec, generation: 1), at: 0)
        }
        let renderCache = RenderCache()
        var needsDraw = true
        var instantTicks = 0
        let clock = ContinuousClock()
        while true {
            perform(&effects, state: &state, env: env, worker: worker, lessonRenderer: lessonRenderer)
            if state.quitting || SignalFlag.pending != 0 { break }
            if needsDraw {
                backend.draw(Screen.render(state, env: env, cache: renderCache))
                needsDraw = false
            }
            var events: [Event] = []
            let waitStart = clock.now
            if let event = backend.nextEvent() {
                events.append(event)
                instantTicks = 0
            } else if clock.now - waitStart < .milliseconds(5) {
                // No input and no 50 ms wait: the terminal is gone (hang-up without SIGHUP).
                instantTicks += 1
                if instantTicks > 200 { break }
            } else {
                instantTicks = 0
            }
            events += worker.drain()
            for event in events {
                effects += Reducer.reduce(&state, event, env: env)
                needsDraw = true
            }
        }
    }

    /// A save or export performed at once, and the status message it reports (the terminal and
    /// the headless session both write files this way).
    static func fileEvent(_ effect: Effect, state: AppState, env: ExplorerEnvironment) -> Event? {
        switch effect {
        case let .save(path, spec):
            do {
                try SpecFile.save(spec, to: path)
                return .effectFinished(message: "specification saved to \(path)", isError: false)
            } catch {
                return .effectFinished(message: "\(error)", isError: true)
            }
        case let .export(path, format, _):
            do {
                return .effectFinished(message: try ViewExport.write(state, env: env, format: format, to: path), isError: false)
            } catch {
                return .effectFinished(message: "\(error)", isError: true)
            }
        default:
            return nil
        }
    }

    /// Performs effects; file writes report back through the reducer at once.
    static func perform(_ effects: inout [Effect], state: inout AppState, env: ExplorerEnvironment, worker: BackgroundWorker,
                        lessonRenderer: LessonRenderer) {
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            var followUp: Event?
            switch effect {
            case let .compute(spec, generation): worker.compute(spec, generation: generation)
            case let .startBootstrap(spec, generation): worker.bootstrap(spec, generation: generation)
            case .cancelBootstrap: worker.cancelBootstrap()
            case .save, .export:
                followUp = fileEvent(effect, state: state, env: env)
            case let .renderLessonStep(step, language, generation):
                guard let mode = state.lesson else { break }
                mode.renderer.render(mode.runner, step: step, language: language, generation: generation,
                                     spec: state.spec, env: env, cache: worker.cache) { worker.post(.lessonRendered($0)) }
            case .openShippedLesson:
                lessonRenderer.loadShipped { worker.post(.lessonLoaded($0)) }
            case .quit: break
            }
            if let followUp { effects += Reducer.reduce(&state, followUp, env: env) }
        }
    }
}
