/// A CSV file as read, before any codebook is applied: one entry per column, numeric or text.
struct CSVTable {
    enum Values {
        case numeric([Double])
        /// Per row an index into `strings` (-1 = missing); `firstLines[k]` is the line where
        /// `strings[k]` first occurs, for error messages.
        case text(indices: [Int32], strings: [String], firstLines: [Int])
    }

    struct Column {
        var name: String
        var values: Values
        /// Cells that spelled a missing token (`NA`, `n/a`…; empty cells not counted).
        var missingTokenCells = 0
        /// Which tokens those were (bit k: `MissingTokens.tokens[k]`).
        var missingTokenMask: UInt64 = 0
    }

    var file: String
    var columns: [Column]
    var rowCount: Int
    /// The field separator used (`,`, or the `;`/tab detected from the header).
    var delimiter: UInt8 = 0x2C
    /// The file ended its lines with CR alone (classic Mac OS).
    var carriageReturnLineEnds = false
    var missingTokens: MissingTokens = .standard
}

/// Interns the distinct texts of one column.
struct TextColumnBuilder {
    var indices: [Int32] = []
    var lookup: [String: Int32] = [:]
    var strings: [String] = []
    var firstLines: [Int] = []

    mutating func append(_ text: String, line: Int) { indices.append(intern(text, line: line)) }

    /// The index of `text`, added with its first line when new.
    private mutating func intern(_ text: String, line: Int) -> Int32 {
        if let k = lookup[text] { return k }
        let k = Int32(strings.count)
        lookup[text] = k
        strings.append(text)
        firstLines.append(line)
        return k
    }

    mutating func appendMissing() { indices.append(-1) }

    /// Appends the rows of `other` (read after this builder's rows), re-interning its strings into
    /// this numbering, so the result is what one builder fed all the rows in order would hold.
    /// `lineOffset` turns `other`'s line numbers into this builder's (a chunk's lines are relative).
    mutating func absorb(_ other: TextColumnBuilder, lineOffset: Int) {
        if indices.isEmpty {
            self = other
            if lineOffset != 0 { firstLines = firstLines.map { $0 + lineOffset } }
            return
        }
        let remap = other.strings.indices.map { intern(other.strings[$0], line: other.firstLines[$0] + lineOffset) }
        indices.reserveCapacity(indices.count + other.indices.count)
        for index in other.indices { indices.append(index < 0 ? -1 : remap[Int(index)]) }
    }
}

/// Column buffers for the first pass, owned manually: appending to `[[Double]]` costs a uniqueness
/// check per field, which showed up as the largest cost after parsing itself.
final class NumericColumns {
    let width: Int
    private(set) var capacity: Int
    let buffers: UnsafeMutablePointer<UnsafeMutablePointer<Double>>

    init(width: Int, capacity: Int) {
        self.width = width
        self.capacity = max(capacity, 16)
        buffers = .allocate(capacity: max(width, 1))
        for c in 0..<width {
            buffers[c] = .allocate(capacity: self.capacity)
            HugePages.advise(buffers[c], count: self.capacity)
        }
    }

    deinit {
        for c in 0..<width { buffers[c].deallocate() }
        buffers.deallocate()
    }

    func grow() {
        let newCapacity = capacity * 2
        for c in 0..<width {
            let bigger = UnsafeMutablePointer<Double>.allocate(capacity: newCapacity)
            HugePages.advise(bigger, count: newCapacity)
            bigger.moveInitialize(from: buffers[c], count: capacity)
            buffers[c].deallocate()
            buffers[c] = bigger
        }
        capacity = newCapacity
    }

    /// Copies the first `rows` values of column `c` to `destination`, then releases the buffer (a
    /// one-value placeholder keeps `deinit` simple), so each value is copied exactly once.
    func moveOut(_ c: Int, rows: Int, to destination: UnsafeMutablePointer<Double>) {
        destination.initialize(from: buffers[c], count: rows)
        buffers[c].deallocate()
        buffers[c] = .allocate(capacity: 1)
    }
}

