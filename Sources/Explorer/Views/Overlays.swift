import Reports
import SurveyData

/// Dialogs drawn over the views: the key list (`?`), choice menus and one-line prompts.
enum Overlays {
    static func draw(_ overlay: Overlay, language: Language, ascii: Bool = false, into grid: inout CellGrid) {
        let open = UIText.openParen.text(language)
        let close = UIText.closeParen.text(language)
        switch overlay {
        case let .help(scroll):
            // What the screen shows first, then every key.
            let lines = ScreenLegend.lines(language, width: max(20, grid.width - 8), ascii: ascii) + [""]
                + KeyTable.helpLines(language).map { ascii ? ASCIIFold.fold($0) : $0 }
            let keys = KeyTable.hint([.helpScroll, .closeOverlay], in: .help, language)
            box(title: UIText.helpTitle.text(language) + open + keys + close, lines: Array(lines.dropFirst(scroll)),
                selected: nil, into: &grid)
        case let .choice(menu):
            box(title: menu.title + open + KeyTable.hint([.menuPick, .closeOverlay], in: .menu, language) + close,
                lines: menu.options, selected: menu.selected, into: &grid)
        case let .prompt(prompt):
            var lines = ["> " + prompt.text + "_"]
            if let feedback = prompt.feedback ?? (prompt.checking ? UIText.checking.text(language) : nil) {
                // Wrapped between words to the widest box (a long message is never cut).
                lines += TextWrap.lines(feedback, width: max(10, grid.width - 8))
            }
            let feedbackStyle: CellStyle = prompt.feedbackIsError && !prompt.checking ? .negative : .dim
            let styles = Dictionary(uniqueKeysWithValues: (1..<max(1, lines.count)).map { ($0, feedbackStyle) })
            box(title: prompt.title + open + KeyTable.hint([.promptConfirm, .promptCancel], in: .prompt, language) + close,
                lines: lines, selected: nil, into: &grid, lineStyles: styles, minWidth: 50)
        case .editor:
            break // needs the specification: `VariableEditorOverlay.draw`
        }
    }

    static func box(title: String, lines: [String], selected: Int?, into grid: inout CellGrid,
                    lineStyles: [Int: CellStyle] = [:], minWidth: Int = 0) {
        let maxW = max(10, grid.width - 4)
        let contentW = min(maxW - 4, max(minWidth, TextWidth.width(title), lines.map { TextWidth.width($0) }.max() ?? 0))
        let w = contentW + 4
        let maxH = max(3, grid.height - 4)
        let visible = min(lines.count, maxH - 2)
        let h = visible + 2
        let x = max(0, (grid.width - w) / 2)
        let y = max(0, (grid.height - h) / 2)
        // The rows behind the box are cleared edge to edge: no cut-off number beside it.
        grid.clear(x: 0, y: y, width: grid.width, height: h)
        let rule = "+" + Cells.repeated("-", w - 2) + "+"
        grid.put(rule, x: x, y: y, style: .bold)
        grid.put(" " + TextWidth.clip(title, to: w - 4) + " ", x: x + 1, y: y, style: .bold, limit: w - 2)
        // Keep the selection visible in long menus.
        let first = selected.map { max(0, min($0 - visible + 1, lines.count - visible)) } ?? 0
        let start = selected.map { $0 >= visible ? first : 0 } ?? 0
        for i in 0..<visible {
            let index = start + i
            let row = y + 1 + i
            grid.put("|", x: x, y: row, style: .bold)
            grid.put(" " + TextWidth.pad(lines[index], to: contentW) + " ", x: x + 1, y: row, style: lineStyles[index] ?? [], limit: w - 2)
            grid.put("|", x: x + w - 1, y: row, style: .bold)
            if index == selected { grid.applyStyle(.reverse, x: x + 1, y: row, count: w - 2) }
        }
        grid.put(rule, x: x, y: y + h - 1, style: .bold)
    }
}
