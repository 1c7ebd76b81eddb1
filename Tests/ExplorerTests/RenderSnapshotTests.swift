import Testing
@testable import Explorer
import SurveyData
import Reports

/// Each view rendered from a given state into the cell grid and compared with a committed text
/// snapshot, at 80×24, 100×30 and 132×40, English and Chinese labels.
@Suite struct RenderSnapshotTests {
    let env = TestData.env

    func render(_ view: ViewKind, width: Int = 80, height: Int = 24, zh: Bool = false,
                configure: (inout Specification) -> Void = { _ in }, adjust: (inout AppState) -> Void = { _ in }) -> CellGrid {
        var state = TestData.state(width: width, height: height) { spec in
            configure(&spec)
            if zh { spec.language = .zh }
        }
        state.view = view
        adjust(&state)
        return Screen.render(state, env: env)
    }

    static let sizes = [(80, 24), (100, 30), (132, 40)]

    /// Every view at the three common sizes in both languages; each screen also passes the
    /// whole-number check (no clipped number, no star fragment).
    @Test(arguments: [false, true])
    func everyViewAtEverySize(zh: Bool) {
        for (width, height) in Self.sizes {
            for view in ViewKind.allCases {
                var state = TestData.state(width: width, height: height) { spec in
                    spec.mediatorOn = true
                    if zh { spec.language = .zh }
                }
                state.view = view
                let name = "\(view.title.lowercased())-\(width)x\(height)" + (zh ? "-zh" : "")
                Snapshot.check(ScreenChecks.render(state, env: env, name), name)
            }
        }
    }

    /// Scrolled sideways by whole columns: still no fragment at either edge, and the hint
    /// names the columns off-screen on both sides.
    @Test func scrollingSidewaysMovesByWholeColumns() {
        for column in 0...3 {
            var state = TestData.state(width: 80, height: 24) { $0.mediatorOn = true }
            state.baseline = Baseline(spec: state.spec, models: state.results?.models ?? [])
            state.scrollColumn = column
            let grid = ScreenChecks.render(state, env: env, "models scrolled \(column)")
            if column == 1 { #expect(grid.line(1).contains("columns off-screen: Left h / Right")) }
        }
    }

    /// `2` with the mediator designated but not switched on: the diagram and the verdict.
    @Test func mediationViewAnalysesTheMediatorSwitchedOff() {
        for (width, height) in Self.sizes {
            var state = TestData.state(width: width, height: height) { $0.mediatorOn = false }
            state.view = .mediation
            let grid = ScreenChecks.render(state, env: env, "mediation-off")
            for path in ["a  =", "b  =", "c  =", "c′ ="] { #expect(grid.text.contains(path), "\(width)x\(height): \(path)") }
            // The 40-row test data separates path a (no non-member was trained): the path and
            // the verdict say so rather than print Stata's iteration-limit value.
            #expect(grid.text.contains("a  = not estimable (quasi-complete separation)"))
            #expect(grid.text.contains("Baron-Kenny (5%): not assessed"))
            if width == 80 { Snapshot.check(grid, "mediation-off-80x24") }
        }
    }

    @Test func modelsWithBaselineFlagsSignificanceChanges() {
        var state = TestData.state(width: 132, height: 40)
        state.baseline = Baseline(spec: state.spec, models: state.results?.models ?? [])
        state.results = TestData.output(state.spec, unionB: 0.18, unionZ: 1.50, unionP: 0.13)
        let grid = ScreenChecks.render(state, env: env, "baseline")
        Snapshot.check(grid, "models-baseline-132x40")
        #expect(grid.text.contains("+* more stars"))
        let small = ScreenChecks.render({ var s = state; s.width = 80; s.height = 24; return s }(), env: env, "baseline 80x24")
        Snapshot.check(small, "models-baseline-80x24")
        // Current models first: the first number column is the current OLS, then its change.
        #expect(small.text.contains("change"))
        let flagged = (0..<grid.height).contains { y in (0..<grid.width).contains { grid[$0, y].style.contains(.flagged) } }
        #expect(flagged)
    }

    @Test func subsampleShowsItsN() {
        let grid = render(.describe, configure: { $0.subsample = Subsample(name: "secondary", condition: "industry == 2") })
        let n = TestData.output(TestData.state().spec).summaries.isEmpty ? 0 : 1
        #expect(n == 1)
        #expect(grid.line(1).contains("Secondary industry N="))
    }

    @Test func helpOverlayAndTooSmall() {
        Snapshot.check(render(.models, adjust: { $0.overlay = .help(scroll: 0) }), "help-80x24")
        Snapshot.check(render(.models, width: 40, height: 10), "too-small")
    }

    @Test func asciiFallbackHasOnlyASCII() {
        let ascii = ExplorerEnvironment(dataset: TestData.dataset, unicode: false)
        var state = TestData.state { $0.language = .zh }
        state.view = .data
        let grid = Screen.render(state, env: ascii)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.value < 0x7f })
    }
}

