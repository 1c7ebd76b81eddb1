import PathLensTestSupport
import Testing
@testable import Explorer
import SurveyData
import Teaching
import Reports

/// A lesson step on screen (lesson pane, the step's tables) at 80×24, 100×30 and 132×40, English and
/// Chinese, from the shipped lesson rendered over the embedded dataset.
@Suite struct LessonSnapshotTests {
    func screen(step: Int, language: Language, width: Int, height: Int) throws -> CellGrid {
        try state(step: step, language: language, width: width, height: height).grid
    }

    func state(step: Int, language: Language, width: Int, height: Int) throws -> (state: AppState, env: ExplorerEnvironment, grid: CellGrid) {
        let runner = try #require(LessonModeTests.runner)
        let env = ExplorerEnvironment(dataset: runner.dataset)
        var state = AppState(spec: env.defaultSpecification(), width: width, height: height)
        _ = LessonKeys.open(&state, runner: runner, renderer: LessonRenderer(), language: language, env: env)
        for _ in 1..<step { _ = Reducer.reduce(&state, .key(.char("n")), env: env) }
        let generation = try #require(state.lesson?.generation)
        let result = LessonRenderer.renderNow(runner, step: step, language: language, generation: generation,
                                              spec: state.spec, env: env, cache: FitCache())
        _ = Reducer.reduce(&state, .lessonRendered(result), env: env)
        let grid = ScreenChecks.render(state, env: env, "step \(step) \(language) \(width)x\(height)")
        return (state, env, grid)
    }

    /// Every step at 80×24, 100×30 and 132×40 in both languages: every number its text quotes
    /// (from the step's results, not the paper's) is in the view area of the step's first
    /// screen, drawn whole. Steps 3, 6 and 9 are also kept as snapshots.
    @Test(.requires(LessonModeTests.missing), arguments: [Language.en, .zh])
    func everyQuotedNumberIsOnTheFirstScreen(language: Language) throws {
        let runner = try #require(LessonModeTests.runner)
        for (width, height) in RenderSnapshotTests.sizes {
            for step in 1...runner.stepCount {
                let (state, _, grid) = try self.state(step: step, language: language, width: width, height: height)
                let rendered = try #require(state.lesson?.currentRendered)
                let x = ScreenChecks.viewX(state)
                var view = ""
                for y in 2..<(grid.height - 1) {
                    for c in x..<grid.width { view += grid[c, y].text }
                    view += "\n"
                }
                let shown = view.matches(of: try Regex(#"-?\d+(\.\d+)?"#)).map { String(view[$0.range]) }
                for f in rendered.filled where f.value != nil && f.placeholder.kind != .paper {
                    let decimals = f.text.split(separator: ".")
                    let digits = decimals.count > 1 ? decimals[decimals.count - 1].count : 0
                    let onScreen = shown.contains { token in
                        token == f.text || (Double(token).map { NumberFormat.fixed($0, digits) == f.text } ?? false)
                    }
                    #expect(onScreen, "step \(step) \(language) \(width)x\(height): \(f.placeholder.source) = \(f.text) is not on the first screen")
                }
                if [3, 6, 9].contains(step) {
                    Snapshot.check(grid, "lesson-step\(step)-\(width)x\(height)" + (language == .zh ? "-zh" : ""))
                }
            }
        }
    }

    @Test(.requires(LessonModeTests.missing))
    func beforeTheRenderArrivesThePaneSaysSo() throws {
        let runner = try #require(LessonModeTests.runner)
        let env = ExplorerEnvironment(dataset: runner.dataset)
        var state = AppState(spec: env.defaultSpecification(), width: 80, height: 24)
        _ = LessonKeys.open(&state, runner: runner, renderer: LessonRenderer(), language: .en, env: env)
        let grid = Screen.render(state, env: env)
        #expect(grid.line(2).contains("Step 1/\(runner.stepCount)"))
        #expect(grid.text.contains("computing this step's"))
    }
}
