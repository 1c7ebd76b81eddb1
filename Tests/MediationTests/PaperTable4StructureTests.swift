import Testing
import PathLensTestSupport
import Foundation
import Estimation
import SurveyData
@testable import Mediation

/// Baron–Kenny on the embedded Dalian 2022 replica reproduces the structure of the paper's
/// Table 4 (Models 4 and 6): union raises training in a logit, training raises the skill grade in
/// an ordered logit with union, union's coefficient shrinks, and the paper's "indirect share"
/// a·b / (a·b + c′) (65 % in the paper) lands in the same range. The replica is synthetic data
/// generated to match the paper, so only signs, significance and ranges are checked here; the
/// published numbers themselves are StudyReplica's business.
@Suite struct PaperTable4StructureTests {
    /// data/dalian2022.csv at the package root (the test target does not depend on StudyReplica).
    static let csvPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/dalian2022.csv").path

    /// The paper's controls: individual, occupational and industry characteristics.
    static let controls = MediationSpec.controlTerms("male + c.age + i.educ + married + party + i.occ + i.industry")

    static func analyze(_ methods: Set<MediationMethod>) throws -> MediationResult {
        let data = try DatasetLoader.load(path: csvPath)
        let spec = MediationSpec(x: "union", mediators: ["training"], y: "skill", controls: controls,
                                 mediatorModel: .logit, outcomeModel: .ologit)
        return try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: methods, reps: 0))
    }

    @Test func baronKennyStructure() throws {
        let r = try Self.analyze([.bk])
        let bk = try #require(r.mediators.first?.paths)
        #expect(bk.a.estimate > 0 && bk.a.p < 0.01, "a = \(bk.a.estimate), p = \(bk.a.p)")
        #expect(bk.b.estimate > 0 && bk.b.p < 0.01, "b = \(bk.b.estimate), p = \(bk.b.p)")
        #expect(bk.cPrime.estimate < bk.c.estimate, "c′ = \(bk.cPrime.estimate), c = \(bk.c.estimate)")
        let share = bk.a.estimate * bk.b.estimate / (bk.a.estimate * bk.b.estimate + bk.cPrime.estimate)
        #expect(abs(bk.proportionOfSum - share) < 1e-12)
        #expect((0.55...0.75).contains(bk.proportionOfSum), "a·b / (a·b + c′) = \(bk.proportionOfSum)")
    }

    /// The notes (printed verbatim in `pathlens mediate`'s Notes table) say how the share arises
    /// and what KHB and the causal estimates give instead.
    @Test func shareExplainedInNotes() throws {
        let r = try Self.analyze([.bk, .khb])
        let bk = try #require(r.mediators.first?.paths)
        let note = try #require(r.notes.first { $0.hasPrefix("indirect share a·b / (a·b + c′)") })
        #expect(note.contains(String(format: "%.3f", bk.proportionOfSum)))
        #expect(note.contains("a is a logit coefficient, b and c′ are ologit coefficients"))
        #expect(note.contains("mixes two models' scales"))
        #expect(note.contains("KHB") && note.contains("ACME / total effect"))
        // The per-path warnings under the Baron–Kenny table say the same about a·b and c − c′.
        #expect(bk.warnings.contains { $0.contains("mix the scales") })
        #expect(bk.warnings.contains { $0.contains("see KHB") })
    }

    /// `pathlens mediate`'s text report prints the note in its Notes table, beside KHB and ACME.
    @Test(.requires(PathLensBinary.missing))
    func textReportExplainsShare() throws {
        let run = try PathLensBinary.run(["mediate", "--x", "union", "--m", "training", "--y", "skill",
                                          "--controls", Self.controls.joined(separator: " + "),
                                          "--m-model", "logit", "--y-model", "ologit", "--method", "bk,khb",
                                          "--data", Self.csvPath])
        let text = run.stdout
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(text.contains("indirect share a·b / (a·b + c′) = 0."))
        #expect(text.contains("a is a logit coefficient, b and c′ are ologit coefficients, so the share mixes two models' scales"))
        #expect(text.contains("KHB decomposition") && text.contains("Confounding percentage"))
    }

    /// Same-family models (ols/ols) need no such note.
    @Test func noShareNoteWhenScalesMatch() throws {
        let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "inc", controls: ["age", "k5", "k618"],
                                 mediatorModel: .ols, outcomeModel: .ols)
        let r = try Mediation.analyze(spec: spec, data: try Fixtures.mroz(), options: MediationOptions(methods: [.bk], reps: 0))
        #expect(!r.notes.contains { $0.hasPrefix("indirect share") })
    }
}
