import Foundation
import Testing
import PathLensTestSupport

/// Issue 11 on the command line, on the Stata/SPSS files of `scripts/fixtures/byos_data.R`
/// (Tests/SurveyDataTests/Fixtures): `describe` counts missing values by kind and follows
/// `if VAR == .a`; the Stata-parity fixes of `fit` (bare 0/1 margins are derivatives, `i.x`
/// discrete changes — against R; `--pweight` reports robust; text outcomes need an order).
@Suite(.requires(CLI.missing))
struct BringYourOwnSurveyCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SurveyDataTests/Fixtures").standardized
    static let dta = fixtures.appendingPathComponent("byos.dta").path
    static let sav = fixtures.appendingPathComponent("byos.sav").path

    static func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("byos_reference.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func json(_ run: CLI.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func variables(_ run: CLI.Run) throws -> [[String: Any]] {
        try #require(try json(run)["variables"] as? [[String: Any]])
    }

    /// `describe jobsat --if 'logwage == .a'` counts only the `.a` rows (haven's tagged NA).
    @Test func describeIfExtendedMissingCountsOnlyThoseRows() throws {
        let ref = try #require(try Self.reference()["dta"] as? [String: Any])
        for (condition, key) in [("logwage == .a", "jobsat_if_logwage_a"), ("logwage == .", "jobsat_if_logwage_sys")] {
            let run = try CLI.run(["describe", "jobsat", "--data", Self.dta, "--if", condition, "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            let jobsat = try #require(try Self.variables(run).first)
            let expected = try #require(ref[key] as? [String: Any])
            #expect(jobsat["n"] as? Double == (expected["n"] as? NSNumber)?.doubleValue, "\(condition)")
            #expect(jobsat["type"] as? String == "ordinal")
            let counts = try #require(jobsat["categories"] as? [[String: Any]]).map { $0["count"] as? Double }
            let want = try #require(expected["categories"] as? [[String: Any]]).map { ($0["count"] as? NSNumber)?.doubleValue }
            #expect(counts == want, "\(condition)")
        }
    }

    /// The describe JSON keeps `missing` and adds `missing_values` with counts by kind and labels.
    @Test func describeJSONGivesMissingByKind() throws {
        let ref = try #require(try Self.reference()["dta"] as? [String: Any])
        let logwageRef = try #require(ref["logwage"] as? [String: Any])
        let run = try CLI.run(["describe", "logwage", "--data", Self.dta, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let logwage = try #require(try Self.variables(run).first)
        #expect(logwage["missing"] as? Double == (logwageRef["missing_total"] as? NSNumber)?.doubleValue)
        let missing = try #require(logwage["missing_values"] as? [String: Any])
        #expect(missing["total"] as? Double == logwage["missing"] as? Double)
        let kinds = try #require(missing["by_kind"] as? [[String: Any]])
        let expected = try #require(logwageRef["by_kind"] as? [[String: Any]])
        #expect(kinds.map { $0["kind"] as? String } == expected.map { $0["kind"] as? String })
        #expect(kinds.map { $0["n"] as? Double } == expected.map { ($0["n"] as? NSNumber)?.doubleValue })
        #expect(kinds.map { $0["label"] as? String } == expected.map { $0["label"] as? String })
        #expect(kinds.first?["label"] is NSNull) // `.` has no label

        let sav = try CLI.run(["describe", "hours", "--data", Self.sav, "--format", "json"])
        #expect(sav.status == 0, "\(sav.stderr)")
        let hours = try #require(try Self.variables(sav).first)
        #expect(hours["type"] as? String == "continuous") // 999 "not measured" alone does not make it categorical
        let hoursKinds = try #require((hours["missing_values"] as? [String: Any])?["by_kind"] as? [[String: Any]])
        #expect(hoursKinds.count == 1)
        #expect(hoursKinds.first?["kind"] as? String == "999")
        #expect(hoursKinds.first?["code"] as? Double == 999)
        #expect(hoursKinds.first?["label"] as? String == "not measured")
        #expect(hoursKinds.first?["n"] as? Double == 23)
    }

    /// Text describe lists the kinds below the variable, as Stata's `tab x, missing`.
    @Test func describeTextListsMissingKinds() throws {
        let run = try CLI.run(["describe", "logwage", "--data", Self.dta])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix(". (system missing)") && $0.hasSuffix("12") })
        #expect(lines.contains { $0.hasPrefix(".a refused") && $0.hasSuffix("31") })
        #expect(lines.contains { $0.hasPrefix(".b not asked") && $0.hasSuffix("16") })
        let zh = try CLI.run(["describe", "logwage", "--data", Self.dta, "--lang", "zh", "--format", "md"])
        #expect(zh.stdout.contains(".（系统缺失）"))
    }

    /// Stata's `margins, dydx(*)`: a bare 0/1 regressor gets the derivative, `i.treat` the discrete
    /// change 1 vs 0 — both against R (analytic derivative checked by numDeriv; delta-method SEs).
    @Test func marginsOfABareBinaryAreDerivativesAndOfIxDiscreteChanges() throws {
        let ref = try #require(try Self.reference()["margins"] as? [String: Any])
        for (formulaKey, casesKey) in [("formula_bare", "bare"), ("formula_factor", "factor")] {
            let formula = try #require(ref[formulaKey] as? String)
            let run = try CLI.run(["fit", "logit", formula, "--data", Self.dta, "--margins", "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            let margins = try #require(try Self.json(run)["margins"] as? [[String: Any]])
            for expected in try #require(ref[casesKey] as? [[String: Any]]) {
                let term = try #require(expected["term"] as? String)
                let got = try #require(margins.first { $0["term"] as? String == term && $0["at"] as? String != "means" },
                                       "\(formula): \(term)")
                let effect = try #require(got["effect"] as? Double), se = try #require(got["se"] as? Double)
                let wantEffect = try #require((expected["effect"] as? NSNumber)?.doubleValue)
                let wantSE = try #require((expected["se"] as? NSNumber)?.doubleValue)
                #expect(abs(effect - wantEffect) <= 1e-7 * max(1, abs(wantEffect)), "\(formula) \(term) effect \(effect) vs R \(wantEffect)")
                #expect(abs(se - wantSE) <= 1e-6 * max(1e-3, abs(wantSE)), "\(formula) \(term) se \(se) vs R \(wantSE)")
            }
        }
    }

    @Test func pweightReportsRobustVariance() throws {
        let run = try CLI.run(["fit", "logit", "mentor ~ treat + age", "--data", Self.dta, "--pweight", "age",
                               "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.json(run)["vce"] as? String == "robust")
        let text = try CLI.run(["fit", "logit", "mentor ~ treat + age", "--data", Self.dta, "--pweight", "age"])
        #expect(text.stdout.contains("robust (Huber-White) standard errors"))
        let oim = try CLI.run(["fit", "logit", "mentor ~ treat + age", "--data", Self.dta, "--format", "json"])
        #expect(try Self.json(oim)["vce"] as? String == "oim")
    }

    /// A text outcome with no codebook order: refused for ordered and binary models, one line that
    /// says how to give the order — never "does not vary (all nonzero)".
    @Test func textOutcomeWithoutAnOrderIsRefused() throws {
        let dir = try CLI.temporaryDirectory()
        let csv = dir.appendingPathComponent("opinion.csv")
        try "y,x\nagree,1\ndisagree,2\nneutral,3\nagree,4\nno,5\nyes,6\n".write(to: csv, atomically: true, encoding: .utf8)
        let binary = dir.appendingPathComponent("yesno.csv")
        try "y,x\nyes,1\nno,2\nyes,3\nno,4\nyes,2\n".write(to: binary, atomically: true, encoding: .utf8)
        for (model, file) in [("ologit", csv), ("oprobit", csv), ("logit", binary), ("probit", binary)] {
            let run = try CLI.run(["fit", model, "y ~ x", "--data", file.path])
            #expect(run.status != 0)
            let errors = run.stderrLines.filter { $0.hasPrefix("Error: ") }
            #expect(errors.count == 1, "\(model): \(run.stderr)")
            #expect(errors.first?.contains("outcome 'y' holds text") == true, "\(model): \(run.stderr)")
            #expect(errors.first?.contains(".codebook.json") == true)
            #expect(errors.first?.contains("encode y") == true)
            #expect(!run.stderr.contains("does not vary"))
        }
        // With a codebook giving the order, it fits.
        try #"{"dataset": "yesno", "variables": [{"name": "y", "type": "binary", "values": [{"code": 0, "name": "no"}, {"code": 1, "name": "yes"}]}, {"name": "x", "type": "continuous"}]}"#
            .write(to: dir.appendingPathComponent("yesno.codebook.json"), atomically: true, encoding: .utf8)
        let ordered = try CLI.run(["fit", "logit", "y ~ x", "--data", binary.path])
        #expect(ordered.status == 0, "\(ordered.stderr)")
    }

    /// `mediate` refuses a text outcome or mediator without an order as `fit` does (the same check,
    /// `TextOrderCheck`): for the model given and for the one the engine would default to.
    @Test func mediateRefusesATextOutcomeOrMediatorWithoutAnOrder() throws {
        let dir = try CLI.temporaryDirectory()
        let csv = dir.appendingPathComponent("texts.csv")
        var rows = "x,m,y,t,mt\n"
        for i in 0..<40 {
            rows += "\(i % 2),\(i % 3 == 0 ? 1 : 0),\(["low", "mid", "high"][i % 3]),\(i),\(i % 4 < 2 ? "yes" : "no")\n"
        }
        try rows.write(to: csv, atomically: true, encoding: .utf8)
        let cases: [(args: [String], role: String, variable: String)] = [
            (["--x", "x", "--m", "m", "--y", "y", "--y-model", "ologit"], "outcome", "y"),
            (["--x", "x", "--m", "mt", "--y", "t", "--m-model", "logit"], "mediator", "mt"),
            (["--x", "x", "--m", "mt", "--y", "t", "--m-model", "probit"], "mediator", "mt"),
        ]
        for c in cases {
            let run = try CLI.run(["mediate"] + c.args + ["--method", "bk", "--data", csv.path])
            #expect(run.status != 0, "\(c.args)")
            let errors = run.stderrLines.filter { $0.hasPrefix("Error: ") }
            #expect(errors.count == 1, "\(c.args): \(run.stderr)")
            #expect(errors.first?.contains("\(c.role) '\(c.variable)' holds text") == true, "\(c.args): \(run.stderr)")
            #expect(errors.first?.contains("texts.codebook.json") == true)
            #expect(errors.first?.contains("encode \(c.variable)") == true)
        }
        // Without a model: the one the engine would default to meets the same check.
        let unchosen = try CLI.run(["mediate", "--x", "x", "--m", "m", "--y", "y", "--method", "bk", "--data", csv.path])
        #expect(unchosen.stderrLines.filter { $0.hasPrefix("Error: ") }.count == 1
                && unchosen.stderr.contains("outcome 'y' holds text"), "\(unchosen.stderr)")
        let zh = try CLI.run(["mediate", "--x", "x", "--m", "mt", "--y", "t", "--m-model", "logit", "--method", "bk",
                              "--data", csv.path, "--lang", "zh"])
        #expect(zh.stderr.contains("中介变量 'mt' 是没有顺序的文本"), "\(zh.stderr)")
        // OLS on a text variable is not this check's business; with an order (numbers), it runs.
        let numeric = try CLI.run(["mediate", "--x", "x", "--m", "m", "--y", "t", "--method", "bk", "--data", csv.path])
        #expect(numeric.status == 0, "\(numeric.stderr)")
    }
}
