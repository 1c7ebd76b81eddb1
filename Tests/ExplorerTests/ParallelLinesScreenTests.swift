import Foundation
import PathLensTestSupport
import StudyReplica
import SurveyData
import Testing

/// The Models view's parallel-lines marks (issue 15) through the headless `explore --print` path:
/// an ologit column's `Brant p` footer row and `†` on the terms whose own Brant test rejects at
/// 5 %, the `ologit+gologit(autofit)` set's gologit column (constrained terms once, `varies` with
/// one `y > c` row per equation), in English, Chinese and ASCII. The screens are compared with
/// `Snapshots/parallel-lines-*.txt` (`PATHLENS_RECORD_SNAPSHOTS=1` re-records them).
@Suite(.requires(HeadlessPrintTests.missing)) struct ParallelLinesScreenTests {
    /// union, male, age, married: the Brant test is computable (male and age violate it).
    static let spec = #"{"outcome": "skill", "key_regressor": "union", "controls": ["male", "c.age", "married"], "estimators": "ologit+gologit"}"#

    static func specFile() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-parallel-lines-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("small.json")
        try Data(spec.utf8).write(to: url, options: .atomic)
        return url.path
    }

    func screen(_ keys: String, size: String, spec: String?, locale: String = "C.UTF-8") throws -> String {
        var arguments = ["explore", "--keys", keys, "--size", size, "--print"]
        if let spec { arguments += ["--spec", spec] }
        let r = try PathLensBinary.run(arguments, environment: ["LANG": locale, "LC_ALL": locale, "TERM": "dumb"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    /// Compares `text` with `Snapshots/NAME.txt` (or records it).
    func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = Snapshot.directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["PATHLENS_RECORD_SNAPSHOTS"] == "1", !Requirement.isCI {
            do { try Data(text.utf8).write(to: url, options: .atomic) } catch { Issue.record("cannot record \(name): \(error)") }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("snapshot \(name).txt is missing: run with PATHLENS_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if let difference = Snapshot.difference(expected: expected, actual: text) {
            Issue.record("snapshot \(name) differs at \(difference)", sourceLocation: sourceLocation)
        }
    }

    @Test func brantFooterMarkerAndGologitEquations() throws {
        let file = try Self.specFile()
        let en = try screen("1", size: "100x76", spec: file)
        check(en, "parallel-lines-100x76")
        let lines = en.split(separator: "\n")
        #expect(lines.contains { $0.contains("male") && $0.contains("0.795***†") && $0.contains("varies") }, "\(en)")
        #expect(lines.contains { $0.contains("union member") && $0.contains("0.678***") && !$0.contains("†") }, "\(en)")
        #expect(lines.contains { $0.contains("Brant p") && $0.contains("0.000") }, "\(en)")
        #expect(lines.contains { $0.contains("y > 5") && $0.contains("1.140***") }, "\(en)")
        #expect(en.contains("Brant p: SPost's test of parallel lines"))
        #expect(en.contains("autofit (α = 0.05): parallel-lines constraint imposed") && en.contains("for 2 of 4 terms"), "\(en)")

        let zh = try screen("l", size: "100x76", spec: file)
        check(zh, "parallel-lines-100x76-zh")
        #expect(zh.contains("Brant 检验 p") && zh.contains("分方程") && zh.contains("†"), "\(zh)")

        let ascii = try screen("1", size: "100x76", spec: file, locale: "C")
        check(ascii, "parallel-lines-100x76-ascii")
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii)")
        #expect(ascii.contains("0.795***!"), "\(ascii)")
    }

    /// The paper's model (every control): no Brant number, the reason in the footer cell and one
    /// note naming the terms; the estimator set reached with `e`.
    @Test func notComputableSaysWhyInOnePhrase() throws {
        let text = try screen("e e e e e", size: "110x200", spec: nil)
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains("Est: ologit+gologit(autofit)") }, "\(text)")
        #expect(lines.contains { $0.contains("Brant p") && $0.contains("empty cell") }, "\(text)")
        #expect(text.contains("Brant test not computable: occ=6, occ=7, educ (base"), "\(text)")
        #expect(!text.contains("predicts the split"), "\(text)")
        #expect(!lines.contains { $0.contains("*†") }, "\(text)")
    }
}
