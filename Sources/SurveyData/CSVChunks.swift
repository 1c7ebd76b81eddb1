import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stretch of data rows read by one `ColumnSink`: the whole file when reading sequentially, or one
/// of the pieces a large file is split into so that each core parses one.
struct CSVChunk {
    /// Where the chunk began. A speculative split starts counting lines at 1 (its true first line is
    /// only known once the chunk before it is done); the first chunk uses the file's numbering.
    let start: CSVTokenizer.Mark
    var sink: ColumnSink
    /// Where parsing stopped, numbered like `start`.
    let end: CSVTokenizer.Mark
    /// The first problem met, numbered like `start`; the rows before it are in `sink`.
    let error: (any Error)?
    /// Added to the chunk's line numbers to make them the file's; set when the chunk is accepted.
    var lineOffset = 0

    var rows: Int { sink.row }

    /// Parses records from `start` until the position reaches `end` (nil: the end of the input).
    /// The tokenizer sees the whole input, so a record that runs past `end` (a split made inside a
    /// quoted field) is read exactly as the sequential reader would and shows up as `end` overshot.
    /// `releasing`: `bytes` is a `MappedFile` mapping whose pages behind the cursor may be dropped.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, names: [String],
                      from start: CSVTokenizer.Mark, until end: Int?, format: CSVFormat,
                      releasing: Bool = false) -> CSVChunk {
        var tokenizer = CSVTokenizer(bytes: bytes, file: file, delimiter: format.delimiter)
        tokenizer.rewind(to: start)
        let width = names.count
        let stop = end ?? bytes.count
        var sink = ColumnSink(file: file, names: names, expectedRows: lineBreaks(bytes, start.position, stop) + 1,
                              missingTokens: format.missingTokens)
        // A one-column file keeps blank lines: there they are missing values.
        let skipBlank = width > 1
        var error: (any Error)?
        var released = start.position
        do {
            sink.reserveRow()
            while true {
                if let end {
                    if skipBlank { tokenizer.skipLeadingBlankLines() }
                    if tokenizer.position >= end { break }
                }
                guard let record = try tokenizer.readRecord(into: &sink, limit: width, skipBlankLines: skipBlank)
                else { break }
                if record.fields != width {
                    throw SurveyDataError.csv(file: file, line: record.line,
                                              message: "expected \(width) fields, got \(record.fields)")
                }
                sink.row += 1
                sink.reserveRow()
                if releasing, sink.row & 0xFFF == 0, tokenizer.position - released >= releaseStep {
                    MappedFile.release(bytes, from: released, to: tokenizer.position)
                    released = tokenizer.position
                }
            }
        } catch let caught {
            error = caught
        }
        return CSVChunk(start: start, sink: sink, end: tokenizer.mark, error: error)
    }

    /// How much parsed input is let go at a time (`MappedFile.release`).
    static let releaseStep = 32 << 20

    /// Line feeds in `bytes[from..<to]`: the row count unless quoted fields hold line breaks; used
    /// only to size the columns once.
    private static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard let base = bytes.baseAddress, from < to else { return 0 }
        var count = 0
        var p = UnsafeRawPointer(base + from)
        var remaining = to - from
        while remaining > 0, let hit = memchr(p, 0x0A, remaining) {
            count += 1
            let advance = UnsafeRawPointer(hit) - p + 1
            p += advance
            remaining -= advance
        }
        return count
    }
}

/// Splits the data rows of a large file into chunks parsed on separate cores, and checks the
/// speculative splits afterwards so that the outcome is exactly the sequential reader's.
enum CSVChunking {
    static let maxChunks = 4
    /// Fewer bytes per chunk are read on fewer chunks: on this 2-core machine two chunks break even
    /// with one at ~0.5 MB of rows and save a third of the parse time at 1 MB (BENCHMARKS.md,
    /// "Parallel parsing"), so a file is split from 1 MB of rows on.
    static let minChunkBytes = 512 << 10

    /// How many chunks to read `dataBytes` bytes of rows in.
    static func chunkCount(dataBytes: Int) -> Int {
        max(1, min(maxChunks, ProcessInfo.processInfo.activeProcessorCount, dataBytes / minChunkBytes))
    }

