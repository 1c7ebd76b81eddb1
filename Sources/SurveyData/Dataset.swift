/// The in-memory columnar store: one `Column` per variable, all of the same length, plus the
/// codebook that says what they mean. Values are `Double`; a missing value is NaN, so it can never
/// be confused with zero. Categorical columns hold their codes; labels live in the codebook.

public struct Column: Sendable, Equatable, RandomAccessCollection {
    public var name: String
    /// The numbers, plain or compact (`ColumnStorage`); loaders compact what they read.
    public private(set) var storage: ColumnStorage

    public init(name: String, values: [Double]) {
        self.name = name; self.storage = .doubles(values)
    }

    public init(name: String, storage: ColumnStorage) {
        self.name = name; self.storage = storage
    }

    /// The values as an array: free for a plain column, a new array for a compact one, so a
    /// reader takes it once, never per row (use the subscript for single values).
    public var values: [Double] {
        get { storage.doubles }
        set { storage = .doubles(newValue) }
    }

    public var count: Int { storage.count }
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    @inline(__always) public subscript(row: Int) -> Double { storage[row] }

    /// The same values in the most compact form that keeps every one bit for bit.
    public func compacted() -> Column {
        guard case .doubles(let v) = storage else { return self }
        return Column(name: name, storage: .compacting(v))
    }

    /// Equal names and values (NaN never equals NaN, as for `[Double]`).
    public static func == (a: Column, b: Column) -> Bool {
        a.name == b.name && a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }
}

public struct Dataset: Sendable {
    public var name: String
    /// Where it was loaded from (for error messages); nil for generated data.
    public var source: String?
    public private(set) var columns: [Column]
    public var codebook: Codebook
    /// Things the user should know about how the data were read (e.g. "no codebook: variable types
    /// inferred"); the CLI and explorer print them.
    public var notes: [String] = []
    private var index: [String: Int]

    public init(name: String, source: String? = nil, columns: [Column], codebook: Codebook) {
        self.name = name; self.source = source; self.columns = columns; self.codebook = codebook
        var index: [String: Int] = [:]
        for (i, c) in columns.enumerated() { index[c.name] = i }
        self.index = index
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var variableNames: [String] { columns.map(\.name) }

    public func column(_ name: String) -> Column? {
        index[name].map { columns[$0] }
    }

    /// The column or a `SurveyDataError.unknownVariable` naming it.
    public func requireColumn(_ name: String) throws(SurveyDataError) -> Column {
        guard let c = column(name) else { throw .unknownVariable(name, dataset: self.name) }
        return c
    }

    public func info(_ name: String) -> VariableInfo? { codebook.variable(name) }

    /// Adds or replaces a column (used by generators and derived variables).
    public mutating func setColumn(_ column: Column, info: VariableInfo? = nil) {
        if let i = index[column.name] {
            columns[i] = column
        } else {
            index[column.name] = columns.count
            columns.append(column)
        }
        if let info {
            if let j = codebook.variables.firstIndex(where: { $0.name == info.name }) {
                codebook.variables[j] = info
            } else {
                codebook.variables.append(info)
            }
        }
    }

    /// The rows where `mask` is true, as a new dataset (subsample views for crosstabs, data grid).
    public func subset(_ mask: [Bool]) -> Dataset {
        let rows = mask.indices.filter { mask[$0] && $0 < rowCount }
        let cols = columns.map { c in
            let values = [Double](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
                if let base = buffer.baseAddress { c.storage.copy(rows: rows, into: base) }
                initialized = rows.count
            }
            let column = Column(name: c.name, values: values)
            if case .doubles = c.storage { return column }
            return column.compacted()
        }
        var result = Dataset(name: name, source: source, columns: cols, codebook: codebook)
        result.notes = notes
        return result
    }
}

public enum SurveyDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownVariable(String, dataset: String)
    case fileNotFound(String)
    case unsupportedFormat(String)
    /// A CSV problem at a 1-based line (and column where known).
    case csv(file: String, line: Int, message: String)
    case codebook(file: String, message: String)
    case readStat(file: String, message: String)
    /// A filter expression problem at a 1-based character column.
    case filter(expression: String, column: Int, message: String)
    case write(file: String, message: String)

    public var description: String {
        switch self {
        case let .unknownVariable(name, dataset): return "unknown variable '\(name)' in dataset \(dataset)"
        case let .fileNotFound(path): return "\(path): no such file"
        case let .unsupportedFormat(path): return "\(path): unsupported file type (expected .csv, .dta or .sav)"
        case let .csv(file, line, message): return "\(file):\(line): \(message)"
        case let .codebook(file, message): return "\(file): codebook: \(message)"
        case let .readStat(file, message): return "\(file): \(message)"
        case let .filter(expression, column, message): return "if expression, column \(column): \(message) in '\(expression)'"
        case let .write(file, message): return "\(file): cannot write: \(message)"
        }
    }
}
