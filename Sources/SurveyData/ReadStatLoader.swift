import CReadStat
import Foundation

/// The statistical-package formats read through ReadStat.
public enum ReadStatFormat: String, Sendable {
    case dta, sav
}

/// Reads Stata `.dta` and SPSS `.sav` files through ReadStat, keeping variable labels (CJK text →
/// `labelZH`, otherwise `labelEN`), value labels, SPSS user-missing codes/ranges and Stata extended
/// missing values (`.a`–`.z`, with their labels): every missing value is a NaN that keeps its kind
/// (`MissingKind`). Measures by `TypeInference.fileType`. String variables are encoded like CSV
/// text columns.
public enum ReadStatLoader {
    public static func load(path: String, format: ReadStatFormat) throws -> Dataset {
        guard FileManager.default.fileExists(atPath: path) else { throw SurveyDataError.fileNotFound(path) }
        let state = ReadStatReadState(file: path, format: format)
        let context = Unmanaged.passRetained(state)
        defer { context.release() }
        guard let parser = readstat_parser_init() else {
            throw SurveyDataError.readStat(file: path, message: "cannot start the ReadStat parser")
        }
        defer { readstat_parser_free(parser) }
        installHandlers(parser)
        let status = format == .dta
            ? readstat_parse_dta(parser, path, context.toOpaque())
            : readstat_parse_sav(parser, path, context.toOpaque())
        if let failure = state.failure { throw failure }
        if status != READSTAT_OK {
            var message = String(cString: readstat_error_message(status))
            if let detail = state.errorDetail, !detail.isEmpty { message += ": " + detail }
            throw SurveyDataError.readStat(file: path, message: message)
        }
        return try state.dataset(name: CSVLoader.datasetName(path), source: path)
    }

    private static func installHandlers(_ parser: UnsafeMutablePointer<readstat_parser_t>) {
        readstat_set_metadata_handler(parser) { metadata, ctx in
            let state = ReadStatReadState.from(ctx)
            let rows = Int(readstat_get_row_count(metadata))
            if rows > 0 { state.expectedRows = rows }
            return Int32(READSTAT_HANDLER_OK)
        }
        readstat_set_variable_handler(parser) { index, variable, labelSet, ctx in
            guard let variable else { return Int32(READSTAT_HANDLER_OK) }
            let ok = ReadStatReadState.from(ctx).addVariable(variable, labelSet: labelSet.map { String(cString: $0) })
            return Int32(ok ? READSTAT_HANDLER_OK : READSTAT_HANDLER_ABORT)
        }
        readstat_set_value_handler(parser) { row, variable, value, ctx in
            guard let variable else { return Int32(READSTAT_HANDLER_OK) }
            let ok = ReadStatReadState.from(ctx).addValue(row: Int(row), variable: variable, value: value)
            return Int32(ok ? READSTAT_HANDLER_OK : READSTAT_HANDLER_ABORT)
        }
        readstat_set_value_label_handler(parser) { labelSet, value, label, ctx in
            guard let labelSet, let label else { return Int32(READSTAT_HANDLER_OK) }
            ReadStatReadState.from(ctx).addValueLabel(set: String(cString: labelSet), value: value,
                                                      label: String(cString: label))
            return Int32(READSTAT_HANDLER_OK)
        }
        readstat_set_error_handler(parser) { message, ctx in
            guard let message else { return }
            let text = String(cString: message).split(whereSeparator: \.isNewline).joined(separator: " ")
            ReadStatReadState.from(ctx).errorDetail = text
        }
    }
}

/// What ReadStat's callbacks collect; reached through the parser's `void *ctx`, never a global.
final class ReadStatReadState {
    struct Variable {
        var name: String
        var label: String
        var labelSet: String?
        var isString: Bool
        var measure: readstat_measure_t
        var missingCodes: [Double]
        /// Every SPSS missing range, single codes included (lo == hi).
        var missingRanges: [ClosedRange<Double>] = []
        var numbers: [Double] = []
        var texts = TextColumnBuilder()
    }

