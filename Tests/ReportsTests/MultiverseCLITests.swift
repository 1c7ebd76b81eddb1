import Foundation
import Testing
import PathLensTestSupport
import Reports

/// `pathlens multiverse` (issue 16): every specification's coefficient, AME and indirect effect
/// against R (`scripts/fixtures/multiverse.R`: lm, ordinal::clm, glm, Sobel by hand) to 1e-6;
/// the summary recomputed here from the specification rows; the JSON interface; one-line errors.
@Suite(.requires(CLI.missing))
struct MultiverseCLITests {
    static let folder = CLI.fixtures.appendingPathComponent("multiverse")
    static let data = folder.appendingPathComponent("wvs_multiverse.csv").path
    static let request = ["multiverse", "--data", data, "--x", "religion", "--y", "poverty", "--m", "degree",
                          "--controls-from", "variables", "--subsamples", "all,older",
                          "--estimators", "ols,ologit,oprobit", "--effects", "coef,ame,indirect"]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try CLI.run(arguments + ["--format", "json"], timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func strings(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        return value as? [String] ?? []
    }

    @Test func everySpecificationMatchesR() throws {
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.folder.appendingPathComponent("multiverse.json"))) as? [String: Any])
        let expected = try #require(reference["specifications"] as? [[String: Any]])
        let json = try Self.json(Self.request)
        let rows = try #require(json["specifications"] as? [[String: Any]])
        #expect(rows.count == expected.count)
        #expect(json["n_specifications"] as? Int == 48)
        for (row, ref) in zip(rows, expected) {
            let label = "#\(ref["id"] ?? "?") \(ref["estimator"] ?? "?") \(ref["effect"] ?? "?")"
            for key in ["id", "n"] { #expect(row[key] as? Int == ref[key] as? Int, "\(label) \(key)") }
            for key in ["subsample", "estimator", "effect"] { #expect(row[key] as? String == ref[key] as? String, "\(label) \(key)") }
            #expect(Self.strings(row["controls"]) == Self.strings(ref["controls"]), "\(label) controls")
            for key in ["estimate", "se", "ci_low", "ci_high", "p"] {
                let a = try #require(row[key] as? Double, "\(label) \(key) missing")
                let b = try #require(ref[key] as? Double)
                #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(label) \(key): \(a) vs R \(b)")
            }
        }
    }

    /// The summary's fields, recomputed from the rows (median as R's, significance by the interval).
    @Test func summaryFollowsFromTheRows() throws {
        let json = try Self.json(Self.request)
        let rows = try #require(json["specifications"] as? [[String: Any]])
        let summary = try #require(json["summary"] as? [[String: Any]])
        #expect(summary.map { $0["effect"] as? String } == ["coef", "ame", "indirect"])
        for s in summary {
            let effect = try #require(s["effect"] as? String)
            let mine = rows.filter { $0["effect"] as? String == effect }
            let estimates = mine.compactMap { $0["estimate"] as? Double }.sorted()
            let n = Double(estimates.count)
            #expect(s["n_specs"] as? Int == estimates.count)
            let c = estimates.count
            let median = c % 2 == 1 ? estimates[c / 2] : (estimates[c / 2 - 1] + estimates[c / 2]) / 2
            func close(_ key: String, _ value: Double) {
                let got = s[key] as? Double ?? (s[key] as? Int).map(Double.init) ?? .nan
                #expect(abs(got - value) <= 1e-12, "\(effect) \(key): \(got) vs \(value)")
            }
            close("median", median)
            close("min", estimates.first!)
            close("max", estimates.last!)
            close("share_positive", Double(estimates.filter { $0 > 0 }.count) / n)
            close("share_significant_positive", Double(mine.filter { ($0["ci_low"] as? Double ?? 0) > 0 }.count) / n)
            close("share_significant_negative", Double(mine.filter { ($0["ci_high"] as? Double ?? 0) < 0 }.count) / n)
            // With Wald intervals, "significant" is p < 0.05 with the sign of the estimate.
            let significant = mine.filter { ($0["p"] as? Double ?? 1) < 0.05 }.count
            let byInterval = mine.filter { ($0["ci_low"] as? Double ?? 0) > 0 || ($0["ci_high"] as? Double ?? 0) < 0 }.count
            #expect(significant == byInterval, "\(effect)")
        }
    }

    @Test func groupsBaseSpecificationAndFields() throws {
        let json = try Self.json(["multiverse", "--data", Self.data, "--x", "religion", "--y", "poverty",
                                  "--estimators", "ologit", "--effects", "coef", "--fixed", "male"])
        let rows = try #require(json["specifications"] as? [[String: Any]])
        // Groups demographic (male + c.age, male fixed: c.age) and country: 4 specifications.
        #expect(rows.count == 4)
        let fields = ["id", "controls", "subsample", "estimator", "effect", "n", "estimate", "se", "ci_low", "ci_high", "p"]
        for row in rows { for f in fields { #expect(row[f] != nil, "missing \(f)") } }
        #expect(rows.map { Self.strings($0["controls"]) } == [[], ["demographic"], ["country"], ["demographic", "country"]])
        #expect(rows.map { $0["base"] as? Bool } == [false, false, false, true])
        let summary = try #require((json["summary"] as? [[String: Any]])?.first)
        for f in ["effect", "n_specs", "median", "share_positive", "share_significant_positive", "share_significant_negative", "min", "max"] {
            #expect(summary[f] != nil, "summary missing \(f)")
        }
    }

    @Test func textDrawsTheCurveAndASCIIFallback() throws {
        let run = try CLI.run(["multiverse", "--data", Self.data, "--x", "religion", "--y", "poverty", "--estimators", "ols,ologit"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("◆"))
        #expect(run.stdout.contains("█"))
        #expect(run.stdout.contains("demographic"))
    }

    @Test(arguments: [
        (["--effects", "khb", "--m", "degree", "--estimators", "ols"], "--effects khb is not defined for --estimators ols"),
        (["--effects", "wobble"], "invalid value 'wobble' for --effects"),
        (["--effects", "indirect", "--m", "degree", "--vce", "robust"], "oim variance only"),
        (["--subsamples", "all,nosuch"], "unknown subsample 'nosuch'"),
        (["--estimators", "gologit"], "invalid value 'gologit' for --estimators"),
        (["--x", "nosuch"], "unknown variable 'nosuch' in --x"),
        (["--x", "country"], "key regressor 'country' enters as 3 columns"),
        (["--level", "1.5"], "--level must be between 0 and 1"),
        (["--effects", "ame", "--ame-outcome", "7"], "--ame-outcome 7: no observation"),
        (["--estimators", "ols", "--rmax", "1"], "--rmax must be greater than 1"),
        (["--estimators", "ols", "--rmax", "0.5"], "--rmax must be greater than 1"),
        (["--estimators", "ologit", "--rmax", "2"], "--rmax gives Oster's δ of OLS coefficients: it needs ols in --estimators"),
        (["--estimators", "ols", "--rmax", "2", "--vce", "robust"], "--rmax: Oster's δ is defined for classical unweighted OLS"),
    ])
    func badInputIsOneLineError(extra: [String], message: String) throws {
        let run = try CLI.run(["multiverse", "--data", Self.data, "--y", "poverty"] + (extra.contains("--x") ? [] : ["--x", "religion"]) + extra)
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }

    /// `--rmax`: each OLS coefficient row's `delta` is `pathlens sensitivity`'s δ for the same
    /// model (that command is checked against R's psacalc formulas and sensemakr); none without
    /// controls or for other estimators; the CSV gains a `delta` column.
    @Test func osterDeltaPerOLSSpecificationIsSensitivitys() throws {
        let json = try Self.json(["multiverse", "--data", Self.data, "--x", "religion", "--y", "poverty",
                                  "--estimators", "ols,ologit", "--rmax", "2"])
        #expect((json["rmax"] as? NSNumber)?.doubleValue == 2)
        let rows = try #require(json["specifications"] as? [[String: Any]])
        let controls = ["demographic": "male + c.age", "country": "i.country"]
        for row in rows {
            let names = Self.strings(row["controls"])
            guard row["estimator"] as? String == "ols", !names.isEmpty else {
                #expect(row["delta"] is NSNull, "\(row)")
                continue
            }
            let terms = names.map { controls[$0]! }.joined(separator: " + ")
            let run = try CLI.run(["sensitivity", "--data", Self.data, "--x", "religion", "--y", "poverty", "--controls", terms,
                                   "--rmax", "2", "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            let s = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let expected = try #require((s["delta"] as? NSNumber)?.doubleValue), got = try #require((row["delta"] as? NSNumber)?.doubleValue)
            #expect(abs(got - expected) <= 1e-9 * max(1, abs(expected)), "\(names): δ \(got) vs sensitivity \(expected)")
        }
        let csv = try CLI.run(["multiverse", "--data", Self.data, "--x", "religion", "--y", "poverty", "--estimators", "ols",
                               "--rmax", "2", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,controls,subsample,estimator,effect,n,estimate,se,ci_low,ci_high,p,base,reason,delta\n"))
    }

    @Test func tooManySpecificationsAreRefusedWithTheCount() throws {
        // 3 terms → 8 subsets; × 2^13 subsamples would be too many — use the `if` list instead:
        // 8 subsets × 3 estimators × 2731 subsamples > 65536.
        let subs = (0..<2731).map { "if age >= \($0)" }.joined(separator: ",")
        let run = try CLI.run(["multiverse", "--data", Self.data, "--x", "religion", "--y", "poverty",
                               "--controls-from", "variables", "--estimators", "ols,ologit,oprobit", "--subsamples", subs])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("65544 specifications"), "stderr: \(run.stderr)")
    }

    @Test func noControlGroupsIsOneLineError() throws {
        let run = try CLI.run(["multiverse", "--data", CLI.fixtures.appendingPathComponent("workers.csv").path,
                               "--x", "union", "--y", "skill"])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("has no control groups"), "stderr: \(run.stderr)")
    }

    /// With every control on, a specification is `pathlens fit` of the same formula (same rows):
    /// coefficient and AME agree under robust and clustered variance too.
    @Test(arguments: ["robust", "cluster:country"])
    func baseSpecificationIsFit(vce: String) throws {
        let json = try Self.json(["multiverse", "--data", Self.data, "--x", "religion", "--y", "poverty",
                                  "--estimators", "ologit", "--effects", "coef,ame", "--vce", vce])
        let rows = try #require(json["specifications"] as? [[String: Any]]).filter { $0["base"] as? Bool == true }
        let fit = try Self.json(["fit", "ologit", "poverty ~ i.religion + male + c.age + i.country", "--data", Self.data,
                                 "--vce", vce, "--margins"])
        let coef = try #require((fit["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == "religion=1" })
        let ame = try #require((fit["margins"] as? [[String: Any]])?.last { $0["term"] as? String == "religion=1" })
        let mine = try #require(rows.first { $0["effect"] as? String == "coef" })
        let mineAME = try #require(rows.first { $0["effect"] as? String == "ame" })
        for key in ["estimate", "se", "p", "ci_low", "ci_high"] {
            #expect(abs((mine[key] as? Double ?? .nan) - (coef[key] as? Double ?? .nan)) < 1e-12, "coef \(key)")
        }
        for (key, theirs) in [("estimate", "effect"), ("se", "se"), ("p", "p")] {
            #expect(abs((mineAME[key] as? Double ?? .nan) - (ame[theirs] as? Double ?? .nan)) < 1e-12, "ame \(key)")
        }
    }

    /// Specifications that cannot be estimated keep their rows with the reason, and the summary
    /// leaves them out and counts them.
    @Test func unestimableSpecificationsAreKeptAndCounted() throws {
        let json = try Self.json(["multiverse", "--data", Self.data, "--x", "religion", "--y", "poverty",
                                  "--estimators", "ologit", "--subsamples", "all,if age > 200"])
        let rows = try #require(json["specifications"] as? [[String: Any]])
        #expect(rows.count == 8)
        let failed = rows.filter { $0["estimated"] as? Bool == false }
        #expect(failed.count == 4)
        #expect(failed.allSatisfy { ($0["reason"] as? String)?.contains("no observations") == true && $0["estimate"] is NSNull })
        let summary = try #require((json["summary"] as? [[String: Any]])?.first)
        #expect(summary["n_specs"] as? Int == 4)
        #expect(summary["n_failed"] as? Int == 4)
    }
}

/// The curve in cells: sorted estimates, whiskers, the marked specification, the panel; ASCII form.
@Suite struct SpecificationCurveTests {
    let curve = SpecificationCurve(points: [
        .init(estimate: 0.5, low: 0.2, high: 0.8, marked: false, indicators: [true, false]),
        .init(estimate: -0.1, low: -0.3, high: 0.1, marked: true, indicators: [false, true]),
        .init(estimate: 0.2, low: 0.0, high: 0.4, marked: false, indicators: [true, true]),
    ], indicatorLabels: ["age", "male"])

    @Test func sortedWithMarkAndPanel() {
        let lines = curve.lines(width: 40, height: 9)
        #expect(lines.count == 9 + 2)
        // Column 0 is the lowest estimate (the marked one), column 2 the highest.
        let plot = lines.prefix(9).map { Array($0.split(separator: "┤", maxSplits: 1).last ?? "") }
        #expect(plot.contains { $0.first == "◆" })
        #expect(lines[9].hasPrefix("age") && lines[9].hasSuffix(" ██"))
        #expect(lines[10].hasPrefix("male") && lines[10].hasSuffix("██ "))
    }

    @Test func asciiFormHasOnlyASCII() {
        let text = curve.lines(width: 40, height: 9, ascii: true).joined(separator: "\n")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("*") && text.contains("#") && text.contains("|"))
    }
}
