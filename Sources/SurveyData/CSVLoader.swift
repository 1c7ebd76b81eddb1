import Foundation

/// Loads a CSV file and its optional `NAME.codebook.json` into a `Dataset`.
public enum CSVLoader {
    public static func load(path: String) throws -> Dataset {
        guard FileManager.default.fileExists(atPath: path) else { throw SurveyDataError.fileNotFound(path) }
        let sidecar = CodebookFile.sidecarPath(forDataAt: path)
        let codebook = FileManager.default.fileExists(atPath: sidecar) ? try CodebookFile.read(path: sidecar) : nil
        var table = try CSVReader.read(path: path, missingTokens: tokens(codebook))
        return try build(&table, codebook: codebook, codebookFile: sidecar, name: datasetName(path), source: path)
    }

    /// Parses CSV bytes held in memory (tests, fuzzing); `codebook` as if it were the sidecar.
    public static func load(bytes: [UInt8], name: String, codebook: Codebook? = nil) throws -> Dataset {
        var table = try bytes.withUnsafeBufferPointer {
            try CSVReader.read(bytes: $0, file: name, missingTokens: tokens(codebook))
        }
        return try build(&table, codebook: codebook, codebookFile: name + ".codebook.json", name: name, source: nil)
    }

    /// `load(bytes:name:)` with the data rows split into `chunks` pieces however small the input,
    /// so the fuzz target can check that the multi-core reader agrees with the sequential one
    /// (`chunks: 1`) on any bytes.
    @_spi(Fuzzing) public static func load(bytes: [UInt8], name: String, chunks: Int) throws -> Dataset {
        var table = try bytes.withUnsafeBufferPointer {
            try CSVReader.read(bytes: $0, file: name, chunks: chunks, concurrent: false)
        }
        return try build(&table, codebook: nil, codebookFile: name + ".codebook.json", name: name, source: nil)
    }

    private static func tokens(_ codebook: Codebook?) -> MissingTokens {
        codebook?.missingTokens.map(MissingTokens.init) ?? .standard
    }

