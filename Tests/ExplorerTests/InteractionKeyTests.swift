import Foundation
import Testing
@testable import Explorer
import Reports
import SurveyData

/// The variables pane's `i` key: the key regressor interacted with the control under the
/// cursor, back to the plain control on a second press, shown on the spec bar and in `?` help.
@Suite struct InteractionKeyTests {
    let env = TestData.env

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { TestData.reduceCheckingConditions(&state, .key($0), env: env) }
    }

    func cursor(on name: String, _ state: inout AppState) {
        state.cursor = env.paneRows.firstIndex { $0.variableName == name } ?? -1
    }

    @Test func iInteractsTheKeyRegressorWithTheControlAndAgainRevertsIt() {
        var s = TestData.state()
        let before = s.spec.controls
        let key = env.controlTerm(s.spec.keyRegressor, s.spec)
        cursor(on: "industry", &s)
        let effects = press(&s, .char("i"))
        #expect(s.spec.controls.contains("\(key)##i.industry"))
        #expect(!s.spec.controls.contains("i.industry"))
        #expect(effects.contains { if case .compute = $0 { return true } else { return false } })
        _ = press(&s, .char("i"))
        #expect(s.spec.controls == before)
        _ = press(&s, .char("u"))
        #expect(s.spec.controls.contains("\(key)##i.industry"))
    }

    @Test func iOnARoleVariableIsRefused() {
        var s = TestData.state()
        cursor(on: s.spec.keyRegressor, &s)
        #expect(press(&s, .char("i")).isEmpty)
        #expect(s.status?.isError == true)
    }

    @Test func iIsListedInTheHelp() {
        let help = KeyTable.helpLines(.en).joined(separator: "\n")
        #expect(help.contains("interact the key regressor"))
    }
}
