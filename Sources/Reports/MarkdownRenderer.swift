/// GitHub-flavoured Markdown: one header row (stacked header rows are joined per column), pipes
/// escaped, columns padded by display width so the source reads as a table too. Rules inside
/// the body have no Markdown form and are dropped; notes follow as hard-broken lines.
public enum MarkdownRenderer {
    public static func render(_ table: Table) -> String {
        let columns = table.columnCount
        guard columns > 0 else { return "" }
        var header = Array(repeating: "", count: columns)
        for row in table.headers {
            for (c, cell) in table.normalized(row).enumerated() where !cell.text.isEmpty {
                header[c] = header[c].isEmpty ? escape(cell.text) : header[c] + " " + escape(cell.text)
            }
        }
        let body: [[String]] = table.rows.map { row in
            table.normalized(row.cells).map { cell in
                String(repeating: "&nbsp;&nbsp;", count: cell.indent) + escape(cell.text)
            }
        }
        var widths = header.map { max(3, TextWidth.width($0)) }
        for row in body {
            for (c, text) in row.enumerated() { widths[c] = max(widths[c], TextWidth.width(text)) }
        }
        func line(_ texts: [String]) -> String {
            let cells = texts.enumerated().map { c, text in
                TextWidth.pad(text, to: widths[c], alignment: table.alignments[c] == .left ? .left : .right)
            }
            return "| " + cells.joined(separator: " | ") + " |"
        }
        var out: [String] = []
        if let title = table.title { out.append("**\(escape(title))**"); out.append("") }
        out.append(line(header))
        let rule = table.alignments.enumerated().map { c, a -> String in
            let dashes = String(repeating: "-", count: max(1, widths[c] - 1))
            switch a {
            case .left: return ":" + dashes
            case .center: return ":" + String(dashes.dropLast(min(1, dashes.count - 1))) + ":"
            case .right, .decimal: return dashes + ":"
            }
        }
        out.append("| " + rule.joined(separator: " | ") + " |")
        for row in body { out.append(line(row)) }
        if !table.notes.isEmpty {
            out.append("")
            out.append(table.notes.map(escape).joined(separator: "  \n"))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Escapes characters that would break a table cell or start emphasis.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "|": out += "\\|"
            case "*": out += "\\*"
            case "_": out += "\\_"
            case "\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
