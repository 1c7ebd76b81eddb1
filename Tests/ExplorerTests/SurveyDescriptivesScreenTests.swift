import Foundation
import PathLensTestSupport
import Testing

/// Issue 17's Describe and Crosstab views under a declared design, through `explore --keys …
/// --print` on survey's `apistrat` sample (the files of `SurveyDesignScreenTests`): Table 1 is
/// `pathlens describe --svy … [--subpop …]` and the crosstab's Rao–Scott line is
/// `pathlens crosstab --svy … [--subpop …]` (both checked against R's survey package by
/// SurveyCLITests); the counts are the screen's sample rows (`describe --if`).
@Suite(.requires(PathLensBinary.missing))
struct SurveyDescriptivesScreenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let csv = here.deletingLastPathComponent().appendingPathComponent("EstimationTests/Fixtures/api_strat.csv")
    static let codebook = here.appendingPathComponent("Fixtures/survey/api.codebook.json")
    static let svy = "strata=stype weight=pw fpc=fpc"
    /// The Describe view's variables on the codebook's defaults, by their screen labels.
    static let variables = [("apicat", "API band"), ("sch_wide", "School-wide target met"), ("meals", "Free meals (%)"),
                            ("mobility", "Mobility (%)"), ("ell", "English language learners (%)")]
    static let declare = #"D ""# + svy + #"" enter"#

    func run(_ arguments: [String], language: String = "C.UTF-8") throws -> PathLensBinary.Run {
        try PathLensBinary.run(arguments, environment: ["LANG": language, "LC_ALL": language, "TERM": "dumb"])
    }

    /// A folder with `api.csv` and its codebook; removed by the caller. `missingELL`: every tenth
    /// school's `ell` blank, so the screen's common sample is smaller than the subsample.
    func folder(missingELL: Bool = false) throws -> URL {
        let dir = try PathLensBinary.temporaryDirectory()
        var lines = try String(contentsOf: Self.csv, encoding: .utf8).split(separator: "\n").map(String.init)
        if missingELL {
            for i in stride(from: 4, to: lines.count, by: 10) {
                var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[1] = ""
                lines[i] = fields.joined(separator: ",")
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("api.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.codebook, to: dir.appendingPathComponent("api.codebook.json"))
        return dir
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try run(arguments + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// The view pane's text (right of the variables pane's `|`), one string per screen line.
    func pane(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).last.map(String.init) ?? "" }
    }

    /// The numbers on the pane line whose label is `label`, from line `from` on: its index and numbers.
    func row(_ lines: [String], _ label: String, from: Int = 0) throws -> (index: Int, numbers: [String]) {
        let i = try #require(lines.indices.first { $0 >= from && lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(label + " ") },
                             "no row \(label) in\n\(lines.joined(separator: "\n"))")
        let numbers = lines[i].dropFirst(lines[i].range(of: label)!.upperBound.utf16Offset(in: lines[i]))
            .split(separator: " ").map { $0.hasSuffix("%") ? String($0.dropLast()) : String($0) }.filter { Double($0) != nil }
        return (i, numbers)
    }

    func number(_ object: [String: Any], _ key: String) -> Double { (object[key] as? NSNumber)?.doubleValue ?? .nan }

    /// The screen's rows as `--subpop`: the subsample, and with a missing `ell` in the common
    /// sample also `ell < .` (the rows every model of the screen uses); in per-model mode (`S`)
    /// each variable's own rows, as `describe --subpop` itself.
    @Test(arguments: [("", nil, false), (" s down enter", "mobility < 20", false),
                      (" s down enter", "mobility < 20 & ell < .", true), (" s down enter S", "mobility < 20", true)]
          as [(String, String?, Bool)])
    func describeViewIsDescribeSvy(_ subsampleKeys: String, _ subpop: String?, _ missingELL: Bool) throws {
        let dir = try folder(missingELL: missingELL)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv").path
        let screen = try run(["explore", data, "--size", "160x45", "--keys", Self.declare + subsampleKeys + " 5", "--print"])
        #expect(screen.status == 0, "\(screen.stderr)")
        let lines = pane(screen.stdout)
        #expect(lines.contains { $0.contains("Linearized SE") && $0.contains("DEFF") }, "\(screen.stdout)")
        let names = Self.variables.map(\.0)
        let weighted = try json(["describe"] + names + ["--data", data, "--svy", Self.svy] + (subpop.map { ["--subpop", $0] } ?? []))
        // The screen's rows: the counts, min and max of the subsample itself.
        let sample = try json(["describe"] + names + ["--data", data] + (subpop.map { ["--if", $0] } ?? []))
        let weightedByName = Dictionary(uniqueKeysWithValues: (weighted["variables"] as? [[String: Any]] ?? []).map { ($0["variable"] as? String ?? "", $0) })
        let sampleByName = Dictionary(uniqueKeysWithValues: (sample["variables"] as? [[String: Any]] ?? []).map { ($0["variable"] as? String ?? "", $0) })
        for (name, label) in Self.variables {
            let w = try #require(weightedByName[name]), s = try #require(sampleByName[name])
            let shown = try row(lines, label)
            let categories = w["categories"] as? [[String: Any]] ?? []
            if categories.isEmpty {
                // N, mean, SD, min, max, linearized SE, DEFF.
                let expected = [String(format: "%.0f", number(s, "n")), String(format: "%.2f", number(w, "mean")),
                                String(format: "%.2f", number(w, "sd")), String(format: "%.0f", number(s, "min")),
                                String(format: "%.0f", number(s, "max")), String(format: "%.2f", number(w, "mean_se")),
                                String(format: "%.2f", number(w, "deff"))]
                #expect(shown.numbers == expected, "\(name): \(shown.numbers) vs CLI \(expected)")
            } else {
                let counts = s["categories"] as? [[String: Any]] ?? []
                #expect(shown.numbers == [String(format: "%.0f", number(s, "n"))], "\(name): \(shown.numbers)")
                for (k, c) in categories.enumerated() {
                    let line = lines[shown.index + 1 + k]
                    let cells = line.split(separator: " ").map { $0.hasSuffix("%") ? String($0.dropLast()) : String($0) }
                        .filter { Double($0) != nil }.suffix(4)
                    let expected = [String(format: "%.0f", number(counts[k], "count")), String(format: "%.1f", number(c, "percent")),
                                    String(format: "%.2f", number(c, "se")), String(format: "%.2f", number(c, "deff"))]
                    #expect(Array(cells) == expected, "\(name) category \(k): \(line) vs CLI \(expected)")
                }
            }
        }
        let text = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let sub = subpop.map { "; subpopulation \($0.replacingOccurrences(of: " & ell < .", with: ""))" } ?? ""
        #expect(text.contains("svy: \(Self.svy)\(sub). Means and percentages weighted, linearized SEs"), "\(text)")
    }

    /// `crosstab --svy`'s Rao–Scott line under each crosstab, in en, zh and (ASCII) under a C locale.
    @Test(arguments: [("", nil), (" s down enter", "mobility < 20")] as [(String, String?)])
    func crosstabViewHasRaoScott(_ subsampleKeys: String, _ subpop: String?) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv").path
        let cli = try json(["crosstab", "sch_wide", "apicat", "--data", data, "--svy", Self.svy] + (subpop.map { ["--subpop", $0] } ?? []))
        let t = try #require(cli["rao_scott"] as? [String: Any])
        let p = number(t, "p")
        let test = String(format: "F(%.2f, %.2f) = %.2f, p ", number(t, "ndf"), number(t, "ddf"), number(t, "f"))
            + (p < 0.001 ? "< 0.001" : String(format: "= %.3f", p))
        let sub = subpop.map { "; subpopulation \($0)" } ?? ""
        for (keys, locale, expected) in [
            ("", "C.UTF-8", "svy: \(Self.svy)\(sub). Design-based test Rao–Scott \(test); the counts and other statistics are the unweighted sample's"),
            ("L ", "C.UTF-8", "设计校正检验 Rao–Scott \(test)"),
            ("", "C", "svy: \(Self.svy)\(sub). Design-based test Rao-Scott \(test)"),
        ] {
            let screen = try run(["explore", data, "--size", "160x45", "--keys", keys + Self.declare + subsampleKeys + " 4", "--print"],
                                 language: locale)
            #expect(screen.status == 0, "\(screen.stderr)")
            // The first crosstab is the key regressor by the outcome: sch_wide x apicat.
            let lines = pane(screen.stdout)
            let start = try #require(lines.firstIndex { $0.contains("School-wide target met x API band") }, "\(screen.stdout)")
            let end = lines[(start + 1)...].firstIndex { $0.contains(" x ") } ?? lines.count
            let text = lines[start..<end].joined(separator: " ").split(separator: " ").joined(separator: " ")
            #expect(text.contains(expected), "\(locale) \(keys): \(expected) not in\n\(text)")
            if locale == "C" { #expect(!screen.stdout.unicodeScalars.contains { $0.value > 0x7e }, "non-ASCII under C") }
        }
    }

    /// `x` under a design: the Describe export has the design columns and notes, and the
    /// export note no longer calls the views unweighted.
    @Test func exportsCarryTheDesign() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv").path, out = dir.appendingPathComponent("describe.md").path
        let r = try run(["explore", data, "--size", "160x45", "--print",
                         "--keys", Self.declare + #" 5 x enter ctrl-u ""# + out + #"" enter"#])
        #expect(r.status == 0 && r.stdout.contains("exported Describe as Markdown"), "\(r.stdout)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("Linearized SE") && text.contains("DEFF"), "\(text)")
        #expect(text.contains("svy: \(Self.svy). Means and percentages weighted, linearized SEs"), "\(text)")
        #expect(text.contains("Survey design \(Self.svy): linearized variance, subsamples as subpopulations") && !text.contains("unweighted"), "\(text)")
    }

    /// Without a design the views stay as they were: no design columns, no Rao–Scott line.
    @Test func withoutADesignTheViewsAreUnweighted() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv").path
        let describe = try run(["explore", data, "--size", "160x45", "--keys", "5", "--print"])
        #expect(!describe.stdout.contains("Linearized SE") && !describe.stdout.contains("svy:"), "\(describe.stdout)")
        let crosstab = try run(["explore", data, "--size", "160x45", "--keys", "4", "--print"])
        #expect(crosstab.stdout.contains("chi2(") && !crosstab.stdout.contains("Rao"), "\(crosstab.stdout)")
    }
}
