/// Terminal text: columns aligned by display width (Chinese labels are two cells a character),
/// ASCII rules only (box-drawing characters are ambiguous-width in CJK terminals).
public struct TableLayout: Sendable {
    public let table: Table
    /// Display width of each column after fitting into `maxWidth`.
    public let columnWidths: [Int]
    /// Decimal-aligned columns: cells of width `integerWidths[c] + fractionWidths[c]`.
    private let integerWidths: [Int]
    private let fractionWidths: [Int]
    public let gap: Int
    /// Cells each column's body needs (its numbers decimal-aligned, its words): a column never
    /// shrinks below it, so a number is never clipped — only labels and headers are.
    public let bodyWidths: [Int]

    /// Lays the table out; with `maxWidth`, the label (first) column shrinks first (down to
    /// `labelFloor`), then the headers of the others (down to their bodies), and clipped
    /// labels and headers end in `...`.
    public init(_ table: Table, maxWidth: Int? = nil, gap: Int = 2, labelFloor: Int = 8) {
        self.table = table
        self.gap = gap
        let columns = table.columnCount
        var widths = Array(repeating: 0, count: columns)
        var integer = Array(repeating: 0, count: columns)
        var fraction = Array(repeating: 0, count: columns)
        for row in table.rows {
            for (c, cell) in table.normalized(row.cells).enumerated() {
                if table.alignment(of: cell, column: c) == .decimal, TableLayout.isNumeric(cell.indentedText) {
                    let (i, f) = TableLayout.split(cell.indentedText)
                    integer[c] = max(integer[c], TextWidth.width(i))
                    fraction[c] = max(fraction[c], TextWidth.width(f))
                } else {
                    widths[c] = max(widths[c], TextWidth.width(cell.indentedText))
                }
            }
        }
        for c in 0..<columns where integer[c] + fraction[c] > widths[c] { widths[c] = integer[c] + fraction[c] }
        bodyWidths = widths
        for header in table.headers {
            for (c, cell) in table.normalized(header).enumerated() {
                widths[c] = max(widths[c], TextWidth.width(cell.indentedText))
            }
        }
        if let maxWidth {
            var excess = widths.reduce(0, +) + gap * max(0, columns - 1) - maxWidth
            var order = Array(0..<columns)
            if !order.isEmpty { order = [0] + order.dropFirst().reversed() }
            for c in order where excess > 0 {
                let floor = c == 0 ? labelFloor : max(4, bodyWidths[c])
                let cut = min(excess, max(0, widths[c] - floor))
                widths[c] -= cut
                excess -= cut
            }
        }
        for c in 0..<columns {
            // A decimal column wider in its header centres its numbers block under the header.
            let numbers = integer[c] + fraction[c]
            if numbers > 0 && numbers < widths[c] {
                let extra = widths[c] - numbers
                integer[c] += extra - extra / 2
                fraction[c] += extra / 2
            }
        }
        columnWidths = widths
        integerWidths = integer
        fractionWidths = fraction
    }

    /// Total display width of a rendered row.
    public var totalWidth: Int { columnWidths.reduce(0, +) + gap * max(0, columnWidths.count - 1) }

    /// One rendered line for `cells` (header or body), exactly `totalWidth` cells wide.
    public func line(_ cells: [Cell], isHeader: Bool = false) -> String {
        let cells = table.normalized(cells)
        var parts: [String] = []
        for (c, cell) in cells.enumerated() {
            let width = columnWidths[c]
            let alignment = table.alignment(of: cell, column: c)
            if alignment == .decimal && !isHeader && TableLayout.isNumeric(cell.indentedText)
                && integerWidths[c] + fractionWidths[c] <= width {
                let (i, f) = TableLayout.split(cell.indentedText)
                let text = TextWidth.pad(i, to: integerWidths[c], alignment: .right)
                    + TextWidth.pad(f, to: fractionWidths[c], alignment: .left)
                parts.append(TextWidth.pad(text, to: width, alignment: .left))
            } else {
                // Headers and words in a number column ("(omitted)", "Yes") are centred.
                let effective: Alignment = alignment == .decimal ? .center : alignment
                parts.append(TextWidth.pad(cell.indentedText, to: width, alignment: effective, ellipsis: true))
            }
        }
        return parts.joined(separator: String(repeating: " ", count: gap))
    }

    /// The whole table as lines: title, rules, headers, rows, notes.
    public func lines() -> [String] {
        var out: [String] = []
        let width = totalWidth
        let heavy = String(repeating: "=", count: width)
        let light = String(repeating: "-", count: width)
        if let title = table.title { out.append(title) }
        out.append(heavy)
        for header in table.headers { out.append(trimmed(line(header, isHeader: true))) }
        if !table.headers.isEmpty { out.append(light) }
        for row in table.rows {
            if row.kind == .ruleAbove { out.append(light) }
            out.append(trimmed(line(row.cells)))
        }
        out.append(heavy)
        out.append(contentsOf: table.notes)
        return out
    }

    private func trimmed(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Numbers, possibly signed, starred or in parentheses: `-0.516***`, `(2.20)`, `3067`.
    /// A baseline change may carry a mark after a space (`+0.120 +*`, `RegressionTable.changeMarks`).
    static func isNumeric(_ text: String) -> Bool {
        var text = Substring(text)
        for mark in RegressionTable.changeMarks where text.hasSuffix(" " + mark) { text = text.dropLast(mark.count + 1) }
        guard text.contains(where: \.isNumber) else { return false }
        return text.allSatisfy { $0.isNumber || "-+.()*%[],eE".contains($0) }
    }

    /// Splits at the first decimal point that follows a digit (so `(1.61)` → `(1`, `.61)`).
    static func split(_ text: String) -> (String, String) {
        let chars = Array(text)
        for k in chars.indices where chars[k] == "." && k > 0 && chars[k - 1].isNumber {
            return (String(chars[..<k]), String(chars[k...]))
        }
        return (text, "")
    }
}

public enum TextTableRenderer {
    public static func render(_ table: Table, maxWidth: Int? = nil) -> String {
        TableLayout(table, maxWidth: maxWidth).lines().joined(separator: "\n") + "\n"
    }
}
