import Foundation
import Testing
import PathLensTestSupport

/// `pathlens fit` with the parallel-lines tests and the generalized ordered models (issue 15): the
/// JSON interface fields and the one-line errors for bad combinations.
@Suite(.requires(CLI.missing))
struct ParallelLinesCLITests {
    static let workers = CLI.fixtures.appendingPathComponent("workers.csv").path

    @Test(arguments: [
        (["fit", "logit", "union ~ age", "--brant"], "--brant applies to ologit only (got logit)"),
        (["fit", "gologit", "skill ~ union + age", "--brant"], "--brant applies to ologit only"),
        (["fit", "ols", "skill ~ union", "--lr-parallel"], "--lr-parallel applies to ologit and oprobit only"),
        (["fit", "ologit", "skill ~ union", "--lr-parallel", "--vce", "robust"], "--lr-parallel needs --vce oim"),
        (["fit", "ologit", "skill ~ union", "--brant", "--pweight", "w"], "--brant cannot be combined with --pweight"),
        (["fit", "ologit", "skill ~ union + age", "--pl", "age"], "--pl applies to gologit and goprobit only"),
        (["fit", "gologit", "skill ~ union + age", "--pl", "age", "--npl", "union"], "--pl and --npl cannot be combined"),
        (["fit", "gologit", "skill ~ union + age", "--pl", "nosuch"], "--pl: 'nosuch' is not a term of"),
        (["fit", "gologit", "skill ~ union + age", "--autofit", "1.5"], "--autofit: alpha must be between 0 and 1"),
        (["fit", "gologit", "skill ~ i.union#c.age"], "gologit/goprobit do not take interactions"),
        (["fit", "goprobit", "skill ~ union + age", "--at", "age=(30 40)"], "gologit/goprobit do not take interactions"),
        (["fit", "gologit", "skill ~ union + age", "--svy", "psu=educ weight=w"], "do not take a survey design yet"),
        (["fit", "ologit", "skill ~ union + age", "--brant", "--svy", "psu=educ weight=w"], "do not take a survey design yet"),
    ])
    func badCombinationIsOneLineError(arguments: [String], message: String) throws {
        let run = try CLI.run(arguments + ["--data", Self.workers])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func ologitJSONCarriesBrantAndLRParallel() throws {
        let run = try CLI.run(["fit", "ologit", "skill ~ union + age", "--brant", "--lr-parallel",
                               "--data", Self.workers, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let notes = json["notes"] as? [String] ?? []
        if let brant = json["brant"] as? [String: Any] {
            for key in ["chi2", "df", "p", "terms"] { #expect(brant[key] != nil, "brant.\(key)") }
            let terms = try #require(brant["terms"] as? [[String: Any]])
            #expect(terms.compactMap { $0["term"] as? String } == ["union", "age"])
            for t in terms { for key in ["term", "chi2", "df", "p"] { #expect(t[key] != nil, "brant.terms.\(key)") } }
        } else {
            #expect(notes.contains { $0.contains("Brant") }, "no brant and no note: \(notes)")
        }
        let lr = try #require(json["lr_parallel"] as? [String: Any], "notes: \(notes)")
        for key in ["chi2", "df", "p"] { #expect(lr[key] != nil, "lr_parallel.\(key)") }
    }

    @Test func gologitJSONHasEquationsAndConstrained() throws {
        // A bare --autofit (last argument) takes the default 0.05.
        for extra in [["--pl", "age"], ["--autofit"], ["--autofit", "0.2"]] {
            let run = try CLI.run(["fit", "gologit", "skill ~ union + age", "--data", Self.workers, "--format", "json"] + extra)
            #expect(run.status == 0, "\(extra): \(run.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect(json["model"] as? String == "gologit")
            for key in ["loglik", "lr_chi2", "pseudo_r2", "aic", "bic", "constrained", "negative_probabilities"] {
                #expect(json[key] != nil, "missing \(key)")
            }
            let coefficients = try #require(json["coefficients"] as? [[String: Any]])
            #expect(coefficients.allSatisfy { $0.keys.contains("equation") })
            #expect(coefficients.contains { $0["term"] as? String == "_cons" && $0["equation"] as? String == "1" })
            let constrained = try #require(json["constrained"] as? [String])
            for term in constrained {
                let rows = coefficients.filter { $0["term"] as? String == term }
                #expect(rows.count == 1 && rows[0]["equation"] is NSNull, "\(term)")
            }
            if extra == ["--pl", "age"] { #expect(constrained == ["age"]) }
        }
    }
}
