import Foundation
import Testing
import SurveyData
@testable import Estimation

/// Every case of every fixture JSON (made by scripts/fixtures/*.R from R and statsmodels) against
/// `fitModel`. Tolerances are fixed by the brief: estimates 1e-6, SEs 1e-5, margins 1e-6 relative.
struct GoldenFixtureTests {
    static func spec(for c: [String: Any]) throws -> ModelSpec {
        let kind = try #require(ModelKind(rawValue: c.string("model") ?? ""))
        let vce = try #require(VarianceType(argument: c.string("vce") ?? "oim"))
        var weights = Weighting.none
        if let f = c.string("fweight") { weights = .frequency(f) }
        if let p = c.string("pweight") { weights = .sampling(p) }
        return ModelSpec(kind: kind, formula: c.string("formula") ?? "", condition: c.string("if"),
                         vce: vce, weights: weights)
    }

    /// "file#case" for every case with coefficients. A fixture that cannot be read is listed as
    /// "file#" so that its test case fails with the loader's error (never dropped silently).
    static var allCases: [String] {
        Fixtures.fitFixtureFiles.flatMap { file in
            guard let cases = try? Fixtures.cases(file) else { return ["\(file)#"] }
            return cases.compactMap { c in c["coefficients"] == nil ? nil : "\(file)#\(c.string("name") ?? "?")" }
        }
    }

    /// Every fit fixture is read and contributes cases with coefficients, and every JSON in the
    /// folder is a known fixture (a new one must be added to the list to be tested).
    @Test func everyFitFixtureIsReadAndListed() throws {
        for file in Fixtures.fitFixtureFiles {
            let cases = try Fixtures.cases(file)
            #expect(cases.contains { $0["coefficients"] != nil }, "\(file) has no case with coefficients")
        }
        let present = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path).filter { $0.hasSuffix(".json") }
        #expect(Set(present) == Set(Fixtures.fitFixtureFiles + Fixtures.descriptiveFixtureFiles + Fixtures.parallelLinesFixtureFiles + Fixtures.surveyFixtureFiles
                                   + Fixtures.sensitivityFixtureFiles))
    }

    @Test(arguments: allCases)
    func fixtureCase(_ id: String) throws {
        let parts = id.split(separator: "#", omittingEmptySubsequences: false).map(String.init)
        let c = try #require(try Fixtures.cases(parts[0]).first { $0.string("name") == parts[1] }, "no case \(id)")
        let data = try Fixtures.dataset(c.string("data") ?? "")
        let spec = try Self.spec(for: c)
        let marginAts = (c["margins"] as? [[String: Any]] ?? []).compactMap { $0.string("at") }
        let options = FitOptions(margins: !marginAts.isEmpty, atMeans: marginAts.contains("means"))
        let r = try fitModel(spec, data: data, options: options)

        #expect(Double(r.n) == c.double("n"), "n")
        #expect(r.converged)
        let stats: [(String, Double?)] = [
            ("loglik", r.loglik), ("loglik_null", r.loglikNull), ("lr_chi2", r.lrChi2),
            ("pseudo_r2", r.pseudoR2), ("aic", r.aic), ("bic", r.bic), ("r2", r.r2),
            ("adj_r2", r.adjR2), ("f", r.fStat), ("sd_ystar", r.sdY),
        ]
        for (key, value) in stats {
            guard let expected = c.double(key) else { continue }
            let v = try #require(value, "\(key) missing")
            #expect(close(v, expected, 1e-6), "\(key): \(v) vs \(expected)")
        }
        if let df = c.double("lr_df") { #expect(Double(r.lrDF ?? -1) == df, "lr_df") }
        if let df = c.double("f_df1") { #expect(Double(r.fDF1 ?? -1) == df, "f_df1") }
        if let df = c.double("f_df2") { #expect(Double(r.fDF2 ?? -1) == df, "f_df2") }

        let expectedCoefficients = c["coefficients"] as? [[String: Any]] ?? []
        #expect(r.coefficients.map(\.term) == expectedCoefficients.compactMap { $0.string("term") }, "terms")
        for e in expectedCoefficients {
            let term = e.string("term") ?? ""
            let got = try #require(r.coefficient(term), "term \(term)")
            check(got.estimate, e.double("estimate"), 1e-6, "\(term) estimate")
            check(got.se, e.double("se"), 1e-5, "\(term) se")
            check(got.z, e.double("z"), 1e-5, "\(term) z")
            check(got.p, e.double("p"), 1e-5, "\(term) p")
            if let v = e.double("b_std_x") { check(got.bStdX ?? .nan, v, 1e-6, "\(term) b_std_x") }
            if let v = e.double("b_std_y") { check(got.bStdY ?? .nan, v, 1e-6, "\(term) b_std_y") }
            if let v = e.double("b_std_xy") { check(got.bStdXY ?? .nan, v, 1e-6, "\(term) b_std_xy") }
        }
        let expectedCuts = c["cutpoints"] as? [[String: Any]] ?? []
        #expect(r.cutpoints.count == expectedCuts.count, "cutpoint count")
        for (got, e) in zip(r.cutpoints, expectedCuts) {
            #expect(got.term == e.string("term"))
            check(got.estimate, e.double("estimate"), 1e-6, "\(got.term) estimate")
            check(got.se, e.double("se"), 1e-5, "\(got.term) se")
        }
        let expectedOmitted = (c["omitted"] as? [[String: Any]] ?? []).map { OmittedTerm(term: $0.string("term") ?? "", reason: $0.string("reason") ?? "") }
        #expect(r.omitted == expectedOmitted, "omitted")
        if let droppedRows = c["dropped"] as? [[String: Any]] {
            let expected = droppedRows.map { DroppedRows(reason: $0.string("reason") ?? "", count: Int($0.double("count") ?? -1)) }
            #expect(r.dropped == expected, "dropped")
        }
        let expectedMargins = (c["margins"] as? [[String: Any]] ?? []).count
        #expect(r.margins.count == expectedMargins, "number of margins")
        for e in c["predicted"] as? [[String: Any]] ?? [] {
            let got = try #require(r.predicted.first { $0.outcome == e.string("outcome") }, "predicted \(e.string("outcome") ?? "")")
            check(got.probability, e.double("probability"), 1e-6, "predicted \(got.outcome)")
        }
        for e in c["margins"] as? [[String: Any]] ?? [] {
            let term = e.string("term") ?? "", outcome = e.string("outcome") ?? ""
            let at = MarginalEffect.At(rawValue: e.string("at") ?? "") ?? .average
            let got = try #require(r.margins.first { $0.term == term && $0.outcome == outcome && $0.at == at },
                                   "margin \(term) \(outcome) \(at)")
            check(got.effect, e.double("effect"), 1e-6, "margin \(term) \(outcome) \(at) effect")
            check(got.se, e.double("se"), 1e-5, "margin \(term) \(outcome) \(at) se")
            check(got.p, e.double("p"), 1e-5, "margin \(term) \(outcome) \(at) p")
        }
    }

    private func check(_ got: Double, _ expected: Double?, _ tol: Double, _ what: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected else { return }
        #expect(close(got, expected, tol), "\(what): \(got) vs \(expected)", sourceLocation: sourceLocation)
    }
}
