import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What every generated bad-input test checks of a run (issue 13): exactly one `Error:` line on
/// stderr, a non-zero exit that is not a signal (no trap, no abort, no segfault; a hang is a
/// `Subprocess.run` timeout), no stack trace or Foundation error text, and no raw control byte
/// or bidi override in either stream. `Files` records files beforehand and says whether any
/// changed (content, mode, kind).
public enum BadInput {
    public static func expectCleanError(_ run: Subprocess.Output, mentioning text: String? = nil,
                                        _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        let what = context.isEmpty ? "" : context + ": "
        #expect(run.status != 0, "\(what)exit status 0; stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.status < 128, "\(what)ended by signal \(run.status - 128); stderr: \(run.stderr)", sourceLocation: sourceLocation)
        let errors = run.stderrLines.filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(what)expected one Error: line; stderr: \(run.stderr)", sourceLocation: sourceLocation)
        for bad in ["Fatal error", "stack trace", "NSCocoaErrorDomain", "Help:  ", "Usage: "] {
            #expect(!run.stderr.contains(bad), "\(what)stderr has '\(bad)': \(run.stderr)", sourceLocation: sourceLocation)
        }
        if let text {
            #expect(errors.first?.contains(text) == true, "\(what)Error line lacks '\(text)': \(run.stderr)",
                    sourceLocation: sourceLocation)
        }
        expectNoRawControl(run, context, sourceLocation: sourceLocation)
    }

    /// Neither stream holds a byte a terminal would act on.
    public static func expectNoRawControl(_ run: Subprocess.Output, _ context: String = "",
                                          sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, data) in [("stdout", run.stdoutData), ("stderr", run.stderrData)] {
            if let found = rawControl(in: data) {
                Issue.record(Comment(rawValue: "\(context) \(name) holds a raw \(found)"), sourceLocation: sourceLocation)
            }
        }
    }

    /// The first raw control (C0 other than line feed and tab, DEL, C1) or bidi control in
    /// `data`, described; nil when there is none.
    public static func rawControl(in data: Data) -> String? {
        for byte in data where (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F {
            return String(format: "control byte 0x%02x", byte)
        }
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            if (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                return String(format: "U+%04X", v)
            }
        }
        return nil
    }

    /// Files as they were: bytes, mode and kind, or absent.
    public struct Files {
        struct State: Equatable { var data: Data?; var mode: mode_t; var kind: mode_t }
        let states: [String: State]

        public init(_ paths: [String]) {
            var states: [String: State] = [:]
            for path in paths { states[path] = Files.state(path) }
            self.states = states
        }

        static func state(_ path: String) -> State {
            var info = stat()
            guard lstat(path, &info) == 0 else { return State(data: nil, mode: 0, kind: 0) }
            let regular = (info.st_mode & S_IFMT) == S_IFREG
            return State(data: regular ? FileManager.default.contents(atPath: path) : nil,
                         mode: info.st_mode & 0o7777, kind: info.st_mode & S_IFMT)
        }

        public func expectUnchanged(_ context: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
            for (path, before) in states.sorted(by: { $0.key < $1.key }) {
                #expect(Files.state(path) == before, "\(context): \(path) changed", sourceLocation: sourceLocation)
            }
        }
    }

    /// Names in `directory` that look like a temporary file left behind by an atomic write.
    public static func leftovers(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".tmp-") }
    }
}
