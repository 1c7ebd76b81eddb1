/// Reads a CSV file into columns.
///
/// Hand-written rather than built on a CSV library because a benchmark showed the library was the
/// bottleneck: loading 10^6 rows × 21 numeric columns (114 MB) in a release build on this 2-core
/// machine took yaslab/CSV.swift 2.5.2 (rows of Strings, then `Double(_:)`) 9.4 s of CPU, and this
/// reader 0.26 s (see BENCHMARKS.md, "CSV parsing"). It works on the memory-mapped bytes, parses
/// numbers in the same pass that splits fields, without making Strings, writes them straight into
/// column buffers, and builds Strings only for text columns. Large files are parsed in chunks on
/// all cores (`CSVChunking`, `CSVChunkMerge`).
enum CSVReader {
    static func read(path: String, missingTokens: MissingTokens = .standard) throws -> CSVTable {
        try MappedFile.withBytes(path: path) { try read(bytes: $0, file: path, missingTokens: missingTokens, mapped: true) }
    }

    /// `chunks` overrides how many pieces the data rows are parsed in (tests force splits of small
    /// inputs with it; 1 is the plain sequential reader). By default a large file is split across
    /// the cores (`CSVChunking`), with exactly the sequential reader's result or error.
    /// `concurrent: false` parses the chunks one after the other on this thread (the fuzz target
    /// checks the splitting and merging of thousands of tiny inputs a second; threads would only
    /// slow it down).
    /// `mapped`: `bytes` is `MappedFile`'s mapping, whose parsed pages may be let go.
    static func read(bytes: UnsafeBufferPointer<UInt8>, file: String, chunks: Int? = nil,
                     concurrent: Bool = true, missingTokens: MissingTokens = .standard,
                     mapped: Bool = false) throws -> CSVTable {
        if CSVFormat.hasOnlyCarriageReturns(bytes) {
            // Classic Mac line ends: read a copy with LF line ends (rare files; the copy is O(n)).
            let copy = bytes.map { $0 == 0x0D ? 0x0A : $0 }
            var table = try copy.withUnsafeBufferPointer {
                try read(bytes: $0, file: file, chunks: chunks, concurrent: concurrent, missingTokens: missingTokens)
            }
            table.carriageReturnLineEnds = true
            return table
        }
        let format = CSVFormat(delimiter: CSVFormat.detectDelimiter(bytes), missingTokens: missingTokens)
        var tokenizer = CSVTokenizer(bytes: bytes, file: file, delimiter: format.delimiter)
        var header = HeaderSink(file: file)
        guard let headerRecord = try tokenizer.readRecord(into: &header, limit: .max, skipBlankLines: true) else {
            throw SurveyDataError.csv(file: file, line: 1, message: "empty file: no header row")
        }
        let names = header.names
        try validateHeader(names, file: file, line: headerRecord.line)
        let dataStart = tokenizer.mark

        let count = chunks ?? CSVChunking.chunkCount(dataBytes: bytes.count - dataStart.position)
        let parts = try CSVChunking.parseRows(bytes, file: file, names: names, from: dataStart, chunks: count,
                                              format: format, concurrent: concurrent, releasing: mapped)
        let columns = try CSVChunkMerge.columns(of: parts, bytes: bytes, file: file, names: names,
                                                delimiter: format.delimiter, parallel: concurrent && count > 1)
        var table = CSVTable(file: file, columns: columns, rowCount: parts.reduce(0) { $0 + $1.rows })
        table.delimiter = format.delimiter
        table.missingTokens = missingTokens
        return table
    }

    private static func validateHeader(_ names: [String], file: String, line: Int) throws {
        var seen: Set<String> = []
        for (k, name) in names.enumerated() {
            if name.isEmpty {
                throw SurveyDataError.csv(file: file, line: line, message: "column \(k + 1) has an empty name")
            }
            if !seen.insert(name).inserted {
                throw SurveyDataError.csv(file: file, line: line, message: "duplicate column name \(MessageText.quote(name))")
            }
        }
    }
}
