import Testing
import Foundation
import Estimation
@testable import Mediation

/// Causal-mediation point estimates against the exact integrals computed independently in R
/// (sums over a binary mediator; `integrate` over a normal mediator), and the ols/ols sensitivity
/// curve of Imai, Keele & Yamamoto (2010).
@Suite struct CausalMediationTests {
    static let effectKeys = ["acme_control", "acme_treated", "acme_average", "ade_control",
                             "ade_treated", "ade_average", "total", "prop_mediated_average"]

    static func values(_ e: CausalEffects) -> [Double] {
        [e.acmeControl, e.acmeTreated, e.acmeAverage, e.adeControl, e.adeTreated, e.adeAverage,
         e.total, e.propMediatedAverage].map(\.estimate)
    }

    func check(_ e: CausalEffects, _ path: Any..., tol: Double = 1e-7) {
        for (k, v) in zip(Self.effectKeys, Self.values(e)) {
            var node: Any? = Fixtures.expected
            for key in path {
                if let s = key as? String { node = (node as? [String: Any])?[s] }
                else if let i = key as? Int { node = (node as? [Any])?[i] }
            }
            let expected = ((node as? [String: Any])?[k] as? NSNumber)?.doubleValue ?? .nan
            // Effects are differences of probabilities; absolute 1e-7 (and 1e-6 for the ratio).
            let t = k == "prop_mediated_average" ? 1e-6 : tol
            #expect(abs(v - expected) <= t * max(1, abs(expected)), "\(path) \(k): \(v) vs \(expected)")
        }
    }

    @Test(arguments: [("causal_wvs_logit_ologit", ModelKind.logit, ModelKind.ologit),
                      ("causal_wvs_probit_oprobit", .probit, .oprobit)])
    func binaryMediatorOrderedOutcome(key: String, m: ModelKind, y: ModelKind) throws {
        let spec = MediationSpec(x: "degree", mediators: ["religion"], y: "poverty",
                                 controls: ["male", "age", "i.country"], mediatorModel: m, outcomeModel: y)
        let r = try Mediation.analyze(spec: spec, data: try Fixtures.wvs(),
                                      options: MediationOptions(methods: [.causal], reps: 0))
        let c = try #require(r.mediators.first?.causal)
        #expect(c.byOutcome.map(\.outcome) == ["1", "2", "3", "expected"])
        for k in 0..<3 { check(c.byOutcome[k].effects, key, "by_outcome", k) }
        check(c.byOutcome[3].effects, key, "expected")
        check(c.effects, key, "expected")
    }

    @Test func binaryMediatorBinaryOutcome() throws {
        let spec = MediationSpec(x: "degree", mediators: ["religion"], y: "poor",
                                 controls: ["male", "age", "i.country"])
        let r = try Mediation.analyze(spec: spec, data: try Fixtures.wvs(),
                                      options: MediationOptions(methods: [.causal], reps: 0))
        let c = try #require(r.mediators.first?.causal)
        #expect(c.mediatorModel == .logit && c.outcomeModel == .logit)   // codebook defaults
        check(c.effects, "causal_wvs_logit_logit")
    }

