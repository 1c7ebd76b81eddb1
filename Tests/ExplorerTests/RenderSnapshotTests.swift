import Testing
@testable import Explorer
import SurveyData

/// Each view rendered from a given state into the cell grid and compared with a committed text
/// snapshot, at 80×24 and 132×40, English and Chinese labels.
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

    @Test func everyViewAt80x24() {
        for view in ViewKind.allCases {
            Snapshot.check(render(view, configure: { $0.mediatorOn = true }), "\(view.title.lowercased())-80x24")
        }
    }

    @Test func everyViewWideInChinese() {
        for view in ViewKind.allCases {
            Snapshot.check(render(view, width: 132, height: 40, zh: true, configure: { $0.mediatorOn = true }),
                           "\(view.title.lowercased())-132x40-zh")
        }
    }

    @Test func modelsWithBaselineFlagsSignificanceChanges() {
        var state = TestData.state(width: 132, height: 40)
        state.baseline = Baseline(spec: state.spec, models: state.results?.models ?? [])
        state.results = TestData.output(state.spec, unionB: 0.18, unionZ: 1.50, unionP: 0.13)
        let grid = Screen.render(state, env: env)
        Snapshot.check(grid, "models-baseline-132x40")
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
