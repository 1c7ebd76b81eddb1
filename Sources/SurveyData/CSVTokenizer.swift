/// Receives the fields of one CSV record, in order. `escaped` says the field was quoted and holds
/// doubled quotes (`""`) that still need collapsing; plain quoted fields arrive without their quotes.
protocol CSVFieldSink {
    mutating func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, line: Int) throws
    /// Whether column `column` takes numbers through `number(_:_:)` (the tokenizer's fused fast path).
    func takesNumbers(_ column: Int) -> Bool
    /// A plain decimal the tokenizer already read; only called when `takesNumbers(column)`.
    mutating func number(_ column: Int, _ value: Double)
}

extension CSVFieldSink {
    func takesNumbers(_ column: Int) -> Bool { false }
    mutating func number(_ column: Int, _ value: Double) {}
}

/// RFC 4180 record splitter over raw bytes: commas (or the `;` or tab `CSVFormat` detected), quoted fields (with `""` escapes and line breaks
/// inside quotes), LF or CRLF line ends, an optional UTF-8 byte-order mark. It never copies a field;
/// sinks see slices of the input buffer. Line numbers are 1-based physical lines of the file.
struct CSVTokenizer {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    /// The field separator: `,` unless the header showed `;` or tab (`CSVFormat.detect`).
    let delimiter: UInt8
    private(set) var position = 0
    /// The physical line the next record starts on.
    private(set) var line = 1

    private static let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8 = 0x2C) {
        self.bytes = bytes
        self.file = file
        self.delimiter = delimiter
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// Where the data after the header starts, so a second pass can resume there.
    struct Mark { let position: Int; let line: Int }
    var mark: Mark { Mark(position: position, line: line) }
    mutating func rewind(to mark: Mark) { position = mark.position; line = mark.line }

    /// Reads one record, giving at most `limit` fields to `sink`. Returns the number of fields the
    /// record really had and the line it started on, or nil at the end of the input. Blank lines are
    /// skipped when `skipBlankLines` (a one-column file keeps them: there they are missing values).
    mutating func readRecord<S: CSVFieldSink>(into sink: inout S, limit: Int, skipBlankLines: Bool) throws
        -> (fields: Int, line: Int)?
    {
        if skipBlankLines { skipLeadingBlankLines() }
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        var i = position
        if i >= n { return nil }
        let recordLine = line
        var column = 0
        while true {
            let start: Int
            var end: Int
            var escaped = false
            if i < n, base[i] == Self.quote {
                let openLine = line
                i += 1
                start = i
                while true {
                    guard i < n else {
                        throw SurveyDataError.csv(file: file, line: openLine,
                                                  message: "unterminated quoted field (the quote opens on this line)")
                    }
                    let c = base[i]
                    if c == Self.quote {
                        if i + 1 < n, base[i + 1] == Self.quote { escaped = true; i += 2; continue }
                        break
                    }
                    if c == Self.lf { line += 1 }
                    i += 1
                }
                end = i
                i += 1
                if i < n {
                    let c = base[i]
                    let terminates = c == delimiter || c == Self.lf
                        || (c == Self.cr && (i + 1 == n || base[i + 1] == Self.lf))
                    if !terminates {
                        throw SurveyDataError.csv(file: file, line: line,
                                                  message: "unexpected text after the closing quote of field \(column + 1)")
                    }
                }
            } else if column < limit, sink.takesNumbers(column),
                      let (value, next) = plainDecimal(base, from: i, to: n),
                      next == n || base[next] == delimiter || base[next] == Self.lf
                          || (base[next] == Self.cr && (next + 1 == n || base[next + 1] == Self.lf)) {
                // Fast path: the usual numeric field, read in the same pass that finds its end.
                sink.number(column, value)
                i = next
                column += 1
                if stepPastSeparator(base, &i, n) { continue }
                break
            } else {
                start = i
                while i < n {
                    let c = base[i]
                    if c == delimiter || c == Self.lf { break }
                    i += 1
                }
                end = i
                if end > start, base[end - 1] == Self.cr { end -= 1 }
            }
            if column < limit {
                try sink.field(column, UnsafeBufferPointer(start: base + start, count: end - start),
                               escaped: escaped, line: recordLine)
            }
            column += 1
            if stepPastSeparator(base, &i, n) { continue }
            break
        }
        position = i
        return (column, recordLine)
    }

    /// Steps over blank lines (LF or CRLF) at the current position, as `readRecord` does before a
    /// record; a parallel chunk calls it first to see whether it has reached its end.
    @inline(__always)
    mutating func skipLeadingBlankLines() {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return }
        var i = position
        while i < n {
            if base[i] == Self.lf {
                i += 1; line += 1
            } else if base[i] == Self.cr, i + 1 < n, base[i + 1] == Self.lf {
                i += 2; line += 1
            } else {
                break
            }
        }
        position = i
    }

    /// Steps past what ends a field at `i`: true after a comma (another field follows), false at
    /// the end of the record (past its CRLF or LF, counted as a line) or of the input.
    @inline(__always)
    private mutating func stepPastSeparator(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> Bool {
        if i < n, base[i] == delimiter { i += 1; return true }
        if i < n {
            if base[i] == Self.cr { i += 1 }
            if i < n { i += 1 } // the LF
            line += 1
        }
        return false
    }
}

/// Reads `-?digits[.digits]` starting at `start` when it converts exactly (at most 19 significant
/// digits, mantissa ≤ 2^53, at most 22 decimals) — the same arithmetic as `parseNumericField`'s
/// fast path, so both paths give identical values. Anything else returns nil and goes the general way.
@inline(__always)
func plainDecimal(_ base: UnsafePointer<UInt8>, from start: Int, to n: Int) -> (Double, Int)? {
    var i = start
    var negative = false
    if i < n, base[i] == 0x2D { negative = true; i += 1 }
    var mantissa: UInt64 = 0
    var digits = readDigits(base, &i, n, into: &mantissa)
    var decimals = 0
    if i < n, base[i] == 0x2E {
        i += 1
        decimals = readDigits(base, &i, n, into: &mantissa)
        digits += decimals
    }
    guard digits > 0, digits <= 19, decimals <= 22, mantissa <= (UInt64(1) << 53) else { return nil }
    if i < n, base[i] == 0x65 || base[i] == 0x45 { return nil } // exponents: the general path
    var v = Double(mantissa)
    if decimals > 0 { v /= exactPowersOfTen[decimals] }
    return (negative ? -v : v, i)
}

/// Appends the decimal digits at `i` to `mantissa` (wrapping; the caller bounds the digit count)
/// and returns how many there were.
@inline(__always)
private func readDigits(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int, into mantissa: inout UInt64) -> Int {
    let start = i
    while i < n {
        let d = base[i] &- 0x30
        if d > 9 { break }
        mantissa = mantissa &* 10 &+ UInt64(d)
        i += 1
    }
    return i - start
}

/// Collapses the doubled quotes of an escaped quoted field.
func unescapeQuotes(_ field: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(field.count)
    var k = 0
    while k < field.count {
        out.append(field[k])
        if field[k] == 0x22, k + 1 < field.count, field[k + 1] == 0x22 { k += 2 } else { k += 1 }
    }
    return out
}

/// The field as a String, or nil when it is not valid UTF-8.
func decodeField(_ field: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String? {
    if escaped {
        let bytes = unescapeQuotes(field)
        return bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }
    return String(validating: field, as: UTF8.self)
}
