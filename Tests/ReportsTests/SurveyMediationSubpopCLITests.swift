import Foundation
import Testing
import PathLensTestSupport

/// `mediate --svy … --subpop EXPR` (Stata's `subpop()`): the Baron–Kenny paths are the models
/// `fit --svy … --subpop EXPR` estimates — the outcome model against R's `svyolr` on
/// `subset(design, stype == "E")` (scripts/fixtures/survey_design.R, case `subpop_clus1_ologit`),
/// the others against the CLI's own `fit` (the bootstrap, KHB and causal effects under a
/// subpopulation: `SubpopMediationTests`) — and what is not built or bad is a one-line error.
@Suite(.requires(CLI.missing))
struct SurveyMediationSubpopCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("EstimationTests/Fixtures")
    static let data = fixtures.appendingPathComponent("api_clus1.csv").path
    static let svy = "psu=dnum weight=pw fpc=fpc"
    static let subpop = "stype == 1"
    static let mediate = ["mediate", "--x", "ell", "--m", "meals", "--y", "apicat", "--m-model", "ols", "--y-model", "ologit",
                          "--data", data, "--svy", svy, "--subpop", subpop]

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try CLI.run(arguments + ["--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "stdout: \(run.stdout)")
    }

    func number(_ object: Any?, _ key: String) -> Double { ((object as? [String: Any])?[key] as? NSNumber)?.doubleValue ?? .nan }

    /// `fit MODEL FORMULA --svy … --subpop …`: estimate and SE of `term`.
    func fitted(_ model: String, _ formula: String, _ term: String) throws -> (estimate: Double, se: Double) {
        let j = try json(["fit", model, formula, "--data", Self.data, "--svy", Self.svy, "--subpop", Self.subpop])
        let c = try #require((j["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == term })
        return (number(c, "estimate"), number(c, "se"))
    }

    @Test func pathsAreTheSubpopulationFits() throws {
        let j = try json(Self.mediate + ["--method", "bk,sobel,khb"])
        #expect(j["vce"] as? String == "linearized" && j["subpop"] as? String == Self.subpop)
        #expect(j["n"] as? Int == 144)
        let design = try #require(j["design"] as? [String: Any])
        #expect(design["df"] as? Int == 14 && design["n_psu"] as? Int == 15, "\(design)")

        // R: the outcome model on the subpopulation (b = meals, c′ = ell), and its design sizes.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("survey_design.json"))) as? [String: Any])
        let r = try #require((root["cases"] as? [[String: Any]])?.first { $0["name"] as? String == "subpop_clus1_ologit" })
        #expect(r["formula"] as? String == "apicat ~ ell + meals" && r["subpop"] as? String == Self.subpop)
        let rDesign = r["design"] as? [String: Any]
        #expect(abs(number(design, "subpop_population") - number(rDesign, "subpop_population")) <= 1e-6 * number(rDesign, "subpop_population"))
        let paths = try #require(j["paths"] as? [String: Any])
        for (path, term) in [("b", "meals"), ("c_prime", "ell")] {
            let c = try #require((r["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == term })
            let shown = paths[path]
            #expect(abs(number(shown, "estimate") - number(c, "estimate")) <= 1e-6 * abs(number(c, "estimate")), "\(path) vs R")
            #expect(abs(number(shown, "se") - number(c, "se")) <= 1e-5 * number(c, "se"), "\(path) se vs R")
        }
        // The CLI's fits (R-verified by SurveyCLITests): every path is its model's coefficient.
        for (path, model, formula, term) in [("a", "ols", "meals ~ ell", "ell"), ("b", "ologit", "apicat ~ ell + meals", "meals"),
                                             ("c", "ologit", "apicat ~ ell", "ell"), ("c_prime", "ologit", "apicat ~ ell + meals", "ell")] {
            let f = try fitted(model, formula, term)
            #expect(abs(number(paths[path], "estimate") - f.estimate) <= 1e-9 * max(1, abs(f.estimate)), "\(path): \(paths[path] ?? "") vs fit \(f)")
            #expect(abs(number(paths[path], "se") - f.se) <= 1e-9 * max(1, f.se), "\(path) se vs fit \(f)")
        }
    }

    @Test(arguments: [
        (["--method", "bk", "--moderator", "mobility"], "moderated mediation (--moderator) is not built for a subpopulation"),
        (["--method", "bk", "--svy", "none"], "--subpop 'stype == 1' needs a survey design"),
        (["--method", "bk", "--subpop", "api00 > 5000"], "--subpop 'api00 > 5000' selects no observations"),
        (["--method", "bk", "--subpop", "nosuch > 1"], "unknown variable 'nosuch'"),
    ])
    func whatIsNotBuiltIsAOneLineError(_ extra: [String], _ message: String) throws {
        let run = try CLI.run(Self.mediate + extra)
        #expect(run.status != 0)
        let errors = run.stderrLines.filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1 && run.stderrLines.allSatisfy { $0.hasPrefix("Error: ") || $0.hasPrefix("note: ") }, "stderr: \(run.stderr)")
        #expect(errors.first?.contains(message) == true, "stderr: \(run.stderr)")
    }
}
