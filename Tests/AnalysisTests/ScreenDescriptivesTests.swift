import Foundation
import Testing
import Analysis
import Estimation
import PathLensTestSupport
import SurveyData

/// `AnalysisEngine.run`'s Table 1 and crosstabs under a declared design (`ScreenDescriptives`),
/// in process on survey's `apistrat` sample with the explorer tests' codebook: the subsample is
/// the subpopulation of `describe --subpop` / `crosstab --subpop` (whose numbers the CLI tests
/// check against R), the counts are the subsample's rows, and a subpopulation selecting nothing
/// is one line of error rather than numbers.
struct ScreenDescriptivesTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func dataset() throws -> Dataset {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tests = here.deletingLastPathComponent()
        try FileManager.default.copyItem(at: tests.appendingPathComponent("EstimationTests/Fixtures/api_strat.csv"),
                                         to: dir.appendingPathComponent("api.csv"))
        try FileManager.default.copyItem(at: tests.appendingPathComponent("ExplorerTests/Fixtures/survey/api.codebook.json"),
                                         to: dir.appendingPathComponent("api.codebook.json"))
        return try DatasetLoader.load(path: dir.appendingPathComponent("api.csv").path)
    }

    static func spec(_ data: Dataset, condition: String?) throws -> Specification {
        var spec = Specification.opening(data)
        spec.design = try SurveyDesign.parse("strata=stype weight=pw fpc=fpc")
        spec.subsample = condition.map { Subsample(condition: $0) }
        return spec
    }

    @Test func theSubsampleIsTheSubpopulation() throws {
        let data = try Self.dataset()
        let spec = try Self.spec(data, condition: "mobility < 20")
        let result = AnalysisEngine.run(spec, dataset: data, request: AnalysisRequest(margins: false, mediation: nil))
        #expect(result.descriptivesDesign == DescriptivesDesign(design: spec.design!, subpop: "mobility < 20"))
        #expect(result.summariesError == nil)
        let names = result.summaries.map(\.variable)
        #expect(names == ["apicat", "sch_wide", "meals", "mobility", "ell"], "\(names)")
        let cli = try SurveyDescriptives.describe(data, variables: names, design: spec.design!, subpop: "mobility < 20")
        let rows = try EstimationSample(data: data, condition: "mobility < 20", variables: []).keep.filter { $0 }.count
        for (shown, reference) in zip(result.summaries, cli) {
            #expect(shown.n == Double(rows), "\(shown.variable): N \(shown.n), the subsample has \(rows) rows")
            if shown.type == .continuous {
                #expect(shown.mean == reference.mean && shown.meanSE == reference.meanSE && shown.deff == reference.deff, "\(shown.variable)")
            }
            for (c, r) in zip(shown.categories, reference.categories) {
                #expect(c.code == r.code && c.percent == r.percent && c.se == r.se && c.deff == r.deff, "\(shown.variable) \(c.code)")
            }
        }
        let pair = try #require(spec.crosstabs.first)
        let crosstab = try #require(result.crosstabs.first)
        let test = try RaoScott.test(data, row: pair.row, column: pair.column, design: spec.design!, subpop: "mobility < 20")
        #expect(crosstab.raoScott == test && crosstab.raoScott != nil && crosstab.designError == nil)
    }

    @Test func aSubpopulationSelectingNothingIsOneLine() throws {
        let data = try Self.dataset()
        let spec = try Self.spec(data, condition: "mobility > 1000")
        let result = AnalysisEngine.run(spec, dataset: data, request: AnalysisRequest(margins: false, mediation: nil))
        #expect(result.summaries.isEmpty)
        #expect(result.summariesError == "--subpop 'mobility > 1000' selects no observations")
        #expect(!result.crosstabs.isEmpty)
        for crosstab in result.crosstabs {
            #expect(crosstab.raoScott == nil && (crosstab.error != nil || crosstab.designError != nil))
        }
    }
}
