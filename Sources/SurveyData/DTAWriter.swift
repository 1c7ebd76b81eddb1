import CReadStat
import Foundation

/// Writes a dataset as a Stata 14+ `.dta` file (format 118, UTF-8) through ReadStat's writer, with
/// variable labels and integer value labels; atomically. Stata keeps one label per variable, so the
/// labels of `language` are written (falling back to the other language). Labels longer than the
/// format holds (320 bytes for variable labels, 32,000 for value labels) are cut at a character
/// boundary; the returned notes name each one. `timestamp` fixes the header's "saved on" time
/// (default: now), so generated files can be reproduced byte for byte.
public enum DTAWriter {
    static let variableLabelBytes = 320
    static let valueLabelBytes = 32_000

    @discardableResult
    public static func write(_ dataset: Dataset, to path: String, language: Language = .en,
                             timestamp: Date? = nil) throws -> [String] {
        var notes: [String] = []
        try AtomicFile.write(to: path) { fd in
            let sink = DTAOutput(fd: fd)
            let context = Unmanaged.passRetained(sink)
            defer { context.release() }
            guard let writer = readstat_writer_init() else {
                throw SurveyDataError.write(file: path, message: "cannot start the ReadStat writer")
            }
            defer { readstat_writer_free(writer) }
            func check(_ status: readstat_error_t) throws {
                guard status == READSTAT_OK else {
                    if let failure = sink.failure { throw SurveyDataError.write(file: path, message: failure) }
                    throw SurveyDataError.write(file: path, message: String(cString: readstat_error_message(status)))
                }
            }
            try check(readstat_set_data_writer(writer) { data, length, ctx in
                Unmanaged<DTAOutput>.fromOpaque(ctx!).takeUnretainedValue().write(data, length)
            })
            try check(readstat_writer_set_file_format_version(writer, 118))
            if let timestamp {
                try check(readstat_writer_set_file_timestamp(writer, time_t(timestamp.timeIntervalSince1970)))
            }
            let title = language == .zh ? (dataset.codebook.titleZH ?? dataset.codebook.titleEN)
                                        : (dataset.codebook.titleEN ?? dataset.codebook.titleZH)
            if let title { try check(readstat_writer_set_file_label(writer, fit(title, bytes: 80, what: "dataset label", notes: &notes))) }

            var variables: [UnsafeMutablePointer<readstat_variable_t>] = []
            for column in dataset.columns {
                guard let variable = readstat_add_variable(writer, column.name, READSTAT_TYPE_DOUBLE, 0) else {
                    throw SurveyDataError.write(file: path, message: "cannot add variable '\(column.name)'")
                }
                if let info = dataset.info(column.name) {
                    let label = info.label(language)
                    if label != info.name {
                        readstat_variable_set_label(variable, fit(label, bytes: variableLabelBytes,
                                                                  what: "label of '\(info.name)'", notes: &notes))
                    }
                    if let labelSet = try makeLabelSet(writer, info, language: language, path: path, notes: &notes) {
                        readstat_variable_set_label_set(variable, labelSet)
                    }
                }
                variables.append(variable)
            }
            try check(readstat_begin_writing_dta(writer, context.toOpaque(), dataset.rowCount))
            for variable in variables { try check(readstat_validate_variable(writer, variable)) }
            let columns = dataset.columns.map(\.values)
            for column in dataset.columns where column.values.contains(where: {
                if case .userCode? = MissingKind($0) { return true } else { return false } }) {
                notes.append("user-missing codes of '\(column.name)' written as . (a .dta has no user-missing codes)")
            }
            for row in 0..<dataset.rowCount {
                try check(readstat_begin_row(writer))
                for (k, variable) in variables.enumerated() {
                    let v = columns[k][row]
                    try check(insert(v, variable, writer))
                }
                try check(readstat_end_row(writer))
            }
            try check(readstat_end_writing(writer))
        }
        return notes
    }

    /// One cell: a number, Stata's extended missing `.a`–`.z` as such (ReadStat's tagged missing
    /// values), any other missing value as `.` — a .dta has no user-missing codes, so an SPSS
    /// user-missing code is written as system missing (`write` notes which variables had some).
    private static func insert(_ v: Double, _ variable: UnsafeMutablePointer<readstat_variable_t>,
                               _ writer: UnsafeMutablePointer<readstat_writer_t>) -> readstat_error_t {
        guard v.isNaN else { return readstat_insert_double_value(writer, variable, v) }
        if case let .extended(k)? = MissingKind(v) {
            return readstat_insert_tagged_missing_value(writer, variable, CChar(96 + k))
        }
        return readstat_insert_missing_value(writer, variable)
    }

    /// The tag character of a `.a`–`.z` label's kind, nil for anything else.
    static func tag(_ kind: String) -> CChar? {
        guard kind.count == 2, kind.first == ".", let letter = kind.last,
              case let .extended(k)? = MissingKind(letter: letter) else { return nil }
        return CChar(96 + k)
    }

    /// `text` cut to at most `bytes` UTF-8 bytes without splitting a character.
    static func fit(_ text: String, bytes: Int, what: String, notes: inout [String]) -> String {
        guard text.utf8.count > bytes else { return text }
        var kept = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > bytes { break }
            kept.append(character)
            used += size
        }
        notes.append("\(what) shortened to \(kept.count) characters (the .dta format's limit)")
        return kept
    }

    /// Stata value labels map integers (and the extended missing values `.a`–`.z`) to text;
    /// non-integer codes cannot be labelled in a .dta.
    private static func makeLabelSet(_ writer: UnsafeMutablePointer<readstat_writer_t>, _ info: VariableInfo,
                                     language: Language, path: String, notes: inout [String]) throws
        -> UnsafeMutablePointer<readstat_label_set_t>?
    {
        let missingLabels = info.missingLabels.compactMap { label in tag(label.kind).map { ($0, label) } }
        guard !info.values.isEmpty || !missingLabels.isEmpty else { return nil }
        for value in info.values where value.code != value.code.rounded() || abs(value.code) > 2_147_483_620 {
            throw SurveyDataError.write(file: path,
                message: "variable '\(info.name)': value label code \(value.code) is not an integer Stata can label")
        }
        guard let set = readstat_add_label_set(writer, READSTAT_TYPE_INT32, info.name) else { return nil }
        for value in info.values {
            let text = fit(value.label(language), bytes: valueLabelBytes,
                           what: "value label \(formatCode(value.code)) of '\(info.name)'", notes: &notes)
            readstat_label_int32_value(set, Int32(value.code), text)
        }
        for (tag, label) in missingLabels {
            let text = fit(label.label(language), bytes: valueLabelBytes,
                           what: "value label \(label.kind) of '\(info.name)'", notes: &notes)
            readstat_label_tagged_value(set, tag, text)
        }
        return set
    }
}

/// Where ReadStat's writer sends its bytes. A failed write returns 0, not -1: ReadStat compares
/// the count as a `size_t` (`bytes_written < len`), so -1 would read as success and a file cut
/// short by a full disk or `ulimit -f` would be reported written.
final class DTAOutput {
    let fd: Int32
    var failure: String?
    init(fd: Int32) { self.fd = fd }

    func write(_ data: UnsafeRawPointer?, _ length: Int) -> Int {
        guard let data else { return 0 }
        do {
            try AtomicFile.writeAll(fd, UnsafeRawBufferPointer(start: data, count: length), path: "")
            return length
        } catch let SurveyDataError.write(_, message) {
            failure = message
            return 0
        } catch {
            failure = "\(error)"
            return 0
        }
    }
}
