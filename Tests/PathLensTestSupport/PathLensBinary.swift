import Foundation

/// The built `pathlens` executable, for the end-to-end tests of every module: found through
/// `$PATHLENS_BIN`, beside the test bundle (after `swift build --build-tests`) or in the
/// package's debug build folder; the tests that need it are skipped when it is not there.
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

    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    public struct NotBuilt: Error {}

    /// Runs `pathlens arguments` with `environment` added to this process's, to the end.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        guard let binary else { throw NotBuilt() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain both pipes before waiting: a report can be larger than a pipe buffer.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh folder under the temporary directory; the caller removes it.
    public static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
