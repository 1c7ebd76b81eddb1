/// Joins the chunks' partial columns into the table's columns, giving exactly what one sequential
/// pass over the file gives.
enum CSVChunkMerge {
    /// `parallel` copies the numeric columns on all cores: for a large file the copy (mostly the
    /// first touch of the new arrays' pages) is a fifth of the load time.
    static func columns(of chunks: [CSVChunk], bytes: UnsafeBufferPointer<UInt8>, file: String,
                        names: [String], delimiter: UInt8 = 0x2C, parallel: Bool) throws -> [CSVTable.Column] {
        let width = names.count
        let isText = (0..<width).map { c in chunks.contains { $0.sink.isText[c] } }
        let rereads = try chunks.map { try rereadAsText($0, textColumns: isText, bytes: bytes, file: file, names: names,
                                                         delimiter: delimiter) }
        let rowCount = chunks.reduce(0) { $0 + $1.rows }
        let numeric = (0..<width).filter { !isText[$0] }
        // Each call moves out a different column, so the calls touch disjoint buffers.
        let numericValues = parallel
            ? concurrentMap(numeric.count) { concatenated(numeric[$0], of: chunks, rows: rowCount) }
            : numeric.map { concatenated($0, of: chunks, rows: rowCount) }
        var nextNumeric = 0

        var columns: [CSVTable.Column] = []
        columns.reserveCapacity(width)
        for c in 0..<width {
            if isText[c] {
                var builder = TextColumnBuilder()
                for (k, chunk) in chunks.enumerated() {
                    var part = rereads[k][c] ?? TextColumnBuilder()
                    if chunk.sink.isText[c] { part.absorb(chunk.sink.texts[c], lineOffset: 0) }
                    builder.absorb(part, lineOffset: chunk.lineOffset)
                }
                columns.append(.init(name: names[c], values: .text(indices: builder.indices, strings: builder.strings,
                                                                   firstLines: builder.firstLines)))
            } else {
                columns.append(.init(name: names[c], values: .numeric(numericValues[nextNumeric])))
                nextNumeric += 1
            }
            for chunk in chunks {
                columns[c].missingTokenCells += chunk.sink.tokenCells[c]
                columns[c].missingTokenMask |= chunk.sink.tokenMasks[c]
            }
        }
        return columns
    }

    /// Column `c` of every chunk, copied once straight into the final array (each chunk's buffer is
    /// released right after its part is copied).
    private static func concatenated(_ c: Int, of chunks: [CSVChunk], rows: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            HugePages.advise(base, count: rows)
            var offset = 0
            for chunk in chunks {
                chunk.sink.numbers.moveOut(c, rows: chunk.rows, to: base + offset)
                offset += chunk.rows
            }
            initialized = offset
        }
    }

    /// The rows of a chunk that were read as numbers in columns that are text in the end, read
    /// again as text: a column that met text is text throughout (every field a string, except
    /// missing ones), whichever chunk met the text. Keyed by column; line numbers are the chunk's.
    private static func rereadAsText(_ chunk: CSVChunk, textColumns: [Bool], bytes: UnsafeBufferPointer<UInt8>,
                                     file: String, names: [String], delimiter: UInt8) throws -> [Int: TextColumnBuilder] {
        let width = names.count
        let rowsWanted = (0..<width).map { c in
            !textColumns[c] ? 0 : chunk.sink.isText[c] ? chunk.sink.textStartRow[c] : chunk.rows
        }
        let lastWanted = rowsWanted.max() ?? 0
        guard lastWanted > 0 else { return [:] }
        var tokenizer = CSVTokenizer(bytes: bytes, file: file, delimiter: delimiter)
        tokenizer.rewind(to: chunk.start)
        var sink = PrefixTextSink(file: file, names: names, rowsWanted: rowsWanted, missingTokens: chunk.sink.missingTokens,
                                  prefixes: Dictionary(uniqueKeysWithValues:
                                      (0..<width).filter { rowsWanted[$0] > 0 }.map { ($0, TextColumnBuilder()) }))
        while sink.row < lastWanted,
              try tokenizer.readRecord(into: &sink, limit: width, skipBlankLines: width > 1) != nil {
            sink.row += 1
        }
        return sink.prefixes
    }
}
