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
    /// A table line's scrollable columns: the cells each one covers (after the frozen label
    /// column). Such a line scrolls sideways by whole columns and draws a column whole or not
    /// at all; empty for prose, which is never cut inside a word.
    public var columns: [Range<Int>] = []
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

    /// The ASCII form of the text's symbols (`ASCIIFold`); a span keeps its start and grows
    /// with the text it covers only when it covers the whole line.
    public mutating func foldToASCII() {
        let folded = ASCIIFold.fold(text)
        guard folded != text else { return }
        let whole = spans.map { $0.start == 0 && $0.length >= width }
        text = folded
        width = TextWidth.width(folded)
        for k in spans.indices where whole[k] { spans[k].length = width }
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

/// What one draw of a view left out: whole columns off-screen on either side (the largest
/// count over the table lines drawn), for the "more columns" hint.
struct DrawnView: Sendable, Equatable {
    var row: Int
    var column: Int
    var hiddenLeft: Int
    var hiddenRight: Int
}

extension StyledLine {
    /// The first scrolled column `first` clamps to on a view `available` cells wide after the
    /// frozen part: scrolling right stops once the last column is in view.
    func clampedFirstColumn(_ first: Int, available: Int) -> Int {
        guard let last = columns.last else { return 0 }
        // The smallest k at which columns k... all fit bounds the scroll from above.
        var minimal = columns.count - 1
        while minimal > 0 && last.upperBound - columns[minimal - 1].lowerBound <= available { minimal -= 1 }
        return min(max(0, first), minimal)
    }

    /// The columns drawn from `first`: those that fit whole in `available` cells.
    func visibleColumns(from first: Int, available: Int) -> Range<Int> {
        guard !columns.isEmpty, first < columns.count else { return first..<first }
        let start = columns[first].lowerBound
        var end = first
        while end < columns.count && columns[end].upperBound - start <= available { end += 1 }
        return first..<end
    }
}

extension Cells {
    /// Prose cut at `width` cells without cutting a word: a word (a run without spaces) that
    /// would cross the edge is left out whole, so a number never loses its stars or its
    /// closing parenthesis.
    static func clipWords(_ text: String, width: Int) -> String {
        guard TextWidth.width(text) > width else { return text }
        let head = slice(text, from: 0, width: width)
        let next = slice(text, from: width, width: 1)
        if next.isEmpty || next == " " { return head }
        // The last word is cut: drop it (CJK text breaks between any two wide characters).
        var chars = Array(head)
        while let last = chars.last, last != " ", TextWidth.width(last) < 2 { chars.removeLast() }
        return String(chars)
    }
}

extension CellGrid {
    /// Draws `lines` into the rectangle, scrolled by `row` lines and `column` whole table
    /// columns (the frozen label column stays). A table column is drawn whole or not at all;
    /// prose is cut only between words. Returns the clamped offsets and how many columns stay
    /// off-screen on either side.
    @discardableResult
    mutating func draw(_ lines: [StyledLine], x: Int, y: Int, width: Int, height: Int,
                       row: Int, column: Int) -> DrawnView {
        var drawn = DrawnView(row: 0, column: 0, hiddenLeft: 0, hiddenRight: 0)
        guard width > 0, height > 0 else { return drawn }
        let maxRow = max(0, lines.count - height)
        let top = min(max(0, row), maxRow)
        drawn.row = top
        for i in 0..<min(height, lines.count - top) {
            let line = lines[top + i]
            guard !line.columns.isEmpty else {
                put(Cells.clipWords(line.text, width: width), x: x, y: y + i, limit: width)
                for span in line.spans where span.start < width {
                    applyStyle(span.style, x: x + span.start, y: y + i, count: min(span.length, width - span.start))
                }
                continue
            }
            let frozen = min(line.frozen, width)
            let available = width - frozen
            let first = line.clampedFirstColumn(column, available: available)
            let visible = line.visibleColumns(from: first, available: available)
            drawn.column = max(drawn.column, first)
            drawn.hiddenLeft = max(drawn.hiddenLeft, first)
            drawn.hiddenRight = max(drawn.hiddenRight, line.columns.count - visible.upperBound)
            put(Cells.slice(line.text, from: 0, width: frozen), x: x, y: y + i, limit: frozen)
            guard !visible.isEmpty else { continue }
            let start = line.columns[visible.lowerBound].lowerBound
            let end = line.columns[visible.upperBound - 1].upperBound
            put(Cells.slice(line.text, from: start, width: end - start), x: x + frozen, y: y + i, limit: end - start)
            for span in line.spans {
                let a = span.start, b = span.start + span.length
                let frozenEnd = min(b, frozen)
                if a < frozenEnd { applyStyle(span.style, x: x + a, y: y + i, count: frozenEnd - a) }
                let sa = max(a, start), sb = min(b, end)
                if sa < sb { applyStyle(span.style, x: x + frozen + sa - start, y: y + i, count: sb - sa) }
            }
        }
        return drawn
    }
}
