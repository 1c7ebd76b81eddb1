import Foundation
import PathLensTestSupport
import Testing

/// Issue 17 in the explorer, through the headless `explore --keys … --print` path on survey's
/// `apistrat` sample (`Tests/EstimationTests/Fixtures/api_strat.csv`, made by
/// scripts/fixtures/survey_design.R; codebook `Fixtures/survey/api.codebook.json`, no design in it):
/// `D` declares the design, the bar shows `svy:`, a subsample becomes a subpopulation, the Models
/// view's numbers are `pathlens fit … --svy` on the same file (which SurveyCLITests checks against
/// R), spec files save and restore `design`, and bad designs are refused in one line.
@Suite(.requires(PathLensBinary.missing))
struct SurveyDesignScreenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let csv = here.deletingLastPathComponent().appendingPathComponent("EstimationTests/Fixtures/api_strat.csv")
    static let codebook = here.appendingPathComponent("Fixtures/survey/api.codebook.json")
    static let svy = "strata=stype weight=pw fpc=fpc"
    static let formula = "apicat ~ sch_wide + c.meals + c.mobility + c.ell"
    /// Screen labels of the formula's terms (the codebook's).
    static let labels = ["sch_wide": "School-wide target met", "meals": "Free meals (%)", "mobility": "Mobility (%)",
                         "ell": "English language learners (%)"]

    func run(_ arguments: [String], language: String = "C.UTF-8") throws -> PathLensBinary.Run {
        try PathLensBinary.run(arguments, environment: ["LANG": language, "LC_ALL": language, "TERM": "dumb"])
    }

    /// A folder with `api.csv` and its codebook (optionally with `design` added); removed by the caller.
    func folder(design: String? = nil, editing: ((inout [[String]]) -> Void)? = nil) throws -> URL {
        let dir = try PathLensBinary.temporaryDirectory()
        var text = try String(contentsOf: Self.csv, encoding: .utf8)
        if let editing {
            var rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            editing(&rows)
            text = rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        try text.write(to: dir.appendingPathComponent("api.csv"), atomically: true, encoding: .utf8)
        var book = try String(contentsOf: Self.codebook, encoding: .utf8)
        if let design {
            let close = try #require(book.lastIndex(of: "}"))
            book.replaceSubrange(close...close, with: ", \"design\": \(design)}")
        }
        try book.write(to: dir.appendingPathComponent("api.codebook.json"), atomically: true, encoding: .utf8)
        return dir
    }

    /// `fit MODEL FORMULA --svy … --format json`: estimate and t per term.
    func fit(_ model: String, data: URL, subpop: String? = nil) throws -> [String: (estimate: Double, t: Double)] {
        var arguments = ["fit", model, Self.formula, "--data", data.path, "--svy", Self.svy, "--format", "json"]
        if let subpop { arguments += ["--subpop", subpop] }
        let r = try run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let j = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(j["vce"] as? String == "linearized")
        var out: [String: (Double, Double)] = [:]
        for c in j["coefficients"] as? [[String: Any]] ?? [] {
            out[c["term"] as? String ?? ""] = ((c["estimate"] as? NSNumber)?.doubleValue ?? .nan, (c["t"] as? NSNumber)?.doubleValue ?? .nan)
        }
        return out
    }

    /// The numbers of the Models view row labelled `label` and of the row below it (t in parentheses).
    func row(_ screen: String, _ label: String) throws -> (top: [String], below: [String]) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try #require(lines.firstIndex { $0.split(separator: "|", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces).hasPrefix(label) == true },
                             "no row \(label) in\n\(screen)")
        func numbers(_ line: String) -> [String] {
            let view = line.split(separator: "|", maxSplits: 1).last.map(String.init) ?? line
            return view.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()*")) }
                .filter { Double($0) != nil }
        }
        return (numbers(lines[i]), numbers(lines[i + 1]))
    }

    /// The OLS and ologit columns (0 and 1) of every term equal the CLI's linearized fits.
    func expectModelsMatchCLI(_ screen: String, data: URL, subpop: String? = nil) throws {
        let ols = try fit("ols", data: data, subpop: subpop), ologit = try fit("ologit", data: data, subpop: subpop)
        for (term, label) in Self.labels {
            let shown = try row(screen, label)
            for (column, fitted) in [ols, ologit].enumerated() {
                let f = try #require(fitted[term], "no \(term) in the CLI fit")
                #expect(shown.top.indices.contains(column) && shown.top[column] == String(format: "%.3f", f.estimate),
                        "\(term) column \(column): \(shown.top) vs CLI \(f.estimate)")
                #expect(shown.below.indices.contains(column) && shown.below[column] == String(format: "%.2f", f.t),
                        "\(term) column \(column) t: \(shown.below) vs CLI \(f.t)")
            }
        }
    }

    @Test func keyDDeclaresTheDesignAndTheModelsEqualFitSvy() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv")
        let screen = try run(["explore", data.path, "--size", "120x40", "--keys", #"D ""# + Self.svy + #"" enter"#, "--print"])
        #expect(screen.status == 0, "\(screen.stderr)")
        #expect(screen.stdout.contains("VCE: svy: \(Self.svy)"), "\(screen.stdout)")
        #expect(screen.stdout.contains("survey design \(Self.svy): linearized variance; subsamples are subpopulations"))
        #expect(screen.stdout.contains("3 strata, 200 PSUs, design df 197"))
        // The Brant footer says why it is empty: the design, not a pweight.
        let brant = screen.stdout.split(separator: "\n").first { $0.contains("Brant p") && !$0.contains(":") }
        #expect(brant?.contains("svy") == true && brant?.contains("pweight") == false, "\(brant ?? "")")
        try expectModelsMatchCLI(screen.stdout, data: data)

        // A subsample under the design is a subpopulation: the bar says so, the numbers are --subpop's.
        let sub = try run(["explore", data.path, "--size", "120x40", "--keys", #"D ""# + Self.svy + #"" enter s down enter"#, "--print"])
        #expect(sub.status == 0, "\(sub.stderr)")
        #expect(sub.stdout.contains("Sample: subpop mobility below 20 N=152"), "\(sub.stdout)")
        #expect(sub.stdout.contains("subpopulation mobility < 20"))
        try expectModelsMatchCLI(sub.stdout, data: data, subpop: "mobility < 20")

        // zh: the same bar in Chinese.
        let zh = try run(["explore", data.path, "--size", "120x40", "--keys", #"L D ""# + Self.svy + #"" enter s down enter"#, "--print"])
        #expect(zh.stdout.contains("子总体") && zh.stdout.contains("svy: \(Self.svy)"), "\(zh.stdout)")
    }

    /// View 7 under the design: the current specification is `pathlens multiverse --svy`'s base
    /// row, with the subsample as a subpopulation (`--subsamples PRESET`).
    @Test(arguments: [("", "all"), (" s down enter", "lowmob")])
    func multiverseViewFollowsTheDesign(_ subsampleKeys: String, _ subsample: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv")
        let screen = try run(["explore", data.path, "--size", "120x40", "--print",
                              "--keys", #"D ""# + Self.svy + #"" enter"# + subsampleKeys + " 7"])
        #expect(screen.status == 0, "\(screen.stderr)")
        let cli = try run(["multiverse", "--data", data.path, "--svy", Self.svy, "--estimators", "ols,ologit",
                           "--subsamples", subsample, "--format", "json"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        #expect(json["vce"] as? String == "linearized")
        let base = try #require((json["specifications"] as? [[String: Any]])?.first { $0["base"] as? Bool == true })
        func f(_ key: String) -> String { String(format: "%.3f", (base[key] as? NSNumber)?.doubleValue ?? .nan) }
        let line = "◆ current specification: \(f("estimate")) [\(f("ci_low")), \(f("ci_high"))]"
        #expect(screen.stdout.contains(line), "\(line) not in\n\(screen.stdout)")
    }

    @Test func specFilesSaveAndRestoreTheDesign() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv"), spec = dir.appendingPathComponent("svy.json").path
        let saved = try run(["explore", data.path, "--size", "120x40", "--print",
                             "--keys", #"D ""# + Self.svy + #"" enter w ctrl-u ""# + spec + #"" enter"#])
        #expect(saved.status == 0 && saved.stdout.contains("specification saved to"), "\(saved.stderr)\(saved.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: spec))) as? [String: Any])
        let design = try #require(json["design"] as? [String: Any], "\(json)")
        #expect(design["strata"] as? String == "stype" && design["weight"] as? String == "pw" && design["fpc"] as? String == "fpc")
        #expect(design["psu"] == nil)

        // `--spec F` alone reopens the file with the design, and the same numbers.
        let reopened = try run(["--spec", spec, "--size", "120x40", "--keys", "", "--print"])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout.contains("VCE: svy: \(Self.svy)"), "\(reopened.stdout)")
        try expectModelsMatchCLI(reopened.stdout, data: data)

        // `D none` switches it off and is saved as "none".
        let off = dir.appendingPathComponent("off.json").path
        let switched = try run(["--spec", spec, "--size", "120x40", "--print", "--keys", #"D ctrl-u "none" enter w ctrl-u ""# + off + #"" enter"#])
        #expect(switched.stdout.contains("survey design off") || switched.stdout.contains("specification saved to"), "\(switched.stdout)")
        #expect(switched.stdout.contains("VCE: oim"), "\(switched.stdout)")
        let offJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: off))) as? [String: Any])
        #expect(offJSON["design"] as? String == "none")
    }

    /// A codebook design applies on opening and to a spec file without `design`; `"none"` in the
    /// file overrides it.
    @Test func codebookDesignAndSpecNone() throws {
        let dir = try folder(design: #"{"strata": "stype", "weight": "pw", "fpc": "fpc"}"#)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv")
        let opened = try run(["explore", data.path, "--size", "120x40", "--keys", "", "--print"])
        #expect(opened.stdout.contains("VCE: svy: \(Self.svy)"), "\(opened.stdout)")
        try expectModelsMatchCLI(opened.stdout, data: data)
        for (name, field, bar) in [("inherit.json", "", "VCE: svy: \(Self.svy)"), ("none.json", #", "design": "none""#, "VCE: oim")] {
            let path = dir.appendingPathComponent(name).path
            try #"{"outcome": "apicat", "key_regressor": "sch_wide", "controls": ["c.meals"], "data": {"path": "api.csv"}"#
                .appending(field + "}").write(toFile: path, atomically: true, encoding: .utf8)
            let r = try run(["--spec", path, "--size", "120x40", "--keys", "", "--print"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains(bar), "\(name): \(r.stdout)")
        }
    }

    /// Bad designs in the prompt: one line of feedback naming the part, the design in force
    /// unchanged (the bar keeps `VCE: oim`), in en and zh.
    @Test(arguments: [
        ("psu=nosuch weight=pw", "psu=: no variable 'nosuch' in the data", "psu=：数据中没有变量 'nosuch'", false),
        ("strata=stype weight=pw fpc=fpc", "design weight 'pw' is negative (-1.0) in row 1", "抽样权重 'pw' 在第 1 行为 -1.0，不能为负", true),
        ("strata=stype stratum=x", "unknown key 'stratum'", "未知的键 'stratum'", false),
    ])
    func badDesignIsRefusedInOneLine(_ typed: String, _ en: String, _ zh: String, _ negative: Bool) throws {
        let dir = try folder { rows in if negative { rows[1][9] = "-1"; rows[2][9] = "0" } }
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv").path
        for (keys, message) in [(#"D ""# + typed + #"" enter"#, en), (#"L D ""# + typed + #"" enter"#, zh)] {
            let r = try run(["explore", data, "--size", "120x40", "--keys", keys, "--print"])
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").filter { $0.contains(message) }
            #expect(lines.count == 1, "\(message) not on one line:\n\(r.stdout)")
            #expect(!r.stdout.contains("svy:"), "the design was taken:\n\(r.stdout)")
        }
    }

    /// A design whose PSU codes repeat across strata: the structure check's message, wrapped
    /// whole inside the prompt (not cut at its edge), and the design not taken.
    @Test func psuInSeveralStrataIsRefusedWhole() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["explore", dir.appendingPathComponent("api.csv").path, "--size", "100x30",
                         "--keys", #"D "psu=dnum strata=stype weight=pw" enter"#, "--print"])
        let box = r.stdout.split(separator: "\n").filter { $0.contains("| ") && !$0.contains("> ") }
            .map { $0.split(separator: "|").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        let text = box.joined(separator: " ")
        #expect(text.contains("PSU 'dnum' = 767 is in several strata") && text.contains("add nest to --svy if PSU codes are numbered within strata"),
                "\(r.stdout)")
        #expect(!r.stdout.contains("svy:"))
    }

    @Test func noPositiveWeightIsRefused() throws {
        let dir = try folder { rows in for i in 1..<rows.count where rows[i].count > 9 { rows[i][9] = "0" } }
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["explore", dir.appendingPathComponent("api.csv").path, "--size", "120x40",
                         "--keys", #"D "strata=stype weight=pw" enter"#, "--print"])
        #expect(r.stdout.contains("design weight 'pw' has no positive value"), "\(r.stdout)")
        #expect(!r.stdout.contains("svy:"))
    }
}
