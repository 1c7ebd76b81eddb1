import Testing
import Foundation
import Estimation
import SurveyData
@testable import Mediation

/// Causal-mediation effects against statsmodels' `Mediation` (Imai–Keele–Tingley algorithm 1),
/// an implementation independent of PathLens and of the R integrals in CausalMediationTests
/// (scripts/fixtures/mediation_statsmodels.py → Fixtures/mediation_statsmodels.json).
///
/// statsmodels simulates (parameter draws and mediator draws) where PathLens integrates exactly
/// at the fitted parameters, so the tolerances come from the fixture: 4 Monte Carlo SEs for its
/// plug-in run (parameter draws off, mediator still simulated), and for its reported estimate
/// (the mean of the quasi-Bayesian draws; the median for the proportion) additionally the
/// measured gap between that mean and the plug-in value plus 4 Monte Carlo SEs of the mean.
@Suite struct StatsmodelsCrossCheckTests {
    nonisolated(unsafe) static let referenceFile = Result { try Fixtures.json("mediation_statsmodels.json") }
    /// The fixture (a missing or unreadable file records an issue in the test reading it).
    static var reference: [String: Any] { Fixtures.loaded(referenceFile, sourceLocation: #_sourceLocation) }

    static let cases = ["mroz_ols_ols", "mroz_ols_probit", "mroz_ols_logit", "wvs_logit_ols",
                        "wvs_probit_ols", "wvs_probit_probit", "wvs_logit_logit"]

    static func kind(_ name: String) -> ModelKind? { ModelKind(rawValue: name) }

    /// PathLens's effects for one fixture case, with the same data, terms and model families.
    static func pathLens(_ c: [String: Any]) throws -> CausalEffects {
        let x = try #require(c["x"] as? String), m = try #require(c["m"] as? String)
        let y = try #require(c["y"] as? String)
        let controls = try #require(c["controls"] as? [String]).map { $0 == "C(country)" ? "i.country" : $0 }
        let data = x == "wc" ? try Fixtures.mroz() : try Fixtures.wvs()
        let spec = MediationSpec(x: x, mediators: [m], y: y, controls: controls,
                                 mediatorModel: kind(try #require(c["m_model"] as? String)),
                                 outcomeModel: kind(try #require(c["y_model"] as? String)))
        let r = try Mediation.analyze(spec: spec, data: data,
                                      options: MediationOptions(methods: [.causal], reps: 0))
        #expect(r.n == (c["n"] as? Int))
        let causal = try #require(r.mediators.first?.causal)
        #expect(causal.controlValue == 0 && causal.treatValue == 1)   // statsmodels: 0 vs 1
        return causal.effects
    }

    static func values(_ e: CausalEffects) -> [(String, Double)] {
        [("acme_control", e.acmeControl), ("acme_treated", e.acmeTreated), ("acme_average", e.acmeAverage),
         ("ade_control", e.adeControl), ("ade_treated", e.adeTreated), ("ade_average", e.adeAverage),
         ("total", e.total), ("prop_mediated_average", e.propMediatedAverage)].map { ($0.0, $0.1.estimate) }
    }

    @Test func fixtureIsPresent() {
        for name in Self.cases { #expect(Self.reference[name] != nil, "\(name) missing from mediation_statsmodels.json") }
    }

    @Test(arguments: cases)
    func effectsAgree(name: String) throws {
        let c = try #require(Self.reference[name] as? [String: Any])
        for (key, value) in Self.values(try Self.pathLens(c)) {
            let ref = try #require(c[key] as? [String: Any])
            func n(_ k: String) -> Double { (ref[k] as? NSNumber)?.doubleValue ?? .nan }
            #expect(abs(value - n("plugin")) <= n("tol_plugin"),
                    "\(name) \(key): PathLens \(value) vs statsmodels plug-in \(n("plugin")) ± \(n("tol_plugin"))")
            #expect(abs(value - n("summary")) <= n("tol_summary"),
                    "\(name) \(key): PathLens \(value) vs statsmodels summary \(n("summary")) ± \(n("tol_summary"))")
        }
    }
}
