import Foundation
@testable import Explorer
import Reports
import SurveyData
import Testing

/// The Describe view shows a variable's missing values by kind with their labels (issue 11), for
/// the `if` rows — the screen's sample itself has none. Data: byos.dta (scripts/fixtures/byos_data.R),
/// counts from haven's tagged NA in byos_reference.json.
@Suite struct DescribeMissingKindsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SurveyDataTests/Fixtures").standardized

    @Test func describeViewListsMissingKindsWithLabels() throws {
        let data = try DatasetLoader.load(path: Self.fixtures.appendingPathComponent("byos.dta").path)
        let reference = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.fixtures.appendingPathComponent("byos_reference.json"))) as? [String: Any])
        let byKind = try #require(((reference["dta"] as? [String: Any])?["logwage"] as? [String: Any])?["by_kind"] as? [[String: Any]])
        let env = ExplorerEnvironment(dataset: data, unicode: true)
        var spec = env.defaultSpecification()
        spec.controls = ["c.logwage"]
        let state = AppState(spec: spec, width: 120, height: 40)
        let results = ComputeEngine.run(spec, generation: 0, env: env, cache: FitCache(), margins: false)
        let table = DescribeView.table(state, env: env, results: results)
        let rows = table.rows.map { $0.cells.map(\.text) }
        for kind in byKind {
            let label = [kind["kind"] as? String, kind["label"] as? String].compactMap { $0 }.joined(separator: " ")
            let text = kind["kind"] as? String == "." ? ". (system missing)" : label
            let n = try #require((kind["n"] as? NSNumber)?.intValue)
            #expect(rows.contains { $0.first == text && $0.dropFirst().first == "\(n)" }, "\(text) \(n) in \(rows)")
        }
    }
}
