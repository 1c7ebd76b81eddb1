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
                lines += error.components(separatedBy: ": ").flatMap { TextWrap.lines($0, width: width) }
                    .map { StyledLine($0, style: .negative) }
            } else {
                lines += TextWrap.lines(UIText.stepComputing.text(language), width: width).map { StyledLine($0, style: .dim) }
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
        var drawn = lines
        if !env.unicode { for k in drawn.indices { drawn[k].foldToASCII() } }
        grid.draw(drawn, x: x, y: y, width: width, height: height, row: mode.paneScroll, column: 0)
    }

    /// `tables(_:width:ascii:)`, reused from `cache` while the step and the width stay.
    static func tables(_ mode: LessonMode, width: Int, ascii: Bool, cache: RenderCache?) -> ViewContent? {
        guard let cache else { return tables(mode, width: width, ascii: ascii) }
        let key = RenderCache.LessonKey(mode, language: mode.session.language, width: width, unicode: !ascii)
        return cache.lessonTables(key) { tables(mode, width: width, ascii: ascii) }
    }

    /// The step's tables, rows it points at (`>> ` before the label) highlighted; nil until
    /// the step is rendered (the live view shows meanwhile). First come short "Look at"
    /// tables — the marked rows and every row or note holding a number the text quotes, with
    /// only the columns those numbers are in — so every quoted number is on the first screen;
    /// then the tables they come from, then the others, whole.
    static func tables(_ mode: LessonMode, width: Int, ascii: Bool) -> ViewContent? {
        guard let step = mode.currentRendered, !step.tables.isEmpty else { return nil }
        let language = ascii ? .en : mode.session.language
        var lines = TextWrap.lines(UIText.stepTables.text(language), width: width).map { StyledLine($0, style: .dim) }
        let quoted = step.filled.compactMap { $0.value == nil ? nil : $0.text }
        let pointed = step.tables.map { lookAt($0, quoted: quoted, language: language) }
        for table in pointed.compactMap({ $0 }) {
            lines += TableLines.lines(table, styles: highlightStyles(table), maxWidth: width, ascii: ascii, labelFloor: 12,
                                      rules: false)
            lines.append(StyledLine())
        }
        let ordered = zip(step.tables, pointed).filter { $0.1 != nil }.map(\.0) + zip(step.tables, pointed).filter { $0.1 == nil }.map(\.0)
        for table in ordered {
            lines += TableLines.lines(table, styles: highlightStyles(table), maxWidth: width, ascii: ascii, labelFloor: 12)
            lines.append(StyledLine())
        }
        return ViewContent(lines: lines, tables: step.tables)
    }

    static func isMarked(_ row: TableRow) -> Bool { row.cells.first?.text.hasPrefix(">> ") == true }

    /// The numbers in `text` (`0.281**` → 0.281, `[0.012, 0.041]` → both) that a lesson quotes
    /// as `quoted` (the same number, possibly with more decimals on screen).
    static func quotes(_ text: String, _ quoted: [String]) -> Bool {
        guard !quoted.isEmpty, let regex = try? Regex(#"-?\d+(\.\d+)?"#) else { return false }
        for match in text.matches(of: regex) {
            let token = String(text[match.range])
            for q in quoted {
                let decimals = q.split(separator: ".")
                let digits = decimals.count > 1 ? decimals[decimals.count - 1].count : 0
                if token == q || (Double(token).map { NumberFormat.fixed($0, digits) == q } ?? false) { return true }
            }
        }
        return false
    }

    /// The rows of `table` the step points at or quotes (each with the row of parentheses
    /// under it), in the columns holding quoted numbers, titled "Look at"; nil when none.
    static func lookAt(_ table: Table, quoted: [String], language: Language) -> Table? {
        var rows: [Int] = []
        for (r, row) in table.rows.enumerated()
        where isMarked(row) || row.cells.dropFirst().contains(where: { quotes($0.text, quoted) }) {
            if !rows.contains(r) { rows.append(r) }
            // The row of parentheses under it when the text quotes one of them (`z = 2.29`).
            if r + 1 < table.rows.count, table.rows[r + 1].cells.first?.text.isEmpty ?? true,
               table.rows[r + 1].cells.dropFirst().contains(where: { quotes($0.text, quoted) }) {
                rows.append(r + 1)
            }
        }
        let notes = table.notes.filter { quotes($0, quoted) }
        guard !rows.isEmpty || !notes.isEmpty else { return nil }
        // Columns with a quoted number in those rows (all of them when no number is quoted).
        var keep = (1..<max(1, table.columnCount)).filter { c in
            rows.contains { r in c < table.rows[r].cells.count && quotes(table.rows[r].cells[c].text, quoted) }
        }
        if keep.isEmpty { keep = Array(1..<max(1, table.columnCount)) }
        let columns = [0] + keep
        func pick(_ cells: [Cell]) -> [Cell] { let n = table.normalized(cells); return columns.map { n[$0] } }
        var t = Table(title: table.title.map { UIText.lookAtTitle.text(language, $0) } ?? UIText.lookAt.text(language),
                      alignments: columns.map { table.alignments[$0] })
        t.headers = compactHeader(table.headers.map(pick))
        t.rows = rows.map { TableRow(pick(table.rows[$0].cells)) }
        t.notes = notes
        return t
    }

    /// One header row for a "Look at" table: each column's header texts joined, leaving out a
    /// row that only repeats one text over several columns (the outcome's label), and at most
    /// the first and last rows (the column number and the model).
    static func compactHeader(_ headers: [[Cell]]) -> [[Cell]] {
        guard headers.count > 1, let count = headers.first?.count else { return headers }
        let informative = headers.filter { row in
            let texts = Set(row.dropFirst().map(\.text).filter { !$0.isEmpty })
            return !(texts.count == 1 && row.count > 2 && row.dropFirst().allSatisfy { !$0.text.isEmpty })
        }
        var rows = informative.isEmpty ? [headers[headers.count - 1]] : informative
        if rows.count > 2 { rows = [rows[0], rows[rows.count - 1]] }
        return [(0..<count).map { c in
            var cell = rows[0][c]
            cell.text = rows.map { $0[c].text }.filter { !$0.isEmpty }.joined(separator: " ")
            return cell
        }]
    }

    static func highlightStyles(_ table: Table) -> [Int: [Int: CellStyle]] {
        var styles: [Int: [Int: CellStyle]] = [:]
        for (r, row) in table.rows.enumerated() where isMarked(row) {
            styles[r] = Dictionary(uniqueKeysWithValues: row.cells.indices.map { ($0, [.bold, .accent]) })
        }
        return styles
    }
}