    @Test(arguments: [("causal_mroz_ols_logit", ModelKind.logit, "lfp"),
                      ("causal_mroz_ols_probit", .probit, "lfp"),
                      ("causal_mroz_ols_ols", .ols, "inc")])
    func continuousMediator(key: String, y: ModelKind, outcome: String) throws {
        let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: outcome, controls: ["age", "k5", "k618"],
                                 mediatorModel: .ols, outcomeModel: y)
        let r = try Mediation.analyze(spec: spec, data: try Fixtures.mroz(),
                                      options: MediationOptions(methods: [.causal], reps: 0))
        let c = try #require(r.mediators.first?.causal)
        check(c.effects, key)
    }

    @Test func linearSensitivity() throws {
        let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "inc", controls: ["age", "k5", "k618"])
        let r = try Mediation.analyze(spec: spec, data: try Fixtures.mroz(),
                                      options: MediationOptions(methods: [.causal], reps: 0))
        let s = try #require(r.mediators.first?.causal?.sensitivity)
        #expect(close(s.rhoAtZero ?? .nan, Fixtures.number("sensitivity_mroz_ols_ols", "rho_at_zero")))
        let rhos = (Fixtures.value("sensitivity_mroz_ols_ols", "rho") as? [NSNumber])?.map(\.doubleValue) ?? []
        #expect(rhos.count == 19)
        for (j, rho) in rhos.enumerated() {
            let i = try #require(s.rho.firstIndex { abs($0 - rho) < 1e-9 })
            #expect(close(s.acme[i], Fixtures.number("sensitivity_mroz_ols_ols", "acme", j)), "ρ = \(rho)")
        }
        // At ρ = 0 the ACME is the product of coefficients.
        let zero = try #require(s.rho.firstIndex(of: 0))
        #expect(close(s.acme[zero], r.mediators[0].indirect.estimate))
    }

    @Test func quasiBayesianIntervalsAreSeededAndThreadIndependent() throws {
        let spec = MediationSpec(x: "degree", mediators: ["religion"], y: "poverty",
                                 controls: ["male", "age", "i.country"])
        let data = try Fixtures.wvs()
        let one = try Mediation.analyze(spec: spec, data: data,
                                        options: MediationOptions(methods: [.causal], reps: 60, seed: 7, threads: 1))
        let two = try Mediation.analyze(spec: spec, data: data,
                                        options: MediationOptions(methods: [.causal], reps: 60, seed: 7, threads: 2))
        let c1 = try #require(one.mediators.first?.causal), c2 = try #require(two.mediators.first?.causal)
        #expect(c1 == c2)
        #expect(c1.failed == 0)
        let total = c1.effects.total
        let ci = try #require(total.ci)
        #expect(ci.low < total.estimate && total.estimate < ci.high)
    }

    @Test func gaussHermiteIntegratesNormalMoments() {
        let q = GaussHermite(count: 20).standardNormal
        #expect(abs(q.weights.reduce(0, +) - 1) < 1e-13)
        #expect(abs(zip(q.points, q.weights).reduce(0) { $0 + $1.0 * $1.0 * $1.1 } - 1) < 1e-12)
        #expect(abs(zip(q.points, q.weights).reduce(0) { $0 + pow($1.0, 4) * $1.1 } - 3) < 1e-11)
    }
}

/// ols mediator, probit outcome: the ACME under ρ against R's closed form (Φ of a normal mixture)
/// with the same reparametrization, and the crossing against `uniroot`.
@Test func probitOutcomeSensitivity() throws {
    let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "lfp", controls: ["age", "k5", "k618"],
                             mediatorModel: .ols, outcomeModel: .probit)
    let r = try Mediation.analyze(spec: spec, data: try Fixtures.mroz(),
                                  options: MediationOptions(methods: [.causal], reps: 0))
    let s = try #require(r.mediators.first?.causal?.sensitivity)
    let key = "sensitivity_mroz_ols_probit"
    #expect(abs((s.rhoAtZero ?? .nan) - Fixtures.number(key, "rho_at_zero")) < 1e-7)
    let rhos = (Fixtures.value(key, "rho") as? [NSNumber])?.map(\.doubleValue) ?? []
    #expect(rhos.count == 5)
    for (j, rho) in rhos.enumerated() {
        let i = try #require(s.rho.firstIndex { abs($0 - rho) < 1e-9 })
        #expect(abs(s.acme[i] - Fixtures.number(key, "acme", j)) < 1e-7, "ρ = \(rho)")
    }
}

