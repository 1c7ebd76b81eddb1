import Foundation
import Testing
import PathLensTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, the explorer-faults family: signals end the explorer with the conventional status
/// and the terminal restored; a crash restores it too and says so in one line; quitting during
/// a long fit does not crash; `w` and `x` write through `AtomicFile` (symlink followed, mode
/// kept, directories and devices refused, a file-size limit reported), with the old file
/// untouched on failure.
@Suite(.serialized, .enabled(if: E2E.enabled, E2E.reason))
struct ExplorerSignalTests {
    @Test(arguments: [(SIGHUP, 129), (SIGTERM, 143), (SIGINT, 130)])
    func signalEndsWithTheConventionalStatus(signal: Int32, status: Int) throws {
        let t = try TmuxSession("sig\(signal)", width: 100, height: 30)
        defer { t.kill() }
        try t.waitFor(text: "1 Models")
        let pid = try #require(t.programPID())
        Foundation.kill(pid, signal)
        try t.expectExit(status, "exit after signal \(signal)", gone: "1 Models")
        // The shell running it may name the signal ("Terminated"); pathlens itself says nothing.
        #expect(!t.stderr.contains("Error") && !t.stderr.contains("Fatal"), "stderr: \(t.stderr)")
    }

    /// A segmentation fault (sent, as a stand-in for any crash) restores the terminal and
    /// leaves one line; the status still says what happened.
    @Test func crashRestoresTheTerminalAndSaysSoInOneLine() throws {
        let t = try TmuxSession("segv", width: 100, height: 30)
        defer { t.kill() }
        try t.waitFor(text: "1 Models")
        let pid = try #require(t.programPID())
        Foundation.kill(pid, SIGSEGV)
        try t.expectExit(139, "exit after SIGSEGV", gone: "1 Models")
        // One line from pathlens (the shell may add its own "Segmentation fault" report).
        let lines = t.stderr.split(separator: "\n").filter { $0.contains("pathlens") || $0.contains("Error") }
        #expect(lines.count == 1 && lines[0].hasPrefix("Error: pathlens stopped: segmentation fault"), "stderr: \(t.stderr)")
    }

    /// Quitting while a specification of 2,000 repeated controls is being fitted: no crash
    /// (the process used to exit with a fit still running and segfault in a destructor).
    @Test func quittingDuringALongFitDoesNotCrash() throws {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("many.json")
        let object: [String: Any] = ["outcome": "skill", "key_regressor": "union", "controls": Array(repeating: "age", count: 2000)]
        try JSONSerialization.data(withJSONObject: object).write(to: spec)
        let t = try TmuxSession("longfit", arguments: ["--spec", spec.path], width: 100, height: 30)
        defer { t.kill() }
        try t.waitFor(text: "1 Models")
        try t.send("q")
        try t.expectExit(0, "exit after q during a fit", gone: "1 Models")
        #expect(!t.stderr.contains("Fatal"), "stderr: \(t.stderr)")
    }
}

/// `w` (save the specification) and `x` (export) through the headless replay, which runs the
/// same effects as the terminal.
@Suite(.requires(PathLensBinary.missing))
struct ExplorerWriteFaultTests {
    func replay(_ keys: String, setup: String = "", data: String? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) throws -> Subprocess.Output {
        let binary = try #require(PathLensBinary.binary, sourceLocation: sourceLocation)
        return try Subprocess.run("/bin/sh", ["-c", (setup.isEmpty ? "" : setup + "; ") + "exec \"$0\" \"$@\"",
                                              binary.path, "explore"] + (data.map { [$0] } ?? [])
                                      + ["--print", "--size", "220x30", "--keys", keys],
                                  timeout: 120, sourceLocation: sourceLocation)
    }

