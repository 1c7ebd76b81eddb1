import Foundation
import Testing
import PathLensTestSupport

/// `pathlens sensitivity` end to end: the JSON of a CPS1985 case against the R fixture
/// (scripts/fixtures/sensitivity.R) through the CSV loader, the field names the issue fixes, the
/// text report in both languages, and one-line errors for bad input.
@Suite(.requires(CLI.missing))
struct SensitivityCLITests {
    static let estimationFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EstimationTests/Fixtures")

    static func fixtureCase(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: estimationFixtures.appendingPathComponent("sensitivity.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]])
        return try #require(cases.first { $0["name"] as? String == name })
    }

    @Test(arguments: ["cps_union_education", "cps_union_if_factor_benchmark"])
    func jsonMatchesTheRFixture(_ name: String) throws {
        let c = try Self.fixtureCase(name)
        var arguments = ["sensitivity", "--data", Self.estimationFixtures.appendingPathComponent("cps1985.csv").path,
                         "--x", c["x"] as! String, "--y", c["y"] as! String, "--controls", c["controls"] as! String,
                         "--benchmark", c["benchmark"] as! String, "--format", "json"]
        if let condition = c["condition"] as? String { arguments += ["--if", condition] }
        let run = try CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for key in ["delta", "beta_star", "rv_q", "rv_qa", "r2yd_x", "rmax", "r2max", "estimate", "se", "dof",
                    "r2_short", "r2_long", "estimate_short"] {
            let got = try #require((json[key] as? NSNumber)?.doubleValue, "\(key) missing")
            let expected = try #require((c[key] as? NSNumber)?.doubleValue, "\(key) not in the fixture")
            #expect(abs(got - expected) <= 1e-6 * max(1, abs(expected)), "\(name) \(key): \(got) vs \(expected)")
        }
        let bounds = try #require(json["bounds"] as? [[String: Any]])
        let expected = try #require(c["bounds"] as? [[String: Any]])
        #expect(bounds.count == expected.count)
        for (b, e) in zip(bounds, expected) {
            #expect(b["bound_label"] as? String == e["bound_label"] as? String)
            for key in ["r2dz_x", "r2yz_dx", "adjusted_estimate", "adjusted_se", "adjusted_t", "adjusted_lower_CI", "adjusted_upper_CI"] {
                let got = try #require((b[key] as? NSNumber)?.doubleValue, "\(key) missing")
                let want = try #require((e[key] as? NSNumber)?.doubleValue)
                #expect(abs(got - want) <= 1e-6 * max(1, abs(want)), "\(name) \(key): \(got) vs \(want)")
            }
        }
    }

    @Test func textReportInBothLanguages() throws {
        let en = try CLI.run(["sensitivity", "--x", "union", "--y", "skill", "--controls", "male + c.age + i.educ", "--benchmark", "age"])
        #expect(en.status == 0, "\(en.stderr)")
        for text in ["Oster (2019)", "δ for β = 0", "β* at δ = 1", "RV (q = 1)", "1x age", "3x age"] {
            #expect(en.stdout.contains(text), "missing \(text):\n\(en.stdout)")
        }
        let zh = try CLI.run(["sensitivity", "--x", "union", "--y", "skill", "--controls", "male + c.age", "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("稳健性值"))
    }

    @Test(arguments: [
        (["--rmax", "1"], "--rmax must be greater than 1"),
        (["--rmax", "0.5"], "--rmax must be greater than 1"),
        (["--benchmark", "party"], "--benchmark 'party' is not among the controls"),
        (["--benchmark", "nosuch"], "unknown variable 'nosuch'"),
        (["--level", "95"], "--level"),
        (["--format", "latex"], "--format"),
        // Weights, variance types and designs: refused in words, not as unknown options.
        (["--svy", "psu=occ weight=age"], "sensitivity does not take --svy: psacalc's δ and sensemakr's robustness values are formulas of unweighted OLS"),
        (["--pweight", "age"], "sensitivity does not take --pweight"),
        (["--fweight", "age"], "sensitivity does not take --fweight"),
        (["--vce", "robust"], "sensitivity does not take --vce"),
    ])
    func badOptionsAreOneLineErrors(extra: [String], message: String) throws {
        let run = try CLI.run(["sensitivity", "--x", "union", "--y", "skill", "--controls", "male + c.age"] + extra)
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1 && run.stderrLines.first?.hasPrefix("Error: ") == true, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// A codebook's survey design is not silently dropped: one stderr note (none with `--svy none`).
    @Test func codebookDesignIsNotedNotUsed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let estimation = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("EstimationTests/Fixtures")
        try FileManager.default.copyItem(at: estimation.appendingPathComponent("api_strat.csv"), to: dir.appendingPathComponent("api.csv"))
        let variables = ["api00", "ell", "meals", "mobility", "sch_wide", "stype", "apicat", "dnum", "snum", "pw", "fpc"]
            .map { #"{"name": "\#($0)", "type": "continuous"}"# }.joined(separator: ", ")
        try #"{"dataset": "api", "variables": [\#(variables)], "design": {"strata": "stype", "weight": "pw"}}"#
            .write(to: dir.appendingPathComponent("api.codebook.json"), atomically: true, encoding: .utf8)
        let base = ["sensitivity", "--x", "ell", "--y", "api00", "--controls", "meals + mobility", "--data", dir.appendingPathComponent("api.csv").path]
        let noted = try CLI.run(base)
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(noted.stderrLines == ["note: the codebook's survey design is not used: sensitivity is classical (unweighted) OLS; --svy none silences this note"],
                "\(noted.stderr)")
        let quiet = try CLI.run(base + ["--svy", "none"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(quiet.stdout == noted.stdout)
    }

    @Test(arguments: [
        (["--x", "educ", "--y", "skill", "--controls", "male"], "the treatment must be numeric or binary"),
        (["--x", "union", "--y", "occ", "--controls", "male"], "needs a numeric outcome"),
        (["--x", "union", "--y", "skill", "--controls", "union + male"], "contains the treatment"),
        (["--x", "union", "--y", "skill", "--controls", "male +"], "--controls"),
        (["--x", "nosuch", "--y", "skill", "--controls", "male"], "unknown variable 'nosuch'"),
    ])
    func badVariablesAreOneLineErrors(arguments: [String], message: String) throws {
        let run = try CLI.run(["sensitivity"] + arguments)
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1 && run.stderrLines.first?.hasPrefix("Error: ") == true, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }
}
