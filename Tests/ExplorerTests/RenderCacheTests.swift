import PathLensTestSupport
import Testing
@testable import Explorer
import SurveyData
import Teaching

/// The render cache must never show stale content: every cached frame equals the frame built
/// from scratch, and content is rebuilt only when what it shows changed.
@Suite struct RenderCacheTests {
    let env = TestData.env

    /// Reduces `event`, then delivers the results of any newly posted specification.
    func apply(_ event: Event, to state: inout AppState) {
        _ = Reducer.reduce(&state, event, env: env)
        if state.computing {
            _ = Reducer.reduce(&state, .computed(TestData.output(state.spec, generation: state.generation)), env: env)
        }
    }

    @Test func cachedFramesEqualFreshOnes() {
        var state = TestData.state { $0.mediatorOn = true }
        let cache = RenderCache()
        let keys: [Key] = [.down, .char(" "), .char("e"), .char("b"), .char("v"), .char("2"), .char("L"),
                           .char("3"), .char("4"), .char("5"), .char("6"), .tab, .down, .pageDown, .end, .home,
                           .char("1"), .char("B"), .char("z"), .right, .left, .char("?"), .escape, .char("u")]
        #expect(Screen.render(state, env: env, cache: cache) == Screen.render(state, env: env))
        for key in keys {
            apply(.key(key), to: &state)
            #expect(Screen.render(state, env: env, cache: cache) == Screen.render(state, env: env), "after \(key)")
            if state.bootstrap.phase == .running {
                apply(.bootstrapProgress(generation: state.bootstrap.generation, done: 7, total: 500, stage: "bootstrap"),
                      to: &state)
                #expect(Screen.render(state, env: env, cache: cache) == Screen.render(state, env: env), "tick after \(key)")
            }
        }
        apply(.resize(width: 120, height: 40), to: &state)
        #expect(Screen.render(state, env: env, cache: cache) == Screen.render(state, env: env))
    }

    @Test func progressTicksAndCursorMovesReuseTheModelsTables() {
        var state = TestData.state(width: 132, height: 40) { $0.mediatorOn = true }
        state.bootstrap = BootstrapProgress(generation: 1, phase: .running, total: 500)
        let cache = RenderCache()
        _ = Screen.render(state, env: env, cache: cache)
        #expect(cache.builds == 1)
        apply(.bootstrapProgress(generation: 1, done: 10, total: 500, stage: "bootstrap"), to: &state)
        apply(.key(.down), to: &state)
        _ = Screen.render(state, env: env, cache: cache)
        #expect(cache.builds == 1)

        // The Mediation view shows the progress bar: there a tick is new content.
        state.view = .mediation
        _ = Screen.render(state, env: env, cache: cache)
        apply(.bootstrapProgress(generation: 1, done: 20, total: 500, stage: "bootstrap"), to: &state)
        let grid = Screen.render(state, env: env, cache: cache)
        #expect(cache.builds == 3)
        #expect(grid.text.contains("20/500"))
    }

    @Test(.requires(LessonModeTests.missing))
    func lessonPaneFollowsTheArrivingRender() throws {
        let runner = try #require(LessonModeTests.runner)
        let env = ExplorerEnvironment(dataset: runner.dataset)
        var state = AppState(spec: env.defaultSpecification(), width: 100, height: 30)
        _ = LessonKeys.open(&state, runner: runner, renderer: LessonRenderer(), language: .en, env: env)
        let cache = RenderCache()
        #expect(Screen.render(state, env: env, cache: cache).text.contains("computing this step's numbers"))
        _ = Screen.render(state, env: env, cache: cache)
        let builds = cache.builds

        let generation = try #require(state.lesson?.generation)
        let result = LessonRenderer.renderNow(runner, step: 1, language: .en, generation: generation,
                                              spec: state.spec, env: env, cache: FitCache())
        _ = Reducer.reduce(&state, .lessonRendered(result), env: env)
        let grid = Screen.render(state, env: env, cache: cache)
        #expect(cache.builds > builds)
        #expect(grid == Screen.render(state, env: env))
        #expect(!grid.text.contains("computing this step's numbers"))
    }
}
