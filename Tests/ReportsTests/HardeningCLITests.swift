import Foundation
import Testing
import PathLensTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, generated bad inputs of the output/write, argument, mediate-option and
/// resource-limit families and terminal-unsafe text: each run must end with one `Error:` line
/// (or, for text, no raw control byte), a non-zero exit that is not a signal, no hang (every run
/// has a timeout) and the files it was pointed at untouched.
@Suite(.requires(CLI.missing))
struct HardeningCLITests {
    static let workers = CLI.fixtures.appendingPathComponent("workers.csv").path

    /// `pathlens arguments` under `sh -c`, with `setup` (redirections, ulimit) applied first.
    static func shell(_ setup: String, _ arguments: [String], timeout: Double = 60,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Subprocess.Output {
        let binary = try #require(CLI.binary, sourceLocation: sourceLocation)
        return try Subprocess.run("/bin/sh", ["-c", "\(setup); exec \"$0\" \"$@\"", binary.path] + arguments,
                                  timeout: timeout, sourceLocation: sourceLocation)
    }

    static func withOutput(_ redirection: String, _ arguments: [String], timeout: Double = 60,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Subprocess.Output {
        let binary = try #require(CLI.binary, sourceLocation: sourceLocation)
        return try Subprocess.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" \(redirection)", binary.path] + arguments,
                                  timeout: timeout, sourceLocation: sourceLocation)
    }

    // MARK: output faults

    static let outputCommands: [[String]] = [
        ["describe"], ["describe", "--format", "json"], ["fit", "ols", "skill ~ union"],
        ["crosstab", "skill", "union"], ["teach", "--print"], ["--help"], ["fit", "--bogus"],
        ["mediate", "--method", "bk"], ["replicate"],
    ]

    @Test(arguments: outputCommands)
    func fullStdoutIsOneErrorLine(arguments: [String]) throws {
        let run = try Self.withOutput(">/dev/full", arguments)
        if arguments == ["fit", "--bogus"] {
            // An argument error writes nothing to stdout: its own Error line is the one.
            BadInput.expectCleanError(run, "fit --bogus >/dev/full")
            return
        }
        BadInput.expectCleanError(run, mentioning: "cannot write to standard output: No space left on device",
                                  "\(arguments) >/dev/full")
    }

    @Test(arguments: outputCommands.prefix(4))
    func closedStdoutIsOneErrorLine(arguments: [String]) throws {
        let run = try Self.withOutput(">&-", arguments)
        BadInput.expectCleanError(run, mentioning: "cannot write to standard output: Bad file descriptor",
                                  "\(arguments) >&-")
    }

    /// A reader that goes away: the process ends by SIGPIPE (status 141 in the shell, as `seq`
    /// and `cat` end), with nothing on stderr.
    @Test func brokenPipeEndsQuietly() throws {
        let binary = try #require(CLI.binary)
        let run = try Subprocess.run("/bin/bash", ["-c", "\"$0\" describe --data \"$1\" --format json | head -c 1 >/dev/null; echo \"${PIPESTATUS[0]}\"",
                                                   binary.path, Self.bigCSV.path], timeout: 120)
        let status = Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(status == 141 || status == 0, "status \(run.stdout)")
        #expect(!run.stderr.contains("Error"), "stderr: \(run.stderr)")
        #expect(!run.stderr.contains("Fatal"), "stderr: \(run.stderr)")
    }

