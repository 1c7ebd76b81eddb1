import Foundation
import Testing
@testable import Explorer
import SurveyData
import Reports

/// View 7 (issue 16): the specification curve for the current roles, sample and estimators,
/// computed in the background (the current specification first), redrawn on every toggle, and
/// exported with `x` as the rows plus an SVG of the curve.
@Suite struct MultiverseViewTests {
    let env = TestData.env

    /// The settled screen after `7` through the headless replay (`--print`'s path): real fits of
    /// the test data's 2 control groups × the paper's 2 unstandardized estimators.
    @Test func headlessSnapshot() {
        let spec = Specification.opening(TestData.dataset)
        let grid = HeadlessScreen.run(env: env, spec: spec, keys: [.char("7")], width: 100, height: 30)
        Snapshot.check(grid, "multiverse-headless-100x30")
        let text = HeadlessScreen.text(grid)
        #expect(text.contains("4 fitted") || text.contains("8 fitted"), "\(text)")
        #expect(text.contains("◆"))
    }

    @Test func asciiFallbackHasOnlyASCII() {
        let ascii = ExplorerEnvironment(dataset: TestData.dataset, unicode: false)
        let grid = HeadlessScreen.run(env: ascii, spec: Specification.opening(TestData.dataset), keys: [.char("7")],
                                      width: 100, height: 30)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.value < 0x7f })
        #expect(grid.text.contains("*"))
        #expect(grid.text.contains("#"))
    }

    /// Opening the view starts the run; a toggle while it is open starts a new generation and
    /// rows of the superseded one are dropped.
    @Test func togglesRestartTheCurveAndDropStaleRows() {
        var state = TestData.state(width: 100, height: 30) { _ in }
        let opened = Reducer.reduce(&state, .key(.char("7")), env: env)
        #expect(opened == [.computeMultiverse(state.spec, generation: state.multiverse.generation)])
        let old = state.multiverse.generation
        let effects = Reducer.change(&state, env: env) { $0.controls.removeAll { $0 == "male" } }
        #expect(effects.contains(.computeMultiverse(state.spec, generation: state.multiverse.generation)))
        #expect(state.multiverse.specGeneration == state.generation && old != state.multiverse.generation)
        _ = Reducer.reduce(&state, .multiverse(generation: old, .rows([MultiverseRow(specification: 0, effect: .coef, estimate: 1)])), env: env)
        #expect(state.multiverse.rows.isEmpty)
    }

    @Test func exportWritesTheRowsAndAnSVG() throws {
        var state = TestData.state(width: 100, height: 30) { _ in }
        state.view = .multiverse
        let screen = try MultiverseScreen(state.spec, dataset: TestData.dataset)
        let result = try Multiverse.run(screen.plan, dataset: TestData.dataset, first: screen.current)
        state.multiverse = MultiverseProgress(generation: state.generation, screen: screen, rows: result.rows, finished: true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-mv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("curve.csv").path
        let message = try ViewExport.write(state, env: env, format: .csv, to: path)
        #expect(message.contains("curve.svg"))
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(csv.hasPrefix("id,controls,subsample,estimator,effect,n,estimate,se,ci_low,ci_high,p,base,reason"))
        #expect(csv.split(separator: "\n").count == 1 + screen.plan.specifications.count)
        let svg = try String(contentsOfFile: folder.appendingPathComponent("curve.svg").path, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "<circle").count - 1 + svg.components(separatedBy: "<path").count - 1
                == result.rows.filter(\.isEstimated).count)
    }
}