/// `x` in the Mediation view writes every table and figure the view shows.
@Suite struct MediationExportTests {
    @Test func theExportHoldsWhatTheScreenHolds() throws {
        let env = TestData.env
        var state = TestData.state(width: 100, height: 30) { $0.mediatorOn = false }
        state.view = .mediation
        let request = MediationRequest(methods: [.bk, .sobel, .bootstrap, .khb, .causal], reps: 40, seed: 1)
        let output = try AnalysisEngine.mediation(state.spec, dataset: TestData.dataset, request: request)
        state.bootstrap = BootstrapProgress(generation: state.generation, phase: .finished, done: 40, total: 40, output: output)
        let screen = Screen.viewContent(state, env: env, width: 100, height: 27).lines.map(\.text).joined(separator: "\n")
        let document = ViewExport.document(state, env: env, format: .markdown)
        // The paths, the verdict, the indirect effect with Sobel and the bootstrap interval, KHB,
        // the causal effects and what the sensitivity analysis says.
        for word in ["Baron", output.mediators[0].paths.verdict.text(.en), "Sobel", "percentile", "KHB", "ACME", "ADE"] {
            #expect(screen.contains(word) || word == "percentile" || word == "Sobel", "screen: \(word)")
            #expect(document.contains(word), "export: \(word)")
        }
        #expect(document.contains("sensitivity") || document.contains("Sensitivity") || document.contains("ρ"))
        // Every number of the summary table on screen is in the export.
        let numbers = screen.matches(of: try Regex(#"-?\d+\.\d+"#)).map { String(screen[$0.range]) }
        for n in Set(numbers) { #expect(document.contains(n), "\(n) is on screen but not in the export") }
    }
}

/// Under a non-UTF-8 locale every symbol the screens use has an ASCII form (`rho`, `'`, `*`,
/// `-`, `->`): the ASCII screen shows no `?` that the UTF-8 screen in English does not.
@Suite struct ASCIIFallbackTests {
    @Test func everySymbolHasAnASCIIForm() throws {
        let unicode = TestData.env
        let ascii = ExplorerEnvironment(dataset: TestData.dataset, unicode: false)
        let request = MediationRequest(methods: [.bk, .sobel, .bootstrap, .khb, .causal], reps: 40, seed: 1)
        for view in ViewKind.allCases {
            for overlay in [nil, Overlay.help(scroll: 0)] {
                var state = TestData.state(width: 132, height: 40) { $0.mediatorOn = true }
                state.view = view
                state.overlay = overlay
                state.baseline = Baseline(spec: state.spec, models: state.results?.models ?? [])
                if view == .mediation {
                    let output = try AnalysisEngine.mediation(state.spec, dataset: TestData.dataset, request: request)
                    state.bootstrap = BootstrapProgress(generation: state.generation, phase: .finished, done: 40, total: 40, output: output)
                }
                let plain = Screen.render(state, env: ascii).text
                #expect(plain.unicodeScalars.allSatisfy { $0.isASCII })
                let questionMarks = { (s: String) in s.filter { $0 == "?" }.count }
                let reference = Screen.render(state, env: unicode).text
                #expect(questionMarks(plain) == questionMarks(reference), "\(view) \(String(describing: overlay)):\n\(plain)")
            }
        }
        #expect(ASCIIFold.fold("a·b / (a·b + c′) — ρ → 0") == "a*b / (a*b + c') - rho -> 0")
    }
}
