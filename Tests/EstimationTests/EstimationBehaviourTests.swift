import Foundation
import Testing
import SurveyData
@testable import Estimation

/// Behaviour the fixtures do not pin: errors, notes, non-convergence, weights as copies.
struct EstimationBehaviourTests {
    @Test func oneCategoryOutcomeIsAnError() throws {
        var data = smallDataset()
        data.setColumn(Column(name: "y", values: [Double](repeating: 3, count: 12)))
        do {
            _ = try fitModel(ModelSpec(kind: .ologit, formula: "y ~ x"), data: data)
            Issue.record("no error")
        } catch let EstimationError.invalidModel(message) {
            #expect(message.contains("only one category"), "\(message)")
        }
        #expect(throws: EstimationError.self) { try fitModel(ModelSpec(kind: .logit, formula: "y ~ x"), data: data) }
    }

    @Test func frequencyWeightsEqualExpandedRows() throws {
        let wvs = try Fixtures.dataset("wvs.csv")
        let n = wvs.rowCount
        // Weights 1…3 cycling; the expanded dataset repeats each row that many times.
        let w = (0..<n).map { Double($0 % 3 + 1) }
        var weighted = wvs
        weighted.setColumn(Column(name: "w", values: w), info: VariableInfo(name: "w", type: .continuous))
        let repeats = (0..<n).flatMap { i in [Int](repeating: i, count: Int(w[i])) }
        let expanded = Dataset(name: "x", columns: wvs.columns.map { c in
            Column(name: c.name, values: repeats.map { c.values[$0] })
        }, codebook: wvs.codebook)
        for kind in [ModelKind.ologit, .logit, .ols] {
            let formula = kind == .logit ? "religion ~ age + male + i.country" : "poverty ~ age + male + i.country"
            let a = try fitModel(ModelSpec(kind: kind, formula: formula, vce: .robust, weights: .frequency("w")), data: weighted)
            let b = try fitModel(ModelSpec(kind: kind, formula: formula, vce: .robust), data: expanded)
            #expect(a.n == b.n)
            for (x, y) in zip(a.coefficients + a.cutpoints, b.coefficients + b.cutpoints) {
                #expect(close(x.estimate, y.estimate, 1e-8) && close(x.se, y.se, 1e-8), "\(kind) \(x.term)")
            }
            #expect(close(a.loglik ?? 0, b.loglik ?? 1, 1e-10))
        }
    }

    /// 10 copies of WVS (53,810 rows: the multi-core path) equal frequency weight 10 (one core).
    @Test func parallelPathMatchesSerialPath() throws {
        let wvs = try Fixtures.dataset("wvs.csv")
        let n = wvs.rowCount
        var weighted = wvs
        weighted.setColumn(Column(name: "w", values: [Double](repeating: 10, count: n)),
                           info: VariableInfo(name: "w", type: .continuous))
        let copies = Dataset(name: "x10", columns: wvs.columns.map { c in
            Column(name: c.name, values: Array([[Double]](repeating: c.values, count: 10).joined()))
        }, codebook: wvs.codebook)
        #expect(copies.rowCount > RowBlocks.parallelThreshold)
        for kind in [ModelKind.ologit, .probit, .ols] {
            let formula = kind == .probit ? "religion ~ age + male + i.country" : "poverty ~ age + male + i.country"
            let a = try fitModel(ModelSpec(kind: kind, formula: formula, vce: .cluster("country"), weights: .frequency("w")),
                                 data: weighted, options: FitOptions(margins: true))
            let b = try fitModel(ModelSpec(kind: kind, formula: formula, vce: .cluster("country")), data: copies,
                                 options: FitOptions(margins: true))
            for (x, y) in zip(a.coefficients + a.cutpoints, b.coefficients + b.cutpoints) {
                #expect(close(x.estimate, y.estimate, 1e-9) && close(x.se, y.se, 1e-8), "\(kind) \(x.term)")
            }
            for (x, y) in zip(a.margins, b.margins) { #expect(close(x.effect, y.effect, 1e-9), "\(kind) margin") }
            for (x, y) in zip(a.predicted, b.predicted) { #expect(close(x.probability, y.probability, 1e-12)) }
        }
    }

    /// Stata's `margins, dydx(x)` on a 0/1 variable not declared `i.` is the derivative b·mean f(xb).
    @Test func binaryTermsCanUseTheDerivative() throws {
        let wvs = try Fixtures.dataset("wvs.csv")
        let r = try fitModel(ModelSpec(kind: .logit, formula: "religion ~ male + age + i.country"), data: wvs,
                             options: FitOptions(margins: true, discreteChangeForBinary: false))
        let b = try #require(r.coefficient("male")).estimate
        let beta = r.coefficients.map(\.estimate)
        let design = try DesignMatrix(spec: r.spec, data: wvs)
        let eta = Prediction.linearPredictor(x: design.x, rows: design.rowCount, columns: beta.count, beta: beta)
        let expected = b * eta.reduce(0) { $0 + Link.logistic.pdf($1) } / Double(eta.count)
        let got = try #require(r.margins.first { $0.term == "male" })
        #expect(close(got.effect, expected, 1e-12))
        let indicator = try #require(r.margins.first { $0.term == "country=2" })
        let discrete = try fitModel(r.spec, data: wvs, options: FitOptions(margins: true))
        #expect(indicator == discrete.margins.first { $0.term == "country=2" })
    }

    @Test func nonConvergenceIsReportedNotThrown() throws {
        let wvs = try Fixtures.dataset("wvs.csv")
        let r = try fitModel(ModelSpec(kind: .ologit, formula: "poverty ~ age + male + i.country"), data: wvs,
                             options: FitOptions(maxIterations: 1))
        #expect(!r.converged)
        #expect(r.notes.contains { $0.contains("convergence not achieved") })
        #expect(r.coefficients.count == 5)
    }

    @Test func completeSeparationOnAContinuousRegressorDoesNotCrash() throws {
        let x = (0..<40).map(Double.init)
        let y = x.map { $0 < 20 ? 0.0 : 1.0 }
        let data = Dataset(name: "sep", columns: [Column(name: "y", values: y), Column(name: "x", values: x)],
                           codebook: Codebook(dataset: "sep", variables: [VariableInfo(name: "y", type: .binary),
                                                                          VariableInfo(name: "x", type: .continuous)]))
        // Stata: "outcome = x > 19 predicts data perfectly", r(2000).
        #expect {
            try fitModel(ModelSpec(kind: .logit, formula: "y ~ x"), data: data)
        } throws: { "\($0)".contains("y = x > 19 predicts data perfectly") }
    }

    /// Ordered models: a regressor that sorts the rows into the outcome's categories exactly is
    /// an error naming it (Stata r(2000)), not a converged fit with enormous coefficients.
    @Test(arguments: [ModelKind.ologit, .oprobit])
    func completeSeparationOfAnOrderedOutcomeIsFlagged(kind: ModelKind) throws {
        let x = (0..<60).map { Double($0) + 0.5 * sin(Double($0)) }
        let z = (0..<60).map { cos(Double($0) * 1.3) }
        let y = x.map { $0 < 20 ? 1.0 : $0 < 40 ? 2.0 : 3.0 }
        let data = Dataset(name: "sep", columns: [Column(name: "y", values: y), Column(name: "x", values: x),
                                                 Column(name: "z", values: z)],
                           codebook: Codebook(dataset: "sep", variables: [VariableInfo(name: "y", type: .ordinal),
                                                                          VariableInfo(name: "x", type: .continuous),
                                                                          VariableInfo(name: "z", type: .continuous)]))
        #expect {
            try fitModel(ModelSpec(kind: kind, formula: "y ~ x + z"), data: data)
        } throws: { "\($0)".contains("x predicts the categories of outcome y perfectly") }
    }

