// libFuzzer entry for the CSV reader: any bytes must give a dataset or a SurveyDataError, never a
// crash, and a dataset's columns must all have its row count. The reader split into 2 and 3 chunks
// (as it parses large files on several cores) must give exactly the same dataset or error.
@_spi(Fuzzing) import SurveyData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let sequential = outcome { try CSVLoader.load(bytes: bytes, name: "fuzz.csv", chunks: 1) }
    for chunks in [2, 3] {
        let chunked = outcome { try CSVLoader.load(bytes: bytes, name: "fuzz.csv", chunks: chunks) }
        precondition(chunked == sequential, "\(chunks) chunks read differently: \(chunked) vs \(sequential)")
    }
    guard let dataset = try? CSVLoader.load(bytes: bytes, name: "fuzz.csv") else { return 0 }
    for column in dataset.columns {
        precondition(column.count == dataset.rowCount, "column \(column.name) has \(column.count) rows, not \(dataset.rowCount)")
    }
    precondition(dataset.codebook.variables.count == dataset.columns.count, "codebook and columns disagree")
    return 0
}

/// A load's result in comparable form: values by bit pattern (NaN = missing compares equal only
/// where both have it), or the error.
private enum Outcome: Equatable {
    case dataset(names: [String], values: [[UInt64]], rowCount: Int, codebook: Codebook)
    case error(String)
}

private func outcome(_ load: () throws -> Dataset) -> Outcome {
    do {
        let d = try load()
        return .dataset(names: d.columns.map(\.name), values: d.columns.map { $0.values.map(\.bitPattern) },
                        rowCount: d.rowCount, codebook: d.codebook)
    } catch {
        return .error("\(error)")
    }
}
