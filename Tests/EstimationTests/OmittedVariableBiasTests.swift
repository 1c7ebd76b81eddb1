import Foundation
import Testing
import SurveyData
@testable import Estimation

/// `OmittedVariableBias` against scripts/fixtures/sensitivity.R: Oster's δ and β* (closed form,
/// checked there by brute-force root search), Cinelli–Hazlett's RV and benchmark bounds (checked
/// there against sensemakr's published darfur values), every case to 1e-6 relative.
struct OmittedVariableBiasTests {
    static var caseNames: [String] {
        (try? Fixtures.cases("sensitivity.json").compactMap { $0.string("name") }) ?? ["sensitivity.json unreadable"]
    }

    @Test func fixtureHasTheDarfurCase() throws {
        #expect(try Fixtures.cases("sensitivity.json").count >= 6)
        #expect(Self.caseNames.contains("darfur_female"))
    }

    @Test(arguments: caseNames)
    func fixtureCase(_ name: String) throws {
        let c = try #require(try Fixtures.cases("sensitivity.json").first { $0.string("name") == name }, "no case \(name)")
        let data = try Fixtures.dataset(try #require(c.string("data")))
        let y = try #require(c.string("y")), x = try #require(c.string("x")), controls = try #require(c.string("controls"))
        let spec = ModelSpec(kind: .ols, formula: "\(y) ~ \(x) + \(controls)", condition: c.string("condition"))
        let s = try OmittedVariableBias.analyze(spec: spec, data: data, treatment: x, rmax: try #require(c.double("rmax")),
                                                benchmark: c.string("benchmark"), level: try #require(c.double("level")))
        #expect(Double(s.n) == c.double("n"))
        #expect(Double(s.dof) == c.double("dof"))
        let values: [(String, Double?)] = [
            ("estimate", s.estimate), ("se", s.se), ("t", s.t), ("estimate_short", s.estimateShort),
            ("r2_short", s.r2Short), ("r2_long", s.r2Long), ("r2max", s.r2max), ("var_y", s.varY), ("var_x", s.varX),
            ("var_x_resid", s.varXResidual), ("delta", s.delta), ("beta_star", s.betaStar), ("beta_star_alt", s.betaStarAlternative),
            ("r2yd_x", s.r2ydx), ("rv_q", s.rvQ), ("rv_qa", s.rvQA), ("r2dxj_x", s.r2dxjx), ("r2yxj_dx", s.r2yxjdx),
        ]
        for (key, value) in values {
            guard let expected = c.double(key) else { continue }
            let v = try #require(value, "\(name): \(key) missing")
            #expect(close(v, expected, 1e-6), "\(name): \(key) \(v) vs \(expected)")
        }
        let bounds = c["bounds"] as? [[String: Any]] ?? []
        #expect(s.bounds.count == bounds.count, "\(name): bound count")
        for (b, e) in zip(s.bounds, bounds) {
            #expect(b.label == e.string("bound_label"))
            let pairs: [(String, Double)] = [
                ("r2dz_x", b.r2dzx), ("r2yz_dx", b.r2yzdx), ("adjusted_estimate", b.adjustedEstimate),
                ("adjusted_se", b.adjustedSE), ("adjusted_t", b.adjustedT),
                ("adjusted_lower_CI", b.adjustedLower), ("adjusted_upper_CI", b.adjustedUpper),
            ]
            for (key, v) in pairs {
                let expected = try #require(e.double(key))
                #expect(close(v, expected, 1e-6), "\(name) \(b.label): \(key) \(v) vs \(expected)")
            }
        }
        let impossible = (c["impossible_kd"] as? [NSNumber] ?? []).map(\.doubleValue)
        #expect(s.impossibleMultipliers == impossible, "\(name): impossible kd")
        #expect(s.notes.count == impossible.count)
    }

    /// sensemakr's identities: a confounder with partial R² = RV with both X and Y brings the
    /// estimate to zero; one at RV_{q,α} brings its t to the critical value on dof − 1.
    @Test func robustnessValueIdentities() {
        let t = 4.18445, dof = 783.0, se = 0.02325654, est = t * se
        let rv = OmittedVariableBias.robustnessValue(t: t, dof: dof, q: 1, alpha: nil)
        #expect(abs(OmittedVariableBias.adjustedEstimate(estimate: est, se: se, dof: dof, r2dz: rv, r2yz: rv)) < 1e-12)
        let rva = OmittedVariableBias.robustnessValue(t: t, dof: dof, q: 1, alpha: 0.05)
        let adjusted = OmittedVariableBias.adjustedEstimate(estimate: est, se: se, dof: dof, r2dz: rva, r2yz: rva)
        let adjustedT = adjusted / OmittedVariableBias.adjustedSE(se: se, dof: dof, r2dz: rva, r2yz: rva)
        #expect(abs(adjustedT - Distributions.tQuantile(0.975, df: dof - 1)) < 1e-8)
        #expect(OmittedVariableBias.robustnessValue(t: 1.0, dof: dof, q: 1, alpha: 0.05) == 0)
    }

    @Test func refusals() throws {
        let data = try Fixtures.dataset("cps1985.csv")
        let spec = ModelSpec(kind: .ols, formula: "lwage ~ union + education + experience")
        #expect(throws: EstimationError.self) { try OmittedVariableBias.analyze(spec: spec, data: data, treatment: "union", rmax: 1) }
        #expect(throws: EstimationError.self) {
            try OmittedVariableBias.analyze(spec: spec, data: data, treatment: "union", benchmark: "female")
        }
        var logit = spec; logit.kind = .logit
        #expect(throws: EstimationError.self) { try OmittedVariableBias.analyze(spec: logit, data: data, treatment: "union") }
        let noControls = ModelSpec(kind: .ols, formula: "lwage ~ union")
        #expect(throws: EstimationError.self) { try OmittedVariableBias.analyze(spec: noControls, data: data, treatment: "union") }
        let factorX = ModelSpec(kind: .ols, formula: "lwage ~ i.occupation + education")
        #expect(throws: EstimationError.self) { try OmittedVariableBias.analyze(spec: factorX, data: data, treatment: "occupation") }
        var weighted = spec; weighted.weights = .sampling("age")
        #expect(throws: EstimationError.self) { try OmittedVariableBias.analyze(spec: weighted, data: data, treatment: "union") }
    }
}
