// libFuzzer entry for the CSV reader: any bytes must give a dataset or a SurveyDataError, never a
// crash, and a dataset's columns must all have its row count.
import SurveyData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let dataset = try? CSVLoader.load(bytes: bytes, name: "fuzz.csv") else { return 0 }
    for column in dataset.columns {
        precondition(column.count == dataset.rowCount, "column \(column.name) has \(column.count) rows, not \(dataset.rowCount)")
    }
    precondition(dataset.codebook.variables.count == dataset.columns.count, "codebook and columns disagree")
    return 0
}
