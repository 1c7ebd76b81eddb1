import PathLensTestSupport
import Testing
@testable import Explorer
import SurveyData
import Teaching

/// The lesson's keys in the reducer, on the shipped lesson over the embedded dataset: moving
/// applies each step's specification (undoable), Esc leaves for free exploration, T returns.
@Suite struct LessonModeTests {
    static let loaded = Result { try LessonRunner.load(reference: .dalian2022) }
    static var runner: LessonRunner? { try? loaded.get() }
    /// For `.requires`: why the shipped lesson over the embedded dataset did not load, or nil.
    static var missing: String? {
        if case let .failure(error) = loaded { return "the shipped lesson or the embedded dataset is not readable: \(error)" }
        return nil
    }

    func opened(_ runner: LessonRunner, language: Language = .en) -> (AppState, ExplorerEnvironment, [Effect]) {
        let env = ExplorerEnvironment(dataset: runner.dataset)
        var state = AppState(spec: env.defaultSpecification(), width: 100, height: 30)
        let effects = LessonKeys.open(&state, runner: runner, renderer: LessonRenderer(), language: language, env: env)
        return (state, env, effects)
    }

    func press(_ state: inout AppState, _ key: Key, _ env: ExplorerEnvironment) -> [Effect] {
        Reducer.reduce(&state, .key(key), env: env)
    }

    static func renders(_ effects: [Effect]) -> [Int] {
        effects.compactMap { if case let .renderLessonStep(step, _, _) = $0 { return step } else { return nil } }
    }

    @Test(.requires(missing))
    func openingAppliesTheFirstStep() throws {
        let runner = try #require(Self.runner)
        let (state, _, effects) = opened(runner)
        let first = runner.lesson.steps[0].spec
        #expect(state.lesson?.isActive == true)
        #expect(state.lesson?.session.step == 1)
        #expect(state.view == first.view)
        #expect(state.spec.outcome == first.outcome)
        #expect(state.spec.keyRegressor == first.keyRegressor)
        #expect(state.spec.controls == first.controls)
        #expect(Self.renders(effects) == [1])
    }

    @Test(.requires(missing))
    func nextAndPreviousWalkTheStepsAndPushUndo() throws {
        let runner = try #require(Self.runner)
        var (state, env, _) = opened(runner)
        let undoBefore = state.undoStack.count
        #expect(Self.renders(press(&state, .char("n"), env)) == [2])
        #expect(Self.renders(press(&state, .pageDown, env)) == [3])
        let third = runner.lesson.steps[2].spec
        #expect(state.lesson?.session.step == 3)
        #expect(state.view == third.view)
        #expect(state.spec.estimators.rawValue == third.estimators.rawValue)
        #expect(state.undoStack.count > undoBefore)
        #expect(Self.renders(press(&state, .char("p"), env)) == [2])
        _ = press(&state, .pageUp, env)
        #expect(state.lesson?.session.step == 1)
        #expect(press(&state, .char("p"), env).isEmpty)
        #expect(state.status?.text.contains("first step") == true)
    }

    @Test(.requires(missing))
    func languageSwitchesLessonAndLabels() throws {
        let runner = try #require(Self.runner)
        var (state, env, _) = opened(runner)
        let effects = press(&state, .char("l"), env)
        #expect(state.lesson?.session.language == .zh)
        #expect(state.spec.language == .zh)
        #expect(Self.renders(effects) == [1])
        _ = press(&state, .char("l"), env)
        #expect(state.spec.language == .en)
    }

    @Test(.requires(missing))
    func escapeLeavesAndTReturnsToTheSameStep() throws {
        let runner = try #require(Self.runner)
        var (state, env, _) = opened(runner)
        _ = press(&state, .char("n"), env)
        _ = press(&state, .char("n"), env)
        _ = press(&state, .escape, env)
        #expect(state.lesson?.isActive == false)
        // Free exploration: the explorer's own keys work again (view 2, a mediator switch).
        _ = press(&state, .char("2"), env)
        #expect(state.view == .mediation)
        _ = press(&state, .char("e"), env)
        #expect(state.spec.estimators.rawValue != runner.lesson.steps[2].spec.estimators.rawValue)
        #expect(Self.renders(press(&state, .char("n"), env)).isEmpty)
        let effects = press(&state, .char("T"), env)
        #expect(state.lesson?.isActive == true)
        #expect(state.lesson?.session.step == 3)
        #expect(Self.renders(effects) == [3])
        #expect(state.view == runner.lesson.steps[2].spec.view)
        #expect(state.spec.estimators.rawValue == runner.lesson.steps[2].spec.estimators.rawValue)
    }

