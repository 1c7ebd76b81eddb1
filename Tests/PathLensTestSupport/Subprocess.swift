import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs a child process for a test: arguments, added environment, optional stdin, and stdout and
/// stderr read concurrently (one poll loop over both pipes), so a child that fills one pipe while
/// the test would be reading the other cannot deadlock. A child still running after `timeout`
/// seconds is killed and the test fails.
///
/// posix_spawn + waitpid rather than Foundation's `Process`: `Process` hung in `waitUntilExit`
/// once tmux had forked its server. Reading stops when the child has exited and its pipes are
/// drained, not at end-of-file, so a pipe inherited by a daemon it started (tmux's server) cannot
/// hold the test either. The child starts with default signal dispositions and nothing blocked:
/// the test runner's threads block signals, and the program under test would inherit that mask.
public enum Subprocess {
    public struct Output: Sendable {
        /// The exit status, or 128 + the signal number when a signal ended the child.
        public var status: Int32
        public var stdoutData: Data
        public var stderrData: Data
        public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
        public var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// Runs `executable arguments` (an absolute path) with `environment` added to this process's
    /// and `stdin` (nothing: /dev/null) as its input, to the end. `discardOutput` sends both
    /// streams to /dev/null (for a command that starts a daemon keeping them open).
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String] = [], environment: [String: String] = [:],
                           stdin: Data? = nil, timeout: Double = 300, discardOutput: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }

        // Input: a temporary file holding `stdin` (nothing to feed while draining), else /dev/null.
        var inputPath: String?
        if let stdin {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("pl-stdin-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
            try stdin.write(to: URL(fileURLWithPath: path))
            inputPath = path
        }
        defer { if let inputPath { unlink(inputPath) } }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath ?? "/dev/null", O_RDONLY, 0)

        // Output pipes, close-on-exec so no other child spawned meanwhile inherits them.
        var pipes: [[Int32]] = []
        defer { for p in pipes { for fd in p where fd >= 0 { close(fd) } } }
        if discardOutput {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        } else {
            for target: Int32 in [1, 2] {
                var fds: [Int32] = [-1, -1]
                guard pipe(&fds) == 0 else { throw Failure("pipe: \(String(cString: strerror(errno)))") }
                pipes.append(fds)
                for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
                posix_spawn_file_actions_adddup2(&actions, fds[1], target)
            }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for sig in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGWINCH] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in envp { free(e) } }

        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw Failure("cannot run \(executable): \(String(cString: strerror(rc)))") }
        // The write ends belong to the child now.
        for i in pipes.indices {
            close(pipes[i][1])
            pipes[i][1] = -1
            _ = fcntl(pipes[i][0], F_SETFL, fcntl(pipes[i][0], F_GETFL) | O_NONBLOCK)
        }

        var buffers = [Data](repeating: Data(), count: pipes.count)
        var open = pipes.map { $0[0] }
        /// Reads what `open[i]` has now; false once it is at end-of-file.
        func drain(_ i: Int) -> Bool {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(open[i], &chunk, chunk.count)
                if n > 0 { buffers[i].append(contentsOf: chunk[0..<n]); continue }
                if n == 0 { return false }
                if errno == EINTR { continue }
                return errno == EAGAIN || errno == EWOULDBLOCK
            }
        }

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var exited = false
        while !exited {
            var polled = open.enumerated().filter { $0.element >= 0 }.map { pollfd(fd: $0.element, events: Int16(POLLIN), revents: 0) }
            if polled.isEmpty { usleep(20_000) } else { _ = poll(&polled, nfds_t(polled.count), 20) }
            for i in open.indices where open[i] >= 0 && !drain(i) { open[i] = -1 }
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { exited = true; break }
            if reaped < 0 && errno != EINTR {
                throw Failure("waitpid(\(pid)) for \(executable): \(String(cString: strerror(errno)))")
            }
            if Date() > deadline {
                Foundation.kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                let output = Output(status: -1, stdoutData: buffers.first ?? Data(), stderrData: buffers.count > 1 ? buffers[1] : Data())
                let message = "\(([executable] + arguments).joined(separator: " ")) was still running after \(timeout) s and was killed;"
                    + " stdout so far: \(output.stdout.suffix(2000))\nstderr so far: \(output.stderr.suffix(2000))"
                Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
                throw Failure(message)
            }
        }
        // The child has ended: what it wrote is in the pipes. A daemon it started may hold them
        // open, so read what is there rather than wait for end-of-file.
        for i in open.indices where open[i] >= 0 { _ = drain(i) }

        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: code, stdoutData: buffers.first ?? Data(), stderrData: buffers.count > 1 ? buffers[1] : Data())
    }
}
