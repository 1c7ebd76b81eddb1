import Reports
import SurveyData
import Teaching

/// What the screen shows while a lesson is active: the lesson pane in place of the variables
/// pane, and the step's own tables in the view area. The tables hold every number the step's
/// text quotes (effects at means, fully standardized columns, KHB, sensitivity), which the live
/// views do not all show; `Esc` returns to the live views.
enum LessonScreen {
    /// Wider than the variables pane: the pane carries prose.
    static func paneWidth(_ totalWidth: Int) -> Int {
        totalWidth >= 120 ? 48 : totalWidth >= 100 ? 40 : 30
    }

    static func paneLines(_ mode: LessonMode, width: Int, language: Language, env: ExplorerEnvironment) -> [StyledLine] {
        guard let step = mode.currentRendered else {
            let n = mode.session.step, count = mode.session.stepCount
            var lines = [StyledLine(UIText.stepOf.text(language, n, count), style: [.bold, .accent]), StyledLine()]
            if let error = mode.error {
                // One-line messages name file and line first: break after those parts to fit the pane.
                lines += error.components(separatedBy: ": ").map { StyledLine($0, style: .negative) }
            } else {
                lines.append(StyledLine(UIText.stepComputing.text(language), style: .dim))
            }
            return lines
        }
        return LessonPane.lines(step, width: width, language: language, codebook: env.codebook).map { line in
            switch line.style {
            case .title: return StyledLine(line.text, style: [.bold, .accent])
            case .body: return StyledLine(line.text)
            case .lookAt: return StyledLine(line.text, style: .accent)
            case .question: return StyledLine(line.text, style: [.bold, .reverse])
            case .footer: return StyledLine(line.text, style: .dim)
            }
        }
    }

    static func drawPane(_ mode: LessonMode, language: Language, env: ExplorerEnvironment, into grid: inout CellGrid,
                         x: Int, y: Int, width: Int, height: Int, cache: RenderCache? = nil) {
        let textWidth = max(10, width - 1)
        let key = RenderCache.LessonKey(mode, language: language, width: textWidth, unicode: env.unicode)
        let lines = cache?.lessonPane(key) { paneLines(mode, width: textWidth, language: language, env: env) }
            ?? paneLines(mode, width: textWidth, language: language, env: env)
        grid.draw(lines, x: x, y: y, width: width, height: height, row: mode.paneScroll, column: 0)
    }

    /// `tables(_:width:ascii:)`, reused from `cache` while the step and the width stay.
    static func tables(_ mode: LessonMode, width: Int, ascii: Bool, cache: RenderCache?) -> ViewContent? {
        guard let cache else { return tables(mode, width: width, ascii: ascii) }
        let key = RenderCache.LessonKey(mode, language: mode.session.language, width: width, unicode: !ascii)
        return cache.lessonTables(key) { tables(mode, width: width, ascii: ascii) }
    }

    /// The step's tables, rows it points at (`>> ` before the label) highlighted; nil until
    /// the step is rendered (the live view shows meanwhile). The marked rows come first, as a
    /// short table of their own under the step's headers, so every number the text points at is
    /// on the first screen; then the tables with marked rows, then the others, whole.
    static func tables(_ mode: LessonMode, width: Int, ascii: Bool) -> ViewContent? {
        guard let step = mode.currentRendered, !step.tables.isEmpty else { return nil }
        let language = ascii ? .en : mode.session.language
        var lines = TextWrap.lines(UIText.stepTables.text(language), width: width).map { StyledLine($0, style: .dim) } + [StyledLine()]
        let marked = step.tables.filter { !markedRows($0).isEmpty }
        for table in marked {
            lines += TableLines.lines(lookAt(table, language: language), styles: highlightStyles(lookAt(table, language: language)),
                                      maxWidth: width, ascii: ascii, labelFloor: 12)
            lines.append(StyledLine())
        }
        for table in marked + step.tables.filter({ markedRows($0).isEmpty }) {
            lines += TableLines.lines(table, styles: highlightStyles(table), maxWidth: width, ascii: ascii, labelFloor: 12)
            lines.append(StyledLine())
        }
        return ViewContent(lines: lines, tables: step.tables)
    }

    static func isMarked(_ row: TableRow) -> Bool { row.cells.first?.text.hasPrefix(">> ") == true }

    /// Indices of the marked rows with the row of parentheses under each.
    static func markedRows(_ table: Table) -> [Int] {
        var out: [Int] = []
        for (r, row) in table.rows.enumerated() where isMarked(row) {
            out.append(r)
            if r + 1 < table.rows.count, table.rows[r + 1].cells.first?.text.isEmpty ?? true { out.append(r + 1) }
        }
        return out
    }

    /// The marked rows of `table` under its headers, titled "Look at".
    static func lookAt(_ table: Table, language: Language) -> Table {
        var t = table
        t.title = table.title.map { UIText.lookAtTitle.text(language, $0) } ?? UIText.lookAt.text(language)
        t.rows = markedRows(table).map { var row = table.rows[$0]; row.kind = .data; return row }
        t.notes = []
        return t
    }

    static func highlightStyles(_ table: Table) -> [Int: [Int: CellStyle]] {
        var styles: [Int: [Int: CellStyle]] = [:]
        for (r, row) in table.rows.enumerated() where isMarked(row) {
            styles[r] = Dictionary(uniqueKeysWithValues: row.cells.indices.map { ($0, [.bold, .accent]) })
        }
        return styles
    }
}
