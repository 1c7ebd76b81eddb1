import Foundation
import Testing
@testable import Explorer
import Reports
import SurveyData
import Teaching

/// The key table is the only place bindings are declared: every binding in it is dispatched, no
/// key outside it does anything, and the `?` screen and the README list exactly its bindings.
@Suite struct KeyTableTests {
    let env = TestData.env
    static let runner: LessonRunner? = try? LessonRunner.load(reference: .dalian2022)

    /// What a key press can change, as text (AppState is not Equatable: results, baselines).
    static func fingerprint(_ s: AppState) -> String {
        let lesson = s.lesson.map { "\($0.session.step) \($0.isActive) \($0.paneScroll) \($0.session.language)" } ?? "-"
        return "\(s.view) \(s.focus) \(s.cursor) \(s.scrollRow) \(s.scrollColumn) \(s.zoom) \(String(describing: s.overlay)) "
            + "\(String(describing: s.status)) \(s.spec) \(s.undoStack.count) \(s.redoStack.count) \(s.generation) "
            + "\(s.baseline != nil) \(s.bootstrap.phase) \(s.quitting) \(lesson)"
    }

    static let universe: [Key] = (32...126).map { Key.char(Character(Unicode.Scalar($0)!)) }
        + "abcdefghijklmnopqrstuvwxyz".map(Key.ctrl)
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape, .backspace, .char("中")]

    func concrete(_ pattern: KeyPattern) -> Key {
        switch pattern {
        case let .key(key): return key
        case .anyCharacter: return .char("a")
        case .anyOtherKey: return .char("%")
        }
    }

    /// A state in which every binding of `context` has something to do.
    func prepared(_ context: KeyContext, key: Key) throws -> (AppState, ExplorerEnvironment) {
        var s = TestData.state()
        s.cursor = env.paneRows.firstIndex { $0 == .variable("male", group: 0) } ?? 1
        s.scrollRow = 3; s.scrollColumn = 2
        s.bootstrap = BootstrapProgress(generation: s.generation, phase: .running)
        s.view = key == .char("1") ? .data : .models
        switch context {
        case .global, .variablesPane: s.focus = .variables
        case .viewPane: s.focus = .view
        case .help: s.overlay = .help(scroll: 2)
        case .menu:
            var menu = OverlayKeys.subsampleMenu(s, env: env)
            menu.selected = 1
            s.overlay = .choice(menu)
        case .prompt: s.overlay = .prompt(Prompt(title: "Find", text: "ma", purpose: .find(previousCursor: 0)))
        case .editor: s.overlay = .editor(VariableEditor(variable: "age"))
        case .lesson, .lessonPane:
            let runner = try #require(Self.runner)
            let env = ExplorerEnvironment(dataset: runner.dataset)
            var s = AppState(spec: env.defaultSpecification(), width: 80, height: 16)
            _ = LessonKeys.open(&s, runner: runner, renderer: LessonRenderer(), language: .en, env: env)
            s.focus = context == .lesson ? .view : .variables
            s.scrollRow = 3; s.scrollColumn = 2
            s.lesson?.paneScroll = 1
            s.view = key == .char("1") ? .data : .models
            s.status = nil
            return (s, env)
        }
        s.status = nil
        return (s, env)
    }

    @Test func everyBindingIsDispatched() throws {
        for binding in KeyTable.bindings {
            if [.lesson, .lessonPane].contains(binding.context) && Self.runner == nil { continue }
            for pattern in binding.keys {
                let key = concrete(pattern)
                var (s, env) = try prepared(binding.context, key: key)
                #expect(KeyTable.binding(for: key, in: binding.context)?.action == binding.action)
                let before = Self.fingerprint(s)
                let effects = Reducer.reduce(&s, .key(key), env: env)
                #expect(!effects.isEmpty || Self.fingerprint(s) != before,
                        "\(KeyNames.name(key)) (\(binding.action), \(binding.context)) did nothing")
            }
        }
    }

    @Test func noKeyOutsideTheTableDoesAnything() throws {
        let cases: [(KeyContext, [KeyContext])] = [
            (.variablesPane, [.variablesPane, .global]), (.viewPane, [.viewPane, .global]),
            (.menu, [.menu]), (.prompt, [.prompt]), (.help, [.help]), (.editor, [.editor]),
        ] + (Self.runner == nil ? [] : [(.lesson, [.lesson]), (.lessonPane, [.lessonPane, .lesson])])
        for (context, lookup) in cases {
            for key in Self.universe where KeyTable.binding(for: key, in: lookup) == nil {
                #expect(![.help, .lesson, .lessonPane].contains(context), "\(context) has a catch-all")
                var (s, env) = try prepared(context, key: key)
                let before = Self.fingerprint(s)
                let effects = Reducer.reduce(&s, .key(key), env: env)
                #expect(effects.isEmpty && Self.fingerprint(s) == before, "\(KeyNames.name(key)) acts in \(context) without a binding")
            }
        }
    }

    @Test func noKeyIsBoundTwiceInAContext() {
        for context in KeyContext.allCases {
            let keys = KeyTable.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context) binds a key twice")
        }
    }

    @Test func helpTextIsInBothLanguagesAndEnglishIsASCII() {
        for binding in KeyTable.bindings {
            #expect(binding.en.unicodeScalars.allSatisfy { $0.isASCII }, "\(binding.en)")
            #expect(binding.zh.unicodeScalars.contains { !$0.isASCII }, "no Chinese for \(binding.en)")
        }
        #expect(KeyTable.helpLines(.en).joined().unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func helpScreenFollowsTheLabelLanguageAndTheLocale() {
        var s = TestData.state { $0.language = .zh }
        s.overlay = .help(scroll: 0)
        // The legend of what the screen shows comes first; the keys follow it.
        #expect(Screen.render(s, env: env).text.contains("屏幕上的符号"))
        s.overlay = .help(scroll: ScreenLegend.lines(.zh, width: 72).count + 1)
        let zh = Screen.render(s, env: env).text
        #expect(zh.contains("任意位置"))
        #expect(zh.contains("切换窗格"))
        let ascii = ExplorerEnvironment(dataset: TestData.dataset, unicode: false)
        s.overlay = .help(scroll: ScreenLegend.lines(.en, width: 72).count + 1)
        let plain = Screen.render(s, env: ascii).text
        #expect(plain.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(plain.contains("switch pane"))
    }

    /// The README's key list is the table's, line for line (`?` in English).
    @Test func readmeListsTheTable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let block = "Keys (as `?` lists them, from `Sources/Explorer/Keys/KeyTable.swift`):\n\n```\n"
            + KeyTable.helpLines(.en).joined(separator: "\n") + "\n```"
        if !text.contains(block) {
            try? block.write(toFile: NSTemporaryDirectory() + "pathlens-readme-keys.txt", atomically: true, encoding: .utf8)
        }
        #expect(text.contains(block), "README key list differs from KeyTable (expected block in $TMPDIR/pathlens-readme-keys.txt)")
    }

    @Test func menuTitlesNameTheTablesKeys() {
        var s = TestData.state()
        s.cursor = env.paneRows.firstIndex { $0 == .variable("male", group: 0) } ?? 1
        _ = Reducer.reduce(&s, .key(.enter), env: env)
        guard case let .choice(menu)? = s.overlay else { Issue.record("no menu"); return }
        #expect(menu.options.first == "Set as outcome (\(KeyTable.label(.setOutcome)))")
        #expect(menu.options.contains("Switch control on/off (Space)"))
    }

    @Test func keyScriptsQuoteTextAndNameKeysInAnyCase() throws {
        let keys = try KeyScript.parse(#"w "a b.json" Enter ESC ctrl-R S-Tab m M"#).map(\.0)
        #expect(keys == [.char("w"), .char("a"), .char(" "), .char("b"), .char("."), .char("j"), .char("s"), .char("o"),
                         .char("n"), .enter, .escape, .ctrl("r"), .backTab, .char("m"), .char("M")])
        #expect(throws: ExplorerError.self) { _ = try KeyScript.parse("j nosuchkey") }
        #expect(throws: ExplorerError.self) { _ = try KeyScript.parse(#"w "open"#) }
    }

    /// The check of a typed `if` expression is an effect: the reducer only asks for it, and a
    /// late answer to text typed over since is dropped.
    @Test func conditionCheckIsADebouncedEffect() {
        var s = TestData.state()
        _ = Reducer.reduce(&s, .key(.char("s")), env: env)
        let open = Reducer.reduce(&s, .key(.up), env: env) + Reducer.reduce(&s, .key(.enter), env: env)
        guard case let .checkCondition(first)? = open.last else { Issue.record("no check asked for"); return }
        let typed = Reducer.reduce(&s, .key(.char("m")), env: env)
        guard case let .checkCondition(second)? = typed.first, second.token > first.token else { Issue.record("no second check"); return }
        // The superseded answer is dropped; the current one shows.
        _ = Reducer.reduce(&s, .conditionChecked(ConditionCheck(text: "", token: first.token, confirm: false).run(env: env)), env: env)
        guard case let .prompt(p)? = s.overlay else { Issue.record("prompt closed"); return }
        #expect(p.checking && p.feedback == nil)
        _ = Reducer.reduce(&s, .conditionChecked(second.run(env: env)), env: env)
        guard case let .prompt(q)? = s.overlay else { Issue.record("prompt closed"); return }
        #expect(!q.checking && q.feedbackIsError)
        // Enter while a check is out asks for one at once and applies it when it passes.
        for c in "ale == 1" { _ = Reducer.reduce(&s, .key(.char(c)), env: env) }
        let enter = Reducer.reduce(&s, .key(.enter), env: env)
        guard case let .checkCondition(confirm)? = enter.first, confirm.confirm else { Issue.record("no confirming check"); return }
        let applied = Reducer.reduce(&s, .conditionChecked(confirm.run(env: env)), env: env)
        #expect(s.overlay == nil)
        #expect(s.spec.subsample == Subsample(condition: "male == 1"))
        #expect(applied.contains { if case .compute = $0 { return true } else { return false } })
    }
}
