import Reports

/// How a cell is drawn. Meaning first (`changed`, `worse`), so the backend decides colours and a
/// monochrome terminal still shows every distinction through bold/reverse/underline.
public struct CellStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let bold = CellStyle(rawValue: 1 << 0)
    public static let reverse = CellStyle(rawValue: 1 << 1)
    public static let dim = CellStyle(rawValue: 1 << 2)
    public static let underline = CellStyle(rawValue: 1 << 3)
    /// A value that rose / an improvement (green when colours exist).
    public static let positive = CellStyle(rawValue: 1 << 4)
    /// A value that fell / an error (red when colours exist).
    public static let negative = CellStyle(rawValue: 1 << 5)
    /// Sign or significance changed against the baseline (yellow + bold + underline).
    public static let flagged = CellStyle(rawValue: 1 << 6)
    /// Title and bars (cyan when colours exist).
    public static let accent = CellStyle(rawValue: 1 << 7)
}

/// One screen cell. A wide character occupies its cell and marks the next as its continuation
/// (`text == ""`), as terminals do, so clipping never splits it.
public struct ScreenCell: Sendable, Equatable {
    public var text: String
    public var style: CellStyle
    public static let blank = ScreenCell(text: " ", style: [])
    public var isContinuation: Bool { text.isEmpty }
}

/// The in-memory screen every view renders into; the ncurses backend copies it to the terminal and
/// the snapshot tests compare its lines as text.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [ScreenCell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> ScreenCell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Writes `text` at (x, y) within `limit` cells (default: to the right edge) and returns the
    /// cells used. A wide character that would cross the limit is left out, never cut in half.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = [], limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var col = x
        for ch in text {
            var w = min(TextWidth.width(ch), 2)
            var glyph = String(ch)
            if ch.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7f }) ?? false {
                glyph = "?"; w = 1
            }
            if w == 0 {
                // A lone combining mark joins the cell before it.
                if col > x, col - 1 >= 0 { appendToPrevious(glyph, x: col - 1, y: y) }
                continue
            }
            if col + w > end { break }
            if col >= 0 {
                clearWide(x: col, y: y)
                cells[y * width + col] = ScreenCell(text: glyph, style: style)
                if w == 2 {
                    clearWide(x: col + 1, y: y)
                    cells[y * width + col + 1] = ScreenCell(text: "", style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Paints `style` over `count` cells of row `y` (selection bars, highlighted cells).
    public mutating func applyStyle(_ style: CellStyle, x: Int, y: Int, count: Int) {
        guard y >= 0, y < height else { return }
        for c in max(0, x)..<min(width, max(0, x + count)) { cells[y * width + c].style.formUnion(style) }
    }

    /// Blanks a rectangle (popups draw over the views).
    public mutating func clear(x: Int, y: Int, width w: Int, height h: Int) {
        for row in max(0, y)..<min(height, max(0, y + h)) {
            for c in max(0, x)..<min(width, max(0, x + w)) {
                clearWide(x: c, y: row)
                cells[row * width + c] = .blank
            }
        }
    }

    /// Row `y` as text: continuation cells are skipped, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var s = ""
        for c in 0..<width { s += cells[y * width + c].text }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The whole grid as text, one line per row — the snapshot format.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    /// Overwriting half of a wide character blanks its other half, as a terminal would.
    private mutating func clearWide(x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = .blank
            cells[i] = .blank
        } else if x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = .blank
        }
    }

    private mutating func appendToPrevious(_ mark: String, x: Int, y: Int) {
        var i = y * width + x
        if cells[i].isContinuation, x > 0 { i -= 1 }
        cells[i].text += mark
    }
}
