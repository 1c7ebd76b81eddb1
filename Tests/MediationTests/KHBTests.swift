import Testing
import Foundation
import Estimation
@testable import Mediation

/// KHB against an independent R computation that fits the reduced model on residualized
/// mediators directly (clm / glm), scripts/fixtures/mediation_fixtures.R.
@Suite struct KHBTests {
    @Test(arguments: [("khb_ologit_one", ModelKind.ologit, ["religion"], ["male", "age", "i.country"]),
                      ("khb_oprobit_one", .oprobit, ["religion"], ["male", "age", "i.country"]),
                      ("khb_logit_one", .logit, ["religion"], ["male", "age", "i.country"]),
                      ("khb_probit_one", .probit, ["religion"], ["male", "age", "i.country"]),
                      ("khb_ologit_two", .ologit, ["religion", "age"], ["male", "i.country"])])
    func matchesR(key: String, kind: ModelKind, mediators: [String], controls: [String]) throws {
        let data = try Fixtures.wvs()
        let y = kind.isOrdered ? "poverty" : "poor"
        let spec = MediationSpec(x: "degree", mediators: mediators, y: y, controls: controls,
                                 mediatorModel: .ols, outcomeModel: kind)
        let r = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.khb]))
        let k = try #require(r.khb)
        for (name, v) in [("reduced", k.reduced), ("full", k.full), ("naive", k.naive)] {
            #expect(close(v.estimate, Fixtures.number(key, name, "estimate")), "\(name)")
            #expect(close(v.se, Fixtures.number(key, name, "se")), "\(name) se")
        }
        #expect(close(k.diff.estimate, Fixtures.number(key, "diff", "estimate")))
        #expect(close(k.diff.se, Fixtures.number(key, "diff", "se")))
        #expect(close(k.diff.p, Fixtures.number(key, "diff", "p")))
        // The reparametrization identity: the directly fitted reduced model agrees.
        #expect(close(k.diff.estimate, Fixtures.number(key, "diff_check")))
        #expect(close(k.confRatio, Fixtures.number(key, "conf_ratio")))
        #expect(close(k.confPct, Fixtures.number(key, "conf_pct"), 1e-5))
        #expect(close(k.rescFact, Fixtures.number(key, "resc_fact")))
        #expect(k.shares.count == mediators.count)
        for (j, share) in k.shares.enumerated() {
            #expect(share.mediator == mediators[j])
            #expect(close(share.estimate, Fixtures.number(key, "per_mediator", j, "estimate")))
            #expect(close(share.se, Fixtures.number(key, "per_mediator", j, "se")))
            #expect(close(share.pctOfDiff, Fixtures.number(key, "per_mediator", j, "pct_of_diff"), 1e-5))
            #expect(close(share.pctOfReduced, Fixtures.number(key, "per_mediator", j, "pct_of_reduced"), 1e-5))
        }
    }
}
