import Foundation
import PathLensTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running the real `pathlens` binary for end-to-end tests: `-L NAME -f
/// /dev/null` so no user configuration or server is touched; the screen is polled with
/// `capture-pane -p` instead of fixed sleeps; `kill()` (called from `defer`) ends the server.
final class TmuxSession {
    let name: String
    let directory: URL

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The `pathlens` binary of this build (or `$PATHLENS_BIN`).
    static var binary: String? { PathLensBinary.binary?.path }

    init(_ test: String, arguments: [String] = [], width: Int = 160, height: Int = 50) throws {
        name = "pl-e2e-\(getpid())-\(test)"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard let binary = TmuxSession.binary else { throw E2EError("pathlens binary not found") }
        // A small shell records the exit status in a file: tmux 3.3 sometimes leaves the
        // program unreaped, so `pane_dead_status` cannot be relied on. The shell ignores INT,
        // TERM and HUP itself; pathlens installs its own handlers for them.
        let program = (["env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", binary] + arguments).map(TmuxSession.quote).joined(separator: " ")
        let script = "trap '' INT TERM HUP; \(program) 2>\(TmuxSession.quote(directory.appendingPathComponent("stderr.log").path)); "
            + "echo $? > \(TmuxSession.quote(directory.appendingPathComponent("status").path))"
        let command = "sh -c " + TmuxSession.quote(script)
        // The server started here inherits this command's output and keeps it open, so this one
        // command writes to /dev/null.
        _ = try tmux(["new-session", "-d", "-s", "main", "-c", directory.path, "-x", "\(width)", "-y", "\(height)", command],
                     readOutput: false)
        _ = try tmux(["set-option", "-t", "main", "remain-on-exit", "on"])
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// What the program wrote to stderr (crash messages end up here).
    var stderr: String { (try? String(contentsOf: directory.appendingPathComponent("stderr.log"), encoding: .utf8)) ?? "" }

    @discardableResult
    func tmux(_ args: [String], readOutput: Bool = true) throws -> String {
        guard let path = TmuxSession.tmuxPath else { throw E2EError("tmux not installed") }
        return try Subprocess.run(path, ["-L", name, "-f", "/dev/null"] + args, timeout: 60, discardOutput: !readOutput).stdout
    }

    func screen() -> String { (try? tmux(["capture-pane", "-p", "-t", "main"])) ?? "" }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    /// Polls the screen until `predicate` holds; throws with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 90, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw E2EError("timed out waiting for \(what); screen was:\n\(last)")
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 90) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the program to end, then checks it exited 0 and left the alternate screen
    /// (`gone`, text only the explorer shows, is no longer on the pane).
    func expectCleanExit(_ what: String = "exit status", gone: String? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitFor(what, timeout: 30) { _ in exitStatus() != nil }
        #expect(exitStatus() == 0, "stderr: \(stderr)", sourceLocation: sourceLocation)
        if let gone { #expect(!screen().contains(gone), sourceLocation: sourceLocation) }
    }

    /// Waits for the program to end, then checks its exit status (128 + the signal after a
    /// signal, as the shell reports it) and that it left the alternate screen.
    func expectExit(_ status: Int, _ what: String = "exit status", gone: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitFor(what, timeout: 30) { _ in exitStatus() != nil }
        #expect(exitStatus() == status, "stderr: \(stderr)", sourceLocation: sourceLocation)
        if let gone { #expect(!screen().contains(gone), sourceLocation: sourceLocation) }
    }

    /// The program's exit status, once it has ended.
    func exitStatus() -> Int? {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("status"), encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The pid of the program (the child of the pane's shell).
    func programPID() -> Int32? {
        guard let shell = Int32((try? tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == shell { return pid }
        }
        return nil
    }

    func kill() {
        _ = try? tmux(["kill-server"])
        // tmux can leave its socket behind; it is ours alone.
        let socketDirectory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(socketDirectory)/tmux-\(getuid())/\(name)")
        try? FileManager.default.removeItem(at: directory)
    }
}

struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
