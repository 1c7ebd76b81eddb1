import Foundation
import Testing
import SurveyData
@testable import Estimation
@testable import Mediation

/// Mediation on a subpopulation of a survey design (`MediationSpec.subpop`, `mediate --subpop`)
/// against scripts/fixtures/survey_mediation_subpop.R (R's `subset(design, …)`; the model set and
/// tolerances of `ClusteredMediationTests`): paths and KHB to 1e-6 / 1e-5, the design df as
/// Stata's `subpop()`, causal point estimates over the subpopulation to 1e-6, and the Rao–Wu
/// bootstrap — replicate weights from the whole design, then the subpopulation refitted — within
/// Monte Carlo error of R's `subset(as.svrepdesign(type = "subbootstrap"))`.
struct SubpopMediationTests {
    static func fixtureCase(_ name: String) throws -> [String: Any] {
        let url = ClusteredMediationTests.estimationFixtures.appendingPathComponent("survey_mediation_subpop.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require((root["cases"] as? [[String: Any]])?.first { $0["name"] as? String == name }, "no case \(name)")
    }

    static func spec(_ c: [String: Any]) throws -> MediationSpec {
        var spec = MediationSpec(x: "ell", mediators: ["meals"], y: "sch_wide", mediatorModel: .ols, outcomeModel: .logit)
        spec.design = try SurveyDesign.parse(try #require(c["svy"] as? String))
        spec.subpop = try #require(c["subpop"] as? String)
        return spec
    }

    static func analyze(_ c: [String: Any], _ options: MediationOptions) throws -> MediationResult {
        try Mediation.analyze(spec: try spec(c), data: try ClusteredMediationTests.data(c["data"] as! String), options: options)
    }

    private func close(_ got: Double, _ expected: Any?, _ tol: Double, _ what: String) {
        ClusteredMediationTests.close(got, expected, tol, what)
    }

    static let cases = ["svy_strat_subpop", "svy_clus1_subpop"]

    @Test(arguments: cases)
    func pathsAndKHBMatchR(_ name: String) throws {
        let c = try Self.fixtureCase(name)
        let r = try Self.analyze(c, MediationOptions(methods: [.bk, .khb]))
        #expect(r.n == Int(ClusteredMediationTests.number(c["n"])) && r.subpop == c["subpop"] as? String)
        #expect(r.vce == "linearized" && r.design?.df == Int(ClusteredMediationTests.number(c["df"])), "df \(r.design?.df ?? -1)")
        #expect(r.dropped.contains { $0.reason == .outsideSubpopulation })
        let m = try #require(r.mediators.first)
        for (key, path) in [("a", m.paths.a), ("b", m.paths.b), ("c", m.paths.c), ("c_prime", m.paths.cPrime)] {
            let ref = try #require(c[key] as? [String: Any])
            close(path.estimate, ref["estimate"], 1e-6, "\(name) \(key) estimate")
            close(path.se, ref["se"], 1e-5, "\(name) \(key) se")
            #expect(abs(path.p - ClusteredMediationTests.number(ref["p"])) <= 1e-5, "\(name) \(key) p \(path.p) vs \(ref["p"] ?? "")")
        }
        let khb = try #require(r.khb)
        let ref = try #require(c["khb"] as? [String: [String: Any]])
        for (key, estimate, se) in [("reduced", khb.reduced.estimate, khb.reduced.se), ("full", khb.full.estimate, khb.full.se),
                                    ("diff", khb.diff.estimate, khb.diff.se)] {
            close(estimate, ref[key]?["estimate"], 1e-6, "\(name) khb \(key) estimate")
            close(se, ref[key]?["se"], 1e-5, "\(name) khb \(key) se")
        }
    }

    @Test(arguments: cases)
    func bootstrapWithinMonteCarloError(_ name: String) throws {
        let c = try Self.fixtureCase(name)
        var options = MediationOptions(methods: [.bootstrap], reps: 1000, seed: 17)
        options.jackknifeGroups = 20
        let boot = try #require(try Self.analyze(c, options).mediators.first?.bootstrap)
        ClusteredMediationTests.expectBootstrapMatches(boot, try #require(c["bootstrap"] as? [String: Any]), name)
    }

    @Test(arguments: cases)
    func causalPointEstimatesAreTheSubpopulations(_ name: String) throws {
        let c = try Self.fixtureCase(name)
        var options = MediationOptions(methods: [.causal], reps: 30)
        options.sensitivity = false
        let r = try Self.analyze(c, options)
        let causal = try #require(r.mediators.first?.causal)
        let ref = try #require(c["causal"] as? [String: Any])
        let e = causal.effects
        for (key, value) in [("acme_control", e.acmeControl.estimate), ("acme_treated", e.acmeTreated.estimate),
                             ("ade_control", e.adeControl.estimate), ("ade_treated", e.adeTreated.estimate),
                             ("total", e.total.estimate)] {
            close(value, ref[key], 1e-6, "\(name) \(key)")
        }
        #expect(causal.interval == .bootstrap)
    }

    /// What is not built, and bad input: one line each.
    @Test func refusals() throws {
        let c = try Self.fixtureCase("svy_strat_subpop")
        let data = try ClusteredMediationTests.data("api_strat.csv")
        func message(_ edit: (inout MediationSpec) -> Void) throws -> String {
            var spec = try Self.spec(c)
            edit(&spec)
            do { _ = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk])); return "" }
            catch { return "\(error)" }
        }
        #expect(try message { $0.design = nil } == "the subpopulation 'mobility < 20' needs a survey design; without one use an if condition")
        #expect(try message { $0.subpop = "mobility > 1000" } == "--subpop 'mobility > 1000' selects no observations")
        #expect(try message { $0.moderation = ModerationSpec(moderator: "api00", moderate: .a) }.hasPrefix("moderated mediation (--moderator) is not built for a subpopulation"))
    }
}