/// Probit mediator, ols outcome: ACME(ρ) from iterated FGLS against the same procedure run with
/// R's weighted `lm`, and the crossing against `uniroot`.
@Test func binaryMediatorSensitivity() throws {
    let spec = MediationSpec(x: "wc", mediators: ["lfp"], y: "inc", controls: ["age", "k5", "k618"],
                             mediatorModel: .probit, outcomeModel: .ols)
    let r = try Mediation.analyze(spec: spec, data: try Fixtures.mroz(),
                                  options: MediationOptions(methods: [.causal], reps: 0))
    let c = try #require(r.mediators.first?.causal)
    let key = "sensitivity_mroz_probit_ols"
    #expect(close(c.effects.acmeAverage.estimate, Fixtures.number(key, "acme_point")))
    let s = try #require(c.sensitivity)
    #expect(abs((s.rhoAtZero ?? .nan) - Fixtures.number(key, "rho_at_zero")) < 1e-7)
    let rhos = (Fixtures.value(key, "rho") as? [NSNumber])?.map(\.doubleValue) ?? []
    for (j, rho) in rhos.enumerated() {
        let i = try #require(s.rho.firstIndex { abs($0 - rho) < 1e-9 })
        #expect(close(s.acme[i], Fixtures.number(key, "acme", j)), "ρ = \(rho)")
    }
}

/// Nonparametric-bootstrap intervals: seeded, thread-independent, and around the point estimate
/// (which does not depend on the interval method).
@Test func bootstrapIntervalsForCausalEffects() throws {
    let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "lfp", controls: ["age", "k5", "k618"],
                             mediatorModel: .ols, outcomeModel: .logit)
    let data = try Fixtures.mroz()
    let options = { (threads: Int) in
        MediationOptions(methods: [.causal], reps: 40, seed: 3, causalInterval: .bootstrap, threads: threads)
    }
    let a = try #require(try Mediation.analyze(spec: spec, data: data, options: options(1)).mediators.first?.causal)
    let b = try #require(try Mediation.analyze(spec: spec, data: data, options: options(2)).mediators.first?.causal)
    #expect(a == b)
    #expect(a.interval == .bootstrap && a.failed == 0)
    #expect(abs(a.effects.acmeAverage.estimate - Fixtures.number("causal_mroz_ols_logit", "acme_average")) < 1e-7)
    let ci = try #require(a.effects.total.ci)
    #expect(ci.low < a.effects.total.estimate && a.effects.total.estimate < ci.high)
}

/// Probit mediator, ordered-probit outcome: the outcome model refitted under ρ by maximum
/// likelihood with bivariate normal probabilities, against R (pbivnorm + optim + Newton steps).
@Test func orderedProbitSensitivity() throws {
    let spec = MediationSpec(x: "degree", mediators: ["religion"], y: "poverty",
                             controls: ["male", "age", "i.country"], mediatorModel: .probit, outcomeModel: .oprobit)
    var options = MediationOptions(methods: [.causal], reps: 0)
    options.sensitivityGrid = [-0.4, 0, 0.3]       // the fixture's points (the default grid has 39)
    let r = try Mediation.analyze(spec: spec, data: try Fixtures.wvs(), options: options)
    let s = try #require(r.mediators.first?.causal?.sensitivity)
    let key = "sensitivity_wvs_probit_oprobit"
    let zero = try #require(s.rho.firstIndex { abs($0) < 1e-12 })
    #expect(abs(s.acme[zero] - Fixtures.number(key, "acme_zero")) < 1e-8)
    for (j, rho) in [-0.4, 0.3].enumerated() {
        let i = try #require(s.rho.firstIndex { abs($0 - rho) < 1e-9 })
        #expect(abs(s.acme[i] - Fixtures.number(key, "acme", j)) < 1e-6, "ρ = \(rho): \(s.acme[i])")
    }
    // ACME changes sign between −0.4 and 0.3 in R's curve: the crossing lies there.
    let root = try #require(s.rhoAtZero)
    #expect(root > -0.4 && root < 0.3)
}