    /// A dataset wide enough that `describe` prints more than a pipe holds.
    static let bigCSV: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-wide-\(getpid()).csv")
        let names = (0..<3000).map { "v\($0)" }
        var text = names.joined(separator: ",") + "\n"
        for r in 0..<3 { text += names.indices.map { String(($0 + r) % 7) }.joined(separator: ",") + "\n" }
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }()

    // MARK: write faults

    @Test func synthPastTheFileSizeLimitLeavesTheOldFileAndSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("d").path
        let first = try CLI.run(["synth", "--out", out])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        chmod(out + "/dalian2022.dta", 0o640)
        let before = BadInput.Files([out + "/dalian2022.dta"])
        // 200 KiB: the CSV (77 KiB) and codebook fit, the .dta (273 KiB) does not.
        let run = try Self.shell("ulimit -f 200", ["synth", "--out", out, "--seed", "5"])
        BadInput.expectCleanError(run, mentioning: "dalian2022.dta: cannot write: File too large", "synth under ulimit -f")
        #expect(!run.stdout.contains("wrote \(out)/dalian2022.dta"), "stdout: \(run.stdout)")
        before.expectUnchanged("synth under ulimit -f")
        #expect(BadInput.leftovers(in: out).isEmpty, "\(BadInput.leftovers(in: out))")
    }

    @Test func synthRefusesToReplaceADirectoryOrADevice() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("dalian2022.dta"), withIntermediateDirectories: true)
        let run = try CLI.run(["synth", "--out", out.path])
        BadInput.expectCleanError(run, mentioning: "not a regular file (a directory)", "synth over a directory")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("dalian2022.dta").path, isDirectory: &isDirectory) && isDirectory.boolValue)

        try FileManager.default.removeItem(at: out.appendingPathComponent("dalian2022.dta"))
        symlink("/dev/null", out.appendingPathComponent("dalian2022.dta").path)
        let device = try CLI.run(["synth", "--out", out.path])
        BadInput.expectCleanError(device, mentioning: "not a regular file (a character device)", "synth over /dev/null")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("dalian2022.dta").path)) == "/dev/null")
    }

    @Test func synthFollowsASymlinkAndKeepsTheMode() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("d").path
        let elsewhere = dir.appendingPathComponent("real.csv").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: elsewhere))
        chmod(elsewhere, 0o600)
        symlink("../real.csv", out + "/dalian2022.csv")
        let run = try CLI.run(["synth", "--out", out])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out + "/dalian2022.csv")) == "../real.csv")
        #expect(FileManager.default.contents(atPath: elsewhere)?.count ?? 0 > 1000)
        var info = stat()
        stat(elsewhere, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    // MARK: arguments

    @Test(arguments: [
        (["fit", "ols"], "Missing expected argument"),
        (["fit", "ols", "skill ~ union", "--nosuch"], "Unknown option '--nosuch'"),
        (["mediate", "--seed", "-5"], "'-5'"),
        (["mediate", "--reps", "0"], "--reps"),
        (["mediate", "--reps", "-3"], "--reps"),
        (["mediate", "--reps", "many"], "'many'"),
        (["mediate", "--fweight", "w"], "--fweight"),
        (["mediate", "--alpha", "2"], "--alpha"),
        (["mediate", "--level", "-0.5"], "--level"),
        (["mediate", "--ci", "wide"], "--ci"),
        (["mediate", "--method", "magic"], "--method"),
        (["mediate", "--m-model", "ologit"], "--m-model"),
        (["mediate", "--controls", "age +"], "--controls"),
        (["mediate", "--x", "nosuch"], "nosuch"),
        (["describe", "--if", "-age < -30 &"], "if expression"),
        (["explore", "--print", "--size", "100000x100000"], "at most 1000x1000"),
        (["bench", "ui", "--size", "100000x100000"], "at most 1000x1000"),
        (["teach", "--step", "-1", "--print"], "--step"),
        (["synth", "--seed", "-5"], "'-5'"),
    ])
    func argumentErrorIsOneLine(arguments: [String], message: String) throws {
        let run = try CLI.run(arguments, timeout: 60)
        BadInput.expectCleanError(run, mentioning: message, arguments.joined(separator: " "))
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// A value starting with `-` is the option's value, not another option.
    @Test func valueStartingWithADashIsAValue() throws {
        let run = try CLI.run(["fit", "ols", "skill ~ union", "--data", Self.workers, "--if", "-age < -30"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("if -age < -30"), "stdout: \(run.stdout)")
    }

    @Test func helpMediateListsOnlyWhatMediateTakes() throws {
        let run = try CLI.run(["help", "mediate"])
        #expect(run.status == 0)
        // fit's margins and parallel-lines options are not mediate's (weights are both's, issue 17).
        #expect(!run.stdout.contains("--margins"))
        #expect(!run.stdout.contains("--brant"))
        #expect(run.stdout.contains("--reps"))
        #expect(run.stdout.contains("--fweight"))
        let fit = try CLI.run(["help", "fit"])
        #expect(fit.stdout.contains("--margins"))
    }

    @Test(.requires(FileManager.default.fileExists(atPath: CLI.repository.appendingPathComponent("data/dalian2022.dta").path),
                    "data/dalian2022.dta is shipped"))
    func replicateReadsTheShippedDTA() throws {
        let dta = CLI.repository.appendingPathComponent("data/dalian2022.dta").path
        let fromDTA = try CLI.run(["replicate", "--data", dta, "--format", "json"], timeout: 300)
        #expect(fromDTA.status == 0, "stderr: \(fromDTA.stderr)")
        let fromCSV = try CLI.run(["replicate", "--format", "json"], timeout: 300)
        // Same numbers; only the notice (a codebook field the .dta does not carry) differs.
        let strip = { (s: String) in s.split(separator: "\n").filter { !$0.contains("\"notice\"") } }
        #expect(strip(fromDTA.stdout) == strip(fromCSV.stdout))
    }

    // MARK: resource limits

    @Test func ologitUnderATightAddressSpaceLimitEndsInOneLineOrWorks() throws {
        let runs: [[String]] = [["fit", "ologit", "skill ~ union + male"], ["mediate", "--method", "bootstrap", "--reps", "20"]]
        for limit in [256_000, 300_000, 420_000] {
            for arguments in runs {
                let run = try Self.shell("ulimit -v \(limit)", arguments, timeout: 120)
                if run.status == 0 {
                    #expect(run.stdout.contains("union"))
                } else {
                    BadInput.expectCleanError(run, mentioning: "ulimit -v", "\(arguments) under ulimit -v \(limit)")
                }
            }
        }
    }

    @Test func tooManyTermsOrParametersSaySo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 12,000 distinct terms: past Stata's largest matsize.
        let names = (0..<12_000).map { "x\($0)" }
        let csv = dir.appendingPathComponent("wide.csv")
        try (["y"] + names).joined(separator: ",").appending("\n")
            .appending((0..<3).map { r in ([String(r % 2)] + names.map { _ in String(r) }).joined(separator: ",") }.joined(separator: "\n"))
            .appending("\n").write(to: csv, atomically: true, encoding: .utf8)
        let run = try CLI.run(["fit", "ols", "y ~ " + names.joined(separator: " + "), "--data", csv.path], timeout: 120)
        BadInput.expectCleanError(run, mentioning: "at most 11000", "12,000 terms")
        #expect(run.stderr.count < 400, "the message quotes the whole formula: \(run.stderr.count) bytes")
    }

    @Test func designMatrixPastTheAddressSpaceLimitNamesItsSize() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("levels.csv")
        var text = "y,a,b\n"
        for i in 0..<60_000 { text += "\(i % 2),\(i % 1000),\((i * 7) % 1000)\n" }
        try text.write(to: csv, atomically: true, encoding: .utf8)
        // 60,000 rows × 1,999 columns: about 2 GB for the design and its cross-products.
        let run = try Self.shell("ulimit -v 1500000", ["fit", "ols", "y ~ i.a + i.b", "--data", csv.path], timeout: 120)
        BadInput.expectCleanError(run, mentioning: "60000 rows × 1999 columns", "design past ulimit -v")
        #expect(run.stderr.contains("GB"), "stderr: \(run.stderr)")
    }

    // MARK: terminal-unsafe text

    static let hostile = "a\u{1B}]0;owned\u{07}b\u{1B}[2Jc\rd\u{08}e\u{9B}f\u{202E}g\u{2066}h"

    /// A dataset whose codebook labels, value labels and a column name carry escape sequences,
    /// and the commands that print them.
    @Test func labelsNamesAndEchoedInputReachNoTerminalRaw() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("evil.csv")
        try "y,x,\"bad\u{1B}[31mname\"\n1,0,1\n0,1,2\n1,1,1\n0,0,2\n1,1,1\n0,0,1\n".write(to: csv, atomically: true, encoding: .utf8)
        let codebook: [String: Any] = [
            "dataset": "evil",
            "variables": [
                ["name": "y", "type": "binary", "label_en": Self.hostile, "values": [
                    ["code": 0, "label_en": "no" + Self.hostile], ["code": 1, "label_en": "yes\u{1B}[5m"]]],
                ["name": "x", "type": "binary", "label_en": "x\u{202E}label"],
            ],
        ]
        try JSONSerialization.data(withJSONObject: codebook).write(to: dir.appendingPathComponent("evil.codebook.json"))
        let runs: [[String]] = [
            ["describe"], ["describe", "--format", "md"], ["describe", "--format", "csv"],
            ["crosstab", "y", "x"], ["crosstab", "y", "x", "--format", "md"],
            ["fit", "logit", "y ~ x"], ["fit", "ols", "y ~ x", "--format", "latex"], ["fit", "ols", "y ~ x", "--format", "csv"],
            ["fit", "ols", "y ~ x \u{1B}[2J"], ["fit", "ols", "y ~ nosuch\u{1B}]0;t\u{07}"],
            ["describe", "--if", "x == \u{1B}[2J 1"], ["describe", "nosuch\u{9B}31m"],
        ]
        for arguments in runs {
            let run = try CLI.run(arguments + ["--data", csv.path], timeout: 60)
            #expect(run.status < 128, "\(arguments): signal")
            BadInput.expectNoRawControl(run, "\(arguments)")
        }
        // JSON escapes them as JSON does and stays valid JSON.
        let json = try CLI.run(["describe", "--format", "json", "--data", csv.path])
        BadInput.expectNoRawControl(json, "describe --format json")
        #expect((try? JSONSerialization.jsonObject(with: json.stdoutData)) != nil, "not JSON: \(json.stdout)")
        #expect(json.stdout.contains("\\u001b"), "ESC not escaped as JSON does: \(json.stdout)")
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`) whose locale is not UTF-8,
    /// non-ASCII is escaped; under a UTF-8 locale, and into a pipe, it is kept.
    @Test(.requires(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux script(1)"))
    func nonUTF8TerminalGetsASCII() throws {
        let binary = try #require(CLI.binary)
        func onTerminal(_ locale: String) throws -> String {
            try Subprocess.run("/usr/bin/script", ["-qc", "env LC_ALL=\(locale) LANG=\(locale) '\(binary.path)' describe union --lang zh",
                                                   "/dev/null"], timeout: 60).stdout
        }
        let ascii = try onTerminal("C")
        #expect(ascii.contains("\\u63cf\\u8ff0"), "\(ascii)")
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii)")
        #expect(try onTerminal("C.UTF-8").contains("描述性统计"))
        #expect(try CLI.run(["describe", "union", "--lang", "zh"], environment: ["LC_ALL": "C"]).stdout.contains("描述性统计"))
    }

    @Test func lessonTextReachesNoTerminalRaw() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shipped = CLI.repository.appendingPathComponent("lessons/dalian2022-mediation.md")
        let text = try String(contentsOf: shipped, encoding: .utf8)
        // Hostile bytes in the lesson's prose (the first heading's line).
        let lesson = dir.appendingPathComponent("evil.md")
        try text.replacingOccurrences(of: "\n# ", with: "\n# \u{1B}]0;owned\u{07}\u{202E}", options: [], range: nil)
            .write(to: lesson, atomically: true, encoding: .utf8)
        let run = try CLI.run(["teach", lesson.path, "--print"], timeout: 120)
        #expect(run.status < 128)
        BadInput.expectNoRawControl(run, "teach --print")
    }
}

extension PathLensBinary {
    /// The repository checkout (for the shipped data and lessons).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
