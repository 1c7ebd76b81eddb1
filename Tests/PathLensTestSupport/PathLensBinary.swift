import Foundation
import Testing

/// The built `pathlens` executable, for the end-to-end tests of every module: found through
/// `$PATHLENS_BIN`, beside the test bundle (after `swift build --build-tests`) or in the
/// package's debug build folder. The tests that need it declare `.requires(PathLensBinary.missing)`.
public enum PathLensBinary {
    public static let binary: URL? = {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["PATHLENS_BIN"] { candidates.append(URL(fileURLWithPath: env)) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("pathlens"))
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("pathlens"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/pathlens"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Why the end-to-end tests cannot run the binary, or nil when it is there: for
    /// `.requires(PathLensBinary.missing)` (skipped locally, a failure under `CI=true`).
    public static var missing: String? {
        binary == nil ? "the pathlens binary is not built (swift build --build-tests, or set PATHLENS_BIN)" : nil
    }

    public typealias Run = Subprocess.Output

    /// Runs `pathlens arguments` with `environment` added to this process's and `stdin` as its
    /// input, to the end (see `Subprocess.run`: both pipes drained together, killed after `timeout`).
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
                           timeout: Double = 300, sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        guard let binary else {
            Issue.record(Comment(rawValue: missing ?? ""), sourceLocation: sourceLocation)
            throw Subprocess.Failure(missing ?? "")
        }
        return try Subprocess.run(binary.path, arguments, environment: environment, stdin: stdin, timeout: timeout,
                                  sourceLocation: sourceLocation)
    }

    /// A fresh folder under the temporary directory; the caller removes it.
    public static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
