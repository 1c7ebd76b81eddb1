import Reports

/// Lays a `Reports.Table` out as styled lines with `TableLayout` (the same layout the text
/// renderer prints), so the screen, exports and `pathlens fit` agree. `styles[row][column]`
/// highlights body cells (a changed sign, a bar).
enum TableLines {
    static func lines(_ table: Table, styles: [Int: [Int: CellStyle]] = [:], maxWidth: Int? = nil,
                      ascii: Bool = true) -> [StyledLine] {
        // Only the label column gives way to a narrow screen; numbers are never clipped (the
        // view scrolls sideways instead).
        var layout = TableLayout(table)
        if let maxWidth, layout.totalWidth > maxWidth,
           layout.totalWidth - maxWidth <= (layout.columnWidths.first ?? 0) - 10 {
            layout = TableLayout(table, maxWidth: maxWidth)
        }
        let width = layout.totalWidth
        let frozen = (layout.columnWidths.first ?? 0) + layout.gap
        var out: [StyledLine] = []
        if let title = table.title { out.append(StyledLine(title, style: .bold)) }
        out.append(StyledLine(Cells.repeated("=", width), style: .dim))
        for header in table.headers {
            out.append(StyledLine(layout.line(header, isHeader: true), style: .bold, frozen: frozen))
        }
        if !table.headers.isEmpty { out.append(StyledLine(Cells.repeated("-", width), style: .dim)) }
        for (r, row) in table.rows.enumerated() {
            if row.kind == .ruleAbove { out.append(StyledLine(Cells.repeated("-", width), style: .dim)) }
            var line = StyledLine(layout.line(row.cells), frozen: frozen)
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
        out.append(StyledLine(Cells.repeated("=", width), style: .dim))
        out += table.notes.map { StyledLine($0, style: .dim) }
        return out
    }
}
