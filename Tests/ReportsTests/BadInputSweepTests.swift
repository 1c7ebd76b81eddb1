import Foundation
import Testing
import PathLensTestSupport

/// Generated bad inputs, one family at a time (CSV, codebook, .dta/.sav, formula, `--if`, numbers,
/// lesson, spec) — the sweep of issue 13 as a test. Every case must end with exactly one `Error:`
/// line (besides `note:` lines), a non-zero exit that is not a signal (no trap), within the
/// timeout (no hang), no raw control byte on stdout or stderr, and every input file untouched.
@Suite(.requires(CLI.missing))
struct BadInputSweepTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var family: String
        var name: String
        /// Files written into a fresh directory (name → bytes).
        var files: [String: [UInt8]]
        /// Arguments; `@` before a name stands for that file's path.
        var arguments: [String]
        /// Text the `Error:` line must contain.
        var message: String
        var testDescription: String { "\(family): \(name)" }
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }
    static let esc: UInt8 = 0x1B

    static let workersCSV = text("skill,union,educ,age,w\n" + (0..<60).map { i in
        "\(i % 3 + 1),\(i % 2),\(i % 3 + 1),\(20 + i),\(i % 4 + 1)"
    }.joined(separator: "\n") + "\n")

    /// A numeric column with one bad cell (`value`, quoted) on line 12.
    static func oneBadCell(_ value: String) -> [UInt8] {
        var rows = (0..<40).map { "\($0 % 3),\(Double($0) / 4)" }
        rows[10] = "1,\"\(value)\""
        return text("y,x\n" + rows.joined(separator: "\n") + "\n")
    }

    static let csvCases: [Case] = [
        Case(family: "csv", name: "unterminated quote", files: ["d.csv": text("y,x\n1,2\n1,\"3\n")],
             arguments: ["fit", "ols", "y ~ x", "--data", "@d.csv"], message: "d.csv:3: unterminated quoted field"),
        Case(family: "csv", name: "ragged row", files: ["d.csv": text("y,x\n1,2\n1,2,3\n")],
             arguments: ["describe", "--data", "@d.csv"], message: "d.csv:3: expected 2 fields, got 3"),
        Case(family: "csv", name: "empty file", files: ["d.csv": []],
             arguments: ["describe", "--data", "@d.csv"], message: "empty file"),
        Case(family: "csv", name: "duplicate column", files: ["d.csv": text("y,y\n1,2\n")],
             arguments: ["describe", "--data", "@d.csv"], message: "duplicate column name 'y'"),
        Case(family: "csv", name: "invalid UTF-8", files: ["d.csv": text("y,x\n1,a") + [0xFF, 0xFE] + text("\n")],
             arguments: ["describe", "--data", "@d.csv"], message: "invalid UTF-8 in column 'x'"),
        Case(family: "csv", name: "decimal comma used with c.", files: ["d.csv": oneBadCell("1,5")],
             arguments: ["fit", "ols", "y ~ c.x", "--data", "@d.csv"],
             message: "variable 'x' was read as text (@d.csv line 12: '1,5' is not a number)"),
        Case(family: "csv", name: "1e400 used bare", files: ["d.csv": oneBadCell("1e400")],
             arguments: ["fit", "ols", "y ~ x", "--data", "@d.csv"], message: "line 12: '1e400' is not a number"),
        Case(family: "csv", name: "Inf as the outcome", files: ["d.csv": oneBadCell("Inf")],
             arguments: ["fit", "ols", "x ~ y", "--data", "@d.csv"], message: "it cannot be used as a number in the outcome"),
        Case(family: "csv", name: "hex cell", files: ["d.csv": oneBadCell("0x10")],
             arguments: ["fit", "logit", "y ~ c.x", "--data", "@d.csv"], message: "'0x10' is not a number"),
        // The bad cell holds an escape sequence: the message shows it escaped (this code's own quoting).
        Case(family: "csv", name: "escape byte in a bad cell", files: ["d.csv": oneBadCell("9\u{1B}[31m")],
             arguments: ["fit", "ols", "y ~ c.x", "--data", "@d.csv"], message: "'9\\x1b[31m' is not a number"),
        Case(family: "csv", name: "semicolon file, unknown variable", files: ["d.csv": text("a;b\n1;2\n3;4\n")],
             arguments: ["fit", "ols", "a ~ nosuch", "--data", "@d.csv"], message: "unknown variable 'nosuch'"),
    ]

    static let codebookCases: [Case] = [
        Case(family: "codebook", name: "duplicate value code",
             files: ["d.csv": text("g\n1\n2\n"), "d.codebook.json": text(#"{"variables":[{"name":"g","type":"categorical","values":[{"code":1,"name":"a"},{"code":1,"name":"b"}]}]}"#)],
             arguments: ["describe", "--data", "@d.csv"], message: "variable 'g': value code 1 is listed twice"),
        Case(family: "codebook", name: "malformed JSON",
             files: ["d.csv": text("g\n1\n"), "d.codebook.json": text("{\"variables\": [")],
             arguments: ["describe", "--data", "@d.csv"], message: "codebook: malformed JSON"),
        Case(family: "codebook", name: "wrong type",
             files: ["d.csv": text("g\n1\n"), "d.codebook.json": text(#"{"variables":[{"name":"g","type":7}]}"#)],
             arguments: ["describe", "--data", "@d.csv"], message: "wrong type at variables[0].type"),
        Case(family: "codebook", name: "empty missing token",
             files: ["d.csv": text("g\n1\n"), "d.codebook.json": text(#"{"variables":[{"name":"g","type":"continuous"}],"missing_tokens":[""]}"#)],
             arguments: ["describe", "--data", "@d.csv"], message: "missing_tokens holds an empty string"),
        Case(family: "codebook", name: "unknown type",
             files: ["d.csv": text("g\n1\n"), "d.codebook.json": text(#"{"variables":[{"name":"g","type":"nominal"}]}"#)],
             arguments: ["describe", "--data", "@d.csv"], message: "variables[0].type"),
        Case(family: "codebook", name: "text outside the value labels",
             files: ["d.csv": text("g\nlow\nweird\n"), "d.codebook.json": text(#"{"variables":[{"name":"g","type":"ordinal","values":[{"code":1,"name":"low"}]}]}"#)],
             arguments: ["describe", "--data", "@d.csv"], message: "d.csv:3: variable 'g': 'weird' is not one of its value labels"),
    ]

    static let readStatCases: [Case] = [
        Case(family: "dta/sav", name: "garbage .dta", files: ["d.dta": text("not a stata file at all\n")],
             arguments: ["describe", "--data", "@d.dta"], message: "d.dta"),
        Case(family: "dta/sav", name: "empty .sav", files: ["d.sav": []],
             arguments: ["describe", "--data", "@d.sav"], message: "d.sav"),
        Case(family: "dta/sav", name: "truncated .dta header", files: ["d.dta": text("<stata_dta><header><release>118</release>")],
             arguments: ["describe", "--data", "@d.dta"], message: "d.dta"),
        Case(family: "dta/sav", name: "sav magic then garbage", files: ["d.sav": text("$FL2") + [UInt8](repeating: 0xFF, count: 300)],
             arguments: ["describe", "--data", "@d.sav"], message: "d.sav"),
    ]

    static let formulaCases: [Case] = [
        Case(family: "formula", name: "outcome among the regressors", files: ["d.csv": workersCSV],
             arguments: ["fit", "ols", "skill ~ skill + union", "--data", "@d.csv"],
             message: "the outcome 'skill' cannot also be a regressor"),
        Case(family: "formula", name: "factor and plain use", files: ["d.csv": workersCSV],
             arguments: ["fit", "ols", "skill ~ i.educ + educ", "--data", "@d.csv"], message: "'i.educ' and 'educ'"),
        Case(family: "formula", name: "two bases", files: ["d.csv": workersCSV],
             arguments: ["fit", "ologit", "skill ~ ib2.educ + i.educ", "--data", "@d.csv"], message: "'ib2.educ' and 'i.educ'"),
        Case(family: "formula", name: "unknown prefix", files: ["d.csv": workersCSV],
             arguments: ["fit", "ols", "skill ~ x.union", "--data", "@d.csv"], message: "unknown factor prefix"),
        Case(family: "formula", name: "missing tilde", files: ["d.csv": workersCSV],
             arguments: ["fit", "ols", "skill union", "--data", "@d.csv"], message: "expected '~'"),
        Case(family: "formula", name: "complete separation", files: ["d.csv": text("y,x\n" + (0..<30).map { "\($0 < 15 ? 0 : 1),\($0)" }.joined(separator: "\n") + "\n")],
             arguments: ["fit", "logit", "y ~ x", "--data", "@d.csv"], message: "outcome y = x > 14 predicts data perfectly"),
        Case(family: "formula", name: "ordered separation", files: ["d.csv": text("y,x\n" + (0..<30).map { "\($0 / 10 + 1),\($0)" }.joined(separator: "\n") + "\n")],
             arguments: ["fit", "ologit", "y ~ x", "--data", "@d.csv"], message: "x predicts the categories of outcome y perfectly"),
        Case(family: "formula", name: "overflowing outcome", files: ["d.csv": text("y,x\n" + (0..<30).map { "\(Double($0 % 7) * 1e200),\($0)" }.joined(separator: "\n") + "\n")],
             arguments: ["fit", "ols", "y ~ x", "--data", "@d.csv"], message: "overflow"),
    ]

    static let filterCases: [Case] = [
        Case(family: "if", name: "dangling operator", files: ["d.csv": workersCSV],
             arguments: ["fit", "ols", "skill ~ union", "--if", "age >", "--data", "@d.csv"], message: "if expression"),
        Case(family: "if", name: "unterminated string", files: ["d.csv": workersCSV],
             arguments: ["describe", "age", "--if", "educ == \"prim", "--data", "@d.csv"], message: "if expression"),
        Case(family: "if", name: "unknown variable", files: ["d.csv": workersCSV],
             arguments: ["describe", "age", "--if", "nosuch > 1", "--data", "@d.csv"], message: "nosuch"),
        Case(family: "if", name: "selects nothing", files: ["d.csv": workersCSV],
             arguments: ["crosstab", "skill", "union", "--if", "age > 1000", "--data", "@d.csv"], message: "no observations"),
    ]

    static let numberCases: [Case] = [
        Case(family: "numbers", name: "overflowing literal", files: ["d.csv": workersCSV],
             arguments: ["describe", "age", "--if", "age > 1e400", "--data", "@d.csv"], message: "if expression"),
        Case(family: "numbers", name: "hex literal", files: ["d.csv": workersCSV],
             arguments: ["describe", "age", "--if", "age > 0x10", "--data", "@d.csv"], message: "if expression"),
        Case(family: "numbers", name: "base level not a number", files: ["d.csv": workersCSV],
             arguments: ["fit", "ols", "skill ~ ib(" + String(repeating: "9", count: 400) + ").educ", "--data", "@d.csv"], message: "expected a number for the base level"),
        Case(family: "numbers", name: "base level absent", files: ["d.csv": workersCSV],
             arguments: ["fit", "ols", "skill ~ ib9.educ", "--data", "@d.csv"], message: "base level 9 of 'educ'"),
        Case(family: "numbers", name: "fractional frequency weight", files: ["d.csv": text("y,x,w\n1,2,0.5\n2,3,1\n3,5,1\n")],
             arguments: ["fit", "ols", "y ~ x", "--fweight", "w", "--data", "@d.csv"], message: "not an integer"),
    ]

    static func lesson(_ body: String) -> [UInt8] { text("---\ntitle_en: t\ndataset: d.csv\nlanguages: en\n---\n" + body) }
    static let lessonCases: [Case] = [
        Case(family: "lesson", name: "no header", files: ["l.md": text("## 1 step\n"), "d.csv": workersCSV],
             arguments: ["teach", "@l.md", "--check"], message: "l.md"),
        Case(family: "lesson", name: "no steps", files: ["l.md": lesson(""), "d.csv": workersCSV],
             arguments: ["teach", "@l.md", "--check"], message: "the lesson has no steps"),
        Case(family: "lesson", name: "text before a step", files: ["l.md": lesson("hello\n"), "d.csv": workersCSV],
             arguments: ["teach", "@l.md", "--check"], message: "expected a step heading"),
        Case(family: "lesson", name: "unknown variable in a step", files: ["l.md": lesson("## 1 s\n```spec\noutcome: nosuch\nx: union\n```\n### en s\ntext\nQ: q?\n"), "d.csv": workersCSV],
             arguments: ["teach", "@l.md", "--check"], message: "nosuch"),
        Case(family: "lesson", name: "outcome as key regressor", files: ["l.md": lesson("## 1 s\n```spec\noutcome: skill\nx: skill\n```\n### en s\ntext\nQ: q?\n"), "d.csv": workersCSV],
             arguments: ["teach", "@l.md", "--check"], message: "the outcome and the key regressor are the same variable 'skill'"),
        Case(family: "lesson", name: "missing dataset", files: ["l.md": text("---\ntitle_en: t\ndataset: nope.csv\nlanguages: en\n---\n")],
             arguments: ["teach", "@l.md", "--check"], message: "nope.csv"),
    ]

    static let specCases: [Case] = [
        Case(family: "spec", name: "malformed JSON", files: ["s.json": text("{"), "d.csv": workersCSV],
             arguments: ["explore", "@d.csv", "--spec", "@s.json", "--print"], message: "s.json"),
        Case(family: "spec", name: "missing key", files: ["s.json": text("{}"), "d.csv": workersCSV],
             arguments: ["explore", "@d.csv", "--spec", "@s.json", "--print"], message: "s.json"),
        Case(family: "spec", name: "unknown variable", files: ["s.json": text(#"{"outcome":"nosuch","key_regressor":"union"}"#), "d.csv": workersCSV],
             arguments: ["explore", "@d.csv", "--spec", "@s.json", "--print"], message: "nosuch"),
        Case(family: "spec", name: "bad subsample", files: ["s.json": text(#"{"outcome":"skill","key_regressor":"union","subsample":{"condition":"age >"}}"#), "d.csv": workersCSV],
             arguments: ["explore", "@d.csv", "--spec", "@s.json", "--print"], message: "subsample"),
    ]

    static let all = csvCases + codebookCases + readStatCases + formulaCases + filterCases + numberCases + lessonCases + specCases

    @Test(arguments: all)
    func badInputEndsInOneErrorLine(_ c: Case) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in c.files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let before = try snapshot(dir)
        let arguments = c.arguments.map { $0.hasPrefix("@") ? dir.appendingPathComponent(String($0.dropFirst())).path : $0 }
        let run = try CLI.run(arguments, timeout: 60)
        #expect(run.status != 0 && run.status < 128, "exit \(run.status): \(run.stderr)")
        let errors = run.stderrLines.filter { $0.hasPrefix("Error: ") }
        let message = c.message.replacingOccurrences(of: "@d.csv", with: dir.appendingPathComponent("d.csv").path)
        #expect(errors.count == 1, "stderr: \(run.stderr)")
        #expect(errors.first?.contains(message) == true, "expected '\(message)' in: \(run.stderr)")
        #expect(run.stderrLines.allSatisfy { $0.hasPrefix("Error: ") || $0.hasPrefix("note: ") }, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty, "stdout: \(run.stdout)")
        #expect(!hasRawControlByte(run.stdoutData) && !hasRawControlByte(run.stderrData), "raw control byte: \(run.stderr.debugDescription)")
        #expect(try snapshot(dir) == before, "input files changed")
    }

    /// `skill ~ union + union`: text and JSON agree — union estimated once, nothing omitted, the
    /// repeat in a note (the text table said omitted while JSON listed it both ways).
    @Test func aRepeatedTermReadsTheSameInTextAndJSON() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("d.csv")
        try Data(Self.workersCSV).write(to: data)
        let json = try CLI.run(["fit", "ols", "skill ~ union + union + c.age", "--data", data.path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let terms = (object["coefficients"] as? [[String: Any]] ?? []).compactMap { $0["term"] as? String }
        #expect(terms == ["union", "age", "_cons"])
        #expect((object["omitted"] as? [Any] ?? []).isEmpty)
        #expect((object["notes"] as? [String] ?? []).contains("union is repeated 1 time in the formula; kept once"))
        let text = try CLI.run(["fit", "ols", "skill ~ union + union + c.age", "--data", data.path])
        #expect(text.status == 0)
        #expect(!text.stdout.contains("omitted"), "\(text.stdout)")
        #expect(text.stdout.contains("union is repeated 1 time in the formula; kept once"), "\(text.stdout)")
    }

    /// Cases whose message echoes raw input (a column name, a formula or an `if` expression holding
    /// an escape byte): they need the terminal sanitizer of issue 13 part 1 (the `io` branch).
    static let echoCases: [Case] = [
        Case(family: "csv", name: "escape byte in a column name", files: ["d.csv": text("y,a\u{1B}]0;x\u{07}\n1,2\n2,3\n")],
             arguments: ["fit", "ols", "y ~ nosuch", "--data", "@d.csv"], message: "nosuch"),
        Case(family: "formula", name: "escape byte in the formula", files: ["d.csv": workersCSV],
             arguments: ["fit", "ols", "skill ~ union + \u{1B}[2J", "--data", "@d.csv"], message: "formula"),
        Case(family: "if", name: "escape byte in --if", files: ["d.csv": workersCSV],
             arguments: ["describe", "age", "--if", "age > \u{1B}[2J", "--data", "@d.csv"], message: "if expression"),
    ]

    @Test(arguments: echoCases)
    func echoedInputIsTerminalSafe(_ c: Case) throws {
        try badInputEndsInOneErrorLine(c)
    }

    /// Every file in `dir` with its bytes and mode.
    private func snapshot(_ dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let url = dir.appendingPathComponent(name)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let data = try Data(contentsOf: url)
            out[name] = "\(data.count):\(data.hashValue):\(attributes[.posixPermissions] ?? 0):\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
        return out
    }

    /// A C0 control other than newline or tab, DEL, or a C1 control / bidi override in UTF-8.
    private func hasRawControlByte(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        return text.unicodeScalars.contains { s in
            let v = s.value
            return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }
    }
}
