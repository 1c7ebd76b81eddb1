import Foundation
import Testing
import PathLensTestSupport

/// `fit --svy … --format json` end to end: the JSON interface of a linearized fit (`vce:
/// "linearized"`, `design{…}`, `t`), the codebook's `design` used unless `--svy none`, `--subpop`,
/// and bad survey input as one-line errors. Numbers against scripts/fixtures/survey_design.R.
@Suite(.requires(CLI.missing))
struct SurveyCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("EstimationTests/Fixtures")
    static func data(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func fixtureCase(_ name: String) throws -> [String: Any] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("survey_design.json")))
        let cases = try #require((root as? [String: Any])?["cases"] as? [[String: Any]])
        return try #require(cases.first { $0["name"] as? String == name }, "no case \(name)")
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try CLI.run(arguments + ["--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "stdout: \(run.stdout)")
    }

    private func agree(_ got: Any?, _ expected: Any?, _ what: String) {
        let g = (got as? NSNumber)?.doubleValue ?? .nan, e = (expected as? NSNumber)?.doubleValue ?? .nan
        #expect(abs(g - e) <= 1e-6 * max(1, abs(e)), "\(what): \(g) vs \(e)")
    }

    @Test func describeAndCrosstabUnderTheDesign() throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("survey_design.json"))) as? [String: Any])
        let d = try #require((root["describe"] as? [[String: Any]])?.first { $0["name"] as? String == "describe_clus1_subpop" })
        let described = try json(["describe", "api00", "--data", Self.data("api_clus1.csv"), "--svy", d["svy"] as! String,
                                  "--subpop", d["subpop"] as! String])
        let variable = try #require((described["variables"] as? [[String: Any]])?.first)
        let expected = try #require((d["variables"] as? [[String: Any]])?.first)
        agree(variable["mean"], expected["mean"], "describe mean")
        agree(variable["mean_se"], expected["mean_se"], "describe mean_se")
        agree(variable["deff"], expected["deff"], "describe deff")
        #expect((described["design"] as? [String: Any])?["psu"] as? String == "dnum")

        let t = try #require((root["crosstab"] as? [[String: Any]])?.first { $0["name"] as? String == "rao_scott_clus1" })
        let tab = try json(["crosstab", t["row"] as! String, t["column"] as! String, "--data", Self.data("api_clus1.csv"),
                            "--svy", t["svy"] as! String])
        let rs = try #require(tab["rao_scott"] as? [String: Any])
        for key in ["f", "ndf", "ddf", "p"] { agree(rs[key], t[key], "rao_scott.\(key)") }
    }

    @Test func mediateUnderTheDesign() throws {
        let j = try json(["mediate", "--x", "ell", "--m", "meals", "--y", "api00", "--m-model", "ols", "--y-model", "ols",
                          "--method", "bk,sobel", "--data", Self.data("api_clus1.csv"), "--svy", "psu=dnum weight=pw fpc=fpc"])
        let text = String(data: try JSONSerialization.data(withJSONObject: j), encoding: .utf8) ?? ""
        let a = try Self.fixtureCase("med_a")
        let se = ((a["coefficients"] as? [[String: Any]])?.first?["se"] as? NSNumber)?.doubleValue ?? .nan
        // The a path's linearized SE appears in the report (JSON numbers are printed in full).
        #expect(text.contains(String(format: "%.8f", se).prefix(8)), "a-path SE \(se) not in \(text.prefix(400))")
        let refused = try CLI.run(["mediate", "--x", "ell", "--m", "meals", "--y", "api00", "--data", Self.data("api_clus1.csv"),
                                   "--svy", "psu=dnum weight=pw", "--vce", "cluster:dnum"])
        let last = refused.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(refused.status != 0 && last.hasPrefix("Error: ") && last.contains("--vce"), "\(refused.stderr)")
    }

    /// `mediate --svy` with the bootstrap, KHB and causal methods, and `mediate --vce cluster:VAR
    /// --pweight`: JSON `vce`, `design{…}`, `bootstrap.resampling`/`units`, paths and KHB as
    /// scripts/fixtures/survey_mediation.R (1e-6 estimates, 1e-5 SEs).
    @Test(arguments: ["svy_strat", "cluster_clus1_pw"])
    func mediateBootstrapAndKHBUnderDesignOrClusters(_ name: String) throws {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("survey_mediation.json")))
        let c = try #require(((root as? [String: Any])?["cases"] as? [[String: Any]])?.first { $0["name"] as? String == name })
        var arguments = ["mediate", "--x", "ell", "--m", "meals", "--y", "sch_wide", "--m-model", "ols", "--y-model", "logit",
                         "--method", "bk,bootstrap,khb,causal", "--reps", "100", "--data", Self.data(c["data"] as! String)]
        if let svy = c["svy"] as? String { arguments += ["--svy", svy] }
        if let vce = c["vce"] as? String { arguments += ["--vce", vce] }
        if let w = c["pweight"] as? String { arguments += ["--pweight", w] }
        let j = try json(arguments)
        let paths = try #require(j["paths"] as? [String: Any])
        for key in ["a", "b", "c", "c_prime"] {
            let got = try #require(paths[key] as? [String: Any]), ref = try #require(c[key] as? [String: Any])
            agree(got["estimate"], ref["estimate"], "\(name) \(key) estimate")
            let gs = (got["se"] as? NSNumber)?.doubleValue ?? .nan, rs = (ref["se"] as? NSNumber)?.doubleValue ?? .nan
            #expect(abs(gs - rs) <= 1e-5 * rs, "\(name) \(key) se \(gs) vs \(rs)")
        }
        let khb = try #require(j["khb"] as? [String: Any]), refKHB = try #require(c["khb"] as? [String: [String: Any]])
        agree((khb["diff"] as? [String: Any])?["estimate"], refKHB["diff"]?["estimate"], "\(name) khb diff")
        let boot = try #require(j["bootstrap"] as? [String: Any])
        #expect(boot["resampling"] as? String == (c["bootstrap"] as? [String: Any])?["resampling"] as? String)
        #expect((boot["units"] as? Int ?? 0) > 1)
        if c["svy"] != nil {
            #expect(j["vce"] as? String == "linearized")
            let design = try #require(j["design"] as? [String: Any])
            #expect(design["strata"] as? String == "stype" && design["n_strata"] as? Int == 3 && design["df"] as? Int == 197)
            #expect((j["causal"] as? [String: Any])?["interval"] as? String == "bootstrap")
        } else {
            #expect(j["vce"] as? String == "cluster:dnum")
        }
    }

    @Test(arguments: ["strat_logit", "subpop_ols", "clus2_ologit"])
    func linearizedJSONMatchesTheFixture(_ name: String) throws {
        let c = try Self.fixtureCase(name)
        var arguments = ["fit", c["model"] as! String, c["formula"] as! String, "--data", Self.data(c["data"] as! String),
                         "--svy", c["svy"] as! String]
        if let subpop = c["subpop"] as? String { arguments += ["--subpop", subpop] }
        let j = try json(arguments)
        #expect(j["vce"] as? String == "linearized")
        let design = try #require(j["design"] as? [String: Any])
        let expected = try #require(c["design"] as? [String: Any])
        for key in ["psu", "strata", "weight", "fpc"] { #expect(design.keys.contains(key), "design.\(key)") }
        for key in ["n_strata", "n_psu", "df", "population"] { agree(design[key], expected[key], "\(name) design.\(key)") }
        #expect(j["subpop"] as? String == c["subpop"] as? String)
        let coefficients = (j["coefficients"] as? [[String: Any]] ?? []) + (j["cutpoints"] as? [[String: Any]] ?? [])
        let reference = (c["coefficients"] as? [[String: Any]] ?? []) + (c["cutpoints"] as? [[String: Any]] ?? [])
        #expect(coefficients.count == reference.count)
        for (g, e) in zip(coefficients, reference) {
            for key in ["estimate", "se", "t", "p", "ci_low", "ci_high"] { agree(g[key], e[key], "\(name) \(e["term"] ?? "") \(key)") }
        }
        agree(j["f"], c["f"], "\(name) F")
        agree(j["f_df2"], c["f_df2"], "\(name) F df2")
    }

    @Test func codebookDesignIsUsedUnlessSvyNone() throws {
        let dir = try CLI.temporaryDirectory()
        let csv = dir.appendingPathComponent("api.csv")
        try FileManager.default.copyItem(atPath: Self.data("api_strat.csv"), toPath: csv.path)
        let variables = ["api00", "ell", "meals", "mobility", "sch_wide", "stype", "apicat", "dnum", "snum", "pw", "fpc"]
            .map { #"{"name": "\#($0)", "type": "continuous"}"# }.joined(separator: ", ")
        try #"{"dataset": "api", "variables": [\#(variables)], "design": {"strata": "stype", "weight": "pw", "fpc": "fpc"}}"#
            .write(to: dir.appendingPathComponent("api.codebook.json"), atomically: true, encoding: .utf8)
        let c = try Self.fixtureCase("strat_ols")
        let withDesign = try json(["fit", "ols", c["formula"] as! String, "--data", csv.path])
        #expect(withDesign["vce"] as? String == "linearized")
        let se = ((withDesign["coefficients"] as? [[String: Any]])?.first?["se"])
        agree(se, (c["coefficients"] as? [[String: Any]])?.first?["se"], "codebook design se")
        let without = try json(["fit", "ols", c["formula"] as! String, "--data", csv.path, "--svy", "none"])
        #expect(without["vce"] as? String == "oim")
        #expect(without["design"] == nil)
    }

    @Test(arguments: [
        (["--svy", "psu=dnum stratum=st weight=pw"], "unknown key 'stratum'"),
        (["--svy", "psu=nosuch weight=pw"], "unknown variable 'nosuch' in --svy psu="),
        (["--svy", "psu=dnum weight=pw singleunit=drop"], "singleunit='drop'"),
        (["--svy", "psu=dnum strata=stype weight=pw"], "add nest to --svy"),
        (["--svy", "psu=dnum weight=pw", "--vce", "robust"], "--vce cannot be combined with a survey design"),
        (["--svy", "psu=dnum weight=pw", "--pweight", "pw"], "--fweight/--pweight cannot be combined with a survey design"),
        (["--svy", "psu=dnum weight=pw", "--subpop", "api00 > 5000"], "--subpop 'api00 > 5000' selects no observations"),
        (["--subpop", "api00 > 500"], "--subpop 'api00 > 500' needs a survey design"),
    ])
    func badSurveyInputIsOneLineError(extra: [String], message: String) throws {
        let run = try CLI.run(["fit", "ols", "api00 ~ ell", "--data", Self.data("api_clus1.csv")] + extra)
        #expect(run.status != 0)
        let errors = run.stderrLines.filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1 && run.stderrLines.allSatisfy { $0.hasPrefix("Error: ") || $0.hasPrefix("note: ") }, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }
}
