import Foundation
import Testing
import PathLensTestSupport

/// End-to-end tests of `pathlens fit`, `describe` and `crosstab`: they run the built binary
/// (next to the test bundle after `swift build --build-tests`, or under a scratch path).
/// Every bad input must give exactly one line on stderr and a non-zero exit status.
@Suite(.requires(CLI.missing))
struct CLITests {
    static let workers = CLI.fixtures.appendingPathComponent("workers.csv").path

    @Test(arguments: [
        (["fit", "foo", "skill ~ union"], "unknown model 'foo'"),
        (["fit", "ols", "skill ~ nosuch"], "nosuch"),
        (["fit", "ols", "skill ~ + ("], "formula"),
        (["fit", "ols", "skill ~ union", "--if", "age >"], "if expression"),
        (["fit", "ols", "skill ~ union", "--if", "age == 999"], "no observations"),
        (["fit", "ols", "skill ~ union", "--fweight", "w", "--pweight", "w"], "--fweight and --pweight"),
        (["fit", "ols", "skill ~ union", "--format", "xml"], "--format"),
        (["fit", "ols", "skill ~ union", "--lang", "fr"], "--lang"),
        (["fit", "ols", "skill ~ union", "--vce", "bogus"], "--vce"),
        (["fit", "ols", "skill ~ union", "--vce", "cluster:nosuch"], "nosuch"),
        (["fit", "ols", "skill ~ union", "--paren", "z"], "--paren"),
        (["describe", "nosuch"], "unknown variable 'nosuch'"),
        (["describe", "--fweight", "nosuch"], "nosuch"),
        (["describe", "--format", "latex"], "--format"),
        (["describe", "age", "--if", "union == 7"], "no observations"),
        (["crosstab", "skill", "nosuch"], "unknown variable 'nosuch'"),
        (["crosstab", "skill", "union", "--percent", "both"], "--percent"),
        (["crosstab", "skill", "union", "--fweight", "age", "--if", "age < 30 & age > 30"], "no observations"),
    ])
    func badInputIsOneLineError(arguments: [String], message: String) throws {
        let run = try CLI.run(arguments + ["--data", Self.workers])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderrLines.first?.hasPrefix("Error: ") == true)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func badFilesAreOneLineErrors() throws {
        let dir = try CLI.temporaryDirectory()
        let malformed = dir.appendingPathComponent("bad.csv")
        try "y,x\n1,2\n1,\"3\n".write(to: malformed, atomically: true, encoding: .utf8)
        let oneCategory = dir.appendingPathComponent("one.csv")
        try "y,x\n1,2\n1,3\n1,4\n".write(to: oneCategory, atomically: true, encoding: .utf8)
        let text = dir.appendingPathComponent("text.csv")
        try "y,x\nhigh,2\nlow,3\nmid,4\nlow,5\n".write(to: text, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["fit", "ols", "y ~ x", "--data", dir.appendingPathComponent("missing.csv").path], "no such file"),
            (["fit", "ols", "y ~ x", "--data", malformed.path], "bad.csv:3"),
            (["fit", "ologit", "y ~ x", "--data", oneCategory.path], "one category"),
            (["fit", "logit", "y ~ x", "--data", oneCategory.path], "'y'"),
            (["fit", "ols", "y ~ x", "--data", text.path], "not numeric"),
            (["describe", "--data", malformed.path], "bad.csv:3"),
        ]
        for (arguments, message) in cases {
            let run = try CLI.run(arguments)
            #expect(run.status != 0, "\(arguments)")
            let errors = run.stderrLines.filter { $0.hasPrefix("Error: ") }
            #expect(errors.count == 1 && errors[0].contains(message), "\(arguments): \(run.stderr)")
            // Besides the error, at most the inferred-codebook note.
            #expect(run.stderrLines.allSatisfy { $0.hasPrefix("Error: ") || $0.hasPrefix("note: ") })
        }
    }

    @Test func missingEmbeddedDataSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run(["describe"], environment: ["PATHLENS_DATA": dir.path])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.contains("embedded dataset is not generated yet"))
    }

    /// Every command that falls back to the embedded dataset says the same thing when it is missing.
    @Test(arguments: [
        (["replicate"], "; run 'pathlens synth' or pass --data FILE"),
        (["explore"], "; run 'pathlens synth' or pass a FILE"),
        (["bench", "mediate"], "; run 'pathlens synth'"),
    ])
    func missingEmbeddedDataIsOneMessage(arguments: [String], hint: String) throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run(arguments, environment: ["PATHLENS_DATA": dir.path])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        let missing = dir.appendingPathComponent("dalian2022.csv").path
        #expect(run.stderr.contains("the embedded dataset is not generated yet (\(missing) is missing)\(hint)"),
                "stderr: \(run.stderr)")
    }

    @Test func inferredCodebookIsNotedOnStderr() throws {
        let dir = try CLI.temporaryDirectory()
        let plain = dir.appendingPathComponent("plain.csv")
        try "a,b\n1,0\n2,1\n3,1\n".write(to: plain, atomically: true, encoding: .utf8)
        let run = try CLI.run(["describe", "--data", plain.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("inferred"))
        #expect(run.stdout.contains("Descriptive statistics"))
    }

    @Test func fitJSONHasTheInterfaceFieldsAndNotice() throws {
        let run = try CLI.run(["fit", "ologit", "skill ~ union + age + i.educ", "--data", Self.workers,
                               "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for key in ["model", "n", "converged", "iterations", "loglik", "loglik_null", "lr_chi2", "pseudo_r2",
                    "r2", "aic", "bic", "coefficients", "cutpoints", "omitted", "margins", "notice"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["model"] as? String == "ologit")
        #expect(json["notice"] as? String == "SYNTHETIC test data, not a survey.")
        let cutpoints = try #require(json["cutpoints"] as? [[String: Any]])
        #expect(cutpoints.first?["term"] as? String == "cut1")
        let coefficients = try #require(json["coefficients"] as? [[String: Any]])
        #expect(Set(coefficients.compactMap { $0["term"] as? String }).isSuperset(of: ["union", "age"]))
    }

    @Test func fitTextShowsNoticeAboveTableAndChineseLabels() throws {
        let run = try CLI.run(["fit", "ologit", "skill ~ union + age + i.educ", "--data", Self.workers, "--lang", "zh"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "合成测试数据，并非调查数据。")
        #expect(lines.contains { $0.hasPrefix("加入工会") })
        #expect(lines.contains { $0.hasPrefix("受教育程度（参照组：小学）") })
        #expect(run.stderr.isEmpty)
    }

    @Test func fitMarkdownAndLatexCarryTheNoticeAsANote() throws {
        for format in ["md", "latex"] {
            let run = try CLI.run(["fit", "ols", "skill ~ union", "--data", Self.workers, "--format", format])
            #expect(run.status == 0)
            #expect(run.stdout.contains("SYNTHETIC test data"))
        }
    }

    @Test func describeAndCrosstabRun() throws {
        let describe = try CLI.run(["describe", "skill", "age", "--data", Self.workers, "--fweight", "w", "--format", "json"])
        #expect(describe.status == 0, "\(describe.stderr)")
        let d = try #require(try JSONSerialization.jsonObject(with: Data(describe.stdout.utf8)) as? [String: Any])
        let variables = try #require(d["variables"] as? [[String: Any]])
        #expect(variables.map { $0["variable"] as? String } == ["skill", "age"])
        #expect(d["notice"] as? String == "SYNTHETIC test data, not a survey.")

        let crosstab = try CLI.run(["crosstab", "skill", "union", "--data", Self.workers, "--percent", "row"])
        #expect(crosstab.status == 0, "\(crosstab.stderr)")
        #expect(crosstab.stdout.contains("Pearson chi2(2)"))
        #expect(crosstab.stdout.contains("Row percentages."))
        let csv = try CLI.run(["crosstab", "skill", "union", "--data", Self.workers, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("Skill grade,non-member,member,Total\n"))
        #expect(csv.stderr.contains("SYNTHETIC")) // CSV stays data; the notice goes to stderr
    }

    @Test func fitOptionsReachTheReport() throws {
        let robust = try CLI.run(["fit", "ols", "skill ~ union + age", "--data", Self.workers,
                                  "--vce", "robust", "--paren", "se"])
        #expect(robust.status == 0, "\(robust.stderr)")
        #expect(robust.stdout.contains("Standard errors in parentheses."))
        #expect(robust.stdout.contains("robust (Huber-White) standard errors"))

        let margins = try CLI.run(["fit", "logit", "union ~ age", "--data", Self.workers, "--margins"])
        #expect(margins.status == 0, "\(margins.stderr)")
        #expect(margins.stdout.contains("Average marginal effects"))
        #expect(!margins.stdout.contains("Marginal effects at means"))

        // --atmeans implies --margins: both tables.
        let atMeans = try CLI.run(["fit", "logit", "union ~ age", "--data", Self.workers, "--atmeans"])
        #expect(atMeans.status == 0, "\(atMeans.stderr)")
        #expect(atMeans.stdout.contains("Average marginal effects"))
        #expect(atMeans.stdout.contains("Marginal effects at means"))

        let weighted = try CLI.run(["fit", "logit", "union ~ age", "--data", Self.workers, "--pweight", "w"])
        #expect(weighted.status == 0, "\(weighted.stderr)")
        #expect(weighted.stdout.contains("sampling weights: w"))
        #expect(weighted.stdout.contains("sampling weights imply robust"))
    }

    @Test func describeAndCrosstabFormats() throws {
        let describe = try CLI.run(["describe", "skill", "--data", Self.workers, "--format", "md"])
        #expect(describe.status == 0, "\(describe.stderr)")
        #expect(describe.stdout.contains("**Descriptive statistics**"))
        #expect(describe.stdout.contains("| Skill grade "))

        let markdown = try CLI.run(["crosstab", "skill", "union", "--data", Self.workers,
                                    "--percent", "none", "--format", "md"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("| no grade    |          6 |     20 |    26 |"))
        #expect(!markdown.stdout.contains("percentages"))

        let json = try CLI.run(["crosstab", "skill", "union", "--data", Self.workers, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let j = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(j["row"] as? String == "skill" && j["column"] as? String == "union")
    }

    @Test(arguments: [
        (["--margins"], "Unknown option '--margins' (see 'pathlens mediate --help')"),
        (["--reps", "0"], "invalid value '0' for --reps"),
        (["--reps=-1"], "--reps"),
        (["--alpha", "1"], "--alpha"),
        (["--level", "0"], "--level"),
        (["--format", "xml"], "--format"),
        (["--ci", "x"], "--ci"),
        (["--causal-ci", "x"], "--causal-ci"),
        (["--method", ","], "--method is empty"),
        (["--method", "magic"], "--method"),
        (["--m-model", "ologit"], "--m-model"),
        (["--y-model", "tobit"], "--y-model"),
        (["--y-model", "gologit", "--moderator", "educ"], "--y-model gologit cannot be combined with --moderator"),
        (["--y-model", "ologit", "--autofit"], "--autofit applies to --y-model gologit or goprobit only"),
        (["--controls", "age +"], "--controls"),
        (["--x", "nosuch"], "unknown variable 'nosuch'"),
    ])
    func mediateBadInputsAreOneLineErrors(extra: [String], message: String) throws {
        let run = try CLI.run(["mediate", "--x", "union", "--m", "age", "--y", "skill", "--data", Self.workers] + extra)
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// The controls are pasted into formulas PathLens builds; the error must still point into
    /// the user's own `--controls` text.
    @Test(arguments: [
        ("age+", "--controls, column 5: expected a term after '+', found end of formula in 'age+'"),
        ("+ age", "--controls, column 1: expected a variable name, found '+' in '+ age'"),
        ("age male", "--controls, column 5: expected '+' between terms, found 'm' in 'age male'"),
        ("  ", "--controls is empty"),
    ])
    func mediateControlsSyntaxErrorPointsIntoTheControls(controls: String, message: String) throws {
        let run = try CLI.run(["mediate", "--x", "union", "--m", "age", "--y", "skill", "--data", Self.workers,
                               "--controls", controls])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(!run.stderr.contains("~"), "stderr: \(run.stderr)")
    }

    @Test func mediateFormatsAndIntervals() throws {
        let json = try CLI.run(["mediate", "--x", "union", "--m", "age", "--y", "skill", "--data", Self.workers,
                                "--m-model", "ols", "--y-model", "ologit", "--method", "sobel,bootstrap",
                                "--reps", "50", "--seed", "7", "--ci", "bca", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stderr.contains("SYNTHETIC")) // JSON stays data; the notice goes to stderr
        let j = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(j["y_model"] as? String == "ologit")
        let bootstrap = try #require(j["bootstrap"] as? [String: Any])
        #expect((bootstrap["bca"] as? [Double])?.count == 2)

        let markdown = try CLI.run(["mediate", "--x", "union", "--m", "age", "--y", "skill", "--data", Self.workers,
                                    "--method", "bk", "--alpha", "0.1", "--level", "0.9", "--format", "md"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("> SYNTHETIC"))
        #expect(markdown.stdout.contains("**Baron–Kenny paths (age)**"))
    }

    /// Checked before the explorer or a benchmark takes the terminal, so they arrive as one line.
    @Test(arguments: [
        (["explore", "--if", "age >"], "--if:"),
        (["explore", "--spec", "/nonexistent/spec.json"], "/nonexistent/spec.json"),
        (["bench", "ui", "--size", "0x0"], "--size"),
        (["bench", "ui", "--keys", "nokey"], "unknown key 'nokey'"),
        (["bench", "fit", "--generate", "0"], "--generate"),
        (["bench", "fit", "--rows", "abc"], "invalid --rows 'abc'"),
        (["bench", "fit", "--models", "ologit,tobit"], "unknown model 'tobit' in --models"),
    ])
    func exploreAndBenchBadInputsAreOneLineErrors(arguments: [String], message: String) throws {
        let file = arguments.first == "bench" && arguments[1] == "fit" ? [] : [Self.workers]
        let run = try CLI.run(arguments + file)
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }

    @Test func benchUIReplaysKeysAndBenchFitGeneratesData() throws {
        let ui = try CLI.run(["bench", "ui", Self.workers, "--keys", "down enter", "--budget", "100000",
                              "--size", "100x30", "--verbose"])
        #expect(ui.status == 0, "\(ui.stderr)")
        #expect(ui.stdout.contains("dataset workers: 60 rows; screen 100x30; 2 key presses"))
        #expect(ui.stdout.contains("all 2 redraws within budget"))

        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("bench.csv").path
        let generate = try CLI.run(["bench", "fit", "--generate", "50", "--out", csv])
        #expect(generate.status == 0, "\(generate.stderr)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.hasPrefix("y,yb,x1,x2,"))
        #expect(text.split(separator: "\n").count == 51)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bench.codebook.json").path))

        // --models picks estimators; --rows "" leaves only the embedded replica.
        let subset = try CLI.run(["bench", "fit", "--rows", "", "--models", "ols,ologit", "--repeats", "1"])
        #expect(subset.status == 0, "\(subset.stderr)")
        let timed = subset.stdout.split(separator: "\n").filter { $0.contains(" ms wall ") }.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        // With ologit selected the parallel-lines timings follow (Brant test, gologit autofit), then
        // issue 14's interaction case with margins over industry.
        #expect(timed == ["ols", "ologit", "gologit", "ols", "ologit"], "\(subset.stdout)")
        #expect(subset.stdout.contains("Brant test (Model 6"), "\(subset.stdout)")
        #expect(subset.stdout.contains("interactions skill ~ c.age##c.age + i.union##i.industry, margins over industry"))
        #expect(!subset.stdout.contains("generated"))

        // Without the embedded data its part is skipped with the shared message; nothing fails.
        let missing = try CLI.run(["bench", "fit", "--rows", "", "--models", "ols", "--repeats", "1"],
                                  environment: ["PATHLENS_DATA": dir.appendingPathComponent("none").path])
        #expect(missing.status == 0, "\(missing.stderr)")
        #expect(missing.stdout.contains("embedded replica skipped: the embedded dataset is not generated yet"), "\(missing.stdout)")
    }

    @Test func teachPrintsAndChecksTheShippedLesson() throws {
        let check = try CLI.run(["teach", "--check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("10 steps, languages en, zh: OK"))

        let step = try CLI.run(["teach", "--print", "--step", "2"])
        #expect(step.status == 0, "\(step.stderr)")
        #expect(step.stdout.contains("## Step 2 of 10: The raw association is not yet an effect"))
        #expect(!step.stdout.contains("## Step 1 of 10"))

        let chinese = try CLI.run(["teach", "--print", "--lang", "zh", "--step", "2"])
        #expect(chinese.status == 0, "\(chinese.stderr)")
        #expect(chinese.stdout.contains("## 第 2 步（共 10 步）"))

        for (arguments, message) in [(["teach", "--print", "--step", "99"], "--step"),
                                     (["teach", "--check", "--lang", "fr"], "--lang"),
                                     (["teach", "--check", "/nonexistent/lesson.md"], "cannot read the lesson file")] {
            let run = try CLI.run(arguments)
            #expect(run.status != 0)
            #expect(run.stderrLines.count == 1 && run.stderr.contains(message), "stderr: \(run.stderr)")
        }
    }
}

/// The `pathlens` binary (shared finder and runner) and this suite's fixtures.
typealias CLI = PathLensBinary

extension PathLensBinary {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}