    let file: String
    let format: ReadStatFormat
    var expectedRows = 0
    var variables: [Variable] = []
    /// ReadStat's variable index → position in `variables` (-1: skipped).
    var position: [Int] = []
    var labelSets: [String: [ValueLabel]] = [:]
    var missingLabelSets: [String: [MissingLabel]] = [:]
    var errorDetail: String?
    var failure: SurveyDataError?

    init(file: String, format: ReadStatFormat) { self.file = file; self.format = format }

    static func from(_ ctx: UnsafeMutableRawPointer?) -> ReadStatReadState {
        Unmanaged<ReadStatReadState>.fromOpaque(ctx!).takeUnretainedValue()
    }

    /// False (and `failure` set) for a variable a damaged file gives no name, or an index past
    /// any real file's (Stata/MP's 120,000 variables), so it cannot make us allocate without bound.
    func addVariable(_ variable: UnsafeMutablePointer<readstat_variable_t>, labelSet: String?) -> Bool {
        let index = Int(readstat_variable_get_index(variable))
        guard let cName = readstat_variable_get_name(variable), index < Self.variableLimit else {
            failure = .readStat(file: file, message: "damaged file: variable \(index + 1) has no name or an impossible index")
            return false
        }
        let name = String(cString: cName)
        let label = readstat_variable_get_label(variable).map { String(cString: $0) } ?? ""
        var missingCodes: [Double] = []
        var missingRanges: [ClosedRange<Double>] = []
        for k in 0..<readstat_variable_get_missing_ranges_count(variable) {
            let lo = readstat_variable_get_missing_range_lo(variable, k)
            let hi = readstat_variable_get_missing_range_hi(variable, k)
            if let low = numericValue(lo), let high = numericValue(hi), low == high { missingCodes.append(low) }
            if let low = numericValue(lo), let high = numericValue(hi), low <= high { missingRanges.append(low...high) }
        }
        var entry = Variable(name: name, label: label, labelSet: labelSet?.isEmpty == false ? labelSet : nil,
                             isString: readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING,
                             measure: readstat_variable_get_measure(variable), missingCodes: missingCodes)
        entry.missingRanges = missingRanges
        // The header's row count is a hint (a damaged file may claim billions): reserve at most 2^20.
        let reserve = min(expectedRows, 1 << 20)
        if entry.isString { entry.texts.indices.reserveCapacity(reserve) } else { entry.numbers.reserveCapacity(reserve) }
        if index >= 0 {
            if position.count <= index { position += Array(repeating: -1, count: index + 1 - position.count) }
            position[index] = variables.count
        }
        variables.append(entry)
        return true
    }

    static let variableLimit = 120_000

    func addValue(row: Int, variable: UnsafeMutablePointer<readstat_variable_t>, value: readstat_value_t) -> Bool {
        let index = Int(readstat_variable_get_index(variable))
        guard index >= 0, index < position.count, position[index] >= 0 else { return true }
        let k = position[index]
        if variables[k].isString {
            let text = readstat_string_value(value).map { String(cString: $0) } ?? ""
            if text.isEmpty || readstat_value_is_missing(value, variable) != 0 {
                variables[k].texts.appendMissing()
            } else {
                variables[k].texts.append(text, line: row + 1)
            }
        } else if readstat_value_is_missing(value, variable) != 0 {
            variables[k].numbers.append(Self.missingValue(value, variable: variable))
        } else {
            variables[k].numbers.append(numericValue(value) ?? .nan)
        }
        return true
    }

    /// The kind-carrying NaN (see `MissingKind`) for a missing ReadStat value: Stata's `.a`–`.z`
    /// by tag, an SPSS user-missing value by its code, everything else `.`.
    private static func missingValue(_ value: readstat_value_t,
                                     variable: UnsafeMutablePointer<readstat_variable_t>) -> Double {
        if readstat_value_is_tagged_missing(value) != 0 {
            let tag = Character(UnicodeScalar(UInt8(bitPattern: readstat_value_tag(value))))
            return MissingKind(letter: tag)?.value ?? .nan
        }
        if readstat_value_is_system_missing(value) == 0, readstat_value_is_defined_missing(value, variable) != 0,
           let code = numericCode(value), code.isFinite {
            return MissingKind.userMissing(code)
        }
        return .nan
    }