    /// Parses the data rows from `dataStart` in up to `chunks` pieces and returns the accepted
    /// chunks in file order, each with its line offset; throws the first error in file order.
    ///
    /// Each later chunk starts just after a line feed (and any blank lines after it). That is a
    /// record boundary only if the line feed did not sit inside a quoted field, which a chunk
    /// cannot tell by itself; so a chunk is accepted only when the chunk before it stopped exactly
    /// where it starts. Otherwise the rest of the file is read sequentially from where the last
    /// accepted chunk stopped (correctness over speed), and the speculative chunks are dropped
    /// together with any errors they met.
    static func parseRows(_ bytes: UnsafeBufferPointer<UInt8>, file: String, names: [String],
                          from dataStart: CSVTokenizer.Mark, chunks: Int, format: CSVFormat,
                          concurrent: Bool = true, releasing: Bool = false) throws -> [CSVChunk] {
        let splits = splitPositions(bytes, file: file, from: dataStart.position, chunks: chunks,
                                    skipBlankLines: names.count > 1, delimiter: format.delimiter)
        let starts = [dataStart] + splits.map { CSVTokenizer.Mark(position: $0, line: 1) }
        let parseChunk = { (k: Int) in
            CSVChunk.parse(bytes, file: file, names: names, from: starts[k], until: k + 1 < starts.count ? splits[k] : nil,
                           format: format, releasing: releasing)
        }
        let parsed = concurrent ? concurrentMap(starts.count, parseChunk) : starts.indices.map(parseChunk)
        var accepted: [CSVChunk] = []
        accepted.reserveCapacity(parsed.count)
        for var chunk in parsed {
            if let previous = accepted.last {
                let previousEndLine = previous.end.line + previous.lineOffset
                guard previous.end.position == chunk.start.position else {
                    let rest = CSVChunk.parse(bytes, file: file, names: names,
                                              from: .init(position: previous.end.position, line: previousEndLine),
                                              until: nil, format: format, releasing: releasing)
                    if let error = rest.error { throw error }
                    accepted.append(rest)
                    break
                }
                chunk.lineOffset = previousEndLine - chunk.start.line
            }
            if let error = chunk.error { throw shifted(error, by: chunk.lineOffset) }
            accepted.append(chunk)
        }
        return accepted
    }

    /// Where chunks 1..<chunks start: the first record start after each nominal start (evenly spaced
    /// byte offsets), past any blank lines so that the chunk before can stop exactly there.
    static func splitPositions(_ bytes: UnsafeBufferPointer<UInt8>, file: String, from dataStart: Int,
                               chunks: Int, skipBlankLines: Bool, delimiter: UInt8 = 0x2C) -> [Int] {
        guard let base = bytes.baseAddress, chunks > 1 else { return [] }
        let n = bytes.count
        var splits: [Int] = []
        for k in 1..<chunks {
            let nominal = max(dataStart + (n - dataStart) / chunks * k, splits.last ?? dataStart)
            guard nominal < n, let hit = memchr(base + nominal, 0x0A, n - nominal) else { break }
            var position = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
            if skipBlankLines {
                var tokenizer = CSVTokenizer(bytes: bytes, file: file, delimiter: delimiter)
                tokenizer.rewind(to: .init(position: position, line: 1))
                tokenizer.skipLeadingBlankLines()
                position = tokenizer.position
            }
            guard position < n else { break }
            if position > (splits.last ?? dataStart) { splits.append(position) }
        }
        return splits
    }

    /// The same error with its line moved from a chunk's numbering to the file's.
    private static func shifted(_ error: any Error, by offset: Int) -> any Error {
        guard offset != 0, case let .csv(file, line, message)? = error as? SurveyDataError else { return error }
        return SurveyDataError.csv(file: file, line: line + offset, message: message)
    }
}

/// Runs `body(0..<count)` on the cores and returns the results in order. Each call writes only its
/// own slot, and `concurrentPerform` returns after all calls finish, so the slots are read safely.
func concurrentMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    if count <= 1 { return count == 1 ? [body(0)] : [] }
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
        _ = slots.deinitialize()
        slots.deallocate()
    }
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable((slots: slots, body: body))
        DispatchQueue.concurrentPerform(iterations: count) { k in
            shared.value.slots[k] = shared.value.body(k)
        }
    }
    return slots.compactMap { $0 }
}

/// Carries values into `concurrentPerform` that strict concurrency cannot prove safe: here a buffer
/// whose slots are each written by one iteration, and a closure that only reads shared input.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