    @Test func collinearTermsAreOmittedLaterFirst() throws {
        var data = smallDataset()
        data.setColumn(Column(name: "x2", values: data.column("x")!.values.map { 2 * $0 + 1 }),
                       info: VariableInfo(name: "x2", type: .continuous))
        let r = try fitModel(ModelSpec(kind: .ols, formula: "y ~ x2 + x + grp"), data: data)
        #expect(r.omitted == [OmittedTerm(term: "x", reason: "collinear")])
        #expect(r.coefficients.map(\.term) == ["x2", "grp", "_cons"])
    }

    @Test func clusterNeedsTwoClustersAndOrderedOutcomeLevelsAreSorted() throws {
        let wvs = try Fixtures.dataset("wvs.csv")
        let r = try fitModel(ModelSpec(kind: .oprobit, formula: "poverty ~ age", vce: .cluster("country")), data: wvs,
                             options: FitOptions(margins: true))
        #expect(r.outcomeLevels == [1, 2, 3])
        #expect(r.margins.map(\.outcome) == ["1", "2", "3"])
        #expect(abs(r.margins.map(\.effect).reduce(0, +)) < 1e-12)   // probabilities sum to one
        #expect(abs(r.predicted.map(\.probability).reduce(0, +) - 1) < 1e-12)
        var single = wvs
        single.setColumn(Column(name: "one", values: [Double](repeating: 1, count: wvs.rowCount)),
                         info: VariableInfo(name: "one", type: .continuous))
        #expect(throws: EstimationError.self) {
            try fitModel(ModelSpec(kind: .ologit, formula: "poverty ~ age", vce: .cluster("one")), data: single)
        }
    }

    @Test func resampledDesignRefits() throws {
        let wvs = try Fixtures.dataset("wvs.csv")
        let design = try DesignMatrix(spec: ModelSpec(kind: .ologit, formula: "poverty ~ age + male + i.country"), data: wvs)
        let full = try estimate(.ologit, design: design)
        let same = try estimate(.ologit, design: design.reweighted([Double](repeating: 1, count: design.rowCount)))
        #expect(close(full.coefficients[0].estimate, same.coefficients[0].estimate, 1e-10))
        let boot = try estimate(.ologit, design: design.subset(rows: (0..<design.rowCount).map { ($0 * 7919) % design.rowCount }))
        #expect(boot.coefficients.count == full.coefficients.count)
        let logit = try estimate(.logit, design: try DesignMatrix(spec: ModelSpec(kind: .logit, formula: "religion ~ age"), data: wvs))
        #expect(logit.coefficients.last?.term == "_cons")
    }
}
