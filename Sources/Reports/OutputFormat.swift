/// The output formats of `fit`, `describe`, `crosstab` (and `replicate`).
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    case text, md, latex, csv, json

    /// Renders a table; JSON here is the generic table form (see `TableJSON`).
    public func render(_ table: Table, maxWidth: Int? = nil) -> String {
        switch self {
        case .text: return TextTableRenderer.render(table, maxWidth: maxWidth)
        case .md: return MarkdownRenderer.render(table)
        case .latex: return LatexRenderer.render(table)
        case .csv: return CSVRenderer.render(table)
        case .json: return TableJSON.value(table).serialized() + "\n"
        }
    }
}
