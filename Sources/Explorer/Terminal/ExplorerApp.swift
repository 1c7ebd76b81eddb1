import Foundation
import SurveyData
import Teaching

/// The main loop: draw, wait up to 50 ms for a key, start a due condition check, drain finished
/// work, reduce, perform effects (`EffectRunner`, shared with the headless `--print` replays).
/// Estimation runs on background tasks, so the screen never waits for a fit.
public enum ExplorerApp {
    /// The largest screen side drawn (columns or rows); `--size` and `bench ui --size` refuse more.
    public static let maximumScreenSide = 1000

    /// With `lesson`, the explorer opens on its step `lessonStep` in `language` (`pathlens teach`).
    ///
    /// How it ends: after `q` it returns; after SIGINT, SIGTERM or SIGHUP it ends the process by
    /// that signal (exit status 130, 143, 129); and when a fit is still running after the short
    /// wait for it, it ends the process with `_exit(0)` once the terminal is restored — a normal
    /// `exit` would run the libraries' destructors (OpenBLAS frees its buffers) while that fit
    /// is still using them on another thread, which segfaulted on quitting during a fit of
    /// 2,000 controls.
    public static func run(env: ExplorerEnvironment, spec: Specification, lesson: LessonRunner? = nil,
                           lessonStep: Int = 1, language: Language = .en) throws {
        let ending = Ending()
        try session(env: env, spec: spec, lesson: lesson, lessonStep: lessonStep, language: language, ending: ending)
        if SignalFlag.pending != 0 { SignalFlag.endProcess(by: SignalFlag.pending) }
        if ending.workStillRunning { _exit(0) }
    }

    /// Set by the session's deferred shutdown.
    private final class Ending { var workStillRunning = false }

    private static func session(env: ExplorerEnvironment, spec: Specification, lesson: LessonRunner?,
                                lessonStep: Int, language: Language, ending: Ending) throws {
        // Deferred in reverse: the terminal is restored first, then background work is stopped.
        let worker = BackgroundWorker(env: env)
        defer { if !worker.shutdown(timeout: .milliseconds(500)) { ending.workStillRunning = true } }
        let lessonRenderer = LessonRenderer()
        defer { if !lessonRenderer.shutdown(timeout: .milliseconds(500)) { ending.workStillRunning = true } }
        let backend = try NcursesBackend()
        defer { backend.restore() }
        SignalFlag.install()
        let size = backend.size
        var state = AppState(spec: spec, width: size.width, height: size.height)
        let runner = EffectRunner(env: env, worker: worker, lessonRenderer: lessonRenderer, immediateChecks: false)
        var effects = EffectRunner.opening(&state, lesson: lesson, step: lessonStep, language: language,
                                           renderer: lessonRenderer, env: env)
        let renderCache = RenderCache()
        var needsDraw = true
        var instantTicks = 0
        let clock = ContinuousClock()
        while true {
            runner.perform(&effects, state: &state)
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
            // A condition check typed over for `ConditionCheck.debounce` starts now.
            runner.fireDueCheck()
            events += worker.drain()
            for event in events {
                effects += Reducer.reduce(&state, event, env: env)
                needsDraw = true
            }
        }
    }
}
