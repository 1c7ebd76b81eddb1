import Foundation
import Testing
import SurveyData
@testable import Estimation
@testable import Mediation

/// `mediate --svy`: the Baron–Kenny paths are the linearized fits of R's `survey` (survey_design.R's
/// `med_*` cases, apiclus1 with psu=dnum fpc=fpc weight=pw): estimates 1e-6, SEs 1e-5, p (t on the
/// design df) 1e-5; Sobel's SE is √(b²s_a² + a²s_b²) of those linearized SEs.
struct SurveyMediationTests {
    static let estimationFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("EstimationTests/Fixtures")

    static func reference(_ name: String, _ term: String) throws -> (estimate: Double, se: Double, p: Double) {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: estimationFixtures.appendingPathComponent("survey_design.json"))) as? [String: Any])
        let c = try #require((root["cases"] as? [[String: Any]])?.first { $0["name"] as? String == name }, "no case \(name)")
        let row = try #require((c["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == term })
        return ((row["estimate"] as! NSNumber).doubleValue, (row["se"] as! NSNumber).doubleValue, (row["p"] as! NSNumber).doubleValue)
    }

    func data() throws -> Dataset {
        let text = try String(contentsOf: Self.estimationFixtures.appendingPathComponent("api_clus1.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        var columns = [[Double]](repeating: [], count: header.count)
        for line in lines { for (j, f) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() { columns[j].append(Double(f) ?? .nan) } }
        let types: [String: VariableType] = ["sch_wide": .binary]
        return Dataset(name: "api_clus1", columns: zip(header, columns).map { Column(name: $0, values: $1) },
                       codebook: Codebook(dataset: "api_clus1", variables: header.map { VariableInfo(name: $0, type: types[$0] ?? .continuous) }))
    }

    private func check(_ path: PathEstimate, _ r: (estimate: Double, se: Double, p: Double), _ what: String) {
        #expect(abs(path.estimate - r.estimate) <= 1e-6 * max(1, abs(r.estimate)), "\(what) estimate \(path.estimate) vs \(r.estimate)")
        #expect(abs(path.se - r.se) <= 1e-5 * max(1, abs(r.se)), "\(what) se \(path.se) vs \(r.se)")
        #expect(abs(path.p - r.p) <= 1e-5, "\(what) p \(path.p) vs \(r.p)")
    }

    @Test(arguments: [(ModelKind.ols, "api00", "med_c", "med_b"), (.logit, "sch_wide", "med_c_logit", "med_b_logit")])
    func pathsAreLinearized(outcome kind: ModelKind, y: String, cCase: String, bCase: String) throws {
        var spec = MediationSpec(x: "ell", mediators: ["meals"], y: y, mediatorModel: .ols, outcomeModel: kind)
        spec.design = try SurveyDesign.parse("psu=dnum weight=pw fpc=fpc")
        let r = try Mediation.analyze(spec: spec, data: try data(), options: MediationOptions(methods: [.bk, .sobel]))
        let m = try #require(r.mediators.first)
        check(m.paths.a, try Self.reference("med_a", "ell"), "a")
        check(m.paths.b, try Self.reference(bCase, "meals"), "b")
        check(m.paths.c, try Self.reference(cCase, "ell"), "c")
        check(m.paths.cPrime, try Self.reference(bCase, "ell"), "c'")
        let a = m.paths.a, b = m.paths.b
        let sobel = (b.estimate * b.estimate * a.se * a.se + a.estimate * a.estimate * b.se * b.se).squareRoot()
        #expect(abs(m.indirect.sobelSE - sobel) <= 1e-12 * sobel)
    }

    @Test func varianceOptionsAreRefusedUnderADesign() throws {
        var spec = MediationSpec(x: "ell", mediators: ["meals"], y: "api00", mediatorModel: .ols, outcomeModel: .ols)
        spec.design = try SurveyDesign.parse("psu=dnum weight=pw")
        spec.vce = .cluster("dnum")
        do {
            _ = try Mediation.analyze(spec: spec, data: try data(), options: MediationOptions(methods: [.bk]))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("--vce"), "\(error)")
        }
    }
}
