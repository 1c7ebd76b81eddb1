import Foundation
import Estimation
import Testing
@testable import Explorer
import Reports
import SurveyData

/// One test per key binding: the reducer is pure, so each runs without a terminal.
@Suite struct ReducerTests {
    let env = TestData.env

    /// Presses keys; condition checks are performed at once, as headless replays do.
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { TestData.reduceCheckingConditions(&state, .key($0), env: env) }
    }

    func row(of name: String) -> Int {
        env.paneRows.firstIndex { $0.variableName == name } ?? -1
    }

    func cursor(on name: String, _ state: inout AppState) { state.cursor = row(of: name) }

    @Test func numberKeysSwitchViews() {
        var s = TestData.state()
        for v in ViewKind.allCases {
            _ = press(&s, .char(Character(String(v.rawValue))))
            #expect(s.view == v)
        }
    }

    /// `S`: each model on its own rows (an undoable change that recomputes), said on the status
    /// line; again: one common sample.
    @Test func sKeySwitchesBetweenCommonAndPerModelSamples() {
        var s = TestData.state()
        #expect(s.spec.sampling == .common)
        let effects = press(&s, .char("S"))
        #expect(s.spec.sampling == .perModel)
        #expect(effects.contains { if case .compute = $0 { return true } else { return false } })
        s.results = TestData.output(s.spec, generation: s.generation)
        let screen = Screen.render(s, env: env).text
        #expect(screen.contains("not comparable"))
        #expect(screen.contains("each column on its own sample"))
        _ = press(&s, .char("S"))
        #expect(s.spec.sampling == .common)
        _ = press(&s, .char("u"))
        #expect(s.spec.sampling == .perModel)
    }

    @Test func quitKey() {
        var s = TestData.state()
        #expect(press(&s, .char("q")) == [.quit])
        #expect(s.quitting)
    }

    @Test func arrowsAndJKMoveTheCursorSkippingSectionHeaders() {
        var s = TestData.state()
        #expect(s.cursor == 0)
        _ = press(&s, .down); #expect(s.cursor == 1)
        _ = press(&s, .char("j")); #expect(s.cursor == 2)
        _ = press(&s, .char("k")); #expect(s.cursor == 1)
        _ = press(&s, .up, .up, .up); #expect(s.cursor == 0)
        for _ in 0..<20 { _ = press(&s, .down) }
        #expect(s.cursor == env.paneRows.count - 1)
        for (i, r) in env.paneRows.enumerated() { if case .section = r { #expect(s.cursor != i) } }
    }

    @Test func tabSwitchesPaneAndViewPaneKeysScroll() {
        var s = TestData.state()
        _ = press(&s, .tab); #expect(s.focus == .view)
        _ = press(&s, .char("j"), .down); #expect(s.scrollRow == 2)
        _ = press(&s, .char("k")); #expect(s.scrollRow == 1)
        _ = press(&s, .char("l"), .right); #expect(s.scrollColumn == 2)
        _ = press(&s, .char("h")); #expect(s.scrollColumn == 1)
        _ = press(&s, .pageDown); #expect(s.scrollRow > 1)
        _ = press(&s, .backTab); #expect(s.focus == .variables)
    }

    @Test func spaceTogglesTheControlUnderTheCursorAndPostsAGeneration() {
        var s = TestData.state()
        cursor(on: "male", &s)
        let effects = press(&s, .char(" "))
        #expect(!s.spec.controls.contains("male"))
        #expect(effects == [.compute(s.spec, generation: 2)])
        _ = press(&s, .char(" "))
        #expect(s.spec.controls == ["male", "c.age", "i.industry"])
    }

    @Test func spaceOnAGroupTogglesTheWholeGroup() {
        var s = TestData.state()
        s.cursor = 0 // Individual characteristics
        _ = press(&s, .char(" "))
        #expect(s.spec.controls == ["i.industry"])
        _ = press(&s, .char(" "))
        #expect(s.spec.controls == ["male", "c.age", "i.industry"])
    }

    @Test func roleVariablesCannotBeControls() {
        var s = TestData.state()
        cursor(on: "union", &s)
        #expect(press(&s, .char(" ")).isEmpty)
        #expect(s.status?.isError == true)
    }

    @Test func pickKeysSetOutcomeKeyRegressorMediatorAndMarginsTerm() {
        var s = TestData.state()
        cursor(on: "training", &s)
        _ = press(&s, .char("m"))
        #expect(s.spec.activeMediator == "training")
        _ = press(&s, .char("m"))
        #expect(s.spec.activeMediator == nil)
        _ = press(&s, .char("M"))
        #expect(s.spec.activeMediator == "training")
        cursor(on: "male", &s)
        _ = press(&s, .char("r"))
        #expect(s.spec.keyRegressor == "male")
        cursor(on: "age", &s)
        _ = press(&s, .char("o"))
        #expect(s.spec.outcome == "age")
        _ = press(&s, .char("t"))
        #expect(s.spec.marginsTerm == "age")
    }

    @Test func crosstabKeysChooseRowsAndColumns() {
        var s = TestData.state()
        #expect(s.spec.crosstabs == [CrosstabPair(row: "union", column: "skill"), CrosstabPair(row: "union", column: "training")])
        cursor(on: "male", &s)
        _ = press(&s, .char("C"))
        cursor(on: "industry", &s)
        _ = press(&s, .char("c"))
        #expect(s.spec.crosstabs == [CrosstabPair(row: "male", column: "industry")])
    }

    @Test func enterOpensAChoiceAndPickingAppliesIt() {
        var s = TestData.state()
        cursor(on: "training", &s)
        _ = press(&s, .enter)
        guard case let .choice(menu)? = s.overlay else { Issue.record("no menu"); return }
        #expect(menu.purpose == .variable("training"))
        _ = press(&s, .down, .down, .enter) // "Set as mediator"
        #expect(s.overlay == nil)
        #expect(s.spec.activeMediator == "training")
    }

    @Test func subsamplePresetAndTypedConditionCheckedAsYouType() {
        var s = TestData.state()
        _ = press(&s, .char("s"), .down, .enter)
        #expect(s.spec.subsample == Subsample(name: "secondary", condition: "industry == 2"))
        _ = press(&s, .char("s"), .up, .up, .enter) // last option: type an expression
        guard case .prompt? = s.overlay else { Issue.record("no prompt"); return }
        _ = press(&s, .ctrl("u"))
        for c in "nosuch == 1" { _ = press(&s, .char(c)) }
        guard case let .prompt(p)? = s.overlay else { Issue.record("prompt closed"); return }
        #expect(p.feedbackIsError)
        _ = press(&s, .enter) // refused: stays open
        #expect(s.overlay != nil)
        _ = press(&s, .ctrl("u"))
        for c in "male == 1" { _ = press(&s, .char(c)) }
        guard case let .prompt(ok)? = s.overlay else { Issue.record("prompt closed"); return }
        #expect(ok.feedback?.hasPrefix("N = ") == true)
        _ = press(&s, .enter)
        #expect(s.spec.subsample == Subsample(condition: "male == 1"))
        _ = press(&s, .char("s"), .down, .enter) // wraps to "All observations"
        #expect(s.spec.subsample == nil)
    }

    @Test func estimatorsVarianceAndLanguageCycle() {
        var s = TestData.state()
        _ = press(&s, .char("e")); #expect(s.spec.estimators == .ologit)
        _ = press(&s, .char("v")); #expect(s.spec.vce == .robust)
        _ = press(&s, .char("v")); #expect(s.spec.vce == .oim)
        let before = s.generation
        _ = press(&s, .char("l")); #expect(s.spec.language == .zh)
        #expect(s.generation == before) // labels only: nothing recomputed
        _ = press(&s, .char("L")); #expect(s.spec.language == .en)
    }

    @Test func languageStaysEnglishWithoutUTF8() {
        let ascii = ExplorerEnvironment(dataset: TestData.dataset, unicode: false)
        var s = TestData.state()
        _ = Reducer.reduce(&s, .key(.char("l")), env: ascii)
        #expect(s.spec.language == .en)
        #expect(s.status?.isError == true)
    }

    @Test func undoAndRedo() {
        var s = TestData.state()
        let original = s.spec
        _ = press(&s, .char("e"), .char("v"))
        _ = press(&s, .char("u")); #expect(s.spec.vce == .oim && s.spec.estimators == .ologit)
        _ = press(&s, .char("u")); #expect(s.spec == original)
        _ = press(&s, .char("u")); #expect(s.status?.text == "nothing to undo")
        _ = press(&s, .ctrl("r")); #expect(s.spec.estimators == .ologit)
        _ = press(&s, .ctrl("r")); #expect(s.spec.vce == .robust)
    }

    @Test func baselinePinAndClear() {
        var s = TestData.state()
        _ = press(&s, .char("b"))
        #expect(s.baseline?.spec == s.spec)
        _ = press(&s, .char("B"))
        #expect(s.baseline == nil)
    }

    @Test func staleResultsAreDropped() {
        var s = TestData.state()
        cursor(on: "male", &s)
        _ = press(&s, .char(" "), .char(" ")) // generations 2 and 3
        _ = Reducer.reduce(&s, .computed(TestData.output(s.spec, generation: 2)), env: env)
        #expect(s.results?.generation == 1)
        #expect(s.computing)
        _ = Reducer.reduce(&s, .computed(TestData.output(s.spec, generation: 3)), env: env)
        #expect(s.results?.generation == 3)
        #expect(!s.computing)
    }

    @Test func findMovesTheCursorAndEscapeRestoresIt() {
        var s = TestData.state()
        _ = press(&s, .char("/"), .char("a"), .char("g"))
        #expect(s.cursor == row(of: "age"))
        _ = press(&s, .escape)
        #expect(s.cursor == 0)
        _ = press(&s, .char("/"))
        for c in "工会" { _ = press(&s, .char(c)) }
        _ = press(&s, .enter)
        #expect(s.cursor == row(of: "union"))
        #expect(s.overlay == nil)
    }

    @Test func helpListsBindingsAndClosesOnAnyKey() {
        var s = TestData.state()
        _ = press(&s, .char("?"))
        #expect(s.overlay == .help(scroll: 0))
        _ = press(&s, .char("j")); #expect(s.overlay == .help(scroll: 1))
        _ = press(&s, .char("x")); #expect(s.overlay == nil)
        #expect(KeyTable.bindings.count >= 20)
    }

    /// Every non-character key the reducer acts on is named in the `?` list.
    @Test func helpNamesEverySpecialKey() {
        let listed = KeyTable.bindings.flatMap { $0.label().split(separator: " ").map(String.init) }
        for name in ["PgUp", "PgDn", "Home", "End", "Tab", "Enter", "Esc", "Ctrl-R", "Space"] {
            #expect(listed.contains(name), "\(name) is not in the help")
        }
    }

    @Test func saveAndExportPromptThenEmitEffects() {
        var s = TestData.state()
        let save = press(&s, .char("w"), .enter)
        #expect(save == [.save(path: "pathlens-spec.json", s.spec)])
        let export = press(&s, .char("x"), .down, .enter, .enter)
        #expect(export == [.export(path: "pathlens-models.tex", format: .latex, view: .models)])
    }

    @Test func mediationViewStartsTheBootstrapAndEscapeCancelsIt() {
        var s = TestData.state { $0.mediatorOn = true }
        let start = press(&s, .char("2"))
        #expect(start == [.startBootstrap(s.spec, generation: 1)])
        _ = Reducer.reduce(&s, .bootstrapProgress(generation: 1, done: 10, total: 100), env: env)
        #expect(s.bootstrap.done == 10)
        #expect(press(&s, .escape) == [.cancelBootstrap])
        #expect(s.bootstrap.phase == .cancelled)
        #expect(press(&s, .char("g")) == [.startBootstrap(s.spec, generation: 1)])
    }

    @Test func zoomHidesThePane() {
        var s = TestData.state()
        _ = press(&s, .char("z")); #expect(s.zoom && s.focus == .view)
        _ = press(&s, .char("z")); #expect(!s.zoom)
    }

    @Test func homeAndEndJumpInEitherPane() {
        var s = TestData.state()
        _ = press(&s, .end); #expect(s.cursor == env.paneRows.count - 1)
        _ = press(&s, .home); #expect(s.cursor == 0)
        _ = press(&s, .tab, .end); #expect(s.scrollRow > 0)
        _ = press(&s, .home); #expect(s.scrollRow == 0)
    }

    @Test func enterInTheViewPaneChoosesAView() {
        var s = TestData.state()
        _ = press(&s, .tab, .enter)
        guard case let .choice(menu)? = s.overlay else { Issue.record("no menu"); return }
        #expect(menu.purpose == .view)
        #expect(menu.selected == 0)
        _ = press(&s, .down, .down, .enter)
        #expect(s.overlay == nil)
        #expect(s.view == .margins)
    }

    @Test func resizeIsRecorded() {
        var s = TestData.state()
        _ = Reducer.reduce(&s, .resize(width: 120, height: 40), env: env)
        #expect(s.width == 120 && s.height == 40)
    }
}
