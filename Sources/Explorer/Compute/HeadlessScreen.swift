import SurveyData
import Teaching

/// `pathlens explore --keys … --print` and `pathlens teach --keys … --print-screen`: replays keys
/// through the terminal's own reducer, effect runner, background work and renderer, with no
/// terminal at all, waiting after each key until every piece of work has settled (models with
/// margins, a bootstrap the Mediation view started, lesson renders, condition checks, file
/// writes). The result is the final screen as plain text.
public enum HeadlessScreen {
    public static func run(env: ExplorerEnvironment, spec: Specification, keys: [Key], width: Int = 80, height: Int = 24,
                           lesson: LessonRunner? = nil, lessonStep: Int = 1, language: Language = .en) -> CellGrid {
        let worker = BackgroundWorker(env: env)
        defer { worker.shutdown() }
        let lessonRenderer = LessonRenderer()
        defer { lessonRenderer.shutdown() }
        let runner = EffectRunner(env: env, worker: worker, lessonRenderer: lessonRenderer, immediateChecks: true)
        var state = AppState(spec: spec, width: width, height: height)
        var effects = EffectRunner.opening(&state, lesson: lesson, step: lessonStep, language: language,
                                           renderer: lessonRenderer, env: env)
        runner.settle(&effects, state: &state)
        for key in keys {
            if state.quitting { break }
            effects += Reducer.reduce(&state, .key(key), env: env)
            runner.settle(&effects, state: &state)
        }
        return Screen.render(state, env: env)
    }

    /// The grid as text: one line per row, trailing spaces trimmed.
    public static func text(_ grid: CellGrid) -> String {
        (0..<grid.height).map { grid.line($0) + "\n" }.joined()
    }
}
