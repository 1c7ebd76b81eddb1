#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV file into columns.
///
/// Hand-written rather than built on a CSV library because a benchmark showed the library was the
/// bottleneck: loading 10^6 rows × 21 numeric columns (114 MB) in a release build on this 2-core
/// machine took yaslab/CSV.swift 2.5.2 (rows of Strings, then `Double(_:)`) 9.4 s of CPU, and this
/// reader 0.26 s (see BENCHMARKS.md, "CSV parsing"). It works on the memory-mapped bytes, parses
/// numbers in the same pass that splits fields, without making Strings, writes them straight into
/// column buffers, and builds Strings only for text columns.
enum CSVReader {
    static func read(path: String) throws -> CSVTable {
        try MappedFile.withBytes(path: path) { try read(bytes: $0, file: path) }
    }

    static func read(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> CSVTable {
        var tokenizer = CSVTokenizer(bytes: bytes, file: file)
        var header = HeaderSink(file: file)
        guard let headerRecord = try tokenizer.readRecord(into: &header, limit: .max, skipBlankLines: true) else {
            throw SurveyDataError.csv(file: file, line: 1, message: "empty file: no header row")
        }
        let names = header.names
        try validateHeader(names, file: file, line: headerRecord.line)
        let width = names.count
        let dataStart = tokenizer.mark

        var sink = ColumnSink(file: file, names: names, expectedRows: estimateRows(bytes, from: dataStart.position))
        let skipBlank = width > 1
        sink.reserveRow()
        while let record = try tokenizer.readRecord(into: &sink, limit: width, skipBlankLines: skipBlank) {
            if record.fields != width {
                throw SurveyDataError.csv(file: file, line: record.line,
                                          message: "expected \(width) fields, got \(record.fields)")
            }
            sink.row += 1
            sink.reserveRow()
        }
        let rowCount = sink.row

        // Columns that met text after some numeric rows: read those rows again, as text.
        let rowsWanted = (0..<width).map { sink.isText[$0] ? sink.textStartRow[$0] : 0 }
        let lastWanted = rowsWanted.max() ?? 0
        var prefixes: [Int: TextColumnBuilder] = [:]
        if lastWanted > 0 {
            tokenizer.rewind(to: dataStart)
            var prefixSink = PrefixTextSink(file: file, names: names, rowsWanted: rowsWanted,
                                            prefixes: Dictionary(uniqueKeysWithValues:
                                                (0..<width).filter { rowsWanted[$0] > 0 }.map { ($0, TextColumnBuilder()) }))
            while prefixSink.row < lastWanted,
                  try tokenizer.readRecord(into: &prefixSink, limit: width, skipBlankLines: skipBlank) != nil {
                prefixSink.row += 1
            }
            prefixes = prefixSink.prefixes
        }

        var columns: [CSVTable.Column] = []
        columns.reserveCapacity(width)
        for c in 0..<width {
            if !sink.isText[c] {
                columns.append(.init(name: names[c], values: .numeric(sink.numbers.take(c, rows: rowCount))))
                continue
            }
            var builder = prefixes[c] ?? TextColumnBuilder()
            let rest = sink.texts[c]
            sink.texts[c] = TextColumnBuilder()
            // Re-intern the rows read in the first pass into the prefix's numbering.
            var remap: [Int32] = []
            remap.reserveCapacity(rest.strings.count)
            for (k, text) in rest.strings.enumerated() {
                if let existing = builder.lookup[text] {
                    remap.append(existing)
                } else {
                    let index = Int32(builder.strings.count)
                    builder.lookup[text] = index
                    builder.strings.append(text)
                    builder.firstLines.append(rest.firstLines[k])
                    remap.append(index)
                }
            }
            builder.indices.reserveCapacity(builder.indices.count + rest.indices.count)
            for index in rest.indices { builder.indices.append(index < 0 ? -1 : remap[Int(index)]) }
            columns.append(.init(name: names[c], values: .text(indices: builder.indices, strings: builder.strings,
                                                               firstLines: builder.firstLines)))
        }
        return CSVTable(file: file, columns: columns, rowCount: rowCount)
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

    /// Line breaks after the header: the row count unless quoted fields hold line breaks; used only
    /// to size the columns once.
    private static func estimateRows(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return 0 }
        var count = 0
        var p = UnsafeRawPointer(base + start)
        var remaining = bytes.count - start
        while remaining > 0, let hit = memchr(p, 0x0A, remaining) {
            count += 1
            let advance = UnsafeRawPointer(hit) - p + 1
            p += advance
            remaining -= advance
        }
        return count + 1
    }
}
