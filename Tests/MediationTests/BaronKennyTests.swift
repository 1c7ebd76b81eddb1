import Testing
import Foundation
import Estimation
@testable import Mediation

/// Baron–Kenny paths, Sobel/Aroian/Goodman and the y*-standardized indirect effect against
/// glm / ordinal::clm / lm / lavaan (scripts/fixtures/mediation_fixtures.R).
@Suite struct BaronKennyTests {
    @Test func verdictRule() {
        let sig = PathEstimate(estimate: 1, se: 0.1, p: 0.001)
        let ns = PathEstimate(estimate: 0.1, se: 0.1, p: 0.3)
        #expect(BaronKenny.verdict(a: sig, b: sig, cPrime: sig) == .partial)
        #expect(BaronKenny.verdict(a: sig, b: sig, cPrime: ns) == .full)
        #expect(BaronKenny.verdict(a: ns, b: sig, cPrime: sig) == .none)
        #expect(BaronKenny.verdict(a: sig, b: ns, cPrime: ns) == .none)
        // The boundary: p must be strictly below α.
        let edge = PathEstimate(estimate: 1, se: 1, p: 0.05)
        #expect(BaronKenny.verdict(a: edge, b: sig, cPrime: sig) == .none)
    }

    @Test func paperShareMixesScales() {
        // The reference paper: a = 0.633 (logit), b = 0.621, c′ = 0.208 (ologit) → 65 %.
        let a = PathEstimate(estimate: 0.633, se: 0.124, p: 0.0000003)
        let b = PathEstimate(estimate: 0.621, se: 0.122, p: 0.0000003)
        let c = PathEstimate(estimate: 0.262, se: 0.119, p: 0.028)
        let cp = PathEstimate(estimate: 0.208, se: 0.120, p: 0.082)
        let r = BaronKenny.result(a: a, b: b, c: c, cPrime: cp, mediatorModel: .logit, outcomeModel: .ologit)
        #expect(abs(r.proportionOfSum - 0.633 * 0.621 / (0.633 * 0.621 + 0.208)) < 1e-12)
        #expect(abs(r.proportionOfSum - 0.654) < 0.001)
        #expect(r.verdict == .full)
        #expect(r.warnings.count == 2)
    }

    @Test(arguments: [("bk_wvs_logit_ologit", ModelKind.logit, ModelKind.ologit),
                      ("bk_wvs_probit_oprobit", ModelKind.probit, ModelKind.oprobit)])
    func wvsPaths(key: String, m: ModelKind, y: ModelKind) throws {
        let data = try Fixtures.wvs()
        let spec = MediationSpec(x: "degree", mediators: ["religion"], y: "poverty",
                                 controls: ["male", "age", "i.country"], mediatorModel: m, outcomeModel: y)
        let r = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk, .sobel]))
        #expect(r.n == Int(Fixtures.number(key, "n")))
        let med = try #require(r.mediators.first)
        for (name, path) in [("a", med.paths.a), ("b", med.paths.b), ("c", med.paths.c), ("c_prime", med.paths.cPrime)] {
            #expect(close(path.estimate, Fixtures.number(key, name, "estimate")), "\(name) estimate")
            #expect(close(path.se, Fixtures.number(key, name, "se")), "\(name) se")
            #expect(close(path.p, Fixtures.number(key, name, "p")), "\(name) p")
        }
        #expect(med.paths.verdict.rawValue == Fixtures.value(key, "verdict") as? String)
        #expect(close(med.paths.proportionOfTotal, Fixtures.number(key, "prop_ab_c")))
        #expect(close(med.paths.proportionOfSum, Fixtures.number(key, "prop_ab_abcp")))
        let ind = med.indirect
        #expect(close(ind.estimate, Fixtures.number(key, "indirect", "estimate")))
        #expect(close(ind.sobelSE, Fixtures.number(key, "indirect", "sobel_se")))
        #expect(close(ind.aroianSE, Fixtures.number(key, "indirect", "aroian_se")))
        #expect(close(ind.goodmanSE, Fixtures.number(key, "indirect", "goodman_se")))
        #expect(close(ind.sobelP, Fixtures.number(key, "indirect", "sobel_p")))
        let std = try #require(med.standardized)
        #expect(close(std.sdM, Fixtures.number(key, "sd_latent_m")))
        #expect(close(std.sdY, Fixtures.number(key, "sd_latent_y")))
        #expect(close(std.indirect.estimate, Fixtures.number(key, "indirect_std", "estimate")))
        #expect(close(std.indirect.sobelSE, Fixtures.number(key, "indirect_std", "sobel_se")))
        #expect(close(std.indirect.sobelP, Fixtures.number(key, "indirect_std", "sobel_p")))
    }

    @Test func linearIndirectMatchesLmAndLavaan() throws {
        let data = try Fixtures.mroz()
        let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "inc", controls: ["age", "k5", "k618"])
        let r = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk]))
        let med = try #require(r.mediators.first)
        #expect(med.mediatorModel == .ols && r.outcomeModel == .ols)
        let key = "linear_mroz"
        for (name, path) in [("a", med.paths.a), ("b", med.paths.b), ("c", med.paths.c), ("c_prime", med.paths.cPrime)] {
            #expect(close(path.estimate, Fixtures.number(key, name, "estimate")), "\(name)")
            #expect(close(path.se, Fixtures.number(key, name, "se")), "\(name) se")
        }
        #expect(close(med.indirect.estimate, Fixtures.number(key, "indirect", "estimate")))
        #expect(close(med.indirect.sobelSE, Fixtures.number(key, "indirect", "sobel_se")))
        // lavaan (ML, fixed x): same point estimate; its delta-method SE is Sobel's formula with
        // ML standard errors, s·√((n − k)/n) for each equation's k regressors.
        #expect(close(med.indirect.estimate, Fixtures.number(key, "lavaan", "ind", "estimate")))
        let n = Double(r.n)
        let a = med.paths.a, b = med.paths.b
        let saML = a.se * ((n - 5) / n).squareRoot(), sbML = b.se * ((n - 6) / n).squareRoot()
        let lavaanSE = (b.estimate * b.estimate * saML * saML + a.estimate * a.estimate * sbML * sbML).squareRoot()
        #expect(close(lavaanSE, Fixtures.number(key, "lavaan", "ind", "se"), 1e-5))
        // ols mediator and outcome: the y*-standardization divides by the observed sds.
        let std = try #require(med.standardized)
        #expect(close(std.sdM, Fixtures.number(key, "sd_m")))
        #expect(close(std.sdY, Fixtures.number(key, "sd_y")))
    }
}