    /// The status line of the final screen: the line holding `text`, trimmed ("" when none).
    func status(_ run: Subprocess.Output, holding text: String) -> String {
        run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.contains(text) } ?? ""
    }

    /// `w PATH` or `x` (Markdown) `PATH`.
    func keys(_ key: String, _ path: String) -> String {
        key == "x" ? "x enter ctrl-u \"\(path)\" enter" : "w ctrl-u \"\(path)\" enter"
    }

    @Test(arguments: ["w", "x"])
    func savingToADirectoryOrADeviceIsRefusedInOneLine(key: String) throws {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (target, kind) in [(dir.path, "a directory"), ("/dev/null", "a character device")] {
            let run = try replay(keys(key, target))
            #expect(run.status == 0)
            #expect(status(run, holding: "cannot write") == "\(target): cannot write: not a regular file (\(kind))", "screen: \(run.stdout)")
            BadInput.expectNoRawControl(run, "\(key) to \(target)")
        }
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        #expect(BadInput.leftovers(in: dir.path).isEmpty)
    }

    @Test(arguments: ["w", "x"])
    func savingThroughASymlinkReplacesItsTargetAndKeepsTheMode(key: String) throws {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("target.txt").path
        let link = dir.appendingPathComponent("link.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o600)
        symlink("target.txt", link)
        let run = try replay(keys(key, link))
        #expect(run.status == 0)
        #expect(status(run, holding: link).contains(key == "x" ? "exported" : "saved"), "screen: \(run.stdout)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == "target.txt")
        #expect((FileManager.default.contents(atPath: target)?.count ?? 0) > 3)
        var info = stat()
        stat(target, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    /// Past `ulimit -f` the export fails on the status line (no SIGXFSZ kill) and the old file
    /// is untouched.
    @Test func exportPastTheFileSizeLimitLeavesTheOldFile() throws {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("models.md").path
        try Data("old export\n".utf8).write(to: URL(fileURLWithPath: path))
        let before = BadInput.Files([path])
        let run = try replay(keys("x", path), setup: "ulimit -f 1")
        #expect(run.status == 0, "status \(run.status): \(run.stderr)")
        #expect(status(run, holding: "cannot write") == "\(path): cannot write: File too large", "screen: \(run.stdout)")
        before.expectUnchanged("x under ulimit -f 1")
        #expect(BadInput.leftovers(in: dir.path).isEmpty)
    }

    /// Exported Markdown, LaTeX and CSV files pass the sanitizer: a label's escape sequence
    /// would otherwise reach the terminal of whoever `cat`s the file.
    @Test func exportedFilesHoldNoRawControl() throws {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("evil.csv")
        var rows = "y,x,z\n"
        for i in 0..<40 { rows += "\(i % 2),\((i / 2) % 2),\(i % 5)\n" }
        try rows.write(to: csv, atomically: true, encoding: .utf8)
        let codebook: [String: Any] = [
            "dataset": "evil",
            "variables": [
                ["name": "y", "type": "binary", "label_en": "y\u{1B}]0;owned\u{07}\u{202E}", "values": [
                    ["code": 0, "label_en": "no\u{1B}[5m"], ["code": 1, "label_en": "yes\u{9B}2J"]]],
                ["name": "x", "type": "binary", "label_en": "x\u{1B}[2J"],
                ["name": "z", "type": "continuous", "label_en": "z\r\u{08}"],
            ],
            "roles": ["outcome": "y", "key_regressor": "x"],
        ]
        try JSONSerialization.data(withJSONObject: codebook).write(to: dir.appendingPathComponent("evil.codebook.json"))
        for (index, ext) in ["md", "tex", "csv"].enumerated() {
            let path = dir.appendingPathComponent("out.\(ext)").path
            let menu = Array(repeating: "down", count: index).joined(separator: " ")
            let run = try replay("5 x \(menu) enter ctrl-u \"\(path)\" enter", data: csv.path)
            #expect(run.status == 0, "stderr: \(run.stderr)")
            BadInput.expectNoRawControl(run, "explore --print")
            let data = try #require(FileManager.default.contents(atPath: path), "no \(ext) export; screen: \(run.stdout)")
            #expect(BadInput.rawControl(in: data) == nil, "\(ext): \(String(decoding: data, as: UTF8.self))")
            #expect(String(decoding: data, as: UTF8.self).contains("\\x1b"), "\(ext): \(String(decoding: data, as: UTF8.self))")
        }
    }
}
