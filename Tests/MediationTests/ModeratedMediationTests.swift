import Testing
import Foundation
import Estimation
import SurveyData
@testable import Mediation

/// Moderated mediation (PROCESS models 7, 14, 58) against an own R implementation with lm/glm and
/// `boot` (scripts/fixtures/moderated_mediation.R → moderated_mediation.json) on Mroz. Point
/// estimates (conditional paths with delta-method SEs, indirect effects, index, conditional
/// ACME/ADE by numerical integration in R) to 1e-6. The bootstrap draws different resamples from
/// R's, so SEs and percentile intervals are compared within Monte Carlo error: with 1000
/// replications here and 5000 (2000) in R, an interval end's MC sd is ≈ 0.07 (0.085) bootstrap
/// SEs, allowed 0.4 SE; the SE's relative MC sd ≈ 2 %, allowed 10 %.
@Suite struct ModeratedMediationTests {
    nonisolated(unsafe) static let file = Result { try Fixtures.json("moderated_mediation.json") }
    static var expected: [String: Any] { Fixtures.loaded(file, sourceLocation: #_sourceLocation) }

    static func node(_ path: Any...) -> Any? {
        var node: Any? = expected
        for key in path {
            if let k = key as? String { node = (node as? [String: Any])?[k] }
            else if let i = key as? Int { node = (node as? [Any]).flatMap { i < $0.count ? $0[i] : nil } }
        }
        return node
    }
    static func number(_ path: Any..., sourceLocation: SourceLocation = #_sourceLocation) -> Double {
        var node: Any? = expected
        for key in path {
            if let k = key as? String { node = (node as? [String: Any])?[k] }
            else if let i = key as? Int { node = (node as? [Any]).flatMap { i < $0.count ? $0[i] : nil } }
        }
        guard let n = node as? NSNumber else {
            Issue.record("moderated_mediation.json has no number at \(path)", sourceLocation: sourceLocation)
            return .nan
        }
        return n.doubleValue
    }

    func run(_ key: String, y: String = "inc", yModel: ModelKind? = nil, moderator: String, moderate: ModeratedPath,
             values: [Double]? = nil, causal: Bool) throws -> ModerationResult {
        var spec = MediationSpec(x: "wc", mediators: ["lwg"], y: y, controls: ["k5", "k618"], outcomeModel: yModel)
        spec.moderation = ModerationSpec(moderator: moderator, moderate: moderate, wValues: values)
        var options = MediationOptions(methods: causal ? [.bk, .bootstrap, .causal] : [.bk, .bootstrap], reps: 1000, seed: 7)
        options.sensitivity = false
        let r = try Mediation.analyze(spec: spec, data: try Fixtures.mroz(), options: options)
        return try #require(r.moderation)
    }

    func compare(_ key: String, _ m: ModerationResult, causal: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        let values = (Self.node(key, "values") as? [NSNumber])?.map(\.doubleValue) ?? []
        #expect(m.values.count == values.count, sourceLocation: sourceLocation)
        for (k, v) in values.enumerated() where k < m.values.count { #expect(close(m.values[k], v), sourceLocation: sourceLocation) }
        #expect(m.failed == 0, sourceLocation: sourceLocation)
        for (k, c) in m.conditional.enumerated() {
            for (name, path) in [("a", c.paths.a), ("b", c.paths.b), ("c_prime", c.paths.cPrime)] {
                #expect(close(path.estimate, Self.number(key, "conditional", k, "paths", name, "estimate")), "\(key) \(name)(w\(k))", sourceLocation: sourceLocation)
                #expect(close(path.se, Self.number(key, "conditional", k, "paths", name, "se")), "\(key) se \(name)(w\(k))", sourceLocation: sourceLocation)
                #expect(close(path.p, Self.number(key, "conditional", k, "paths", name, "p")), "\(key) p \(name)(w\(k))", sourceLocation: sourceLocation)
            }
            checkBootstrap(c.indirect.estimate, c.indirect.se, c.indirect.ci, key, "conditional", k, "indirect", sourceLocation: sourceLocation)
            if causal {
                let e = c.causal
                #expect(e != nil, sourceLocation: sourceLocation)
                for (name, effect) in [("acme", e?.acme), ("ade", e?.ade), ("total", e?.total)] {
                    #expect(close(effect?.estimate ?? .nan, Self.number(key, "conditional", k, "causal", name)),
                            "\(key) \(name)(w\(k)) \(effect?.estimate ?? .nan)", sourceLocation: sourceLocation)
                    #expect(effect?.ci != nil, sourceLocation: sourceLocation)
                }
            }
        }
        #expect(m.index.definition == Self.node(key, "index", "definition") as? String, sourceLocation: sourceLocation)
        checkBootstrap(m.index.estimate, m.index.se, m.index.ci, key, "index", sourceLocation: sourceLocation)
    }

    func checkBootstrap(_ estimate: Double, _ se: Double, _ ci: Interval?, _ path: Any..., sourceLocation: SourceLocation) {
        func n(_ tail: Any...) -> Double {
            var node: Any? = Self.expected
            for key in path + tail {
                if let k = key as? String { node = (node as? [String: Any])?[k] }
                else if let i = key as? Int { node = (node as? [Any]).flatMap { i < $0.count ? $0[i] : nil } }
            }
            guard let v = node as? NSNumber else { Issue.record("no number at \(path + tail)", sourceLocation: sourceLocation); return .nan }
            return v.doubleValue
        }
        let rse = n("se")
        #expect(close(estimate, n("estimate")), "\(path) estimate \(estimate)", sourceLocation: sourceLocation)
        #expect(abs(se / rse - 1) < 0.10, "\(path) se \(se) vs \(rse)", sourceLocation: sourceLocation)
        #expect(abs((ci?.low ?? .nan) - n("ci", 0)) < 0.4 * rse, "\(path) ci low \(ci?.low ?? .nan) vs \(n("ci", 0))", sourceLocation: sourceLocation)
        #expect(abs((ci?.high ?? .nan) - n("ci", 1)) < 0.4 * rse, "\(path) ci high \(ci?.high ?? .nan) vs \(n("ci", 1))", sourceLocation: sourceLocation)
    }

    @Test func model7ContinuousModeratorMeanAndSD() throws {
        let m = try run("m7_age", moderator: "age", moderate: .a, causal: true)
        #expect(m.model == 7 && m.probe == .meanSD && !m.factor)
        #expect(m.outcomeFormula == "inc ~ wc + lwg + k5 + k618")   // W left out of Y, as PROCESS
        compare("m7_age", m, causal: true)
    }

    @Test func model14BinaryModerator() throws {
        let m = try run("m14_hc", moderator: "hc", moderate: .b, causal: true)
        #expect(m.model == 14 && m.probe == .levels && m.factor && m.values == [0, 1])
        #expect(m.mediatorFormula == "lwg ~ wc + k5 + k618")
        compare("m14_hc", m, causal: true)
    }

    @Test func model58BothPathsIndexIsADifference() throws {
        let m = try run("m58_age", moderator: "age", moderate: .both, causal: false)
        #expect(m.model == 58 && m.index.between?.count == 2)
        compare("m58_age", m, causal: false)
    }

    @Test func givenModeratorValues() throws {
        let m = try run("m7_age_given", moderator: "age", moderate: .a, values: [30, 45, 60], causal: false)
        #expect(m.probe == .given)
        compare("m7_age_given", m, causal: false)
    }

    @Test func logitOutcomeConditionalCausalEffects() throws {
        let m = try run("m7_hc_logit", y: "lfp", yModel: .logit, moderator: "hc", moderate: .a, causal: true)
        compare("m7_hc_logit", m, causal: true)
    }

    @Test func sameSeedSameResultWhateverTheThreads() throws {
        var spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "inc", controls: ["k5"])
        spec.moderation = ModerationSpec(moderator: "age")
        let data = try Fixtures.mroz()
        let one = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bootstrap], reps: 100, seed: 3, threads: 1))
        let two = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bootstrap], reps: 100, seed: 3, threads: 2))
        #expect(one.moderation == two.moderation)
        // The replications went to the conditional effects, not to an unconditional bootstrap.
        #expect(one.mediators[0].bootstrap == nil)
    }

    @Test func badModeratorsAreRefusedNamingTheTerm() throws {
        let data = try Fixtures.mroz()
        func message(_ moderator: String, values: [Double]? = nil, controls: [String] = []) -> String {
            var spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "inc", controls: controls)
            spec.moderation = ModerationSpec(moderator: moderator, wValues: values)
            do { _ = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk], reps: 10)); return "" }
            catch { return error.description }
        }
        #expect(message("wc").contains("'wc' is the key regressor"))
        #expect(message("lwg").contains("'lwg' is the mediator"))
        #expect(message("inc").contains("'inc' is the outcome"))
        #expect(message("nosuch").contains("unknown variable 'nosuch'"))
        #expect(message("hc", values: [0, 2]).contains("2 is not a level of 'hc'"))
        #expect(message("age", controls: ["age"]).contains("'age' is also a control"))
    }
}
