import Foundation
import Estimation
@testable import Explorer
import Reports
import StudyReplica
import SurveyData
import Testing

/// Issue 11, item 7 (explorer half) and the Data view's missing kinds. A bare 0/1 regressor now
/// gets the derivative in the margins (Stata's `margins, dydx(*)`), so the explorer enters a binary
/// control as `i.VAR` — its margin stays the discrete change — unless a codebook control group
/// writes the term (the embedded study's `male` stays as its codebook has it) or the user picks
/// another entry. Data: byos.dta / byos.sav (scripts/fixtures/byos_data.R).
@Suite struct BinaryControlEntryTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SurveyDataTests/Fixtures").standardized

    static func byos(_ file: String = "byos.dta") throws -> ExplorerEnvironment {
        ExplorerEnvironment(dataset: try DatasetLoader.load(path: fixtures.appendingPathComponent(file).path), unicode: true)
    }

    func press(_ state: inout AppState, _ env: ExplorerEnvironment, _ keys: Key...) {
        for key in keys { _ = TestData.reduceCheckingConditions(&state, .key(key), env: env) }
    }

    func cursor(on name: String, _ state: inout AppState, _ env: ExplorerEnvironment) {
        state.cursor = env.paneRows.firstIndex { $0.variableName == name } ?? -1
    }

    @Test func aBinaryControlEntersAsAFactorInAFileWithoutControlGroups() throws {
        let env = try Self.byos()
        #expect(env.dataset.info("mentor")?.type == .binary)
        var s = AppState(spec: env.defaultSpecification(), width: 100, height: 30)
        #expect(s.spec.keyRegressor == "treat" && s.spec.controls.isEmpty)
        cursor(on: "mentor", &s, env)
        press(&s, env, .char(" "))
        #expect(s.spec.controls == ["i.mentor"])
        // Other measures as before: continuous `c.`, more than two labelled levels `i.`.
        for (name, term) in [("age", "c.age"), ("educ", "i.educ")] {
            cursor(on: name, &s, env)
            press(&s, env, .char(" "))
            #expect(s.spec.controls.contains(term), "\(name): \(s.spec.controls)")
        }
        // The key regressor keeps its bare name: its effect is the derivative, as the CLI gives it.
        let plan = ModelLineup.plan(s.spec, dataset: env.dataset)
        #expect(plan.allSatisfy { $0.spec.formula.contains("treat + ") && !$0.spec.formula.contains("i.treat") })
        #expect(plan.allSatisfy { $0.spec.formula.contains("i.mentor") })
        // The editor shows `i.mentor` as the entry in force; the user may still pick the bare name.
        press(&s, env, .char("E"), .down, .down)
        #expect(EditorChoices.entry("mentor", spec: s.spec, env: env) == "i.mentor")
        cursor(on: "mentor", &s, env)
        press(&s, env, .escape, .char("E"), .down, .down, .char("1"))
        #expect(s.spec.controls.contains("mentor") && !s.spec.controls.contains("i.mentor"))
    }

    /// The default follows the measure in force: a user's measure overrides the file's.
    @Test func theDefaultEntryFollowsTheUsersMeasure() throws {
        let env = try Self.byos()
        var spec = env.defaultSpecification()
        #expect(env.controlTerm("mentor", spec) == "i.mentor")
        spec.measures["mentor"] = .continuous
        #expect(env.controlTerm("mentor", spec) == "c.mentor")
        spec.measures["age"] = .binary
        #expect(env.controlTerm("age", spec) == "i.age")
        #expect(ControlEntry.defaultTerm("v", info: nil) == "v")
    }

    /// The embedded study: its codebook's control groups write `male`, `married`, `party` bare, so
    /// they stay as written (same coefficients, term names and published tables); a binary
    /// variable outside the groups (`training`) enters as `i.`.
    @Test func codebookGroupTermsStayAsWritten() throws {
        let embedded = ExplorerEnvironment(dataset: try DatasetLoader.load(path: EmbeddedData.csvPath), unicode: true)
        let opening = embedded.defaultSpecification()
        #expect(opening.controls == ["male", "c.age", "i.educ", "married", "party", "i.occ", "i.industry"])
        for name in ["male", "married", "party"] { #expect(embedded.controlTerm(name, opening) == name) }
        #expect(embedded.controlTerm("training", opening) == "i.training")
        let env = TestData.env
        var s = TestData.state()
        cursor(on: "training", &s, env)
        press(&s, env, .char(" "))
        #expect(s.spec.controls.contains("i.training"), "\(s.spec.controls)")
    }

    /// View 6 shows each missing value by kind, with the file's label when it has one.
    @Test func dataViewShowsMissingValuesByKind() throws {
        let env = try Self.byos()
        let values = try #require(env.dataset.column("logwage")).values
        let source = DataView.Source(name: "logwage", env: env)
        func firstRow(_ kind: MissingKind) throws -> Int { try #require(values.firstIndex { MissingKind($0) == kind }) }
        #expect(source.value(row: try firstRow(.system), language: .en) == ".")
        #expect(source.value(row: try firstRow(.extended(1)), language: .en) == ".a refused")
        #expect(source.value(row: try firstRow(.extended(2)), language: .en) == ".b not asked")
        let number = try #require(values.firstIndex { !$0.isNaN })
        #expect(source.value(row: number, language: .en) == NumberFormat.fixed(values[number], 3))
        // An SPSS user-missing code: the code and its label.
        let sav = try Self.byos("byos.sav")
        let hours = try #require(sav.dataset.column("hours")).values
        let row = try #require(hours.firstIndex { MissingKind($0) == .userCode(999) })
        #expect(DataView.Source(name: "hours", env: sav).value(row: row, language: .en) == "999 not measured")
        // An unlabelled extended missing value: the kind alone.
        let bare = ExplorerEnvironment(dataset: Dataset(name: "b", columns: [Column(name: "x", values: [MissingKind.extended(26).value])],
                                                        codebook: Codebook(dataset: "b", variables: [])))
        #expect(DataView.Source(name: "x", env: bare).value(row: 0, language: .zh) == ".z")
    }
}
