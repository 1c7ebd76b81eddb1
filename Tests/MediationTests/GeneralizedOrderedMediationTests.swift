import Testing
import Foundation
import Estimation
import SurveyData
@testable import Mediation

/// Baron–Kenny under a gologit outcome (issue 15 item 4) against VGAM::vglm with observed-information
/// SEs (scripts/fixtures/mediation_gologit.R): a from glm, c, b and c′ per equation (a constrained
/// term once, equation nil), the per-equation verdicts and the weakest as the headline.
@Suite struct GeneralizedOrderedMediationTests {
    nonisolated(unsafe) static let fixture = Result { try Fixtures.json("mediation_gologit.json") }

    static func cases() throws -> [[String: Any]] {
        let object = try fixture.get()
        guard let cases = object["cases"] as? [[String: Any]], !cases.isEmpty else {
            throw FixtureError("mediation_gologit.json has no cases")
        }
        return cases
    }

    func number(_ node: Any?) -> Double { (node as? NSNumber)?.doubleValue ?? .nan }

    @Test func pathsPerEquationMatchVGAM() throws {
        let data = try Fixtures.wvs()
        for c in try Self.cases() {
            let name = c["name"] as? String ?? "?"
            var spec = MediationSpec(x: "religion", mediators: ["degree"], y: "poverty", controls: ["age", "male"],
                                     mediatorModel: .logit, outcomeModel: .gologit)
            let constrained = c["constrained"] as? [String] ?? []
            if !constrained.isEmpty { spec.parallelLines = .constrained(constrained) }
            let r = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk]))
            #expect(r.n == Int(number(c["n"])), "\(name) n")
            let med = try #require(r.mediators.first)
            let a = c["a"] as? [String: Any]
            #expect(close(med.paths.a.estimate, number(a?["estimate"])), "\(name) a")
            #expect(close(med.paths.a.se, number(a?["se"])), "\(name) a se")
            let expected = try #require(c["equations"] as? [[String: Any]])
            let got = try #require(med.paths.byEquation)
            #expect(got.count == expected.count, "\(name): rows")
            for e in expected {
                let path = e["path"] as? String, equation = e["equation"] as? String
                guard let row = got.first(where: { $0.path == path && $0.equation == equation }) else {
                    Issue.record("\(name): no row \(path ?? "?") equation \(equation ?? "null")"); continue
                }
                let what = "\(name) \(path ?? "?")[\(equation ?? "null")]"
                #expect(close(row.estimate, number(e["estimate"]), 1e-5), "\(what) estimate")
                #expect(close(row.se, number(e["se"]), 1e-4), "\(what) se")
                #expect(close(row.p, number(e["p"]), 1e-4), "\(what) p")
            }
            let verdicts = try #require(c["equation_verdicts"] as? [[String: Any]])
            #expect(med.paths.equationVerdicts?.map(\.equation) == verdicts.map { $0["equation"] as? String ?? "" })
            #expect(med.paths.equationVerdicts?.map(\.verdict.rawValue) == verdicts.map { $0["verdict"] as? String ?? "" })
            // A constrained b is the headline b; a varying one has none.
            if constrained.contains("degree") {
                let b = try #require(expected.first { $0["path"] as? String == "b" })
                #expect(close(med.paths.b.estimate, number(b["estimate"]), 1e-5))
            } else {
                #expect(med.paths.b.estimate.isNaN)
            }
            #expect(med.bootstrap == nil && med.causal == nil && r.khb == nil)

            // Causal effects on each category's probability and on the expected code: point
            // estimates against R's direct computation; quasi-Bayesian intervals around them.
            let cr = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.causal], reps: 100))
            let causal = try #require(cr.mediators.first?.causal)
            let scales = try #require(c["causal"] as? [[String: Any]])
            #expect(causal.byOutcome.map(\.outcome) == scales.map { $0["outcome"] as? String ?? "" })
            for (got, want) in zip(causal.byOutcome, scales) {
                let e = got.effects
                for (key, v) in [("acme_control", e.acmeControl), ("acme_treated", e.acmeTreated), ("acme_average", e.acmeAverage),
                                 ("ade_control", e.adeControl), ("ade_treated", e.adeTreated), ("ade_average", e.adeAverage),
                                 ("total", e.total)] {
                    #expect(close(v.estimate, number(want[key]), 1e-7), "\(name) \(got.outcome) \(key)")
                }
                #expect(close(e.propMediatedAverage.estimate, number(want["prop_mediated_average"]), 1e-5), "\(name) \(got.outcome) prop")
                let ci = try #require(e.total.ci)
                #expect(ci.low <= e.total.estimate && e.total.estimate <= ci.high, "\(name) \(got.outcome) total ci")
            }
            #expect(close(causal.effects.total.estimate, number(scales.last?["total"]), 1e-7))

            // KHB per equation against the refitted reduced model (residualized mediator).
            let kr = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.khb]))
            let khb = try #require(kr.khbEquations)
            let want = try #require(c["khb"] as? [[String: Any]])
            #expect(khb.map(\.equation) == want.map { $0["equation"] as? String })
            for (k, w) in zip(khb, want) {
                let what = "\(name) KHB y > \(k.equation ?? "?")"
                #expect(close(k.reduced.estimate, number(w["reduced"]), 1e-5), "\(what) reduced")
                #expect(close(k.reduced.se, number(w["reduced_se"]), 1e-4), "\(what) reduced se")
                #expect(close(k.full.estimate, number(w["full"]), 1e-5), "\(what) full")
                #expect(close(k.naive.estimate, number(w["naive"]), 1e-5), "\(what) naive")
                #expect(close(k.diff.estimate, number(w["diff"]), 1e-5), "\(what) diff")
                #expect(close(k.diff.se, number(w["diff_se"]), 1e-4), "\(what) diff se")
                #expect(close(k.confRatio, number(w["conf_ratio"]), 1e-4), "\(what) ratio")
                #expect(close(k.rescFact, number(w["resc_fact"]), 1e-4), "\(what) rescale")
            }
        }
    }

    @Test func headlineVerdictIsTheWeakest() throws {
        let data = try Fixtures.wvs()
        var spec = MediationSpec(x: "religion", mediators: ["degree"], y: "poverty", controls: ["age", "male"],
                                 mediatorModel: .logit, outcomeModel: .gologit)
        spec.parallelLines = .autofit(alpha: 0.05)
        let r = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk]))
        let paths = try #require(r.mediators.first?.paths)
        let rank: [MediationVerdict: Int] = [.none: 0, .partial: 1, .full: 2]
        let weakest = try #require(paths.equationVerdicts?.map(\.verdict).min { rank[$0]! < rank[$1]! })
        #expect(paths.verdict == weakest)
        #expect(r.diagnostics.contains { if case .generalizedOrderedPathsOnly = $0 { return true } else { return false } })
    }

    /// `--causal-ci bootstrap`: both models refitted per resample (autofit re-run); the point
    /// estimates are the fixture's, the intervals come from the replicates.
    @Test func causalBootstrapRefitsGologit() throws {
        let data = try Fixtures.wvs()
        var spec = MediationSpec(x: "religion", mediators: ["degree"], y: "poverty", controls: ["age", "male"],
                                 mediatorModel: .logit, outcomeModel: .gologit)
        spec.parallelLines = .autofit(alpha: 0.05)
        var options = MediationOptions(methods: [.causal], reps: 20)
        options.causalInterval = .bootstrap
        let r = try Mediation.analyze(spec: spec, data: data, options: options)
        let causal = try #require(r.mediators.first?.causal)
        #expect(causal.interval == .bootstrap && causal.failed == 0)
        let ci = try #require(causal.effects.total.ci)
        #expect(ci.low < ci.high && ci.low.isFinite && ci.high.isFinite)
        #expect(causal.byOutcome.count == 4)
    }

    @Test func badInputNamesTheOption() throws {
        let data = try Fixtures.wvs()
        // A binary outcome.
        let binary = MediationSpec(x: "religion", mediators: ["degree"], y: "male", mediatorModel: .logit, outcomeModel: .gologit)
        #expect(throws: MediationError.self) { try Mediation.analyze(spec: binary, data: data, options: MediationOptions(methods: [.bk])) }
        do { _ = try Mediation.analyze(spec: binary, data: data, options: MediationOptions(methods: [.bk])) } catch {
            #expect(error.description.contains("--y-model gologit") && !error.description.contains("\n"))
        }
        // A moderator.
        var moderated = MediationSpec(x: "religion", mediators: ["degree"], y: "poverty", mediatorModel: .logit, outcomeModel: .gologit)
        moderated.moderation = ModerationSpec(moderator: "male", moderate: .a)
        do { _ = try Mediation.analyze(spec: moderated, data: data, options: MediationOptions(methods: [.bk])); Issue.record("no error") } catch {
            #expect(error.description.contains("--y-model gologit") && error.description.contains("--moderator"))
        }
        // A survey design (gologit refuses designs).
        var designed = MediationSpec(x: "religion", mediators: ["degree"], y: "poverty", mediatorModel: .logit, outcomeModel: .gologit)
        designed.design = SurveyDesign(psu: "country")
        do { _ = try Mediation.analyze(spec: designed, data: data, options: MediationOptions(methods: [.bk])); Issue.record("no error") } catch {
            #expect(error.description.contains("--y-model gologit") && error.description.contains("--svy"))
        }
        // --autofit with an ologit outcome.
        var ologit = MediationSpec(x: "religion", mediators: ["degree"], y: "poverty", mediatorModel: .logit, outcomeModel: .ologit)
        ologit.parallelLines = .autofit(alpha: 0.05)
        do { _ = try Mediation.analyze(spec: ologit, data: data, options: MediationOptions(methods: [.bk])); Issue.record("no error") } catch {
            #expect(error.description.contains("--autofit"))
        }
    }
}
