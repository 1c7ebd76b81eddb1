import Foundation
import Testing
import SurveyData
@testable import Estimation
@testable import Mediation

/// `mediate --vce cluster:VAR [--pweight]` and `mediate --svy` against scripts/fixtures/
/// survey_mediation.R (survey_mediation.json; api samples, meals ~ ell ols mediator, sch_wide
/// logit outcome):
/// - paths and KHB (reduced, full, diff) to 1e-6 in the estimates and 1e-5 in SEs and p (R's glm
///   stops at its own convergence tolerance, ~1e-7 relative in the SEs);
/// - causal point estimates (weighted under the design) to 1e-6;
/// - the bootstrap of a·b (cluster bootstrap; Rao–Wu subbootstrap under the design) within Monte
///   Carlo error: R's 4000 replicates and our 1000 come from different random streams, so the SE
///   must agree within 15 % (the SE of a bootstrap SE from R replicates is about SE/√(2R): 2.2 %
///   for R = 1000, 1.1 % for 4000, so 15 % is over five combined standard errors) and each
///   percentile endpoint within 0.4 SE (the 2.5 % quantile of 1000 normal replicates has sd
///   ≈ 0.085 SE, of 4000 ≈ 0.042 SE: 0.4 SE is over four combined standard errors).
struct ClusteredMediationTests {
    static let estimationFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("EstimationTests/Fixtures")