/// The first pass: numbers go straight into Double columns; a column that meets text switches to
/// text from that row on (its earlier rows are re-read as text by `PrefixTextSink`).
struct ColumnSink: CSVFieldSink {
    let file: String
    let names: [String]
    let numbers: NumericColumns
    let missingTokens: MissingTokens
    /// Per column: cells that spelled a missing token, and which tokens (bit mask).
    var tokenCells: [Int]
    var tokenMasks: [UInt64]
    /// The row being read (0-based); the caller advances it after each record.
    var row = 0
    var isText: [Bool]
    /// For text columns: the row where text started.
    var textStartRow: [Int]
    var texts: [TextColumnBuilder]

    init(file: String, names: [String], expectedRows: Int, missingTokens: MissingTokens = .standard) {
        self.file = file
        self.names = names
        self.missingTokens = missingTokens
        let width = names.count
        tokenCells = Array(repeating: 0, count: width)
        tokenMasks = Array(repeating: 0, count: width)
        numbers = NumericColumns(width: width, capacity: expectedRows)
        isText = Array(repeating: false, count: width)
        textStartRow = Array(repeating: 0, count: width)
        texts = Array(repeating: TextColumnBuilder(), count: width)
    }

    /// Call before each record.
    @inline(__always)
    mutating func reserveRow() {
        if row == numbers.capacity { numbers.grow() }
    }

    @inline(__always)
    func takesNumbers(_ column: Int) -> Bool { !isText[column] }

    @inline(__always)
    mutating func number(_ column: Int, _ value: Double) { numbers.buffers[column][row] = value }

    @inline(__always)
    mutating func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, line: Int) throws {
        if !isText[column] {
            if !escaped {
                switch parseNumericField(bytes) {
                case let .value(v): numbers.buffers[column][row] = v; return
                case .missing: numbers.buffers[column][row] = .nan; return
                case .text:
                    if let k = missingTokens.match(bytes) {
                        numbers.buffers[column][row] = .nan
                        countToken(column, k)
                        return
                    }
                }
            }
            isText[column] = true
            textStartRow[column] = row
        }
        try appendText(column, bytes, escaped: escaped, line: line)
    }

    private mutating func countToken(_ column: Int, _ k: Int) {
        tokenCells[column] += 1
        tokenMasks[column] |= 1 << UInt64(k)
    }

    private mutating func appendText(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, line: Int) throws {
        if !escaped {
            if case .missing = parseNumericField(bytes) {
                texts[column].appendMissing()
                return
            }
            if let k = missingTokens.match(bytes) {
                texts[column].appendMissing()
                countToken(column, k)
                return
            }
        }
        guard let text = decodeField(bytes, escaped: escaped) else {
            throw SurveyDataError.csv(file: file, line: line,
                                      message: "invalid UTF-8 in column \(MessageText.quote(names[column]))")
        }
        texts[column].append(text, line: line)
    }
}

/// The second pass for columns that turned to text after some numeric rows: collects those rows'
/// texts into the same interner.
struct PrefixTextSink: CSVFieldSink {
    let file: String
    let names: [String]
    /// Column → rows to collect (its textStartRow); 0 for columns not collected.
    let rowsWanted: [Int]
    let missingTokens: MissingTokens
    var row = 0
    var prefixes: [Int: TextColumnBuilder]

    mutating func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, line: Int) throws {
        guard row < rowsWanted[column], var builder = prefixes[column] else { return }
        prefixes[column] = nil
        if !escaped, parseNumericField(bytes).isMissing || missingTokens.match(bytes) != nil {
            builder.appendMissing()
        } else if let text = decodeField(bytes, escaped: escaped) {
            builder.append(text, line: line)
        } else {
            throw SurveyDataError.csv(file: file, line: line, message: "invalid UTF-8 in column \(MessageText.quote(names[column]))")
        }
        prefixes[column] = builder
    }
}

/// Collects the header's names.
struct HeaderSink: CSVFieldSink {
    let file: String
    var names: [String] = []

    mutating func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, line: Int) throws {
        guard let text = decodeField(bytes, escaped: escaped) else {
            throw SurveyDataError.csv(file: file, line: line, message: "invalid UTF-8 in the name of column \(column + 1)")
        }
        names.append(text.trimmingBlanks())
    }
}

extension String {
    /// Without leading/trailing spaces and tabs.
    func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
