import Foundation
import Testing
import SurveyData
@testable import Estimation

/// Describe statistics against R (scripts/fixtures/descriptives_small.R): counts, percentages,
/// mean, sd, min, max, without and with frequency weights (R on the expanded data).
@Suite struct DescribeTests {
    static func dataset() throws -> (Dataset, [String: Any]) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/descriptives_small.json")
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let data = try #require(fixture["data"] as? [String: [Any]])
        func column(_ name: String) -> [Double] { (data[name] ?? []).map { ($0 as? Double) ?? .nan } }
        let codebook = Codebook(dataset: "workers", variables: [
            VariableInfo(name: "skill", type: .ordinal, values: [ValueLabel(code: 1), ValueLabel(code: 2), ValueLabel(code: 3)]),
            VariableInfo(name: "educ", type: .categorical),
            VariableInfo(name: "age", type: .continuous),
        ])
        let dataset = Dataset(name: "workers", columns: ["skill", "union", "educ", "age", "w"].map {
            Column(name: $0, values: column($0))
        }, codebook: codebook)
        return (dataset, fixture)
    }

    func check(_ d: [VariableDescription], _ ref: [String: [String: Any]]) {
        let age = d[0], educ = d[1], skill = d[2]
        let r = ref["age"]!
        #expect(age.n == r["n"] as? Double)
        #expect(age.missing == r["missing"] as? Double)
        #expect(abs(age.mean - (r["mean"] as! Double)) < 1e-10)
        #expect(abs(age.sd - (r["sd"] as! Double)) < 1e-10)
        #expect(age.min == r["min"] as? Double && age.max == r["max"] as? Double)
        #expect(age.categories.isEmpty)
        for (description, name) in [(educ, "educ"), (skill, "skill")] {
            let r = ref[name]!
            #expect(description.categories.map(\.code) == r["codes"] as? [Double])
            #expect(description.categories.map(\.count) == r["counts"] as? [Double])
            let percent = r["percent"] as? [Double] ?? []
            #expect(zip(description.categories.map(\.percent), percent).allSatisfy { abs($0 - $1) < 1e-10 })
        }
        #expect(skill.missing == ref["skill"]!["missing"] as? Double)
    }

    @Test func matchesR() throws {
        let (dataset, fixture) = try Self.dataset()
        let plain = try DescriptiveStatistics.describe(dataset, variables: ["age", "educ", "skill"])
        check(plain, try #require(fixture["describe"] as? [String: [String: Any]]))
        let weighted = try DescriptiveStatistics.describe(dataset, variables: ["age", "educ", "skill"], frequencyWeight: "w")
        check(weighted, try #require(fixture["describe_fweight"] as? [String: [String: Any]]))
    }

    @Test func labelledCategoriesWithoutObservationsAreListed() throws {
        let info = VariableInfo(name: "g", type: .categorical,
                                values: [ValueLabel(code: 1), ValueLabel(code: 2), ValueLabel(code: 9)],
                                missingCodes: [9])
        let dataset = Dataset(name: "d", columns: [Column(name: "g", values: [1, 1, 5, 9, .nan])],
                              codebook: Codebook(dataset: "d", variables: [info]))
        let d = try #require(try DescriptiveStatistics.describe(dataset).first)
        #expect(d.categories.map(\.code) == [1, 2, 5])
        #expect(d.categories.map(\.count) == [2, 0, 1])
        #expect(d.n == 3 && d.missing == 2)
    }

    @Test func unknownVariableAndBadWeightAreErrors() throws {
        var (dataset, _) = try Self.dataset()
        #expect(throws: SurveyDataError.self) { try DescriptiveStatistics.describe(dataset, variables: ["nope"]) }
        dataset.setColumn(Column(name: "half", values: Array(repeating: 0.5, count: dataset.rowCount)))
        #expect(throws: EstimationError.self) {
            try DescriptiveStatistics.describe(dataset, variables: ["age"], frequencyWeight: "half")
        }
    }
}
