import Foundation
import Testing
import Analysis
import Estimation
import PathLensTestSupport
import StudyReplica
import SurveyData

/// The analysis layer's parallel-lines verdict on ologit columns (issue 15) and the
/// `ologit+gologit(autofit)` estimator set: the engine's check is the fit's own Brant test
/// (`fit ologit --brant`, cross-checked against R in ParallelLinesGoldenTests), the gologit column
/// is `fit gologit --autofit`, and the notes a column carries are condensed to one line each.
@Suite struct ParallelLinesCheckTests {
    static func dataset() throws -> Dataset { try DatasetLoader.load(path: EmbeddedData.csvPath) }

    /// A specification whose Brant test is computable: no 0/1 term is empty on a side of a split.
    static let small = Specification(outcome: "skill", keyRegressor: "union", controls: ["male", "c.age", "married"],
                                     estimators: .ologitGologit)

    @Test func ologitColumnCarriesItsBrantTest() throws {
        let data = try Self.dataset()
        let result = AnalysisEngine.run(Self.small, dataset: data, request: AnalysisRequest(margins: false, mediation: nil))
        let ologit = try #require(result.model("y.ologit"))
        let check = try #require(ologit.parallelLines)
        // The same numbers as the CLI's `fit ologit … --brant`.
        var options = FitOptions()
        options.brant = true
        let direct = try fitModel(ologit.plan.spec, data: data, options: options)
        let brant = try #require(direct.brant)
        #expect(check.unavailable == nil)
        #expect(check.p == brant.p)
        #expect(check.violating == brant.terms.filter { $0.p < 0.05 }.map(\.term))
        #expect(check.violating.contains("male") && check.violating.contains("age"))
        #expect(!check.violating.contains("union"))
    }

    @Test func gologitColumnIsAutofitWithOneSummaryNote() throws {
        let data = try Self.dataset()
        let result = AnalysisEngine.run(Self.small, dataset: data, request: AnalysisRequest(margins: false, mediation: nil))
        let gologit = try #require(result.model("y.gologit"))
        #expect(gologit.plan.spec.parallelLines == .autofit(alpha: 0.05))
        #expect(gologit.parallelLines == nil)
        let fitted = try #require(gologit.result)
        let direct = try fitModel(gologit.plan.spec, data: data)
        #expect(fitted.coefficients.map(\.estimate) == direct.coefficients.map(\.estimate))
        #expect(fitted.constrained == direct.constrained)
        let steps = direct.diagnostics.filter { if case .ordered(.autofitConstrained) = $0 { true } else { false } }.count
        #expect(steps > 0)
        let summaries = fitted.diagnostics.compactMap { note -> (Int, Int)? in
            if case let .ordered(.autofitSummary(constrained, terms, _)) = note { return (constrained, terms) }
            if case .ordered(.autofitConstrained) = note { Issue.record("an autofit step note left in the column") }
            return nil
        }
        #expect(summaries.count == 1)
        #expect(summaries.first?.0 == direct.constrained?.count)
        #expect(summaries.first?.1 == 4) // union, male, age, married
    }

    /// The paper's Model 2 (every control): 0/1 terms and factor base levels empty on one side of
    /// some split — no Brant p, the reason in one phrase, one note naming the terms.
    @Test func emptySplitsGiveTheReasonNotANumber() throws {
        let data = try Self.dataset()
        let spec = Specification.opening(data)
        let result = AnalysisEngine.run(spec, dataset: data, request: AnalysisRequest(margins: false, mediation: nil))
        let ologit = try #require(result.model("y.ologit"))
        let check = try #require(ologit.parallelLines)
        #expect(check.p == nil)
        guard case .emptySplit(let terms)? = check.unavailable else {
            Issue.record("expected empty splits, got \(String(describing: check.unavailable))"); return
        }
        #expect(terms.contains("occ=6") && terms.contains("educ (base level)"))
        let notes = try #require(ologit.result).diagnostics
        #expect(notes.contains(.ordered(.brantEmptySplits(terms: terms))))
        #expect(!notes.contains { if case .ordered(.predictsSplitPerfectly) = $0 { true } else { false } })
        #expect(!notes.contains(.ordered(.brantNotComputable)))
        // The OLS column has no check.
        #expect(result.model("y.ols")?.parallelLines == nil)
    }

    @Test func gologitOnABinaryOutcomeIsLogit() {
        #expect(ModelKind.gologit.adapted(to: .binary) == .logit)
        #expect(ModelKind.goprobit.adapted(to: .binary) == .probit)
        #expect(ModelKind.gologit.adapted(to: .ordinal) == .gologit)
        #expect(EstimatorSet.ologitGologit.title == "ologit+gologit(autofit)")
        #expect(EstimatorSet(rawValue: "ologit+gologit") == .ologitGologit)
    }
}
