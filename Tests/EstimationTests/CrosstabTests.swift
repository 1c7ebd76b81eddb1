import Foundation
import Testing
import SurveyData
@testable import Estimation

/// Crosstab statistics against R: `crosstab.json` (scripts/fixtures/crosstab.R, the Stata
/// `tabulate …, chi2 V gamma taub` quantities) and `descriptives_small.json`
/// (scripts/fixtures/descriptives_small.R: Agresti's income × job satisfaction table and a
/// small weighted sample, checked against expanded data).
@Suite struct CrosstabTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    static func expectMatches(_ t: CrossTabulation, _ ref: [String: Any], _ name: String) {
        #expect(t.counts == (ref["counts"] as? [[Double]]), "\(name) counts")
        #expect(t.df == ref["df"] as? Int, "\(name) df")
        for (label, value) in [("chi2", t.chi2), ("p", t.p), ("cramers_v", t.cramersV), ("gamma", t.gamma),
                               ("gamma_ase", t.gammaASE), ("tau_b", t.tauB), ("tau_b_ase", t.tauBASE)] {
            let expected = ref[label] as? Double ?? .nan
            // The ASE references come from numerical derivatives (numDeriv): agree to ~1e-7.
            let tolerance = label.hasSuffix("ase") ? 1e-6 : 1e-9
            #expect(close(value, expected, tolerance), "\(name) \(label): \(value) vs R \(expected)")
        }
    }

    @Test func smallTablesMatchR() throws {
        let fixture = try Self.json("descriptives_small.json")
        let data = try #require(fixture["data"] as? [String: [Any]])
        func column(_ name: String) -> [Double] { (data[name] ?? []).map { ($0 as? Double) ?? .nan } }
        let dataset = Dataset(name: "workers", columns: ["skill", "union", "educ", "age", "w"].map {
            Column(name: $0, values: column($0))
        }, codebook: Codebook(dataset: "workers", variables: []))
        let references = try #require(fixture["crosstabs"] as? [[String: Any]])

        let agresti = references[0]
        let counts = try #require(agresti["counts"] as? [[Double]])
        Self.expectMatches(CrossTabulation(rowCodes: [1, 2, 3, 4], columnCodes: [1, 2, 3, 4], counts: counts),
                           agresti, "agresti")
        // Agresti (2002) prints γ = 0.221 with ASE 0.117 for this table.
        let t = CrossTabulation(rowCodes: [1, 2, 3, 4], columnCodes: [1, 2, 3, 4], counts: counts)
        #expect(abs(t.gamma - 0.221) < 0.0005 && abs(t.gammaASE - 0.117) < 0.0005)

        let unweighted = try CrossTabulation(dataset, row: "skill", column: "union")
        Self.expectMatches(unweighted, references[1], "workers")
        #expect(unweighted.missing == 2)
        let weighted = try CrossTabulation(dataset, row: "skill", column: "union", frequencyWeight: "w")
        Self.expectMatches(weighted, references[2], "workers fweight")
    }

    @Test func statisticsMatchStataStyleReferences() throws {
        let fixture = try Self.json("crosstab.json")
        let tables = try #require(fixture["tables"] as? [[String: Any]])
        #expect(tables.count >= 4)
        for ref in tables {
            let file = try #require(ref["data"] as? String)
            let dataset = try DatasetLoader.load(path: Self.fixtures.appendingPathComponent(file).path)
            let row = try #require(ref["row"] as? String), column = try #require(ref["col"] as? String)
            let t = try CrossTabulation(dataset, row: row, column: column, frequencyWeight: ref["fweight"] as? String)
            #expect(t.rowCodes == ref["row_levels"] as? [Double])
            #expect(t.columnCodes == ref["col_levels"] as? [Double])
            #expect(t.total == ref["n"] as? Double)
            Self.expectMatches(t, ref, "\(file) \(row)×\(column)")
        }
    }

    @Test func badWeightsAndEmptyTablesAreErrors() throws {
        let dataset = Dataset(name: "d", columns: [
            Column(name: "a", values: [1, 2, .nan]), Column(name: "b", values: [1, 1, 2]),
            Column(name: "w", values: [1, 1.5, 1]), Column(name: "m", values: [.nan, .nan, .nan]),
        ], codebook: Codebook(dataset: "d", variables: []))
        #expect(throws: EstimationError.self) { try CrossTabulation(dataset, row: "a", column: "b", frequencyWeight: "w") }
        #expect(throws: EstimationError.self) { try CrossTabulation(dataset, row: "m", column: "b") }
        #expect(throws: SurveyDataError.self) { try CrossTabulation(dataset, row: "zz", column: "b") }
        // A single row: χ² and the ordinal measures are undefined, not a crash.
        let one = try CrossTabulation(dataset, row: "b", column: "b")
        #expect(one.df == 1)
        let ragged = CrossTabulation(rowCodes: [1, 2, 3], columnCodes: [1, 2], counts: [[3], [1, 2, 9]])
        #expect(ragged.counts == [[3, 0], [1, 2], [0, 0]])
        let constant = CrossTabulation(rowCodes: [1], columnCodes: [1, 2], counts: [[3, 4]])
        #expect(constant.df == 0 && constant.p.isNaN && constant.gamma.isNaN)
    }
}