    static func fixtureCase(_ name: String) throws -> [String: Any] {
        let url = estimationFixtures.appendingPathComponent("survey_mediation.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require((root["cases"] as? [[String: Any]])?.first { $0["name"] as? String == name }, "no case \(name)")
    }

    static func data(_ file: String) throws -> Dataset {
        let text = try String(contentsOf: estimationFixtures.appendingPathComponent(file), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        var columns = [[Double]](repeating: [], count: header.count)
        for line in lines { for (j, f) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() { columns[j].append(Double(f) ?? .nan) } }
        let types: [String: VariableType] = ["sch_wide": .binary]
        return Dataset(name: file, columns: zip(header, columns).map { Column(name: $0, values: $1) },
                       codebook: Codebook(dataset: file, variables: header.map { VariableInfo(name: $0, type: types[$0] ?? .continuous) }))
    }

    static func spec(_ c: [String: Any]) throws -> MediationSpec {
        var spec = MediationSpec(x: "ell", mediators: ["meals"], y: "sch_wide", mediatorModel: .ols, outcomeModel: .logit)
        if let svy = c["svy"] as? String { spec.design = try SurveyDesign.parse(svy) }
        if let vce = c["vce"] as? String { spec.vce = try #require(VarianceType(argument: vce)) }
        if let w = c["pweight"] as? String { spec.weights = .sampling(w) }
        return spec
    }

    static func number(_ any: Any?) -> Double { (any as? NSNumber)?.doubleValue ?? .nan }

    static func close(_ got: Double, _ expected: Any?, _ tol: Double, _ what: String) {
        let e = number(expected)
        #expect(abs(got - e) <= tol * max(1, abs(e)), "\(what): \(got) vs \(e)")
    }
    private func close(_ got: Double, _ expected: Any?, _ tol: Double, _ what: String) { Self.close(got, expected, tol, what) }

    /// The design bootstrap against R's replicate-weight bootstrap (`ref`, the fixture case's
    /// `bootstrap`): the same resampling scheme and point estimate, SE within 15 % and the
    /// percentile interval within 0.4 SE (Monte Carlo error of 1,000 replications), few failures.
    static func expectBootstrapMatches(_ boot: BootstrapResult, _ ref: [String: Any], _ name: String) {
        #expect(boot.resampling == ref["resampling"] as? String)
        close(boot.indirect.estimate, ref["estimate"], 1e-6, "\(name) a·b")
        let se = number(ref["se"])
        #expect(abs(boot.indirect.se - se) <= 0.15 * se, "\(name) bootstrap SE \(boot.indirect.se) vs R \(se)")
        let pct = (ref["percentile"] as? [NSNumber] ?? []).map(\.doubleValue)
        #expect(pct.count == 2, "\(name): no percentile interval in the fixture")
        guard pct.count == 2 else { return }
        #expect(abs(boot.indirect.percentile.low - pct[0]) <= 0.4 * se, "\(name) low \(boot.indirect.percentile.low) vs \(pct[0])")
        #expect(abs(boot.indirect.percentile.high - pct[1]) <= 0.4 * se, "\(name) high \(boot.indirect.percentile.high) vs \(pct[1])")
        #expect(boot.failed <= 20, "\(name): \(boot.failed) failed replicates")
    }

    static let cases = ["cluster_clus1", "cluster_clus1_pw", "svy_strat", "svy_clus1"]

    @Test(arguments: cases)
    func pathsAndKHBMatchR(_ name: String) throws {
        let c = try Self.fixtureCase(name)
        let r = try Mediation.analyze(spec: try Self.spec(c), data: try Self.data(c["data"] as! String),
                                      options: MediationOptions(methods: [.bk, .khb]))
        let m = try #require(r.mediators.first)
        let paths: [(String, PathEstimate)] = [("a", m.paths.a), ("b", m.paths.b), ("c", m.paths.c), ("c_prime", m.paths.cPrime)]
        for (key, path) in paths {
            let ref = try #require(c[key] as? [String: Any])
            close(path.estimate, ref["estimate"], 1e-6, "\(name) \(key) estimate")
            close(path.se, ref["se"], 1e-5, "\(name) \(key) se")
            #expect(abs(path.p - Self.number(ref["p"])) <= 1e-5, "\(name) \(key) p \(path.p) vs \(ref["p"] ?? "")")
        }
        let khb = try #require(r.khb)
        let ref = try #require(c["khb"] as? [String: [String: Any]])
        let parts: [(String, Double, Double)] = [("reduced", khb.reduced.estimate, khb.reduced.se),
                                                 ("full", khb.full.estimate, khb.full.se),
                                                 ("diff", khb.diff.estimate, khb.diff.se)]
        for (key, estimate, se) in parts {
            close(estimate, ref[key]?["estimate"], 1e-6, "\(name) khb \(key) estimate")
            close(se, ref[key]?["se"], 1e-5, "\(name) khb \(key) se")
        }
        if c["svy"] != nil {
            #expect(r.vce == "linearized")
            #expect(r.design?.df == Int(Self.number(c["df"])))
        } else {
            #expect(r.vce == "cluster:dnum")
        }
    }

    @Test(arguments: cases)
    func bootstrapWithinMonteCarloError(_ name: String) throws {
        let c = try Self.fixtureCase(name)
        var options = MediationOptions(methods: [.bootstrap], reps: 1000, seed: 17)
        options.jackknifeGroups = 20
        let r = try Mediation.analyze(spec: try Self.spec(c), data: try Self.data(c["data"] as! String), options: options)
        let boot = try #require(r.mediators.first?.bootstrap)
        Self.expectBootstrapMatches(boot, try #require(c["bootstrap"] as? [String: Any]), name)
    }

    @Test(arguments: cases)
    func causalPointEstimatesAreWeighted(_ name: String) throws {
        let c = try Self.fixtureCase(name)
        var options = MediationOptions(methods: [.causal], reps: 50, causalInterval: .bootstrap)
        options.sensitivity = false
        let r = try Mediation.analyze(spec: try Self.spec(c), data: try Self.data(c["data"] as! String), options: options)
        let causal = try #require(r.mediators.first?.causal)
        let ref = try #require(c["causal"] as? [String: Any])
        let e = causal.effects
        let pairs: [(String, Double)] = [("acme_control", e.acmeControl.estimate), ("acme_treated", e.acmeTreated.estimate),
                                         ("ade_control", e.adeControl.estimate), ("ade_treated", e.adeTreated.estimate),
                                         ("total", e.total.estimate)]
        for (key, value) in pairs { close(value, ref[key], 1e-6, "\(name) \(key)") }
        #expect(causal.interval == .bootstrap)
    }

    @Test func causalIntervalsUnderADesignComeFromTheDesignBootstrap() throws {
        let c = try Self.fixtureCase("svy_strat")
        var options = MediationOptions(methods: [.causal], reps: 40)
        options.sensitivity = false
        let r = try Mediation.analyze(spec: try Self.spec(c), data: try Self.data("api_strat.csv"), options: options)
        let causal = try #require(r.mediators.first?.causal)
        #expect(causal.interval == .bootstrap)
        #expect(r.diagnostics.contains(.causalIntervalsByDesignBootstrap))
        let ci = try #require(causal.effects.acmeAverage.ci)
        #expect(ci.low <= causal.effects.acmeAverage.estimate && causal.effects.acmeAverage.estimate <= ci.high)
    }

    /// The joint θ variance KHB uses has each regression's own variance on its diagonal, under
    /// every vce and the design.
    @Test(arguments: ["oim", "robust", "cluster:dnum", "svy"])
    func jointOLSVarianceDiagonalIsTheRegressionsVariance(_ vce: String) throws {
        let data = try Self.data("api_clus1.csv")
        var spec = ModelSpec(kind: .ols, formula: "meals ~ ell + mobility")
        if vce == "svy" { spec.design = try SurveyDesign.parse("psu=dnum weight=pw fpc=fpc") } else {
            spec.vce = try #require(VarianceType(argument: vce))
        }
        let design = try DesignMatrix(spec: spec, data: data)
        let fit = try estimate(.ols, design: design)
        var other = spec; other.formula = "api00 ~ ell + mobility"
        let otherFit = try estimate(.ols, design: try DesignMatrix(spec: other, data: data))
        let joint = try design.jointOLSCoefficient(term: "ell", columns: fit.coefficients.map(\.term),
                                                   outcomes: [design.y, try #require(data.column("api00")).values])
        let se0 = try #require(fit.coefficient("ell")).se, se1 = try #require(otherFit.coefficient("ell")).se
        #expect(abs(joint.variance[0].squareRoot() - se0) <= 1e-10 * se0, "\(vce): \(joint.variance[0].squareRoot()) vs \(se0)")
        #expect(abs(joint.variance[3].squareRoot() - se1) <= 1e-10 * se1)
        #expect(abs(joint.variance[1] - joint.variance[2]) <= 1e-14 * abs(joint.variance[1]) + 1e-300)
        #expect(abs(joint.estimates[0] - (fit.coefficient("ell")?.estimate ?? .nan)) <= 1e-10)
    }

    /// Rao–Wu replicate factors: each stratum's factors sum to n_h (n_h − 1 draws, each
    /// n_h/(n_h − 1)); a single-PSU stratum keeps factor 1; a cluster bootstrap draws G of G.
    @Test func raoWuReplicateWeights() throws {
        let data = try Self.data("api_clus1.csv")
        var spec = ModelSpec(kind: .ols, formula: "meals ~ ell")
        spec.design = try SurveyDesign.parse("psu=dnum strata=st weight=pw singleunit=certainty")
        let design = try DesignMatrix(spec: spec, data: data)
        let resampling = try #require(DesignResampling(design: design))
        let survey = try #require(design.survey)
        var g = ReplicationGenerator(seed: 3, replication: 0)
        let w = resampling.replicateWeights(using: &g)
        let base = try #require(design.weights)
        var sums = [Double](repeating: 0, count: survey.strataCount)
        var seen = Set<Int>()
        for (i, p) in survey.psuOfRow.enumerated() where seen.insert(p).inserted {
            sums[survey.psuStratum[p]] += w[i] / base[i]
        }
        let counts = survey.stratumPSUs
        for h in 0..<survey.strataCount {
            #expect(abs(sums[h] - Double(counts[h])) <= 1e-12, "stratum \(h): \(sums[h]) vs \(counts[h])")
        }
        #expect(resampling.singletonStrata.count == 1)
        let groups = resampling.jackknifeGroups(limit: 50)
        #expect(groups == counts.filter { $0 > 1 }.reduce(0, +))
        let jk = resampling.jackknifeWeights(group: 0, of: groups)
        #expect(jk.contains(0))

        var clustered = ModelSpec(kind: .ols, formula: "meals ~ ell", vce: .cluster("dnum"))
        clustered.design = nil
        let cd = try DesignMatrix(spec: clustered, data: data)
        let cr = try #require(DesignResampling(design: cd))
        let cw = cr.replicateWeights(using: &g)
        var perCluster = [Int: Double]()
        for (i, cl) in (cd.clusters ?? []).enumerated() { perCluster[cl] = cw[i] }
        #expect(perCluster.values.reduce(0, +) == Double(cd.clusterCount))
    }
}
