import PathLensTestSupport
import Testing
@testable import Explorer
import SurveyData
import Teaching

/// A lesson step on screen (lesson pane, the step's tables) at 80×24 and 132×40, English and
/// Chinese, from the shipped lesson rendered over the embedded dataset.
@Suite struct LessonSnapshotTests {
    func screen(step: Int, language: Language, width: Int, height: Int) throws -> CellGrid {
        let runner = try #require(LessonModeTests.runner)
        let env = ExplorerEnvironment(dataset: runner.dataset)
        var state = AppState(spec: env.defaultSpecification(), width: width, height: height)
        _ = LessonKeys.open(&state, runner: runner, renderer: LessonRenderer(), language: language, env: env)
        for _ in 1..<step { _ = Reducer.reduce(&state, .key(.char("n")), env: env) }
        let generation = try #require(state.lesson?.generation)
        let result = LessonRenderer.renderNow(runner, step: step, language: language, generation: generation,
                                              spec: state.spec, env: env, cache: FitCache())
        _ = Reducer.reduce(&state, .lessonRendered(result), env: env)
        return Screen.render(state, env: env)
    }

    @Test(.requires(LessonModeTests.missing))
    func stepThreeEnglishAndChinese() throws {
        Snapshot.check(try screen(step: 3, language: .en, width: 80, height: 24), "lesson-step3-80x24")
        Snapshot.check(try screen(step: 3, language: .zh, width: 80, height: 24), "lesson-step3-80x24-zh")
        Snapshot.check(try screen(step: 3, language: .en, width: 132, height: 40), "lesson-step3-132x40")
        Snapshot.check(try screen(step: 3, language: .zh, width: 132, height: 40), "lesson-step3-132x40-zh")
    }

    @Test(.requires(LessonModeTests.missing))
    func beforeTheRenderArrivesThePaneSaysSo() throws {
        let runner = try #require(LessonModeTests.runner)
        let env = ExplorerEnvironment(dataset: runner.dataset)
        var state = AppState(spec: env.defaultSpecification(), width: 80, height: 24)
        _ = LessonKeys.open(&state, runner: runner, renderer: LessonRenderer(), language: .en, env: env)
        let grid = Screen.render(state, env: env)
        #expect(grid.line(2).contains("Step 1/\(runner.stepCount)"))
        #expect(grid.text.contains("computing this step's numbers"))
    }
}
