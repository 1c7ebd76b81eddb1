import Foundation
import Testing
import PathLensTestSupport

/// `pathlens mediate --moderator`: the documented `moderation` JSON object, the text tables, and
/// one-line refusals naming the variable (issue 14, item 3).
@Suite(.requires(CLI.missing))
struct ModerationCLITests {
    static let workers = CLI.fixtures.appendingPathComponent("workers.csv").path
    static let base = ["mediate", "--x", "union", "--m", "age", "--y", "skill", "--m-model", "ols", "--y-model", "ologit",
                       "--data", workers]

    @Test func moderationJSONShape() throws {
        let run = try CLI.run(Self.base + ["--moderator", "educ", "--moderate", "both", "--method", "bk,bootstrap,causal",
                                           "--reps", "40", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let j = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let m = try #require(j["moderation"] as? [String: Any])
        #expect(m["moderator"] as? String == "educ")
        #expect(m["moderate"] as? String == "both")
        #expect(m["model"] as? Int == 58)
        let values = try #require(m["values"] as? [Double])
        #expect(values.count == 3)   // continuous W: mean − SD, mean, mean + SD
        let conditional = try #require(m["conditional"] as? [[String: Any]])
        #expect(conditional.count == 3)
        for c in conditional {
            #expect(c["w"] is Double)
            let paths = try #require(c["paths"] as? [String: Any])
            for key in ["a", "b", "c_prime"] {
                let p = try #require(paths[key] as? [String: Any], "paths.\(key)")
                #expect(p["estimate"] is Double && p["se"] is Double && p["p"] is Double)
            }
            let indirect = try #require(c["indirect"] as? [String: Any])
            #expect(indirect["estimate"] is Double && indirect["se"] is Double)
            #expect((indirect["ci"] as? [Double])?.count == 2)
            let causal = try #require(c["causal"] as? [String: Any])
            for key in ["acme", "ade"] {
                let e = try #require(causal[key] as? [String: Any], "causal.\(key)")
                #expect(e["estimate"] is Double && (e["ci"] as? [Double])?.count == 2)
            }
        }
        let index = try #require(m["index"] as? [String: Any])
        #expect(index["estimate"] is Double && index["se"] is Double && (index["ci"] as? [Double])?.count == 2)
        #expect(index["definition"] as? String == "difference")
    }

    @Test func moderationTextTables() throws {
        let run = try CLI.run(Self.base + ["--moderator", "educ", "--w-values", "1,3", "--method", "bk,bootstrap", "--reps", "30"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Moderated mediation: PROCESS model 7, educ moderates the a path (X → M)"))
        #expect(run.stdout.contains("Index of moderated mediation") || run.stdout.contains("Index: a·b at"))
        let zh = try CLI.run(Self.base + ["--moderator", "educ", "--method", "bk", "--reps", "1", "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("有调节的中介"))
    }

    @Test(arguments: [
        (["--moderator", "union"], "'union' is the key regressor"),
        (["--moderator", "age"], "'age' is the mediator"),
        (["--moderator", "skill"], "'skill' is the outcome"),
        (["--moderator", "nosuch"], "--moderator: unknown variable 'nosuch'"),
        (["--moderator", "educ", "--moderate", "c"], "--moderate"),
        (["--moderator", "educ", "--w-values", "1,x"], "--w-values: 'x' is not a number"),
        (["--moderate", "b"], "--moderate needs --moderator"),
        (["--moderator", "educ", "--controls", "educ"], "'educ' is also a control"),
    ])
    func badModerationIsOneLineError(extra: [String], message: String) throws {
        let run = try CLI.run(Self.base + ["--method", "bk"] + extra)
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: "), "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
