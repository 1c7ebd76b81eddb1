import Testing
import SurveyData
@testable import Estimation

/// The prediction helpers the mediation suite uses agree with the fit's own mean predictions.
struct PredictionTests {
    @Test func probabilitiesReproduceMeanPredictions() throws {
        let wvs = try Fixtures.dataset("wvs.csv")
        let spec = ModelSpec(kind: .ologit, formula: "poverty ~ age + male + i.country")
        let design = try DesignMatrix(spec: spec, data: wvs)
        let result = try estimate(.ologit, design: design)
        // The design's candidate columns minus `_cons` are exactly the coefficient terms here.
        #expect(result.coefficients.map(\.term) == design.terms.dropLast().map(\.name))
        let probs = Prediction.probabilities(result: result, x: design.x, rows: design.rowCount)
        #expect(probs.count == design.rowCount)
        for j in 0..<3 {
            let mean = probs.reduce(0) { $0 + $1[j] } / Double(probs.count)
            #expect(close(mean, result.predicted[j].probability, 1e-12))
        }
        #expect(probs.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
    }

    @Test func linksAreSymmetricAndAccurateInTheTails() {
        for link in [Link.logistic, .normal] {
            for x in [-30.0, -5, -0.3, 0, 2, 29] {
                #expect(close(link.cdf(x) + link.cdf(-x), 1, 1e-15))
                #expect(link.interval(upper: x + 1, lower: x) > 0)
            }
        }
        #expect(close(Link.logistic.cdf(-40), 4.248354255291589e-18, 1e-12))  // plogis(-40)
        // pnorm(8.5, lower=F) - pnorm(9, lower=F)
        #expect(close(Link.normal.interval(upper: 9, lower: 8.5), 9.366675981607935e-18, 1e-12))
    }
}