    static func datasetName(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Takes the table's columns one at a time (each is released once its compact copy is made,
    /// so the load never holds both forms of every column).
    static func build(_ table: inout CSVTable, codebook: Codebook?, codebookFile: String, name: String,
                      source: String?) throws -> Dataset {
        if let codebook { try validate(codebook, against: table, codebookFile: codebookFile) }
        var columns: [Column] = []
        columns.reserveCapacity(table.columns.count)
        var infos: [String: VariableInfo] = [:]
        var uncovered: [String] = []
        var readingNotes: [String] = []
        if table.delimiter != CSVFormat.comma {
            readingNotes.append(CSVReadingNote.delimiter(CSVFormat.name(of: table.delimiter)).text(.en))
        }
        if table.carriageReturnLineEnds { readingNotes.append(CSVReadingNote.carriageReturns.text(.en)) }
        let declaredByName = Dictionary((codebook?.variables ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // Columns are compacted a few at a time on the cores (the load's one serial pass over
        // every number otherwise), then their plain arrays are let go.
        var pending: [Column] = []
        let batch = table.rowCount >= 100_000 ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        func flush() {
            columns += concurrentMap(pending.count) { pending[$0].compacted() }
            pending.removeAll()
        }
        for c in table.columns.indices {
            let column = table.columns[c]
            defer { table.columns[c].values = .numeric([]) }
            let declared = declaredByName[column.name]
            if codebook != nil && declared == nil { uncovered.append(column.name) }
            var (values, info) = try decode(column, declared: declared, file: table.file)
            if column.missingTokenCells > 0 {
                readingNotes.append(CSVReadingNote.missingTokens(column: column.name, cells: column.missingTokenCells,
                    tokens: table.missingTokens.names(in: column.missingTokenMask)).text(.en))
            }
            if let cell = info.nonNumericCell {
                readingNotes.append(CSVReadingNote.readAsText(column: column.name, cell: cell).text(.en))
            }
            if !info.missingCodes.isEmpty {
                let missing = Set(info.missingCodes)
                // Missing, with the code kept in the NaN's payload (`MissingKind`).
                for r in values.indices where missing.contains(values[r]) { values[r] = MissingKind.userMissing(values[r]) }
            }
            pending.append(Column(name: column.name, values: values))
            if pending.count >= batch { flush() }
            infos[column.name] = info
        }
        flush()

        var result: Codebook
        var notes: [String] = readingNotes
        if var codebook {
            codebook.variables = codebook.variables.map { infos[$0.name] ?? $0 }
            codebook.variables += uncovered.compactMap { infos[$0] }
            if codebook.dataset.isEmpty { codebook.dataset = name }
            if !uncovered.isEmpty {
                notes.append("codebook has no entry for \(uncovered.joined(separator: ", ")): types inferred")
            }
            result = codebook
        } else {
            result = Codebook(dataset: name, variables: table.columns.compactMap { infos[$0.name] }, inferred: true)
            notes.append(Codebook.inferredNote)
        }
        var dataset = Dataset(name: name, source: source, columns: columns, codebook: result)
        dataset.notes = notes
        return dataset
    }

    /// Every codebook variable must be a column, and listed once.
    private static func validate(_ codebook: Codebook, against table: CSVTable, codebookFile: String) throws {
        try CodebookFile.validate(codebook, file: codebookFile)
        let names = Set(table.columns.map(\.name))
        var seen: Set<String> = []
        for variable in codebook.variables {
            guard seen.insert(variable.name).inserted else {
                throw SurveyDataError.codebook(file: codebookFile, message: "variable '\(variable.name)' is listed twice")
            }
            guard names.contains(variable.name) else {
                throw SurveyDataError.codebook(file: codebookFile,
                    message: "variable '\(variable.name)' is not a column of \(table.file)")
            }
        }
    }

    /// A column's values and description: declared by the codebook, or inferred.
    private static func decode(_ column: CSVTable.Column, declared: VariableInfo?, file: String) throws
        -> ([Double], VariableInfo)
    {
        switch column.values {
        case let .numeric(values):
            if let declared { return (values, declared) }
            return (values, VariableInfo(name: column.name, type: TypeInference.type(of: values)))

        case let .text(indices, strings, firstLines):
            if let truth = TruthValues.decode(indices: indices, strings: strings),
               declared == nil || declared?.type == .binary || declared?.type == .continuous {
                return (truth, declared ?? VariableInfo(name: column.name, type: .binary))
            }
            if let declared, !declared.values.isEmpty {
                let codes = try strings.indices.map { k -> Double in
                    if let code = declared.code(forLabel: strings[k]) ?? parseNumber(strings[k]) { return code }
                    let valid = declared.values.map { $0.name ?? $0.labelEN ?? $0.labelZH ?? formatCode($0.code) }
                    throw SurveyDataError.csv(file: file, line: firstLines[k],
                        message: "variable '\(column.name)': \(MessageText.quote(strings[k])) is not one of its value labels (\(MessageText.list(valid)))")
                }
                return (indices.map { $0 < 0 ? .nan : codes[Int($0)] }, declared)
            }
            if let declared, declared.type == .continuous || declared.type == .binary {
                let k = strings.indices.first { parseNumber(strings[$0]) == nil } ?? 0
                throw SurveyDataError.csv(file: file, line: firstLines.isEmpty ? 0 : firstLines[k],
                    message: "variable '\(column.name)' is \(declared.type.rawValue) in the codebook but holds text \(MessageText.quote(strings.isEmpty ? "" : strings[k]))")
            }
            let (values, labels) = TextEncoding.encode(indices: indices, strings: strings)
            var info = declared ?? VariableInfo(name: column.name, type: .categorical)
            info.values = labels
            info.nonNumericCell = TextEncoding.firstNonNumericCell(indices: indices, strings: strings,
                                                                   firstLines: firstLines, file: file)
            info.textEncoded = true
            return (values, info)
        }
    }
}

/// Notes on how a CSV file was read (Dataset.notes), en and zh.
enum CSVReadingNote {
    case delimiter(String)
    case carriageReturns
    case missingTokens(column: String, cells: Int, tokens: [String])
    case readAsText(column: String, cell: NonNumericCell)

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .delimiter(let name):
            return zh ? "字段以 \(name) 分隔（由表头判断）" : "fields are separated by \(name) (detected from the header)"
        case .carriageReturns:
            return zh ? "行以 CR 结尾（旧 Mac 格式）" : "lines end in CR alone (classic Mac line ends)"
        case let .missingTokens(column, cells, tokens):
            let list = tokens.map { MessageText.quote($0) }.joined(separator: ", ")
            return zh ? "\(MessageText.quote(column))：\(cells) 个单元格（\(list)）按缺失读取"
                      : "\(MessageText.quote(column)): \(cells) cell\(cells == 1 ? "" : "s") (\(list)) read as missing"
        case let .readAsText(column, cell):
            return zh ? "\(MessageText.quote(column)) 按文本读取：第 \(cell.line) 行的 \(cell.quotedValue) 不是数字"
                      : "\(MessageText.quote(column)) read as text: line \(cell.line) holds \(cell.quotedValue), not a number"
        }
    }
}
