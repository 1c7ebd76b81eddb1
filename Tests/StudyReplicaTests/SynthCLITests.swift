import Foundation
import Testing
import PathLensTestSupport
import StudyReplica

/// `pathlens synth` end to end through the built binary (found as `ReplicateCLI.binary` finds it).
@Suite(.requires(ReplicateCLI.missing))
struct SynthCLITests {
    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-synth-cli-\(UUID().uuidString)").path
    }

    @Test func defaultSeedWritesTheShippedFiles() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try ReplicateCLI.run(["synth", "dalian2022", "--seed", String(DalianGenerator.defaultSeed), "--out", out])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.split(separator: "\n").count == 3)
        for name in ["dalian2022.csv", "dalian2022.codebook.json"] {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            let shipped = try Data(contentsOf: URL(fileURLWithPath: ShippedDataTests.dataDirectory + "/" + name))
            #expect(fresh == shipped, "\(name) differs from the shipped file")
        }
        #expect(FileManager.default.fileExists(atPath: out + "/dalian2022.dta"))
    }

    @Test func otherSeedsSayTheCalibrationDoesNotHold() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try ReplicateCLI.run(["synth", "--seed", "7", "--out", out])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.hasPrefix("note: calibrated for seed \(DalianGenerator.defaultSeed)"))
    }

    @Test(arguments: [
        (["synth", "other"], "unknown study 'other'"),
        (["synth", "--out", "/dev/null"], "/dev/null: cannot write: not a directory"),
        (["synth", "--seed", "-1"], "seed"),
        (["synth", "--parameters", "/nonexistent/parameters.json", "--out", "/tmp"], "/nonexistent/parameters.json"),
    ])
    func badInputIsOneLineError(arguments: [String], message: String) throws {
        let run = try ReplicateCLI.run(arguments)
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("Error: ") == true && lines.first?.contains(message) == true, "stderr: \(run.stderr)")
    }

    @Test func malformedParametersNameTheKey() throws {
        let file = Self.temporaryDirectory() + ".json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(#"{"occByIndustry": 3}"#.utf8).write(to: URL(fileURLWithPath: file))
        let run = try ReplicateCLI.run(["synth", "--parameters", file, "--out", Self.temporaryDirectory()])
        #expect(run.status != 0)
        #expect(run.stderr == "Error: \(file): not a valid parameters file: wrong type at occByIndustry\n")
    }
}
