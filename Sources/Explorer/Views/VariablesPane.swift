import Reports
import Estimation
import SurveyData

/// The variables pane: control groups with their members, then the other variables; each row
/// shows its role (Y outcome, X key regressor, M mediator, [x]/[ ] control), name, type, label.
enum VariablesPane {
    static func typeName(_ type: VariableType?, _ language: Language = .en) -> String {
        switch type {
        case .continuous?: return UIText.typeContinuous.text(language)
        case .binary?: return UIText.typeBinary.text(language)
        case .categorical?: return UIText.typeCategorical.text(language)
        case .ordinal?: return UIText.typeOrdinal.text(language)
        case nil: return "?"
        }
    }

    static func marker(_ name: String, spec: Specification) -> String {
        if name == spec.outcome { return " Y " }
        if name == spec.keyRegressor { return " X " }
        if name == spec.mediator { return spec.mediatorOn ? " M " : " m " }
        return spec.controls.contains { FormulaTerms.variable(of: $0) == name } ? "[x]" : "[ ]"
    }

    static func groupMarker(_ index: Int, spec: Specification, env: ExplorerEnvironment) -> String {
        let terms = env.codebook.controlGroups[index].terms
        let on = terms.filter(spec.controls.contains).count
        return on == terms.count ? "[x]" : on == 0 ? "[ ]" : "[-]"
    }

    static func draw(_ state: AppState, env: ExplorerEnvironment, into grid: inout CellGrid,
                     x: Int, y: Int, width: Int, height: Int) {
        let spec = state.spec
        let language = spec.language
        let rows = env.paneRows
        let focused = state.focus == .variables
        let top = scrollTop(state, rows: rows.count, height: height)
        let nameWidth = width >= 36 ? 10 : 9
        for i in 0..<min(height, max(0, rows.count - top)) {
            let r = top + i
            var line = ""
            var style: CellStyle = []
            switch rows[r] {
            case let .group(g):
                line = groupMarker(g, spec: spec, env: env) + " " + env.groupLabel(g, language)
                style = .bold
            case let .section(title):
                let shown = [UIText.sectionVariables, UIText.sectionOther].first { $0.en == title }?.text(language) ?? title
                line = "-- " + shown + " " + Cells.repeated("-", width)
                style = .dim
            case let .variable(name, group):
                let info = env.dataset.info(name)
                line = (group == nil ? "" : " ") + marker(name, spec: spec) + " "
                    + TextWidth.pad(name, to: nameWidth) + " " + TextWidth.pad(typeName(EditorChoices.measure(name, spec: state.spec, env: env), language), to: 4) + " "
                    + (info?.label(language) ?? "")
                if name == spec.outcome || name == spec.keyRegressor || (name == spec.mediator && spec.mediatorOn) {
                    style = .accent
                }
            }
            if !env.unicode { line = ASCIIFold.fold(line) }
            grid.put(TextWidth.pad(line, to: width), x: x, y: y + i, style: style, limit: width)
            if r == state.cursor {
                grid.applyStyle(focused ? .reverse : .underline, x: x, y: y + i, count: width)
            }
        }
    }

    /// Keeps the cursor visible: the first row shown.
    static func scrollTop(_ state: AppState, rows: Int, height: Int) -> Int {
        guard height > 0, rows > height else { return 0 }
        let margin = min(2, height / 4)
        var top = state.paneScroll
        if state.cursor < top + margin { top = state.cursor - margin }
        if state.cursor >= top + height - margin { top = state.cursor - height + margin + 1 }
        return min(max(0, top), rows - height)
    }
}
