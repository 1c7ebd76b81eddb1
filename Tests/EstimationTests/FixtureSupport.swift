import Foundation
import SurveyData
@testable import Estimation

/// Test-only helpers: a minimal numeric CSV reader (so these tests do not depend on the loader's
/// type inference — bare names are one column, as in the fixture scripts) and fixture access.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Numeric CSV with a header; empty or NA cells are missing. Every variable is `continuous`
    /// (or `binary` when 0/1), so only `i.`/`ib#.` terms expand as factors.
    static func dataset(_ name: String) throws -> Dataset {
        let text = try String(contentsOf: url(name), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw EstimationError.invalidModel("empty \(name)") }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        }
        var columns = [[Double]](repeating: [], count: header.count)
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            for (j, cell) in cells.enumerated() where j < header.count {
                columns[j].append(Double(cell.trimmingCharacters(in: .whitespaces)) ?? .nan)
            }
        }
        let cols = zip(header, columns).map { Column(name: $0, values: $1) }
        let infos = cols.map { c in
            VariableInfo(name: c.name, type: c.values.allSatisfy { $0 == 0 || $0 == 1 || $0.isNaN } ? .binary : .continuous)
        }
        return Dataset(name: name, source: url(name).path, columns: cols,
                       codebook: Codebook(dataset: name, variables: infos))
    }

    /// The `cases` array of a fixture JSON, each case as a dictionary; a missing, unreadable or
    /// malformed file throws naming it.
    static func cases(_ file: String) throws -> [[String: Any]] {
        let data: Data
        do { data = try Data(contentsOf: url(file)) } catch {
            throw EstimationError.invalidModel("fixture \(url(file).path) is missing or unreadable: \(error)")
        }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = root["cases"] as? [[String: Any]], !cases.isEmpty else {
            throw EstimationError.invalidModel("fixture \(file) has no \"cases\" array")
        }
        return cases
    }

    /// The fit fixtures, named so that a missing one fails (a folder listing would just drop it).
    static let fitFixtureFiles = [
        "collinear.json", "interactions.json", "logit.json", "margins_logit.json", "margins_ologit.json", "margins_oprobit.json",
        "margins_probit.json", "ologit.json", "ols.json", "oprobit.json", "perfect_prediction.json", "probit.json",
        "weights.json",
    ]
    /// The other JSON fixtures (read by CrosstabTests and DescribeTests).
    static let descriptiveFixtureFiles = ["crosstab.json", "descriptives_small.json"]
    /// Generalized ordered models and parallel-lines tests (read by GeneralizedOrderedTests).
    static let parallelLinesFixtureFiles = ["gologit.json"]
    /// Survey-design fixtures (survey_design.R, read by SurveyDesignTests; survey_mediation.R,
    /// read by ClusteredMediationTests and SurveyCLITests; survey_mediation_subpop.R, read by
    /// SubpopMediationTests).
    static let surveyFixtureFiles = ["survey_design.json", "survey_mediation.json", "survey_mediation_subpop.json"]
    /// Omitted-variable sensitivity (read by OmittedVariableBiasTests; scripts/fixtures/sensitivity.R).
    static let sensitivityFixtureFiles = ["sensitivity.json"]
}

/// Relative comparison: |a − b| ≤ tol·|b| (absolute when b = 0).
func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool {
    if a == b { return true }
    if a.isNaN || b.isNaN { return false }
    return abs(a - b) <= tol * (b == 0 ? 1 : abs(b))
}

extension Dictionary where Key == String, Value == Any {
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func string(_ key: String) -> String? { self[key] as? String }
}
