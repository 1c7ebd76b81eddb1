import Foundation
import Testing
import SurveyData
@testable import Estimation

/// Margins that respect interactions (issue 14) against interactions.json (scripts/fixtures/
/// interactions.R: R's lm/glm/clm designs, effects and their Jacobians by numDeriv on the model's
/// predictions): per-variable AMEs (chain rule, discrete change), `--dydx`, `--at`, `--over`,
/// `--contrast`, for all five models. Tolerances as GoldenFixtureTests: effects 1e-6, SEs 1e-5.
struct ConditionalMarginsTests {
    static var allRequests: [String] {
        guard let cases = try? Fixtures.cases("interactions.json") else { return ["interactions.json#"] }
        return cases.flatMap { c in
            (c["conditional_margins"] as? [[String: Any]] ?? []).indices.map { "\(c.string("name") ?? "?")#\($0)" }
        }
    }

    @Test(arguments: allRequests)
    func effectsMatchR(_ id: String) throws {
        let parts = id.split(separator: "#").map(String.init)
        let c = try #require(try Fixtures.cases("interactions.json").first { $0.string("name") == parts[0] }, "no case \(id)")
        let rq = try #require((c["conditional_margins"] as? [[String: Any]])?[Int(parts[1]) ?? -1])
        var options = FitOptions(margins: true)
        options.marginsRequest.dydx = rq["dydx"] as? [String] ?? rq.string("dydx").map { [$0] }
        if let at = rq["at"] as? [String: Any], let v = at.string("variable") {
            let values = (at["values"] as? [Double]) ?? (at["values"] as? [Int])?.map(Double.init) ?? []
            options.marginsRequest.at = [.init(variable: v, values: values)]
        }
        options.marginsRequest.over = rq.string("over")
        options.marginsRequest.contrast = rq["contrast"] as? Bool ?? false
        let r = try fitModel(try GoldenFixtureTests.spec(for: c), data: try Fixtures.dataset(c.string("data") ?? ""), options: options)

        let expected = rq["margins"] as? [[String: Any]] ?? []
        #expect(r.margins.count == expected.count, "number of margins")
        for e in expected {
            let term = e.string("term") ?? "", outcome = e.string("outcome") ?? ""
            let at = e.string("at") == "average" ? nil : e.string("at"), over = e.string("over")
            let got = try #require(r.margins.first { $0.term == term && $0.outcome == outcome && $0.atValue == at && $0.over == over },
                                   "margin \(term) \(outcome) \(at ?? "-") \(over ?? "-")")
            #expect(close(got.effect, e.double("effect") ?? .nan, 1e-6), "\(term) \(outcome) \(at ?? "") \(over ?? ""): \(got.effect) vs \(e.double("effect") ?? .nan)")
            #expect(close(got.se, e.double("se") ?? .nan, 1e-5), "\(term) \(outcome) \(at ?? "") \(over ?? "") se: \(got.se) vs \(e.double("se") ?? .nan)")
        }
        let expectedContrasts = rq["contrasts"] as? [[String: Any]] ?? []
        #expect(r.contrasts.count == expectedContrasts.count, "number of contrasts")
        for e in expectedContrasts {
            let term = e.string("term") ?? "", outcome = e.string("outcome") ?? ""
            let got = try #require(r.contrasts.first { $0.term == term && $0.outcome == outcome && $0.at == e.string("at") },
                                   "contrast \(term) \(outcome) \(e.string("at") ?? "")")
            #expect(close(got.effect, e.double("effect") ?? .nan, 1e-6), "contrast \(term) \(outcome): \(got.effect)")
            #expect(close(got.se, e.double("se") ?? .nan, 1e-5), "contrast \(term) \(outcome) se: \(got.se)")
        }
    }

    /// Without interactions a variable's effect is its column's: the per-variable engine (forced by
    /// `--dydx`) reproduces the fast path, itself checked against R in margins_*.json.
    @Test(arguments: [ModelKind.ols, .logit, .probit, .ologit, .oprobit])
    func theTwoEnginesAgreeWithoutInteractions(kind: ModelKind) throws {
        let data = try Fixtures.dataset("wvs.csv")
        let outcome = kind.isBinary ? "male" : "poverty"
        let formula = kind.isBinary ? "male ~ age + religion + i.country + poverty" : "\(outcome) ~ age + religion + male + i.country"
        let spec = ModelSpec(kind: kind, formula: formula)
        let fast = try fitModel(spec, data: data, options: FitOptions(margins: true))
        var options = FitOptions(margins: true)
        options.marginsRequest.dydx = kind.isBinary ? ["age", "religion", "country", "poverty"] : ["age", "religion", "male", "country"]
        let general = try fitModel(spec, data: data, options: options)
        #expect(fast.margins.count == general.margins.count)
        for m in fast.margins {
            let g = try #require(general.margins.first { $0.term == m.term && $0.outcome == m.outcome })
            #expect(close(g.effect, m.effect, 1e-9) && close(g.se, m.se, 1e-8), "\(m.term) \(m.outcome): \(g.effect) \(g.se) vs \(m.effect) \(m.se)")
        }
    }

    @Test(arguments: [
        ("--at 'educ=(1 2)'", MarginsRequest(at: [.init(variable: "educ", values: [1, 2])]), "--at: variable 'educ' is not in the model"),
        ("--dydx educ", MarginsRequest(dydx: ["educ"]), "--dydx: variable 'educ' is not in the model"),
        ("--over educ", MarginsRequest(over: "educ"), "--over: variable 'educ' is not in the model"),
        ("--at country=9", MarginsRequest(at: [.init(variable: "country", values: [9])]), "9 is not a level of the factor 'country'"),
        ("--contrast", MarginsRequest(contrast: true), "--contrast needs --at with at least two values"),
    ])
    func badRequestsAreOneLineErrors(_ label: String, request: MarginsRequest, message: String) throws {
        var options = FitOptions(margins: true)
        options.marginsRequest = request
        #expect(throws: (any Error).self, "\(label)") {
            try fitModel(ModelSpec(kind: .ologit, formula: "poverty ~ i.male##c.age + i.country"), data: try Fixtures.dataset("wvs.csv"), options: options)
        }
        do {
            _ = try fitModel(ModelSpec(kind: .ologit, formula: "poverty ~ i.male##c.age + i.country"), data: try Fixtures.dataset("wvs.csv"), options: options)
        } catch {
            #expect("\(error)".contains(message) && !"\(error)".contains("\n"), "\(error)")
        }
    }

    @Test func atSettingsParseAsStata() throws {
        #expect(try MarginsRequest.AtSetting.parse("age=(30 40 50)") == .init(variable: "age", values: [30, 40, 50]))
        #expect(try MarginsRequest.AtSetting.parse(" industry = 2") == .init(variable: "industry", values: [2]))
        #expect(try MarginsRequest.AtSetting.parse("age=(30,40)") == .init(variable: "age", values: [30, 40]))
        for bad in ["age", "=(1)", "age=(", "age=(x)", "age=()", "1a=(2)"] {
            #expect(throws: EstimationError.self, "\(bad)") { try MarginsRequest.AtSetting.parse(bad) }
        }
    }
}
