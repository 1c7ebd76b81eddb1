import Foundation
@testable import Explorer
import Testing

/// Saved specifications: round trip, short hand-written files, variables checked against the data,
/// the mediation moderator.
@Suite struct SpecFileTests {
    let env = TestData.env

    @Test func roundTripAndValidation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pl-spec-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var spec = TestData.env.defaultSpecification()
        spec.subsample = Subsample(name: "secondary", condition: "industry == 2")
        spec.vce = .robust
        let path = dir.appendingPathComponent("spec.json").path
        try SpecFile.save(spec, to: path)
        #expect(try SpecFile.load(path, for: TestData.dataset) == spec)

        let short = dir.appendingPathComponent("short.json").path
        try Data(#"{"outcome": "skill", "key_regressor": "union"}"#.utf8).write(to: URL(fileURLWithPath: short))
        let loaded = try SpecFile.load(short, for: TestData.dataset)
        #expect(loaded.controls.isEmpty && loaded.estimators == .paper)

        let bad = dir.appendingPathComponent("bad.json").path
        try Data(#"{"outcome": "nosuch", "key_regressor": "union"}"#.utf8).write(to: URL(fileURLWithPath: bad))
        #expect(throws: ExplorerError.self) { try SpecFile.load(bad, for: TestData.dataset) }
    }

    @Test func exportWritesTheCurrentViewInEachFormat() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pl-export-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = TestData.state()
        for view in [ViewKind.models, .crosstab, .describe, .data] {
            state.view = view
            for format in ExportFormat.allCases {
                let path = dir.appendingPathComponent("\(view.title).\(format.fileExtension)").path
                _ = try ViewExport.write(state, env: TestData.env, format: format, to: path)
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(!text.isEmpty)
            }
        }
    }

    /// Issue 14, item 3 (file half): a spec file saves and loads the moderator and its path; a
    /// file without them loads with none; an unknown moderator is refused naming it.
    @Test func specFilesSaveAndLoadTheModerator() throws {
        var spec = TestData.state().spec
        spec.moderator = "male"
        spec.moderate = .b
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("specfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("spec.json").path
        try SpecFile.save(spec, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""moderator" : "male""#) && text.contains(#""moderate" : "b""#), "\(text)")
        let loaded = try SpecFile.load(path, for: env.dataset)
        #expect(loaded.moderator == "male" && loaded.moderate == .b)
        spec.moderator = nil
        try SpecFile.save(spec, to: path)
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("moderat"))
        #expect(try SpecFile.load(path, for: env.dataset).moderator == nil)
        spec.moderator = "mael"
        try SpecFile.save(spec, to: path)
        #expect(throws: (any Error).self) { try SpecFile.load(path, for: env.dataset) }
        #expect(SpecFile.missingVariable(spec, in: env.dataset) == "mael")
    }
}
