import Testing
import Foundation
import Estimation
import SurveyData
@testable import Mediation

/// The documented JSON shape, several mediators, and one-line errors for bad input.
@Suite struct MediationAPITests {
    static let spec = MediationSpec(x: "degree", mediators: ["religion"], y: "poverty",
                                    controls: ["male", "age", "i.country"], outcomeModel: .ologit)

    static func json(_ r: MediationResult) throws -> [String: Any] {
        let data = Data(try r.json().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func undefinedNumbersBecomeNull() throws {
        // A mediator with a zero path: Goodman's radicand is negative (NaN SE).
        var r = try Mediation.analyze(spec: Self.spec, data: try Fixtures.wvs(), options: MediationOptions(methods: [.bk]))
        r.mediators[0].indirect.goodmanSE = .nan
        let j = try Self.json(r)
        #expect((j["indirect"] as? [String: Any])?["goodman_se"] is NSNull)
    }

    @Test func oneMediatorJSONHasTheDocumentedFields() throws {
        let r = try Mediation.analyze(spec: Self.spec, data: try Fixtures.wvs(),
                                      options: MediationOptions(reps: 30, jackknifeGroups: 10))
        let j = try Self.json(r)
        for key in ["n", "x", "m", "y", "m_model", "y_model", "paths", "verdict", "indirect", "bootstrap", "khb", "causal"] {
            #expect(j[key] != nil, "missing \(key)")
        }
        #expect(j["m"] as? String == "religion")
        #expect(j["y_model"] as? String == "ologit")
        let paths = try #require(j["paths"] as? [String: Any])
        for p in ["a", "b", "c", "c_prime"] {
            let e = try #require(paths[p] as? [String: Any])
            #expect(e["estimate"] != nil && e["se"] != nil && e["p"] != nil)
        }
        let ind = try #require(j["indirect"] as? [String: Any])
        for k in ["estimate", "sobel_se", "aroian_se", "goodman_se", "sobel_p"] { #expect(ind[k] != nil, "indirect.\(k)") }
        let boot = try #require(j["bootstrap"] as? [String: Any])
        for k in ["reps", "seed", "failed", "se", "percentile", "bc", "bca"] { #expect(boot[k] != nil, "bootstrap.\(k)") }
        #expect((boot["percentile"] as? [Any])?.count == 2)
        let khb = try #require(j["khb"] as? [String: Any])
        for k in ["reduced", "full", "diff", "conf_ratio", "conf_pct", "resc_fact"] { #expect(khb[k] != nil, "khb.\(k)") }
        #expect((khb["diff"] as? [String: Any])?["p"] != nil)
        let causal = try #require(j["causal"] as? [String: Any])
        for k in ["acme_control", "acme_treated", "acme_average", "ade_control", "ade_treated", "ade_average",
                  "total", "prop_mediated_average"] {
            let e = try #require(causal[k] as? [String: Any], "causal.\(k)")
            #expect(e["estimate"] != nil && (e["ci"] as? [Any])?.count == 2)
        }
        let by = try #require(causal["by_outcome"] as? [String: Any])
        #expect(Set(by.keys) == ["1", "2", "3", "expected"])
        // Round trip.
        let decoded = try JSONDecoder().decode(MediationResult.self, from: try JSONEncoder().encode(r))
        #expect(decoded.mediators.first?.indirect == r.mediators.first?.indirect)
    }

    @Test func severalMediatorsGetTheirOwnPartsAndOneKHB() throws {
        var spec = Self.spec
        spec.mediators = ["religion", "male"]
        spec.controls = ["age", "i.country"]
        spec.mediatorModel = .logit
        let r = try Mediation.analyze(spec: spec, data: try Fixtures.wvs(),
                                      options: MediationOptions(methods: [.bk, .khb]))
        #expect(r.mediators.map(\.mediator) == ["religion", "male"])
        #expect(r.khb?.shares.count == 2)
        let j = try Self.json(r)
        #expect(j["m"] as? [String] == ["religion", "male"])
        #expect((j["mediators"] as? [Any])?.count == 2)
        #expect(j["paths"] == nil)
    }

    @Test func badInputIsAOneLineError() throws {
        let data = try Fixtures.wvs()
        var messages: [String] = []
        func message(_ spec: MediationSpec) -> String? {
            do { _ = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk])); return nil }
            catch { messages.append("\(error)"); return "\(error)" }
        }
        var s = Self.spec
        s.y = "nosuch"
        #expect(message(s)?.contains("unknown variable 'nosuch'") == true)
        s = Self.spec; s.mediators = ["age"]; s.mediatorModel = .logit; s.controls = ["male"]
        #expect(message(s)?.contains("values other than 0 and 1") == true)
        s = Self.spec; s.mediators = ["poverty"]
        #expect(message(s)?.contains("must be different variables") == true)
        s = Self.spec; s.outcomeModel = nil; s.y = "country"; s.controls = ["male", "age"]
        #expect(message(s)?.contains("categorical") == true)
        s = Self.spec; s.x = "country"; s.controls = ["male", "age"]
        #expect(message(s)?.contains("key regressor 'country' is categorical") == true)
        s = Self.spec; s.controls = ["male", "i.religion"]
        #expect(message(s)?.contains("'religion' is both the mediator and a control") == true)
        s = Self.spec; s.controls = ["male +"]
        #expect(message(s)?.hasPrefix("controls:") == true)
        s = Self.spec; s.mediators = []
        #expect(message(s)?.contains("no mediator") == true)
        for m in [message(Self.spec)].compactMap({ $0 }) { #expect(!m.contains("\n")) }
        // Every message above, not just the valid spec's (which has none), is one line.
        #expect(messages.count == 8)
        for m in messages { #expect(!m.contains("\n"), "\(m)") }
    }

    @Test func missingValuesGiveOneCommonSample() throws {
        var data = try Fixtures.mroz()
        var lwg = try #require(data.column("lwg"))
        for i in stride(from: 0, to: 40, by: 1) { lwg.values[i] = .nan }
        data.setColumn(lwg)
        var inc = try #require(data.column("inc"))
        for i in stride(from: 30, to: 50, by: 1) { inc.values[i] = .nan }
        data.setColumn(inc)
        let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "inc", controls: ["age", "k5", "k618"])
        let r = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk]))
        #expect(r.n == 753 - 50)
        #expect(r.dropped.contains(DroppedRows(reason: "missing lwg", count: 40)))
        #expect(r.dropped.contains(DroppedRows(reason: "missing inc", count: 10)))
    }
}
