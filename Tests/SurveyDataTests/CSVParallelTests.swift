import Foundation
import Testing
@testable import SurveyData

/// The chunked (multi-core) CSV reader must give exactly what the sequential one gives: the same
/// table, bit for bit, or the same error with the same line.
@Suite struct CSVParallelTests {
    // MARK: - Property: random files, every chunk count

    @Test(arguments: 0..<12)
    func randomFilesReadTheSameInChunks(batch: Int) throws {
        for seed in 0..<150 {
            var rng = SplitMix64(seed: UInt64(batch * 1000 + seed))
            let bytes = RandomCSV.make(&rng)
            let sequential = outcome(bytes, chunks: 1)
            for chunks in [2, 3, 4, 7] {
                let parallel = outcome(bytes, chunks: chunks)
                if parallel != sequential {
                    Issue.record("seed \(batch * 1000 + seed), \(chunks) chunks differ for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                    return
                }
            }
        }
    }

    /// The generator is meant to reach both results; make sure it does.
    @Test func randomFilesCoverTablesAndErrors() {
        var tables = 0, errors = 0, textColumns = 0
        for seed in 0..<300 {
            var rng = SplitMix64(seed: UInt64(seed))
            switch outcome(RandomCSV.make(&rng), chunks: 1) {
            case let .table(table):
                tables += 1
                textColumns += table.columns.filter { if case .text = $0.values { true } else { false } }.count
            case .error: errors += 1
            }
        }
        #expect(tables > 150 && errors > 30 && textColumns > 100)
    }

    // MARK: - Targeted cases

    @Test func cleanNumericFileIsReallySplit() throws {
        let text = "a,b\n" + (1...400).map { "\($0),\(Double($0) / 8)\n" }.joined()
        let chunks = try parseRows(text, chunks: 2)
        #expect(chunks.count == 2)
        #expect(chunks[1].start.line == 1 && chunks[1].lineOffset == chunks[0].end.line - 1)
        #expect(outcome(Array(text.utf8), chunks: 2) == outcome(Array(text.utf8), chunks: 1))
    }

    @Test func errorsInBothChunksReportTheFirst() {
        var lines = ["a,b,c"] + (1...200).map { "\($0),\($0),\($0)" }
        lines[50] = "1,2" // line 51, chunk 1
        lines[180] = "1,2,3,4" // line 181, chunk 2
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        #expect(outcome(bytes, chunks: 2) == .error(.csv(file: "t.csv", line: 51, message: "expected 3 fields, got 2")))
        #expect(outcome(bytes, chunks: 1) == outcome(bytes, chunks: 2))
    }

    @Test func errorOnlyInALaterChunkHasTheFileLine() {
        // Quoted line breaks and blank lines before the split shift the line numbers.
        var lines = ["a,b"] + (1...200).map { "\($0),\($0)" }
        lines[10] = "\"x\ny\",2"
        lines[20] = ""
        lines[190] = "\"1\"2,3" // file line 192: list index + 1, + 1 for the quoted line break
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let expected = Outcome.error(.csv(file: "t.csv", line: 192,
                                          message: "unexpected text after the closing quote of field 1"))
        #expect(outcome(bytes, chunks: 1) == expected)
        #expect(outcome(bytes, chunks: 2) == expected)
        #expect(outcome(bytes, chunks: 4) == expected)
    }

    @Test func invalidUTF8InALaterChunkOfATextColumn() throws {
        var rows = ["a,b"] + (1...100).map { "t\($0),\($0)" }
        rows[90] = "u\u{FFFD}v,1"
        var bytes = Array((rows.joined(separator: "\n") + "\n").utf8)
        let bad = try #require(bytes.firstIndex(of: 0xEF)) // the U+FFFD's first byte
        bytes[bad] = 0xFF
        let expected = Outcome.error(.csv(file: "t.csv", line: 91, message: "invalid UTF-8 in column 'a'"))
        #expect(outcome(bytes, chunks: 1) == expected)
        #expect(outcome(bytes, chunks: 2) == expected)
    }

    @Test func splitInsideAQuotedFieldFallsBack() throws {
        // One long quoted field full of line feeds covers the middle of the file, so the split
        // lands inside it; the chunk after the split reads rows of 3 fields there (an error that
        // must not surface).
        let inside = (1...200).map { "\($0),x,\"\"y" }.joined(separator: "\n")
        let text = "id,note\n1,a\n2,\"\(inside)\"\n3,b\n4,\"c\"\n"
        let chunks = try parseRows(text, chunks: 2)
        #expect(chunks.count == 2)
        #expect(chunks[1].start.line != 1) // the sequential rest, numbered like the file
        let sequential = outcome(Array(text.utf8), chunks: 1)
        #expect(outcome(Array(text.utf8), chunks: 2) == sequential)
        guard case let .table(table) = sequential, case let .text(_, strings, firstLines) = table.columns[1].values else {
            Issue.record("expected a text column"); return
        }
        #expect(strings == ["a", inside.replacingOccurrences(of: "\"\"", with: "\""), "b", "c"])
        #expect(firstLines == [2, 3, 203, 204])
    }

    @Test func columnTurningTextInTheSecondChunkRereadsTheFirst() throws {
        var rows = ["v,w"] + (1...300).map { "\($0 % 7),\($0)" }
        rows[250] = "seven,1"
        rows[20] = "NA,2"
        let text = rows.joined(separator: "\r\n")
        #expect(try parseRows(text, chunks: 2).count == 2)
        let parallel = outcome(Array(text.utf8), chunks: 2)
        #expect(parallel == outcome(Array(text.utf8), chunks: 1))
        guard case let .table(table) = parallel, case let .text(indices, strings, firstLines) = table.columns[0].values else {
            Issue.record("expected a text column"); return
        }
        #expect(strings == ["1", "2", "3", "4", "5", "6", "0", "seven"])
        #expect(firstLines == [2, 3, 4, 5, 6, 7, 8, 251])
        #expect(indices[19] == -1)
    }

    @Test func oneColumnFileKeepsBlankLinesAcrossChunks() {
        let text = "x\n" + (1...301).map { $0 % 5 == 0 ? "" : "\($0)" }.joined(separator: "\n")
        let bytes = Array(text.utf8)
        #expect(outcome(bytes, chunks: 3) == outcome(bytes, chunks: 1))
        if case let .table(table) = outcome(bytes, chunks: 3) { #expect(table.rowCount == 301) }
    }

    @Test func largeFileTakesTheDefaultParallelPath() throws {
        var rng = SplitMix64(seed: 7)
        var text = "\u{FEFF}id,x,y,g\r\n"
        let size = 2 * CSVChunking.minChunkBytes + 1000
        var r = 0, late = false
        while text.utf8.count < size {
            var g = rng.next() % 9 == 0 ? "NA" : "\(rng.next() % 3)"
            if !late, text.utf8.count > size * 3 / 4 { g = "late"; late = true }
            text += "\(r),\(Double(rng.next() % 100_000) / 1000),\(-Double(rng.next() % 997) / 7),\(g)\r\n"
            r += 1
        }
        let bytes = Array(text.utf8)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(CSVChunking.chunkCount(dataBytes: bytes.count - 14) == min(2, cores))
        #expect(outcome(bytes, chunks: nil) == outcome(bytes, chunks: 1))
    }

    @Test func smallFilesStaySequential() {
        #expect(CSVChunking.chunkCount(dataBytes: CSVChunking.minChunkBytes * 2 - 1) == 1)
        #expect(CSVChunking.chunkCount(dataBytes: 100 << 20) <= CSVChunking.maxChunks)
    }

    // MARK: - Helpers

    private func parseRows(_ text: String, chunks: Int) throws -> [CSVChunk] {
        try Array(text.utf8).withUnsafeBufferPointer { bytes in
            var tokenizer = CSVTokenizer(bytes: bytes, file: "t.csv")
            var header = HeaderSink(file: "t.csv")
            _ = try tokenizer.readRecord(into: &header, limit: .max, skipBlankLines: true)
            return try CSVChunking.parseRows(bytes, file: "t.csv", names: header.names, from: tokenizer.mark, chunks: chunks,
                                             format: CSVFormat())
        }
    }
}

/// A reader's result in comparable form: values compared by bit pattern, so NaNs (missing) count
/// as equal only where both have one.
enum Outcome: Equatable, CustomStringConvertible {
    case table(TableImage)
    case error(SurveyDataError)

    var description: String {
        switch self {
        case let .table(t): "table \(t.rowCount) rows, \(t.columns.count) columns"
        case let .error(e): "error \(e)"
        }
    }
}

struct TableImage: Equatable {
    enum Values: Equatable {
        case numeric([UInt64])
        case text(indices: [Int32], strings: [String], firstLines: [Int])
    }
    struct Column: Equatable {
        var name: String
        var values: Values
    }
    var file: String
    var columns: [Column]
    var rowCount: Int

    init(_ table: CSVTable) {
        file = table.file
        rowCount = table.rowCount
        columns = table.columns.map { column in
            switch column.values {
            case let .numeric(values): Column(name: column.name, values: .numeric(values.map(\.bitPattern)))
            case let .text(indices, strings, firstLines):
                Column(name: column.name, values: .text(indices: indices, strings: strings, firstLines: firstLines))
            }
        }
    }
}

func outcome(_ bytes: [UInt8], chunks: Int?) -> Outcome {
    do {
        return .table(TableImage(try bytes.withUnsafeBufferPointer { try CSVReader.read(bytes: $0, file: "t.csv", chunks: chunks) }))
    } catch let error as SurveyDataError {
        return .error(error)
    } catch {
        return .error(.csv(file: "?", line: -1, message: "unexpected \(error)"))
    }
}

/// Small seeded generator, so a failing case can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random CSV files mixing everything the reader treats specially: numbers of all shapes, missing
/// tokens, columns that turn to text late, quoted fields with commas, line feeds and `""` escapes,
/// CRLF, blank lines, a byte-order mark, a missing final line break, and now and then a broken row.
enum RandomCSV {
    static func make(_ rng: inout SplitMix64) -> [UInt8] {
        let width = Int.random(in: 1...5, using: &rng)
        let rows = Int.random(in: 0...70, using: &rng)
        let crlf = Bool.random(using: &rng)
        let brokenRow = Int.random(in: 0...5, using: &rng) == 0 ? Int.random(in: 0...max(0, rows), using: &rng) : -1
        var kinds: [ColumnKind] = (0..<width).map { _ in
            switch Int.random(in: 0...9, using: &rng) {
            case 0...4: .numeric
            case 5...6: .turnsText(at: Int.random(in: 0...max(1, rows), using: &rng))
            case 7: .text
            default: .quoted
            }
        }
        if width == 1, Bool.random(using: &rng) { kinds[0] = .numeric }
        var out: [UInt8] = []
        if Int.random(in: 0...4, using: &rng) == 0 { out += [0xEF, 0xBB, 0xBF] }
        let eol: [UInt8] = crlf ? [0x0D, 0x0A] : [0x0A]
        out += Array((0..<width).map { "c\($0)" }.joined(separator: ",").utf8) + eol
        for r in 0..<rows {
            if Int.random(in: 0...12, using: &rng) == 0 { out += Bool.random(using: &rng) ? eol : [0x0A] }
            var fields = (0..<width).map { field(kinds[$0], row: r, &rng) }
            if r == brokenRow { breakRow(&fields, &rng) }
            out += Array(fields.joined(separator: ",").utf8)
            if r < rows - 1 || Int.random(in: 0...2, using: &rng) > 0 { out += eol }
        }
        if brokenRow == rows, Bool.random(using: &rng) { out += Array("\"open,1".utf8) }
        if brokenRow == rows, out.count > 8, Bool.random(using: &rng) { out[Int.random(in: 4..<out.count, using: &rng)] = 0xFF }
        return out
    }

    enum ColumnKind { case numeric, text, quoted, turnsText(at: Int) }

    static func field(_ kind: ColumnKind, row: Int, _ rng: inout SplitMix64) -> String {
        if Int.random(in: 0...9, using: &rng) == 0 { return ["", "NA", ".", " ", " NA"].randomElement(using: &rng)! }
        switch kind {
        case .numeric: return number(&rng)
        case let .turnsText(at): return row >= at && Bool.random(using: &rng) ? word(&rng) : number(&rng)
        case .text: return Bool.random(using: &rng) ? word(&rng) : number(&rng)
        case .quoted:
            switch Int.random(in: 0...5, using: &rng) {
            case 0: return "\"\(number(&rng))\""
            case 1: return "\"a,\(word(&rng))\""
            case 2: return "\"two\nlines \(Int.random(in: 0...3, using: &rng))\""
            case 3: return "\"say \"\"\(word(&rng))\"\"\""
            case 4: return "\"\(Int.random(in: 0...2, using: &rng))\n\n\(Int.random(in: 0...2, using: &rng))\r\n\""
            default: return number(&rng)
            }
        }
    }

    static func number(_ rng: inout SplitMix64) -> String {
        switch Int.random(in: 0...5, using: &rng) {
        case 0: return "\(Int.random(in: -5...99, using: &rng))"
        case 1: return String(format: "%.2f", Double.random(in: -100...100, using: &rng))
        case 2: return "\(Int.random(in: 1...9, using: &rng))e-\(Int.random(in: 0...30, using: &rng))"
        case 3: return " \(Int.random(in: 0...9, using: &rng)) "
        case 4: return "0.1234567890123456789\(Int.random(in: 0...9, using: &rng))"
        default: return "-0"
        }
    }

    static func word(_ rng: inout SplitMix64) -> String {
        ["a", "b", "大连", "x y", "inf", "1a", "--", "é"].randomElement(using: &rng)!
    }

    /// Drops or adds a field, or puts text after a closing quote.
    static func breakRow(_ fields: inout [String], _ rng: inout SplitMix64) {
        switch Int.random(in: 0...2, using: &rng) {
        case 0: fields.removeLast()
        case 1: fields.append("9")
        default: fields[0] = "\"q\"x"
        }
    }
}
