/// The format-neutral table every renderer draws: a title, one or more header rows, body rows of
/// cells, and notes printed below. Regression, margins, describe and crosstab tables are built as
/// `Table` values so the terminal, Markdown, LaTeX, CSV and JSON outputs (and the explorer) agree.

public enum Alignment: String, Sendable, Equatable, Codable {
    case left, right, center
    /// Numbers lined up on their decimal point, so `0.262**` sits above `(2.20)` and `3067`
    /// (text renderer; other formats treat it as right-aligned).
    case decimal
}

public struct Cell: Sendable, Equatable {
    public var text: String
    /// Overrides the column's alignment for this cell.
    public var alignment: Alignment?
    /// Ready-made LaTeX for this cell (math such as `$R^2$`); nil = escape `text`.
    public var latex: String?
    /// Indentation level (grouped factor levels under their variable); renderers indent by two
    /// spaces per level where they can.
    public var indent: Int
    /// A number the reader should look at (a coefficient whose sign or significance changed
    /// against a baseline): the terminal highlights it; text exports keep the text only.
    public var flagged: Bool

    public init(_ text: String, alignment: Alignment? = nil, latex: String? = nil, indent: Int = 0,
                flagged: Bool = false) {
        self.text = text; self.alignment = alignment; self.latex = latex; self.indent = indent
        self.flagged = flagged
    }

    public static let empty = Cell("")

    /// The text with its indentation as leading spaces (terminal, Markdown).
    public var indentedText: String {
        indent > 0 ? String(repeating: "  ", count: indent) + text : text
    }
}

extension Cell: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

public struct TableRow: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Ordinary body row.
        case data
        /// A horizontal rule before this row (e.g. between coefficients and model statistics).
        /// The row's cells are still drawn.
        case ruleAbove
    }
    public var cells: [Cell]
    public var kind: Kind

    public init(_ cells: [Cell], kind: Kind = .data) {
        self.cells = cells; self.kind = kind
    }
}

public struct Table: Sendable, Equatable {
    public var title: String?
    /// Alignment of each column; also fixes the column count.
    public var alignments: [Alignment]
    /// Header rows (e.g. `(1) (2)` above `OLS  Ordered logit`).
    public var headers: [[Cell]]
    public var rows: [TableRow]
    /// Footnotes: significance legend, omitted terms, the dataset notice…
    public var notes: [String]

    public init(title: String? = nil, alignments: [Alignment], headers: [[Cell]] = [],
                rows: [TableRow] = [], notes: [String] = []) {
        self.title = title; self.alignments = alignments; self.headers = headers
        self.rows = rows; self.notes = notes
    }

    public var columnCount: Int { alignments.count }

    /// A header or body row padded (or cut) to the column count, so renderers never index out
    /// of range whatever a builder produced.
    public func normalized(_ cells: [Cell]) -> [Cell] {
        if cells.count == columnCount { return cells }
        if cells.count > columnCount { return Array(cells.prefix(columnCount)) }
        return cells + Array(repeating: Cell.empty, count: columnCount - cells.count)
    }

    public func alignment(of cell: Cell, column: Int) -> Alignment {
        cell.alignment ?? (column < alignments.count ? alignments[column] : .left)
    }

    public mutating func addRow(_ cells: [Cell], kind: TableRow.Kind = .data) {
        rows.append(TableRow(cells, kind: kind))
    }
}
