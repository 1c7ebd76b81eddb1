import Testing
@testable import Explorer

/// The messages the status line (and prompts) show when a key cannot do what it says, and the
/// paging keys of the variables pane: user-facing text, so each is pinned here.
@Suite struct StatusMessageTests {
    let env = TestData.env

    /// Presses keys; condition checks are performed at once, as headless replays do.
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { TestData.reduceCheckingConditions(&state, .key($0), env: env) }
    }

    func expectError(_ state: AppState, _ text: String) {
        #expect(state.status == StatusMessage(text: text, isError: true))
    }

    @Test func pageDownAndPageUpMoveTheCursorAPageInTheVariablesPane() {
        var s = TestData.state()
        _ = press(&s, .pageDown)
        #expect(s.cursor > 1)
        _ = press(&s, .pageUp)
        #expect(s.cursor == 0)
        _ = press(&s, .tab, .pageDown, .pageUp)
        #expect(s.scrollRow == 0)
        #expect(s.cursor == 0)
    }

    @Test func switchingTheMediatorNeedsOneChosen() {
        var s = TestData.state { $0.mediator = nil; $0.mediatorOn = false }
        #expect(press(&s, .char("M")).isEmpty)
        expectError(s, "no mediator chosen: press m on a variable")
    }

    /// The Mediation view analyses the designated mediator whether or not it is switched into
    /// the Models view's columns: `g` needs a mediator chosen, not switched on.
    @Test func bootstrapNeedsAMediatorChosen() {
        var s = TestData.state { $0.mediator = nil; $0.mediatorOn = false }
        #expect(press(&s, .char("g")).isEmpty)
        expectError(s, "no mediator chosen: press m on a variable")
        var off = TestData.state { $0.mediatorOn = false }
        #expect(!press(&off, .char("g")).isEmpty)
    }

    @Test func escapeReportsTheCancelledBootstrap() {
        var s = TestData.state { $0.mediatorOn = true }
        _ = press(&s, .char("2"), .escape)
        #expect(s.status == StatusMessage(text: "bootstrap cancelled (g restarts it)", isError: false))
    }

    @Test func pinningNeedsResults() {
        var s = AppState(spec: env.defaultSpecification(), width: 80, height: 24)
        #expect(press(&s, .char("b")).isEmpty)
        #expect(s.baseline == nil)
        expectError(s, "no results to pin yet")
        s = TestData.state()
        _ = press(&s, .char("b"))
        #expect(s.status == StatusMessage(text: "baseline pinned: changes are now shown against it", isError: false))
        _ = press(&s, .char("B"))
        #expect(s.status == StatusMessage(text: "baseline cleared", isError: false))
    }

    @Test func nothingToRedo() {
        var s = TestData.state()
        #expect(press(&s, .ctrl("r")).isEmpty)
        #expect(s.status == StatusMessage(text: "nothing to redo", isError: false))
    }

    @Test func variableKeysNeedTheCursorOnAVariable() {
        for key in ["o", "r", "m", "t", "c", "C"] {
            var s = TestData.state()
            _ = press(&s, .tab)
            #expect(press(&s, .char(Character(key))).isEmpty)
            expectError(s, "move the cursor to a variable in the variables pane first")
        }
    }

    @Test func roleConflictsAreRefusedByName() {
        var s = TestData.state { $0.mediatorOn = true }
        let spec = s.spec
        TestData.cursor(on: "union", &s)
        _ = press(&s, .char("o")); expectError(s, "union is the key regressor; pick another outcome")
        _ = press(&s, .char("m")); expectError(s, "union is the key regressor; pick another mediator")
        _ = press(&s, .char(" ")); expectError(s, "union is the key regressor; it cannot also be a control")
        TestData.cursor(on: "skill", &s)
        _ = press(&s, .char("r")); expectError(s, "skill is the outcome; pick another key regressor")
        _ = press(&s, .char("m")); expectError(s, "skill is the outcome; pick another mediator")
        TestData.cursor(on: "training", &s)
        _ = press(&s, .char("o")); expectError(s, "training is the mediator; pick another outcome")
        _ = press(&s, .char("r")); expectError(s, "training is the mediator; pick another key regressor")
        _ = press(&s, .char(" ")); expectError(s, "training is the mediator; it cannot also be a control")
        #expect(s.spec == spec)
    }

    @Test func chineseLabelsNeedUTF8() {
        let ascii = ExplorerEnvironment(dataset: TestData.dataset, unicode: false)
        var s = TestData.state()
        _ = Reducer.reduce(&s, .key(.char("L")), env: ascii)
        expectError(s, "Chinese labels need a UTF-8 locale; showing English")
    }

    @Test func findReportsNoMatch() {
        var s = TestData.state()
        _ = press(&s, .char("/"))
        for c in "zzz" { _ = press(&s, .char(c)) }
        guard case let .prompt(p)? = s.overlay else { Issue.record("prompt closed"); return }
        #expect(p.feedback == "no variable matches 'zzz'")
        #expect(p.feedbackIsError)
    }

    @Test func emptySubsampleIsRefusedInThePrompt() {
        var s = TestData.state()
        _ = press(&s, .char("s"), .up, .enter, .ctrl("u"))
        for c in "male == 7" { _ = press(&s, .char(c)) }
        guard case let .prompt(p)? = s.overlay else { Issue.record("prompt closed"); return }
        #expect(p.feedback == "no observations satisfy this condition")
        #expect(p.feedbackIsError)
    }

    @Test func computeAndFileErrorsReachTheStatusLine() {
        var s = TestData.state()
        let failed = ComputeOutput(generation: s.generation, spec: s.spec, sampleError: "no observations left after the subsample")
        _ = Reducer.reduce(&s, .computed(failed), env: env)
        expectError(s, "no observations left after the subsample")
        _ = Reducer.reduce(&s, .effectFinished(message: "cannot write /nonexistent/x.json", isError: true), env: env)
        expectError(s, "cannot write /nonexistent/x.json")
    }
}