    func addValueLabel(set: String, value: readstat_value_t, label: String) {
        // Labels of Stata extended missing values (.a, .b, …) are kept by kind; SPSS string values
        // have no code.
        if readstat_value_is_tagged_missing(value) != 0 {
            let tag = Character(UnicodeScalar(UInt8(bitPattern: readstat_value_tag(value))))
            guard let kind = MissingKind(letter: tag) else { return }
            let entry = label.containsCJK ? MissingLabel(kind: kind.description, labelZH: label)
                                          : MissingLabel(kind: kind.description, labelEN: label)
            missingLabelSets[set, default: []].append(entry)
            return
        }
        guard value.is_system_missing == 0, let code = numericValue(value) else { return }
        let entry = label.containsCJK ? ValueLabel(code: code, labelZH: label) : ValueLabel(code: code, labelEN: label)
        labelSets[set, default: []].append(entry)
    }

    private func numericValue(_ value: readstat_value_t) -> Double? { Self.numericCode(value) }

    private static func numericCode(_ value: readstat_value_t) -> Double? {
        switch readstat_value_type(value) {
        case READSTAT_TYPE_INT8: return Double(readstat_int8_value(value))
        case READSTAT_TYPE_INT16: return Double(readstat_int16_value(value))
        case READSTAT_TYPE_INT32: return Double(readstat_int32_value(value))
        case READSTAT_TYPE_FLOAT: return Double(readstat_float_value(value))
        case READSTAT_TYPE_DOUBLE: return readstat_double_value(value)
        default: return nil
        }
    }

    func dataset(name: String, source: String) throws -> Dataset {
        let rows = variables.first.map { $0.isString ? $0.texts.indices.count : $0.numbers.count } ?? 0
        var columns: [Column] = []
        var infos: [VariableInfo] = []
        for variable in variables {
            let count = variable.isString ? variable.texts.indices.count : variable.numbers.count
            guard count == rows else {
                throw SurveyDataError.readStat(file: file, message: "variable '\(variable.name)' has \(count) values, expected \(rows)")
            }
            var info = VariableInfo(name: variable.name, type: .continuous, missingCodes: variable.missingCodes)
            if !variable.label.isEmpty {
                if variable.label.containsCJK { info.labelZH = variable.label } else { info.labelEN = variable.label }
            }
            let values: [Double]
            if variable.isString {
                let encoded = TextEncoding.encode(indices: variable.texts.indices, strings: variable.texts.strings)
                values = encoded.values
                info.values = encoded.labels
                info.textEncoded = true
                info.type = .categorical
            } else {
                values = variable.numbers
                let labels = (variable.labelSet.flatMap { labelSets[$0] } ?? []).sorted { $0.code < $1.code }
                info.values = labels
                info.missingLabels = (variable.labelSet.flatMap { missingLabelSets[$0] } ?? []).sorted { $0.kind < $1.kind }
                let measure: TypeInference.FileMeasure
                switch variable.measure {
                case READSTAT_MEASURE_ORDINAL: measure = .ordinal
                case READSTAT_MEASURE_NOMINAL: measure = .nominal
                case READSTAT_MEASURE_SCALE: measure = .scale
                default: measure = .unknown
                }
                let ranges = variable.missingRanges
                info.type = TypeInference.fileType(values: values, labels: labels,
                                                   isMissingCode: { code in ranges.contains { $0.contains(code) } },
                                                   measure: format == .sav ? measure : .unknown)
            }
            columns.append(Column(name: variable.name, values: values).compacted())
            infos.append(info)
        }
        return Dataset(name: name, source: source, columns: columns, codebook: Codebook(dataset: name, variables: infos))
    }
}
