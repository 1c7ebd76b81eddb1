import Foundation
import PathLensTestSupport
import Testing
@testable import Explorer
import Analysis
import Mediation
import Reports
import StudyReplica
import SurveyData

/// The variables pane's `I` key (issue 14 item 4): the variable under the cursor moderates the
/// mediation — the a path, then b, both, off — shown on the spec bar and in `?` help; the
/// Mediation view then shows the conditional effects `pathlens mediate --moderator` gives.
@Suite struct ModeratorKeyTests {
    let env = TestData.env

    @Test func iCyclesThePathAndThenSwitchesTheModeratorOff() {
        var s = TestData.state()
        TestData.cursor(on: "male", &s)
        var paths: [ModeratedPath?] = []
        for _ in 0..<4 {
            let effects = TestData.press(&s, .char("I"))
            #expect(effects.contains { if case .compute = $0 { return true } else { return false } })
            paths.append(s.spec.moderator == "male" ? s.spec.moderate : nil)
        }
        #expect(paths == [.a, .b, .both, nil])
        #expect(s.spec.moderator == nil)
        _ = TestData.press(&s, .char("u"))
        #expect(s.spec.moderator == "male" && s.spec.moderate == .both)
    }

    @Test(arguments: ["skill", "union", "training"])
    func aRoleIsRefusedInOneLine(_ name: String) {
        var s = TestData.state()
        TestData.cursor(on: name, &s)
        #expect(TestData.press(&s, .char("I")).isEmpty)
        #expect(s.spec.moderator == nil)
        #expect(s.status?.isError == true)
        #expect(s.status?.text.contains("'\(name)'") == true, "\(s.status?.text ?? "")")
        #expect(s.status?.text.contains("\n") == false)
    }

    @Test func withoutAMediatorItIsRefused() {
        var s = TestData.state { $0.mediator = nil; $0.mediatorOn = false }
        TestData.cursor(on: "male", &s)
        #expect(TestData.press(&s, .char("I")).isEmpty)
        #expect(s.status?.isError == true)
        #expect(s.spec.moderator == nil)
    }

    @Test func theSpecBarAndTheHelpShowIt() {
        var s = TestData.state(width: 160)
        TestData.cursor(on: "male", &s)
        _ = TestData.press(&s, .char("I"), .char("I"))
        let bar = Screen.render(s, env: env).line(1)
        #expect(bar.contains("Mod: male on b (14)"), "\(bar)")
        let help = KeyTable.helpLines(.en).joined(separator: "\n")
        #expect(help.contains("moderator of the mediation"))
        #expect(KeyTable.helpLines(.zh).joined(separator: "\n").contains("调节变量"))
    }

    /// A moderator the engine refuses (here under a survey design) leaves the unmoderated
    /// analysis on screen with the refusal's one line.
    @Test func aRefusedModerationKeepsTheDiagramAndSaysWhy() throws {
        var spec = env.defaultSpecification()
        spec.moderator = "male"
        spec.design = SurveyDesign(strata: "industry")
        let result = AnalysisEngine.run(spec, dataset: env.dataset, request: AnalysisRequest(margins: false))
        let refusal = try #require(result.moderationError)
        #expect(refusal.contains("survey design"), "\(refusal)")
        #expect(result.mediation != nil && result.mediation?.moderation == nil)
        var state = AppState(spec: spec, width: 120, height: 60)
        state.generation = 1
        state.results = result
        state.view = .mediation
        let screen = Screen.render(state, env: env).text
        #expect(screen.contains("moderator not analysed:"), "\(screen)")
        #expect(screen.contains("Path diagram"))
    }

    /// `I` on male twice (PROCESS model 14) on the embedded study: the Mediation view's
    /// conditional a and b paths (drawn from the analysis layer's result, before any bootstrap)
    /// are `pathlens mediate --moderator male --moderate b … --format json`'s on the same sample
    /// and controls (male leaves the controls: the moderated models enter it).
    @Test(.requires(PathLensBinary.missing))
    func theConditionalPathsEqualTheCLI() throws {
        let embedded = ExplorerEnvironment(dataset: try DatasetLoader.load(path: EmbeddedData.csvPath), unicode: true)
        var state = AppState(spec: embedded.defaultSpecification(), width: 160, height: 70)
        TestData.cursor(on: "male", &state, env: embedded)
        for _ in 0..<2 { _ = TestData.reduceCheckingConditions(&state, .key(.char("I")), env: embedded) }
        #expect(state.spec.moderator == "male" && state.spec.moderate == .b)
        state.results = AnalysisEngine.run(state.spec, generation: state.generation, dataset: embedded.dataset,
                                           request: AnalysisRequest(margins: false))
        state.view = .mediation
        let screen = Screen.render(state, env: embedded).text
        #expect(screen.contains("PROCESS model 14"), "\(screen)")
        let controls = state.spec.effectiveControls.filter { $0 != "male" }.joined(separator: " + ")
        let mediate = try PathLensBinary.run(["mediate", "--x", "union", "--m", "training", "--y", "skill",
                                              "--controls", controls, "--moderator", "male", "--moderate", "b",
                                              "--method", "bk", "--format", "json"],
                                             environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"])
        #expect(mediate.status == 0, "\(mediate.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(mediate.stdout.utf8)) as? [String: Any])
        let moderation = try #require(json["moderation"] as? [String: Any])
        let conditional = try #require(moderation["conditional"] as? [[String: Any]])
        #expect(conditional.count == 2)
        let lines = screen.split(separator: "\n").map(String.init)
        for (k, row) in conditional.enumerated() {
            let paths = try #require(row["paths"] as? [String: Any])
            func estimate(_ path: String) -> Double { ((paths[path] as? [String: Any])?["estimate"] as? NSNumber)?.doubleValue ?? .nan }
            let a = NumberFormat.fixed(estimate("a"), 4), b = NumberFormat.fixed(estimate("b"), 4)
            let level = k == 0 ? "female" : "male"  // the codebook's value labels of male
            #expect(lines.contains { $0.contains("| \(level) ") && $0.contains(a) && $0.contains(b) },
                    "no row for male = \(k) (\(level)) with a \(a), b \(b)\n\(screen)")
        }
    }
}
