import Foundation
import Estimation
@testable import Explorer
import Reports
import SurveyData
import Testing

/// Issue 14, item 2: the variable editor (`E`) offers a continuous control's quadratic,
/// `c.VAR##c.VAR`, as an entry; other measures do not get it.
@Suite struct QuadraticEntryTests {
    let env = TestData.env

    func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = TestData.reduceCheckingConditions(&state, .key(key), env: env) }
    }

    @Test func aContinuousControlCanEnterAsItsQuadratic() {
        var s = TestData.state()
        #expect(s.spec.controls.contains("c.age"))
        let entries = EditorChoices.entries("age", spec: s.spec, env: env)
        #expect(entries.prefix(4) == ["age", "c.age", "c.age##c.age", "i.age"])
        TestData.cursor(on: "age", &s)
        press(&s, .char("E"), .down, .down, .char("3"))
        #expect(s.spec.controls.contains("c.age##c.age") && !s.spec.controls.contains("c.age"), "\(s.spec.controls)")
        #expect(EditorChoices.entry("age", spec: s.spec, env: env) == "c.age##c.age")
        // The overlay shows it as the entry in force; every model of the lineup carries it.
        guard case let .editor(editor)? = s.overlay else { Issue.record("editor closed"); return }
        #expect(VariableEditorOverlay.lines(editor, s, env: env)[2].contains("[3 c.age##c.age]"))
        let plan = ModelLineup.plan(s.spec, dataset: env.dataset)
        #expect(!plan.isEmpty && plan.allSatisfy { $0.spec.formula.contains("c.age##c.age") })
        // One undoable step; Space on the variable switches the whole term off.
        press(&s, .char("u"))
        #expect(s.spec.controls.contains("c.age") && !s.spec.controls.contains("c.age##c.age"))
    }

    @Test func otherMeasuresHaveNoQuadraticEntry() {
        var spec = TestData.state().spec
        #expect(!EditorChoices.entries("industry", spec: spec, env: env).contains { $0.contains("##") })
        #expect(!EditorChoices.entries("male", spec: spec, env: env).contains { $0.contains("##") })
        spec.measures["age"] = .categorical
        #expect(!EditorChoices.entries("age", spec: spec, env: env).contains("c.age##c.age"))
    }
}
