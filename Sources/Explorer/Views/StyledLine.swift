import Reports

/// One line of a view's content: text, styled ranges (in display cells), and how many leading
/// cells stay put when the view scrolls sideways (a table's label column).
public struct StyledLine: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var start: Int
        public var length: Int
        public var style: CellStyle
    }
    public private(set) var text: String
    public var spans: [Span]
    public var frozen: Int
    /// Display cells of `text`, kept as it grows: appending measures only the new piece, and
    /// every redraw reads the widest line without measuring again.
    public private(set) var width: Int

    public init(_ text: String = "", style: CellStyle = [], frozen: Int = 0) {
        self.text = text
        width = TextWidth.width(text)
        self.spans = style.isEmpty ? [] : [Span(start: 0, length: width, style: style)]
        self.frozen = frozen
    }

    /// Appends text in a style.
    public mutating func append(_ piece: String, style: CellStyle = []) {
        let start = width
        let pieceWidth = TextWidth.width(piece)
        text += piece
        width += pieceWidth
        if !style.isEmpty { spans.append(Span(start: start, length: pieceWidth, style: style)) }
    }

    public mutating func style(_ style: CellStyle, start: Int, length: Int) {
        spans.append(Span(start: start, length: length, style: style))
    }
}

/// Text helpers by display cells.
enum Cells {
    /// The part of `text` covering cells [from, from + width); a wide character cut by either
    /// edge becomes a space so columns stay aligned.
    static func slice(_ text: String, from: Int, width: Int) -> String {
        guard width > 0 else { return "" }
        var out = ""
        var col = 0
        let end = from + width
        for ch in text {
            let w = min(TextWidth.width(ch), 2)
            if col >= end { break }
            if col >= from && col + w <= end {
                out.append(ch)
            } else if col + w > from && col < end {
                out += String(repeating: " ", count: min(col + w, end) - max(col, from))
            }
            col += w
        }
        return out
    }

    static func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: max(0, n)) }
}

extension CellGrid {
    /// Draws `lines` into the rectangle, scrolled by `row` lines and `column` cells (the frozen
    /// prefix stays). Returns the clamped scroll offsets actually used and the widest line, measured
    /// once here so callers need not measure every line again on each redraw.
    @discardableResult
    mutating func draw(_ lines: [StyledLine], x: Int, y: Int, width: Int, height: Int,
                       row: Int, column: Int) -> (row: Int, column: Int, widest: Int) {
        guard width > 0, height > 0 else { return (0, 0, lines.map(\.width).max() ?? 0) }
        let maxRow = max(0, lines.count - height)
        let top = min(max(0, row), maxRow)
        let widest = lines.map(\.width).max() ?? 0
        let maxColumn = max(0, widest - width)
        let shift = min(max(0, column), maxColumn)
        for i in 0..<min(height, lines.count - top) {
            let line = lines[top + i]
            let frozen = min(line.frozen, width)
            let head = Cells.slice(line.text, from: 0, width: frozen)
            put(head, x: x, y: y + i, limit: frozen)
            let tail = Cells.slice(line.text, from: frozen + shift, width: width - frozen)
            put(tail, x: x + frozen, y: y + i, limit: width - frozen)
            for span in line.spans {
                // Frozen part at its place, the rest shifted left by `shift`.
                let a = span.start, b = span.start + span.length
                let frozenEnd = min(b, frozen)
                if a < frozenEnd { applyStyle(span.style, x: x + a, y: y + i, count: frozenEnd - a) }
                let sa = max(a, frozen + shift), sb = min(b, frozen + shift + width - frozen)
                if sa < sb { applyStyle(span.style, x: x + frozen + sa - frozen - shift, y: y + i, count: sb - sa) }
            }
        }
        return (top, shift, widest)
    }
}
