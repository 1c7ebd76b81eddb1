import Foundation
import SurveyData
#if canImport(Glibc)
import Glibc
#endif

/// The one writer for everything the command prints. Each write goes straight to the descriptor
/// (no stdio buffer whose failure would surface silently at exit, no `FileHandle.write` that
/// traps on an error) and is checked:
/// - a write error on stdout (`>/dev/full`, a closed stdout) prints one `Error:` line on stderr
///   and exits 1, as coreutils do (`echo x >/dev/full`: "write error: No space left on device");
/// - a broken pipe (`pathlens describe | head -1`) ends the process quietly by SIGPIPE, exit
///   status 141 in the shell, as `cat`, `seq` and `yes` end: the reader has what it wanted;
/// - a failing stderr ends the process with status 1 without a message (there is nowhere left
///   to say it).
/// Text passes `TerminalText.sanitize` on the way (line feeds and tabs kept), so a control or
/// bidi character in a label, cell, name or echoed input never reaches the terminal raw; with a
/// terminal whose locale is not UTF-8, non-ASCII characters are escaped too.
enum Output {
    enum Stream: Int32 {
        case stdout = 1, stderr = 2

        var name: String { self == .stdout ? "standard output" : "standard error" }
    }

    /// Writes `text` (sanitized) to stdout.
    static func out(_ text: String) { write(sanitized(text, for: .stdout), to: .stdout) }

    /// Writes `text` (sanitized) and a line feed to stderr.
    static func errorLine(_ text: String) { write(sanitized(text, for: .stderr) + "\n", to: .stderr) }

    /// Writes control sequences of our own (the progress meter's `\r` and erase-line) unsanitized.
    static func rawError(_ text: String) { write(text, to: .stderr) }

    /// Makes sure descriptors 0–2 are open before anything else opens a file: a closed stdout
    /// (`>&-`) would otherwise be the first descriptor `open` hands out, and the report would be
    /// written into a dataset or a temporary file. The placeholder for 1 and 2 is `/dev/null`
    /// opened read-only, so a write to it still fails (EBADF) and is reported. SIGXFSZ is
    /// ignored so that a write past `ulimit -f` fails with EFBIG and is reported as a one-line
    /// error (the default action kills the process with a core dump, mid-write).
    static func prepare() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != fd { dup2(opened, fd); close(opened) }
        }
        signal(SIGXFSZ, SIG_IGN)
        // Decided now, from the user's locale: the table renderers later switch LC_CTYPE to a
        // UTF-8 locale of their own to measure widths with wcwidth.
        if isatty(1) == 1 || isatty(2) == 1 {
            setlocale(LC_CTYPE, "")
            let utf8 = TerminalText.localeIsUTF8
            asciiOnly = [isatty(1) == 1 && !utf8, isatty(2) == 1 && !utf8]
        }
    }

    /// Non-ASCII is escaped only on a terminal whose locale cannot show it; a file or pipe always
    /// gets UTF-8.
    nonisolated(unsafe) private static var asciiOnly = [false, false]

    private static func sanitized(_ text: String, for stream: Stream) -> String {
        TerminalText.sanitize(text, asciiOnly: asciiOnly[Int(stream.rawValue) - 1])
    }

    private static let lock = NSLock()

    private static func write(_ text: String, to stream: Stream) {
        var text = text
        let failure: Int32? = text.withUTF8 { buffer -> Int32? in
            lock.lock(); defer { lock.unlock() }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(stream.rawValue, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        guard let failure else { return }
        fail(stream, errno: failure)
    }

    /// Ends the process after a failed write (see the type's comment for the three cases).
    static func fail(_ stream: Stream, errno code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGPIPE)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(SIGPIPE)
            _exit(141)
        }
        if stream == .stdout {
            let line = "Error: cannot write to \(stream.name): \(String(cString: strerror(code)))\n"
            _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
        }
        // `_exit`: nothing is buffered (every write went straight to its descriptor), and the
        // progress meter may be writing from a worker thread while others still compute.
        _exit(1)
    }
}
