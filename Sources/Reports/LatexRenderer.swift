/// LaTeX with booktabs rules (`\usepackage{booktabs}`; Chinese text needs ctex or xeCJK).
/// Special characters are escaped unless a cell carries ready-made LaTeX.
public enum LatexRenderer {
    public static func render(_ table: Table) -> String {
        let columns = table.columnCount
        guard columns > 0 else { return "" }
        let spec = table.alignments.map { a -> String in
            switch a {
            case .left: return "l"
            case .center: return "c"
            case .right, .decimal: return "r"
            }
        }.joined()
        func line(_ cells: [Cell]) -> String {
            table.normalized(cells).map { cell in
                var body = cell.latex ?? escape(cell.text)
                // A typeset minus in numbers; a bare hyphen is too short next to the digits.
                if TableLayout.isNumeric(cell.text) {
                    body = body.split(separator: "-", omittingEmptySubsequences: false).joined(separator: "$-$")
                }
                return String(repeating: "\\quad ", count: cell.indent) + body
            }.joined(separator: " & ") + " \\\\"
        }
        var out: [String] = []
        out.append("\\begin{table}[htbp]")
        out.append("\\centering")
        if let title = table.title { out.append("\\caption{\(escape(title))}") }
        out.append("\\begin{tabular}{\(spec)}")
        out.append("\\toprule")
        for header in table.headers { out.append(line(header)) }
        if !table.headers.isEmpty { out.append("\\midrule") }
        for row in table.rows {
            if row.kind == .ruleAbove { out.append("\\midrule") }
            out.append(line(row.cells))
        }
        out.append("\\bottomrule")
        out.append("\\end{tabular}")
        if !table.notes.isEmpty {
            out.append("\\par\\smallskip")
            out.append("\\begin{minipage}{\\linewidth}\\footnotesize")
            out.append(table.notes.map(escape).joined(separator: "\\\\\n"))
            out.append("\\end{minipage}")
        }
        out.append("\\end{table}")
        return out.joined(separator: "\n") + "\n"
    }

    /// Escapes the ten LaTeX special characters.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "&": out += "\\&"
            case "%": out += "\\%"
            case "$": out += "\\$"
            case "#": out += "\\#"
            case "_": out += "\\_"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            default: out.append(ch)
            }
        }
        return out
    }
}
