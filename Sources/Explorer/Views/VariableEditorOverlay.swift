import Estimation
import Reports
import SurveyData

/// Draws the variable editor (`E`): one line per field with its values numbered, the value in
/// force in brackets, the field under the cursor highlighted.
enum VariableEditorOverlay {
    static func lines(_ editor: VariableEditor, _ state: AppState, env: ExplorerEnvironment) -> [String] {
        let spec = state.spec
        let language = spec.language
        let name = editor.variable
        func row(_ label: String, _ values: [String], _ current: Int) -> String {
            let items = values.enumerated().map { i, v in i == current ? "[\(i + 1) \(v)]" : " \(i + 1) \(v) " }
            return TextWidth.pad(label, to: 12) + items.joined(separator: " ")
        }
        let measure = EditorChoices.measure(name, spec: spec, env: env)
        let measureRow = row(UIText.editorMeasure.text(language),
                             EditorChoices.measures.map { UIText.measure($0).text(language) },
                             EditorChoices.measures.firstIndex(of: measure) ?? 0)
        let role = EditorRole.of(name, in: spec)
        let roleRow = row(UIText.editorRole.text(language), EditorRole.allCases.map { $0.phrase.text(language) },
                          EditorRole.allCases.firstIndex(of: role) ?? 0)
        let entries = EditorChoices.entries(name, spec: spec, env: env)
        let entry = EditorChoices.entry(name, spec: spec, env: env)
        let shown = entries.map { $0 == name ? "\(name) (\(UIText.editorAsMeasured.text(language)))" : $0 }
        var entryRow = row(UIText.editorEntry.text(language), shown, entries.firstIndex(of: entry) ?? 0)
        if role != .control { entryRow += UIText.editorNotAControl.text(language) }
        return [measureRow, roleRow, entryRow]
    }

    static func draw(_ editor: VariableEditor, _ state: AppState, env: ExplorerEnvironment, into grid: inout CellGrid) {
        let language = state.spec.language
        let open = UIText.openParen.text(language)
        let close = UIText.closeParen.text(language)
        let keys = KeyTable.hint([.closeOverlay], in: .editor, language)
        let help = KeyTable.hint([.editorField, .editorValue, .editorPick], in: .editor, language)
        let all = lines(editor, state, env: env) + [help]
        // Long entry lists (a base level per region) are clipped by the box; the selected
        // field is reversed, so the values in force stay readable.
        Overlays.box(title: UIText.editorTitle.text(language, editor.variable) + open + keys + close,
                     lines: all, selected: editor.field.rawValue, into: &grid, lineStyles: [all.count - 1: .dim], minWidth: 60)
    }
}
