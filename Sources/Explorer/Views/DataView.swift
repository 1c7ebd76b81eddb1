import Reports
import SurveyData

/// View 6: the subsample as a scrollable grid, codes shown through their value labels. Only the
/// visible rows are formatted, so scrolling 10,000 rows costs what one screen costs.
enum DataView {
    static let maxColumnWidth = 14

    static func content(_ state: AppState, env: ExplorerEnvironment, visibleRows: Int) -> ViewContent {
        let rows = rowIndices(state, env: env)
        let names = env.dataset.variableNames
        let sources = names.map { Source(name: $0, env: env) }
        let widths = names.map { min(maxColumnWidth, max(6, TextWidth.width($0))) }
        let numberWidth = max(3, String(env.dataset.rowCount).count)
        var header = StyledLine(TextWidth.pad("#", to: numberWidth, alignment: .right) + " ", frozen: numberWidth + 1)
        for (name, w) in zip(names, widths) { header.append(TextWidth.pad(name, to: w) + " ") }
        header.style(.bold, start: 0, length: header.width)
        // Each variable is a whole column when scrolling sideways.
        var columns: [Range<Int>] = []
        var at = numberWidth + 1
        for w in widths { columns.append(at..<(at + w)); at += w + 1 }
        header.columns = columns
        let top = min(max(0, state.scrollRow), max(0, rows.count - visibleRows + 1))
        var lines = [header]
        for r in rows.dropFirst(top).prefix(max(0, visibleRows - 1)) {
            var line = StyledLine(TextWidth.pad(String(r + 1), to: numberWidth, alignment: .right) + " ", frozen: numberWidth + 1)
            line.style(.dim, start: 0, length: numberWidth)
            for (source, w) in zip(sources, widths) {
                line.append(TextWidth.pad(source.value(row: r, language: state.spec.language), to: w) + " ")
            }
            line.columns = columns
            lines.append(line)
        }
        if rows.isEmpty { lines.append(StyledLine(UIText.noObservations.text(state.spec.language), style: .dim)) }
        return ViewContent(lines: lines, tables: [])
    }

    static func rowIndices(_ state: AppState, env: ExplorerEnvironment) -> [Int] {
        guard let mask = state.results?.mask, mask.count == env.dataset.rowCount else {
            return Array(0..<env.dataset.rowCount)
        }
        return mask.indices.filter { mask[$0] }
    }

    /// A variable's values and labels, looked up once per column rather than once per cell.
    struct Source {
        let column: Column?
        let info: VariableInfo?

        init(name: String, env: ExplorerEnvironment) {
            column = env.dataset.column(name)
            info = env.dataset.info(name)
        }

        func value(row: Int, language: Language) -> String {
            guard let column, row >= 0, row < column.count else { return "" }
            let v = column[row]
            if v.isNaN { return DataView.missing(v, info: info, language: language) }
            if let label = info?.valueLabel(for: v) { return label.label(language) }
            return v == v.rounded() && abs(v) < 1e15 ? formatCode(v) : NumberFormat.fixed(v, 3)
        }
    }

    /// A missing value by its kind, as Stata's browse keeps them apart: `.`, `.a`…`.z`, or the
    /// user-missing code (`999`), followed by the kind's label when the file gives one
    /// (`.a refused`, `999 not measured`).
    static func missing(_ v: Double, info: VariableInfo?, language: Language) -> String {
        let kind = MissingKind(v) ?? .system
        guard let label = info?.missingLabel(kind, language), !label.isEmpty else { return kind.description }
        return kind.description + " " + label
    }

    /// The whole subsample for export.
    static func table(_ state: AppState, env: ExplorerEnvironment) -> Table {
        let names = env.dataset.variableNames
        let sources = names.map { Source(name: $0, env: env) }
        var table = Table(alignments: names.map { _ in .left }, headers: [names.map { Cell($0) }])
        for r in rowIndices(state, env: env) {
            table.addRow(sources.map { Cell($0.value(row: r, language: state.spec.language)) })
        }
        return table
    }
}
