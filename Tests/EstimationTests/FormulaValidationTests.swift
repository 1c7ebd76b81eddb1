import Foundation
import Testing
import SurveyData
@testable import Estimation

/// Formula and spec validation (issue 13): the outcome is no regressor, a repeated term is kept
/// once with a note (in linear time), a factor and a plain use of one variable is an error;
/// a text column is refused as a number; separation and overflow are errors as in Stata.
struct FormulaValidationTests {
    @Test(arguments: ["y ~ y + x", "y ~ x + c.y", "y ~ i.y"])
    func theOutcomeIsNoRegressor(formula: String) throws {
        #expect {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: formula), data: smallDataset())
        } throws: { "\($0)".contains("the outcome 'y' cannot also be a regressor") }
    }

    @Test func aRepeatedTermIsKeptOnceWithANote() throws {
        let r = try fitModel(ModelSpec(kind: .ols, formula: "y ~ x + grp + x + c.x"), data: smallDataset())
        let once = try fitModel(ModelSpec(kind: .ols, formula: "y ~ x + grp"), data: smallDataset())
        #expect(r.coefficients.map(\.term) == ["x", "grp", "_cons"])
        #expect(r.coefficients == once.coefficients)
        #expect(r.omitted.isEmpty)
        #expect(r.notes.contains("x is repeated 2 times in the formula; kept once"), "\(r.notes)")
        #expect(EstimationNote.repeatedTerm(term: "x", repeats: 1).text(.zh) == "x 在公式中重复了 1 次；只保留一次")
    }

    /// 5,000 repeats took 361 s (quadratic); now a dictionary pass.
    @Test(.timeLimit(.minutes(1))) func fiveThousandRepeatsAreFast() throws {
        let formula = "y ~ x + " + Array(repeating: "grp", count: 5_000).joined(separator: " + ")
        let clock = ContinuousClock()
        var r: ModelResult?
        let elapsed = try clock.measure { r = try fitModel(ModelSpec(kind: .logit, formula: formula), data: smallDataset()) }
        #expect(elapsed < .seconds(10), "\(elapsed)")
        #expect(r?.coefficients.map(\.term) == ["x", "grp", "_cons"])
        #expect(r?.notes.contains("grp is repeated 4999 times in the formula; kept once") == true)
    }

    @Test(arguments: [("y ~ i.cat + cat", "'i.cat' and 'cat'"), ("y ~ cat + i.cat", "'cat' and 'i.cat'"),
                      ("y ~ c.cat + ib3.cat", "'c.cat' and 'ib3.cat'"), ("y ~ i.cat + ib3.cat", "'i.cat' and 'ib3.cat'")])
    func aFactorAndAPlainUseOfOneVariableIsAnError(formula: String, named: String) throws {
        #expect {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: formula), data: smallDataset())
        } throws: { "\($0)".contains(named) && "\($0)".contains("name the same variable") }
    }

    @Test func repeatedFactorsWithTheSameBaseAreKeptOnce() throws {
        let d = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ ib3.cat + x + ib3.cat"), data: smallDataset())
        #expect(d.terms.map(\.name) == ["cat=1", "cat=2", "cat=4", "x", "_cons"])
        #expect(d.notes == [.repeatedTerm(term: "ib3.cat", repeats: 1)])
    }

    private func textColumnData() throws -> Dataset {
        var rows = (1...30).map { "\($0 % 4),\($0 * 3 % 7),\($0 % 2)" }
        rows[9] = "2,\"1,5\",1"
        return try CSVLoader.load(bytes: Array(("y,x,g\n" + rows.joined(separator: "\n") + "\n").utf8), name: "t.csv")
    }

    /// One `1,5` made x text; `c.x` used to regress on its rank codes. Now an error naming the cell.
    @Test(arguments: ["y ~ c.x", "y ~ x", "y ~ g + c.x", "x ~ g"])
    func aColumnReadAsTextIsRefusedAsANumber(formula: String) throws {
        let data = try textColumnData()
        #expect {
            try fitModel(ModelSpec(kind: .ols, formula: formula), data: data)
        } throws: {
            "\($0)".contains("variable 'x' was read as text (t.csv line 11: '1,5' is not a number)")
        }
        // As a factor it is what it says.
        _ = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ i.g"), data: data)
    }

    @Test func aNaNWeightDropsTheRowAsStataDoes() throws {
        var rows = (0..<400).map { "\(Double($0 % 5)),\(Double($0 % 7)),2" }
        rows[17] = "1,2,NaN"
        let data = try CSVLoader.load(bytes: Array(("y,x,w\n" + rows.joined(separator: "\n") + "\n").utf8), name: "t.csv")
        let r = try fitModel(ModelSpec(kind: .ols, formula: "y ~ x", weights: .frequency("w")), data: data)
        #expect(r.n == 399 * 2)
        #expect(r.dropped.contains(DroppedRows(reason: "missing w", count: 1)), "\(r.dropped)")
    }

    /// Complete separation: Stata stops with "outcome = x > c predicts data perfectly", r(2000).
    @Test(arguments: [ModelKind.logit, .probit])
    func completeSeparationIsAnErrorNamingTheVariable(kind: ModelKind) throws {
        let x: [Double] = (0..<30).map { Double($0) }
        let y = x.map { $0 >= 12 ? 1.0 : 0 }
        let z = x.map { sin($0) }
        let data = Dataset(name: "s", columns: [Column(name: "y", values: y), Column(name: "z", values: z),
                                                Column(name: "x", values: x)],
                           codebook: Codebook(dataset: "s", variables: []))
        #expect {
            try fitModel(ModelSpec(kind: kind, formula: "y ~ z + x"), data: data)
        } throws: { "\($0)" == "outcome y = x > 11 predicts data perfectly (complete separation; Stata r(2000))" }
        let falling = Dataset(name: "s", columns: [Column(name: "y", values: y.map { 1 - $0 }), Column(name: "x", values: x)],
                              codebook: Codebook(dataset: "s", variables: []))
        #expect {
            try fitModel(ModelSpec(kind: kind, formula: "y ~ x"), data: falling)
        } throws: { "\($0)".contains("y = x < 12 predicts data perfectly") }
    }

    @Test func aBinaryRegressorThatSeparatesCompletelyIsAnError() throws {
        let g: [Double] = (0..<20).map { Double($0 % 2) }
        let x: [Double] = (0..<20).map { Double($0) }
        let data = Dataset(name: "s", columns: [Column(name: "y", values: g), Column(name: "g", values: g),
                                                Column(name: "x", values: x)],
                           codebook: Codebook(dataset: "s", variables: []))
        #expect {
            try fitModel(ModelSpec(kind: .logit, formula: "y ~ x + g"), data: data)
        } throws: { "\($0)".contains("outcome y = g > 0 predicts data perfectly") }
    }

    /// The zero side of a dummy (every row with g = 0 a failure) is named in a note; the term and
    /// the rows stay, as Stata keeps them (its coefficient runs off; Stata's "completely determined").
    @Test func perfectPredictionOnTheZeroSideIsNamed() throws {
        let g: [Double] = (0..<40).map { $0 < 10 ? 0 : 1 }
        let y: [Double] = (0..<40).map { $0 < 10 ? 0 : ($0 % 3 == 0 ? 0 : 1) }
        let z: [Double] = (0..<40).map { cos(Double($0)) }
        let data = Dataset(name: "s", columns: [Column(name: "y", values: y), Column(name: "g", values: g),
                                                Column(name: "z", values: z)],
                           codebook: Codebook(dataset: "s", variables: []))
        let r = try fitModel(ModelSpec(kind: .logit, formula: "y ~ g + z"), data: data)
        #expect(r.n == 40)
        #expect(r.coefficient("g") != nil && r.omitted.isEmpty && r.dropped.isEmpty)
        #expect(r.notes.contains { $0.hasPrefix("g == 0 predicts failure perfectly (10 obs)") }, "\(r.notes)")
        #expect(EstimationNote.perfectPredictionAtZero(term: "g", outcome: .failure, count: 10).text(.zh).hasPrefix("g == 0 完全预测失败"))
    }

    /// Quasi-complete separation (the ranges touch at one value) still fits, with Stata's note.
    @Test func quasiCompleteSeparationStillFits() throws {
        let x: [Double] = (0..<30).map { Double($0 / 2) }
        let y: [Double] = (0..<30).map { $0 < 14 ? 0 : $0 == 14 ? 0 : 1 }
        // x = 7 holds both a 0 (row 14) and a 1 (row 15): the ranges touch.
        let data = Dataset(name: "s", columns: [Column(name: "y", values: y), Column(name: "x", values: x)],
                           codebook: Codebook(dataset: "s", variables: []))
        let r = try fitModel(ModelSpec(kind: .logit, formula: "y ~ x"), data: data)
        #expect(r.notes.contains { $0.contains("quasi-complete separation") }, "\(r.notes)")
    }

    /// An outcome scaled by 1e200 squares past the largest double: an error, not t = 0, p = 1.
    @Test func overflowingSumsOfSquaresAreAnError() throws {
        let data = smallDataset()
        var scaled = data
        scaled.setColumn(Column(name: "y", values: data.column("y")!.values.map { $0 * 1e200 }))
        #expect {
            try fitModel(ModelSpec(kind: .ols, formula: "y ~ x"), data: scaled)
        } throws: { "\($0)".contains("overflow") && "\($0)".contains("rescale") }
    }

    @Test func aNonFiniteStandardErrorGivesNoTest() {
        let rows = FitContextProbe.rows(theta: [1.5], variance: [.infinity])
        #expect(rows[0].se.isNaN && rows[0].z.isNaN && rows[0].p.isNaN && rows[0].ciLow.isNaN)
        let negative = FitContextProbe.rows(theta: [1.5], variance: [-1])
        #expect(negative[0].z.isNaN && negative[0].p.isNaN)
        let fine = FitContextProbe.rows(theta: [2], variance: [1])
        #expect(fine[0].z == 2 && fine[0].p > 0.04 && fine[0].p < 0.05)
    }
}

/// Builds the smallest `FitContext` to call `coefficientRows` directly.
enum FitContextProbe {
    static func rows(theta: [Double], variance: [Double]) -> [Coefficient] {
        let data = smallDataset()
        let design = try! DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x"), data: data)
        let context = FitContext(kind: .ols, spec: design.spec, vce: .oim, design: design, x: design.x,
                                 n: design.rowCount, k: 1, terms: [design.terms[0]], coded: [], outcomeLevels: [],
                                 sampling: false, options: FitOptions())
        return context.coefficientRows(theta: theta, vcov: variance, p: 1,
                                       names: [(term: "x", variable: "x", level: nil)], offset: 0, testDF: nil)
    }
}
