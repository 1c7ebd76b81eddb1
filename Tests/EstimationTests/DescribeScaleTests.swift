import Foundation
import Testing
import SurveyData
@testable import Estimation

/// `describe` of a text column is linear in its distinct values (100k took 15.7 s, quadratic).
struct DescribeScaleTests {
    @Test(.timeLimit(.minutes(1))) func oneHundredThousandDistinctTexts() throws {
        let n = 100_000
        let csv = "t\n" + (0..<n).map { "v\($0)" }.joined(separator: "\n") + "\n"
        let data = try CSVLoader.load(bytes: Array(csv.utf8), name: "t.csv")
        let clock = ContinuousClock()
        var described: [VariableDescription] = []
        let elapsed = try clock.measure { described = try DescriptiveStatistics.describe(data) }
        #expect(elapsed < .seconds(10), "\(elapsed)")
        let categories = try #require(described.first?.categories)
        #expect(categories.count == n)
        #expect(abs(categories.reduce(0) { $0 + $1.percent } - 100) < 1e-6)
    }
}
