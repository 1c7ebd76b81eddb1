import Foundation
import PathLensTestSupport
import Testing

/// Issue 11's "done when": on a user's Stata file (`scripts/fixtures/byos_survey.R`: labelled 1–5
/// `jobsat`, binary `treat` and `med`, 25 regions, `logwage` with `.a`/`.b`), keys alone type the
/// outcome ordinal, set the roles, enter region as `i.region`, cluster by region, show the
/// Mediation view and save the specification; `pathlens --spec F` alone reopens it; the screen's
/// numbers equal `pathlens fit` / `mediate` with the same options, which equal R's.
@Suite struct BringYourOwnSurveyTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/byos")
    static let dta = folder.appendingPathComponent("byos_survey.dta")
    static let controls = "i.region + c.logwage"

    struct Reference {
        let json: [String: Any]
        func coefficient(_ model: String, _ term: String) throws -> (estimate: Double, se: Double) {
            let cases = try #require(json["cases"] as? [[String: Any]])
            let c = try #require(cases.first { $0["name"] as? String == model }, "no case \(model)")
            let rows = try #require(c["coefficients"] as? [[String: Any]])
            let row = try #require(rows.first { $0["term"] as? String == term }, "\(model) has no \(term)")
            return (try #require(row["estimate"] as? Double), try #require(row["se"] as? Double))
        }
        /// Stata's `or` display of a term: exp(b), exp(b)·se, the exponentiated 95 % interval.
        func oddsRatio(_ model: String, _ term: String) throws -> (or: Double, se: Double, ci: [Double]) {
            let cases = try #require(json["cases"] as? [[String: Any]])
            let c = try #require(cases.first { $0["name"] as? String == model })
            let row = try #require((c["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == term })
            return (try #require(row["or"] as? Double), try #require(row["or_se"] as? Double), try #require(row["or_ci"] as? [Double]))
        }
        func path(_ name: String) throws -> (estimate: Double, se: Double) {
            let paths = try #require(json["paths"] as? [String: Any])
            let p = try #require(paths[name] as? [String: Any])
            return (try #require(p["estimate"] as? Double), try #require(p["se"] as? Double))
        }
    }

    static func reference() throws -> Reference {
        let data = try Data(contentsOf: folder.appendingPathComponent("byos_reference.json"))
        return Reference(json: try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    func run(_ arguments: [String], timeout: Double = 600) throws -> PathLensBinary.Run {
        try PathLensBinary.run(arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"],
                               timeout: timeout)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `fit MODEL FORMULA --vce cluster:region --format json`: estimate and se of `term`.
    func fit(_ model: String, _ formula: String, term: String, data: String) throws -> (estimate: Double, se: Double, z: Double) {
        let r = try run(["fit", model, formula, "--data", data, "--vce", "cluster:region", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try json(r.stdout)
        #expect(j["vce"] as? String == "cluster:region")
        let rows = (j["coefficients"] as? [[String: Any]] ?? []) + (j["cutpoints"] as? [[String: Any]] ?? [])
        let row = try #require(rows.first { $0["term"] as? String == term }, "\(model) fit has no \(term)")
        return (try #require(row["estimate"] as? Double), try #require(row["se"] as? Double), try #require(row["z"] as? Double))
    }

    /// The numbers after `label` on the path diagram's line that holds it (`   |   a  = 0.4 (z=…)`).
    func pathNumbers(_ screen: String, _ label: String) throws -> [String] {
        let line = try #require(screen.split(separator: "\n").first { $0.contains(label) }, "no path \(label)")
        let after = line[line.range(of: label)!.upperBound...]
        return after.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()*")) }
            .filter { Double($0) != nil }
    }

    /// The numbers in a screen row that starts (after the pane) with `label`, and in the row below.
    func row(_ screen: String, _ label: String) throws -> (top: [String], below: [String]) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try #require(lines.firstIndex { $0.split(separator: "|", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces).hasPrefix(label) == true },
                             "no row \(label)")
        func numbers(_ line: String) -> [String] {
            let view = line.split(separator: "|", maxSplits: 1).last.map(String.init) ?? line
            return view.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()*")) }
                .filter { Double($0) != nil }
        }
        return (numbers(lines[i]), numbers(lines[i + 1]))
    }

    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

    @Test(.requires(PathLensBinary.missing))
    func keysAloneBuildTheSpecificationAndItReopens() throws {
        let reference = try Self.reference()
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("byos_survey.dta")
        try FileManager.default.copyItem(at: Self.dta, to: data)
        let specPath = dir.appendingPathComponent("spec.json").path

        // Keys alone: jobsat ordinal + outcome, treat binary + key regressor, med binary +
        // mediator, region as i.region, logwage a control, cluster by region, Mediation view, save.
        let keys = #"/ "jobsat" enter E 3 down 2 esc / "treat" enter E 2 down 3 esc / "med" enter E 2 down 4 esc "#
            + #"/ "region" enter E down down 4 esc / "logwage" enter space V down down enter "region" enter 2 "#
            + #"w ctrl-u ""# + specPath + #"" enter"#
        let first = try run(["explore", data.path, "--size", "120x40", "--keys", keys, "--print"])
        #expect(first.status == 0, "\(first.stderr)")
        let mediation = first.stdout
        #expect(mediation.contains("VCE: cluster:region"))
        #expect(mediation.contains("specification saved to"))
        #expect(!mediation.contains("mediation engine does not use"))
        #expect(mediation.contains(" Y  jobsat     ord"))

        // The saved file: its data, measures, controls as terms, the variance as the CLI writes it.
        let saved = try json(try String(contentsOfFile: specPath, encoding: .utf8))
        let record = try #require(saved["data"] as? [String: Any])
        #expect(record["path"] as? String == "byos_survey.dta")
        #expect(record["bytes"] as? Int == (try FileManager.default.attributesOfItem(atPath: data.path)[.size] as? Int))
        #expect((record["sha256"] as? String)?.count == 64)
        // jobsat is ordinal from the file's value labels (1-5 labelled codes) or, where the loader
        // typed it otherwise, from the editor's `E 3`; only a change is recorded in `measures`.
        let measures = saved["measures"] as? [String: String] ?? [:]
        #expect(measures["jobsat"] ?? "ordinal" == "ordinal")
        #expect(saved["controls"] as? [String] == ["i.region", "c.logwage"])
        #expect(saved["vce"] as? String == "cluster:region")
        #expect(saved["outcome"] as? String == "jobsat" && saved["key_regressor"] as? String == "treat")
        #expect(saved["mediator"] as? String == "med" && saved["mediator_on"] as? Bool == true)

        // The Mediation view's paths are the engine's with the Models view's variance: `mediate
        // --vce cluster:region` with the same options, and R's clustered fits of the same models.
        let med = try run(["mediate", "--x", "treat", "--m", "med", "--y", "jobsat", "--controls", Self.controls,
                           "--data", data.path, "--y-model", "ologit", "--m-model", "logit", "--method", "bk",
                           "--vce", "cluster:region", "--format", "json"])
        #expect(med.status == 0, "\(med.stderr)")
        let paths = try #require(try json(med.stdout)["paths"] as? [String: Any])
        let clustered = [("a", "m_logit_cluster", "treat"), ("b", "ym_ologit_cluster", "med"),
                         ("c", "y_ologit_cluster", "treat"), ("c_prime", "ym_ologit_cluster", "treat")]
        for (name, label, key) in [("a", "a  =", "a"), ("b", "b  =", "b"), ("c", "c  =", "c"), ("c_prime", "c′ =", "c_prime")] {
            let p = try #require(paths[key] as? [String: Any])
            let estimate = try #require(p["estimate"] as? Double), se = try #require(p["se"] as? Double)
            let source = try #require(clustered.first { $0.0 == name })
            let r = try reference.coefficient(source.1, source.2)
            #expect(abs(estimate - r.estimate) <= 1e-6 * abs(r.estimate), "\(name): \(estimate) vs R \(r.estimate)")
            #expect(abs(se - r.se) <= 1e-5 * r.se, "\(name) se: \(se) vs R \(r.se)")
            let shown = try pathNumbers(mediation, label)
            #expect(shown.first == Self.fixed(estimate, 3), "\(name) on screen: \(shown)")
            #expect(mediation.contains("(z=\(Self.fixed(estimate / se, 2)))"), "\(name) z on screen")
        }

        // `pathlens --spec F` alone: the recorded data file, the same models.
        // 160 columns: all five model columns whole beside the variables pane (at 120 one is off-screen).
        let reopened = try run(["--spec", specPath, "--size", "160x40", "--keys", "", "--print"])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        let models = reopened.stdout
        #expect(models.contains("PathLens: byos_survey"))
        #expect(models.contains("N=3894") && models.contains("VCE: cluster:region") && models.contains("Med: med on"))
        #expect(!models.contains("warning"))
        let treat = try row(models, "received")
        // Columns: OLS, ologit, ologit std, logit med, ologit +med.
        // The OLS column against R directly: `fit ols` refuses an outcome the file types as
        // unordered categorical (the explorer's measure override is not a `fit` option).
        let ols = try reference.coefficient("y_ols_cluster", "treat")
        #expect(treat.top.first == Self.fixed(ols.estimate, 3) && treat.below.first == Self.fixed(ols.estimate / ols.se, 2),
                "OLS on screen: \(treat.top) \(treat.below)")
        let fits: [(column: Int, model: String, formula: String, reference: String)] = [
            (1, "ologit", "jobsat ~ treat + \(Self.controls)", "y_ologit_cluster"),
            (3, "logit", "med ~ treat + \(Self.controls)", "m_logit_cluster"),
            (4, "ologit", "jobsat ~ treat + med + \(Self.controls)", "ym_ologit_cluster"),
        ]
        for f in fits {
            let cli = try fit(f.model, f.formula, term: "treat", data: data.path)
            let r = try reference.coefficient(f.reference, "treat")
            #expect(abs(cli.estimate - r.estimate) <= 1e-6 * abs(r.estimate), "\(f.reference): \(cli.estimate) vs R \(r.estimate)")
            #expect(abs(cli.se - r.se) <= 1e-5 * r.se, "\(f.reference) se: \(cli.se) vs R \(r.se)")
            #expect(treat.top.indices.contains(f.column) && treat.top[f.column] == Self.fixed(cli.estimate, 3),
                    "\(f.reference) on screen: \(treat.top)")
            #expect(treat.below.indices.contains(f.column) && treat.below[f.column] == Self.fixed(cli.z, 2),
                    "\(f.reference) z on screen: \(treat.below)")
        }
        // Odds ratios (O) with SEs (P) and then 95 % intervals (P again), as R's exp(b), exp(b)·se.
        let or = try reference.oddsRatio("y_ologit_cluster", "treat")
        let withSE = try run(["--spec", specPath, "--size", "120x40", "--keys", "O P", "--print"])
        #expect(withSE.status == 0, "\(withSE.stderr)")
        let orRow = try row(withSE.stdout, "received")
        #expect(orRow.top.indices.contains(1) && orRow.top[1] == Self.fixed(or.or, 3), "OR on screen: \(orRow.top)")
        #expect(orRow.below.indices.contains(1) && orRow.below[1] == Self.fixed(or.se, 3), "OR se on screen: \(orRow.below)")
        #expect(orRow.top.first == treat.top.first) // OLS is not exponentiated
        let withCI = try run(["--spec", specPath, "--size", "160x40", "--keys", "O P P", "--print"])
        #expect(withCI.stdout.contains("[\(Self.fixed(or.ci[0], 3)), \(Self.fixed(or.ci[1], 3))]"), "\(withCI.stdout)")

        // The rest of the R reference through fit: logwage and the cutpoints of the ordered logit.
        for term in ["logwage", "cut1", "cut2", "cut3", "cut4"] {
            let cli = try fit("ologit", "jobsat ~ treat + \(Self.controls)", term: term, data: data.path)
            let r = try reference.coefficient("y_ologit_cluster", term)
            #expect(abs(cli.estimate - r.estimate) <= 1e-6 * abs(r.estimate), "\(term): \(cli.estimate) vs R \(r.estimate)")
            #expect(abs(cli.se - r.se) <= 1e-5 * r.se, "\(term) se: \(cli.se) vs R \(r.se)")
        }
    }

    /// A recorded data file that is missing is one line naming both files; a changed one whose
    /// variables still match opens with a warning on the status line; a path alone opens.
    @Test(.requires(PathLensBinary.missing))
    func theRecordedDataFileIsChecked() throws {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("byos_survey.dta")
        try FileManager.default.copyItem(at: Self.dta, to: data)
        func spec(_ name: String, _ record: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try Data(#"{"outcome": "jobsat", "key_regressor": "treat", "data": \#(record)}"#.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let alone = try run(["--spec", try spec("alone.json", #"{"path": "byos_survey.dta"}"#), "--keys", "", "--print"])
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(alone.stdout.contains("PathLens: byos_survey"))

        let changed = try run(["--spec", try spec("changed.json", #"{"path": "byos_survey.dta", "bytes": 12}"#),
                               "--size", "200x24", "--keys", "", "--print"])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("warning: \(data.path) changed since"), "\(changed.stdout)")

        let gone = try spec("gone.json", #"{"path": "nosuch.dta", "bytes": 12}"#)
        let missing = try run(["--spec", gone, "--keys", "", "--print"])
        #expect(missing.status != 0)
        let line = missing.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!line.contains("\n") && line.contains(gone) && line.contains(dir.appendingPathComponent("nosuch.dta").path), "\(line)")
    }
}
