import Foundation
import Testing
import SurveyData
@testable import Estimation

/// gologit/goprobit and the parallel-lines tests against scripts/fixtures/gologit.R (VGAM::vglm
/// cumulative(reverse = TRUE) polished on the same likelihood, numDeriv variances, an own Brant
/// test checked against the brant package's published example). Tolerances as the other fixtures:
/// estimates 1e-6, SEs 1e-5, margins 1e-6 (effects) and 1e-5 (SEs), relative.
struct GeneralizedOrderedTests {
    static let file = "gologit.json"

    static func root() throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.url(file))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func names(_ value: Any?) -> [String]? {
        if let s = value as? String { return [s] }
        return value as? [String]
    }

    static var caseNames: [String] {
        guard let cases = try? root()["cases"] as? [[String: Any]] else { return ["unreadable"] }
        return cases.compactMap { $0.string("name") }
    }

    static var brantNames: [String] {
        guard let cases = try? root()["brant"] as? [[String: Any]] else { return ["unreadable"] }
        return cases.compactMap { $0.string("name") }
    }

    @Test(arguments: caseNames)
    func generalizedCase(_ name: String) throws {
        let cases = try #require(try Self.root()["cases"] as? [[String: Any]])
        let c = try #require(cases.first { $0.string("name") == name }, "no case \(name)")
        let data = try Fixtures.dataset(c.string("data") ?? "")
        var spec = try GoldenFixtureTests.spec(for: c)
        if let pl = Self.names(c["pl"]) { spec.parallelLines = .constrained(pl) }
        if let npl = Self.names(c["npl"]) { spec.parallelLines = .free(npl) }
        if let alpha = c.double("autofit") { spec.parallelLines = .autofit(alpha: alpha) }
        let ats = (c["margins"] as? [[String: Any]] ?? []).compactMap { $0.string("at") }
        let r = try fitModel(spec, data: data, options: FitOptions(margins: !ats.isEmpty, atMeans: ats.contains("means")))

        #expect(r.converged)
        #expect(Double(r.n) == c.double("n"), "n")
        for (key, value) in [("loglik", r.loglik), ("loglik_null", r.loglikNull), ("lr_chi2", r.lrChi2),
                             ("pseudo_r2", r.pseudoR2), ("aic", r.aic), ("bic", r.bic)] {
            check(try #require(value, "\(key)"), c.double(key), 1e-6, key)
        }
        #expect(Double(r.lrDF ?? -1) == c.double("lr_df"), "lr_df")
        #expect(r.constrained == Self.names(c["constrained"]) ?? [], "constrained")
        #expect(Double(r.negativeProbabilities ?? -1) == c.double("negative_probabilities"), "negative probabilities")
        let expected = c["coefficients"] as? [[String: Any]] ?? []
        #expect(r.coefficients.map(\.term) == expected.compactMap { $0.string("term") }, "terms")
        #expect(r.coefficients.map(\.equation) == expected.map { $0.string("equation") }, "equations")
        for (got, e) in zip(r.coefficients, expected) {
            let what = "\(got.equation ?? "-"):\(got.term)"
            check(got.estimate, e.double("estimate"), 1e-6, "\(what) estimate")
            check(got.se, e.double("se"), 1e-5, "\(what) se")
            check(got.p, e.double("p"), 1e-5, "\(what) p")
        }
        for e in c["predicted"] as? [[String: Any]] ?? [] {
            let got = try #require(r.predicted.first { $0.outcome == e.string("outcome") })
            check(got.probability, e.double("probability"), 1e-6, "predicted \(got.outcome)")
        }
        let margins = c["margins"] as? [[String: Any]] ?? []
        #expect(r.margins.count == margins.count, "number of margins")
        for e in margins {
            let term = e.string("term") ?? "", outcome = e.string("outcome") ?? ""
            let at = MarginalEffect.At(rawValue: e.string("at") ?? "") ?? .average
            let got = try #require(r.margins.first { $0.term == term && $0.outcome == outcome && $0.at == at },
                                   "margin \(term) \(outcome) \(at)")
            check(got.effect, e.double("effect"), 1e-6, "margin \(term) \(outcome) \(at)")
            check(got.se, e.double("se"), 1e-5, "margin se \(term) \(outcome) \(at)")
        }
        // autofit: the steps in order (term and its Wald p).
        let steps = c["autofit_steps"] as? [[String: Any]] ?? []
        let notes = r.diagnostics.compactMap { note -> (String, Double)? in
            if case .ordered(.autofitConstrained(let term, let p)) = note { return (term, p) }
            return nil
        }
        #expect(notes.map(\.0) == steps.compactMap { $0.string("term") }, "autofit steps")
        for (got, e) in zip(notes, steps) { check(got.1, e.double("p"), 1e-5, "autofit p \(got.0)") }
        // gologit2's closing Wald test of autofit's constraints (in the unconstrained model).
        if c.double("autofit") != nil && !steps.isEmpty {
            let wald = try #require(c["autofit_wald"] as? [String: Any], "the fixture has no autofit_wald: regenerate it")
            let got = try #require(r.autofitWald, "autofit_wald missing")
            #expect(got.df == (wald["df"] as? NSNumber)?.intValue, "autofit_wald df")
            check(got.chi2, wald.double("chi2"), 1e-5, "autofit_wald chi2")
            check(got.p, wald.double("p"), 1e-5, "autofit_wald p")
        } else {
            #expect(r.autofitWald == nil, "autofit_wald without autofit steps")
        }
    }

    @Test(arguments: brantNames)
    func brantCase(_ name: String) throws {
        let cases = try #require(try Self.root()["brant"] as? [[String: Any]])
        let c = try #require(cases.first { $0.string("name") == name }, "no case \(name)")
        let data = try Fixtures.dataset(c.string("data") ?? "")
        let spec = try GoldenFixtureTests.spec(for: c)
        var options = FitOptions()
        options.brant = true
        options.lrParallel = true
        let r = try fitModel(spec, data: data, options: options)
        let brant = try #require(r.brant, "no Brant test: \(r.notes)")
        let e = try #require(c["brant"] as? [String: Any])
        check(brant.chi2, e.double("chi2"), 1e-6, "omnibus chi2")
        #expect(Double(brant.df) == e.double("df"), "omnibus df")
        check(brant.p, e.double("p"), 1e-5, "omnibus p")
        let terms = e["terms"] as? [[String: Any]] ?? []
        #expect(brant.terms.map(\.term) == terms.compactMap { $0.string("term") })
        for (got, t) in zip(brant.terms, terms) {
            check(got.chi2, t.double("chi2"), 1e-6, "\(got.term) chi2")
            #expect(Double(got.df) == t.double("df"), "\(got.term) df")
            check(got.p, t.double("p"), 1e-5, "\(got.term) p")
        }
        let lr = try #require(r.lrParallel, "no LR test: \(r.notes)")
        let el = try #require(c["lr_parallel"] as? [String: Any])
        check(lr.chi2, el.double("chi2"), 1e-5, "LR chi2")
        #expect(Double(lr.df) == el.double("df"), "LR df")
    }

    /// With every term constrained the generalized model is ologit: β equal, α_j = −cut_j.
    @Test func everyTermConstrainedIsOlogit() throws {
        let data = try Fixtures.dataset("wvs.csv")
        let formula = "poverty ~ religion + degree + i.country + age + male"
        let o = try fitModel(ModelSpec(kind: .ologit, formula: formula), data: data)
        let g = try fitModel(ModelSpec(kind: .gologit, formula: formula,
                                       parallelLines: .constrained(["religion", "degree", "country", "age", "male"])), data: data)
        for c in o.coefficients {
            let got = try #require(g.coefficients.first { $0.term == c.term })
            #expect(got.equation == nil)
            #expect(close(got.estimate, c.estimate, 1e-7) && close(got.se, c.se, 1e-6), "\(c.term)")
        }
        let alphas = g.coefficients.filter { $0.term == "_cons" }
        #expect(alphas.map(\.equation) == ["1", "2"])
        for (a, cut) in zip(alphas, o.cutpoints) { #expect(close(a.estimate, -cut.estimate, 1e-7)) }
        #expect(close(g.loglik ?? .nan, o.loglik ?? .nan, 1e-10))
    }

    /// Bad input: one-line errors naming the term or split.
    @Test func badInputNamesTheTermOrSplit() throws {
        let data = try Fixtures.dataset("wine.csv")
        #expect(throws: EstimationError.self) {
            try fitModel(ModelSpec(kind: .gologit, formula: "rating ~ temp + contact", parallelLines: .constrained(["judge"])), data: data)
        }
        do {
            _ = try fitModel(ModelSpec(kind: .gologit, formula: "rating ~ temp + contact"), data: data)
            Issue.record("wine gologit: temp predicts a split perfectly and must be refused")
        } catch {
            #expect("\(error)".contains("temp predicts the split y > "), "\(error)")
        }
        var options = FitOptions()
        options.brant = true
        let r = try fitModel(ModelSpec(kind: .ologit, formula: "rating ~ temp + contact"), data: data, options: options)
        #expect(r.brant == nil)
        #expect(r.notes.contains { $0.contains("temp predicts the split") })
        // autofit constrains the separating term from the start and still fits.
        let auto = try fitModel(ModelSpec(kind: .gologit, formula: "rating ~ temp + contact", parallelLines: .autofit(alpha: 0.05)), data: data)
        #expect(auto.constrained?.contains("temp") == true)
    }

    private func check(_ got: Double, _ expected: Double?, _ tol: Double, _ what: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected else { return }
        #expect(close(got, expected, tol), "\(what): \(got) vs \(expected)", sourceLocation: sourceLocation)
    }
}