    @Test(.requires(missing))
    func openingAtAStepAppliesThatStep() throws {
        let runner = try #require(Self.runner)
        let env = ExplorerEnvironment(dataset: runner.dataset)
        var state = AppState(spec: env.defaultSpecification())
        let effects = LessonKeys.open(&state, runner: runner, renderer: LessonRenderer(), step: 6, language: .zh, env: env)
        let sixth = runner.lesson.steps[5].spec
        #expect(state.lesson?.session.step == 6)
        #expect(state.view == sixth.view)
        #expect(state.spec.mediatorOn == sixth.mediatorOn)
        #expect(state.spec.language == .zh)
        #expect(Self.renders(effects) == [6])
    }

    @Test(.requires(missing))
    func aViewKeyStartsExploringInThatView() throws {
        let runner = try #require(Self.runner)
        var (state, env, _) = opened(runner)
        _ = press(&state, .char("4"), env)
        #expect(state.lesson?.isActive == false)
        #expect(state.view == .crosstab)
    }

    @Test(.requires(missing))
    func lateRendersAreDroppedAndThePinnedBaselineArrives() throws {
        let runner = try #require(Self.runner)
        var (state, env, _) = opened(runner)
        let stale = LessonRenderer.renderNow(runner, step: 1, language: .en, generation: 1, spec: state.spec,
                                             env: env, cache: FitCache())
        _ = press(&state, .char("n"), env)
        _ = Reducer.reduce(&state, .lessonRendered(stale), env: env)
        #expect(state.lesson?.rendered == nil)
        // Step with a pinned baseline (`pin:`): the baseline is fitted and pinned with the render.
        let pinned = try #require(runner.lesson.steps.first { $0.spec.pinStep != nil })
        state.lesson?.session.go(to: pinned.number)
        let effects = LessonKeys.enterStep(&state, env: env)
        #expect(state.baseline == nil)
        guard case let .renderLessonStep(step, language, generation)? = effects.last else {
            Issue.record("no render requested"); return
        }
        let result = LessonRenderer.renderNow(runner, step: step, language: language, generation: generation,
                                              spec: state.spec, env: env, cache: FitCache())
        #expect(result.error == nil)
        _ = Reducer.reduce(&state, .lessonRendered(result), env: env)
        #expect(state.lesson?.currentRendered?.number == pinned.number)
        #expect(state.baseline != nil)
    }

    @Test(.requires(missing))
    func withoutALessonTOpensTheShippedOneForItsDataset() throws {
        let runner = try #require(Self.runner)
        // Another dataset: the lesson is read in the background, then refused with a reason.
        var other = TestData.state()
        #expect(Reducer.reduce(&other, .key(.char("T")), env: TestData.env) == [.openShippedLesson])
        let loaded = LessonLoadResult(runner: runner, error: nil, renderer: LessonRenderer())
        _ = Reducer.reduce(&other, .lessonLoaded(loaded), env: TestData.env)
        #expect(other.lesson == nil)
        #expect(other.status?.isError == true)
        #expect(other.status?.text.contains("pathlens teach FILE") == true)
        // The embedded dataset: the lesson opens at its first step.
        let env = ExplorerEnvironment(dataset: runner.dataset)
        var state = AppState(spec: env.defaultSpecification())
        let effects = Reducer.reduce(&state, .lessonLoaded(loaded), env: env)
        #expect(state.lesson?.session.step == 1)
        #expect(Self.renders(effects) == [1])
    }

    @Test func helpListsTheLessonKeys() {
        let keys = KeyTable.bindings.filter { $0.context == .lesson }.map { $0.label() }
        #expect(KeyTable.label(.lesson) == "T")
        #expect(keys.contains("n PgDn"))
        #expect(keys.contains("p PgUp"))
    }
}
