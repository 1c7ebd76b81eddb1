import Foundation
import Testing
import PathLensTestSupport

/// `pathlens multiverse --svy` (issue 17 item 1): specifications weighted and linearized as
/// `fit --svy`, a subsample as a subpopulation. The base specification and its subpopulation twin
/// against scripts/fixtures/survey_design.R (`strat_ols`, `subpop_ols`, `strat_ologit`: R's
/// survey package with Stata's df and margins) on survey's `apistrat`; the codebook's design used
/// unless `--svy none`; bad combinations as one-line errors.
@Suite(.requires(CLI.missing))
struct MultiverseSurveyCLITests {
    static let estimation = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EstimationTests/Fixtures")
    static let svy = "strata=stype weight=pw fpc=fpc"

    static func fixtureCase(_ name: String) throws -> [String: Any] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: estimation.appendingPathComponent("survey_design.json")))
        let cases = try #require((root as? [String: Any])?["cases"] as? [[String: Any]])
        return try #require(cases.first { $0["name"] as? String == name }, "no case \(name)")
    }

    /// `api.csv` (apistrat) with a codebook whose control groups are meals and mobility, and a
    /// design when `design` is given. The caller removes the folder.
    static func folder(design: String? = nil) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(at: estimation.appendingPathComponent("api_strat.csv"), to: dir.appendingPathComponent("api.csv"))
        let variables = ["api00", "ell", "meals", "mobility", "sch_wide", "stype", "dnum", "snum", "pw", "fpc"]
            .map { #"{"name": "\#($0)", "type": "continuous"}"# }
            + [#"{"name": "apicat", "type": "ordinal", "values": [{"code": 1, "name": "a"}, {"code": 2, "name": "b"}, {"code": 3, "name": "c"}, {"code": 4, "name": "d"}]}"#]
        let groups = #"[{"name": "meals", "terms": ["c.meals"]}, {"name": "mobility", "terms": ["c.mobility"]}]"#
        let designField = design.map { #", "design": \#($0)"# } ?? ""
        try #"{"dataset": "api", "variables": [\#(variables.joined(separator: ", "))], "control_groups": \#(groups)\#(designField)}"#
            .write(to: dir.appendingPathComponent("api.codebook.json"), atomically: true, encoding: .utf8)
        return dir
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try CLI.run(arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
    }

    private func agree(_ got: Any?, _ expected: Any?, _ what: String) {
        let g = (got as? NSNumber)?.doubleValue ?? .nan, e = (expected as? NSNumber)?.doubleValue ?? .nan
        #expect(abs(g - e) <= 1e-6 * max(1, abs(e)), "\(what): \(g) vs \(e)")
    }

    /// The row of `effect` with every control on, in `subsample`.
    func row(_ json: [String: Any], effect: String, subsample: String, estimator: String) throws -> [String: Any] {
        let rows = try #require(json["specifications"] as? [[String: Any]])
        return try #require(rows.first {
            $0["effect"] as? String == effect && $0["subsample"] as? String == subsample && $0["estimator"] as? String == estimator
                && ($0["controls"] as? [String])?.count == 2
        }, "no \(effect) row for \(subsample) \(estimator)")
    }

    @Test func olsSpecificationsMatchRUnderTheDesignAndAsSubpopulation() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let j = try Self.json(["multiverse", "--data", dir.appendingPathComponent("api.csv").path, "--x", "ell", "--y", "api00",
                               "--estimators", "ols", "--effects", "coef,ame", "--subsamples", "all,if sch_wide == 1",
                               "--svy", Self.svy])
        #expect(j["vce"] as? String == "linearized")
        let design = try #require(j["design"] as? [String: Any])
        #expect(design["strata"] as? String == "stype" && design["weight"] as? String == "pw" && design["fpc"] as? String == "fpc")
        for (name, subsample) in [("strat_ols", "all"), ("subpop_ols", "if sch_wide == 1")] {
            let c = try Self.fixtureCase(name)
            let ref = try #require((c["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == "ell" })
            let coef = try row(j, effect: "coef", subsample: subsample, estimator: "ols")
            for key in ["estimate", "se", "p", "ci_low", "ci_high"] { agree(coef[key], ref[key], "\(name) coef \(key)") }
            agree(coef["n"], c["n"], "\(name) n")
            // OLS: the AME of a continuous regressor is its coefficient (same SE, t on the design df).
            let ame = try row(j, effect: "ame", subsample: subsample, estimator: "ols")
            for key in ["estimate", "se", "p"] { agree(ame[key], ref[key], "\(name) ame \(key)") }
        }
    }

    @Test func ologitCoefficientAndAMEMatchR() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let j = try Self.json(["multiverse", "--data", dir.appendingPathComponent("api.csv").path, "--x", "ell", "--y", "apicat",
                               "--estimators", "ologit", "--effects", "coef,ame", "--ame-outcome", "4", "--svy", Self.svy])
        let c = try Self.fixtureCase("strat_ologit")
        let ref = try #require((c["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == "ell" })
        let coef = try row(j, effect: "coef", subsample: "all", estimator: "ologit")
        for key in ["estimate", "se", "p", "ci_low", "ci_high"] { agree(coef[key], ref[key], "strat_ologit coef \(key)") }
        let margin = try #require((c["margins"] as? [[String: Any]])?.first { $0["term"] as? String == "ell" && $0["outcome"] as? String == "4" })
        let ame = try row(j, effect: "ame", subsample: "all", estimator: "ologit")
        agree(ame["estimate"], margin["effect"], "strat_ologit ame")
        agree(ame["se"], margin["se"], "strat_ologit ame se")
        agree(ame["p"], margin["p"], "strat_ologit ame p")
    }

    @Test func codebookDesignIsUsedUnlessSvyNone() throws {
        let dir = try Self.folder(design: #"{"strata": "stype", "weight": "pw", "fpc": "fpc"}"#)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = ["multiverse", "--data", dir.appendingPathComponent("api.csv").path, "--x", "ell", "--y", "api00", "--estimators", "ols"]
        let withDesign = try Self.json(base)
        #expect(withDesign["vce"] as? String == "linearized")
        let ref = try #require((try Self.fixtureCase("strat_ols")["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == "ell" })
        agree(try row(withDesign, effect: "coef", subsample: "all", estimator: "ols")["se"], ref["se"], "codebook design se")
        let without = try Self.json(base + ["--svy", "none"])
        #expect(without["vce"] as? String == "oim" && without["design"] == nil)
        let text = try CLI.run(base)
        #expect(text.stdout.contains("survey design strata=stype weight=pw fpc=fpc: linearized variance; subsamples are subpopulations"),
                "\(text.stdout)")
    }

    @Test(arguments: [
        (["--svy", "strata=stype weight=pw", "--vce", "robust"], "--vce robust cannot be combined with a survey design"),
        (["--svy", "strata=stype weight=pw", "--effects", "indirect", "--m", "meals"], "--effects indirect under a survey design is not built yet"),
        (["--svy", "psu=nosuch weight=pw"], "unknown variable 'nosuch' in --svy psu="),
        (["--svy", "strata=stype stratum=x"], "unknown key 'stratum'"),
    ])
    func badSurveyInputIsOneLineError(extra: [String], message: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["multiverse", "--data", dir.appendingPathComponent("api.csv").path, "--x", "ell", "--y", "api00",
                               "--estimators", "ols"] + extra)
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }
}
