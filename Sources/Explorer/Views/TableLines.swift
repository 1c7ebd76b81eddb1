import Reports

/// Lays a `Reports.Table` out as styled lines with `TableLayout` (the same layout the text
/// renderer prints), so the screen, exports and `pathlens fit` agree. `styles[row][column]`
/// highlights body cells (a changed sign, a bar).
enum TableLines {
    /// The narrowest the label column gets on a narrow screen (labels end in `...`).
    static let minimumLabelWidth = 14

    /// With `ascii` (a terminal without UTF-8) every symbol is folded to its ASCII form first;
    /// without `rules` the table is compact (headers underlined, no rule lines).
    static func lines(_ table: Table, styles: [Int: [Int: CellStyle]] = [:], maxWidth: Int? = nil,
                      ascii: Bool = false, labelFloor: Int = minimumLabelWidth, rules: Bool = true) -> [StyledLine] {
        var table = ascii ? ASCIIFold.fold(table) : table
        // Labels and headers give way to a narrow screen, numbers never: headers wider than
        // their numbers wrap onto more header lines, the label column is abbreviated (down to
        // `labelFloor`), and a column that still does not fit is not drawn — the view scrolls
        // sideways by whole columns.
        var layout = TableLayout(table)
        if let maxWidth, layout.totalWidth > maxWidth, let label = layout.columnWidths.first {
            // 1. the label column alone, 2. headers wrapped, 3. headers clipped to their bodies.
            let floor = min(labelFloor, label)
            let labelCut = min(label - floor, layout.totalWidth - maxWidth)
            layout = TableLayout(table, maxWidth: layout.totalWidth - labelCut, labelFloor: floor)
            if layout.totalWidth > maxWidth {
                table.headers = wrappedHeaders(table, bodyWidths: layout.bodyWidths)
                layout = TableLayout(table, maxWidth: maxWidth, labelFloor: floor)
            }
        }
        let width = layout.totalWidth
        let frozen = (layout.columnWidths.first ?? 0) + layout.gap
        // Cells of each number column (after the frozen label column and its gap).
        var columns: [Range<Int>] = []
        var at = frozen
        for w in layout.columnWidths.dropFirst() {
            columns.append(at..<(at + w))
            at += w + layout.gap
        }
        func tableLine(_ text: String, style: CellStyle = []) -> StyledLine {
            var line = StyledLine(text, style: style, frozen: frozen)
            line.columns = columns
            return line
        }
        var out: [StyledLine] = []
        if let title = table.title {
            out += TextWrap.lines(title, width: maxWidth ?? Int.max / 4).map { StyledLine($0, style: .bold) }
        }
        if rules { out.append(tableLine(Cells.repeated("=", width), style: .dim)) }
        for header in table.headers {
            out.append(tableLine(layout.line(header, isHeader: true), style: rules ? .bold : [.bold, .underline]))
        }
        if rules && !table.headers.isEmpty { out.append(tableLine(Cells.repeated("-", width), style: .dim)) }
        for (r, row) in table.rows.enumerated() {
            if rules && row.kind == .ruleAbove { out.append(tableLine(Cells.repeated("-", width), style: .dim)) }
            // A heading row (a factor with its reference category: only a label) is prose over
            // the whole width, so the reference category is not cut to the label column.
            let cells = table.normalized(row.cells)
            if cells.count > 1, !(cells.first?.text.isEmpty ?? true), cells.dropFirst().allSatisfy({ $0.text.isEmpty }),
               (styles[r] ?? [:]).isEmpty, !cells.contains(where: \.flagged) {
                out += TextWrap.lines(cells[0].indentedText, width: maxWidth ?? Int.max / 4).map { StyledLine($0) }
                continue
            }
            var line = tableLine(layout.line(row.cells))
            var rowStyles = styles[r] ?? [:]
            for (c, cell) in row.cells.enumerated() where cell.flagged { rowStyles[c] = .flagged }
            if !rowStyles.isEmpty {
                for (c, style) in rowStyles where c < layout.columnWidths.count {
                    let start = layout.columnWidths[..<c].reduce(0, +) + layout.gap * c
                    line.style(style, start: start, length: layout.columnWidths[c])
                }
            }
            out.append(line)
        }
        if rules { out.append(tableLine(Cells.repeated("=", width), style: .dim)) }
        // Notes are prose: wrapped to the view, never cut.
        for note in table.notes {
            out += TextWrap.lines(note, width: maxWidth ?? Int.max / 4).map { StyledLine($0, style: .dim) }
        }
        return out
    }

    /// Each header row split into as many rows as its widest cell needs when wrapped to its
    /// column's body width (at least 8 cells): `ologit +training` over a column of `0.611***`
    /// becomes `ologit` / `+training`.
    static func wrappedHeaders(_ table: Table, bodyWidths: [Int]) -> [[Cell]] {
        var out: [[Cell]] = []
        for header in table.headers {
            let cells = table.normalized(header)
            let pieces: [[String]] = cells.enumerated().map { c, cell in
                // Never narrower than its longest word: words stay whole (CJK breaks anywhere).
                // (Chinese characters break anywhere; punctuation stays with its word.)
                let longestWord = cell.text.split(separator: " ").map { word in
                    TextWidth.width(String(word.filter { !$0.unicodeScalars.contains { (0x4e00...0x9fff).contains($0.value) } }))
                }.max() ?? 0
                let limit = max(8, bodyWidths[c], longestWord)
                guard c > 0, TextWidth.width(cell.indentedText) > limit else { return [cell.text] }
                return TextWrap.lines(cell.text, width: limit)
            }
            let count = pieces.map(\.count).max() ?? 1
            for k in 0..<count {
                out.append(cells.enumerated().map { c, cell in
                    var piece = cell
                    piece.text = k < pieces[c].count ? pieces[c][k] : ""
                    return piece
                })
            }
        }
        return out
    }
}
