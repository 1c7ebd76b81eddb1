import Foundation
import Testing
import PathLensTestSupport
import StudyReplica

/// `pathlens replicate` end to end: runs the built binary (beside the test bundle after
/// `swift build --build-tests`, or `$PATHLENS_BIN`).
@Suite(.requires(ReplicateCLI.missing ?? PublishedReference.missing))
struct ReplicationCLITests {
    @Test func jsonOutputParses() throws {
        let run = try ReplicateCLI.run(["replicate", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for key in ["notice", "summary", "table1", "table2", "table3", "table4", "table5", "marginal_effects", "indirect_share"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let models = try #require((object["table4"] as? [String: Any])?["models"] as? [[String: Any]])
        #expect(models.map { $0["id"] as? String } == ["model4", "model5", "model6", "model7"])
        #expect(models[1]["standardization"] as? String == "bStdXY")
    }

    @Test func chineseMarkdownRuns() throws {
        let run = try ReplicateCLI.run(["replicate", "--format", "md", "--lang", "zh"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.hasPrefix("> 根据"))
        #expect(run.stdout.contains("## 表 3"))
    }

    @Test(arguments: [
        (["replicate", "--format", "latex"], [String: String](), "--format"),
        (["replicate", "--lang", "fr"], [:], "--lang"),
        (["replicate"], ["PATHLENS_REFERENCE": "/nonexistent/dalian2022_published.json"], "PATHLENS_REFERENCE"),
        (["replicate", "--data", "/nonexistent/data.csv"], [:], "/nonexistent/data.csv"),
    ])
    func badInputIsOneLineError(arguments: [String], environment: [String: String], message: String) throws {
        let run = try ReplicateCLI.run(arguments, environment: environment)
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("Error: ") == true, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// `--data` naming a readable file that lacks the study's variables: one line naming the file.
    @Test func datasetWithoutTheStudysVariablesIsOneLineError() throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("pathlens-replicate-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("id,skill\n1,2\n2,3\n3,1\n".utf8).write(to: URL(fileURLWithPath: file))
        let run = try ReplicateCLI.run(["replicate", "--data", file])
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("Error: \(file): cannot replicate") == true, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

/// The shared finder and runner of the `pathlens` binary.
typealias ReplicateCLI = PathLensBinary
