// libFuzzer entry for .dta and .sav files through ReadStat: any bytes, read as either format, must
// give a dataset or a SurveyDataError, never a crash or a hang; a dataset's columns must all have
// its row count and every codebook variable must be a column.
import Foundation
import SurveyData

private let directory: String = {
    let path = NSTemporaryDirectory() + "pathlens-fuzz-readstat-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReadStat(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    for format in [ReadStatFormat.dta, .sav] {
        let path = directory + "/input." + (format == .dta ? "dta" : "sav")
        guard (try? bytes.write(to: URL(fileURLWithPath: path))) != nil else { return 0 }
        guard let dataset = try? ReadStatLoader.load(path: path, format: format) else { continue }
        for column in dataset.columns {
            precondition(column.count == dataset.rowCount, "column \(column.name) has \(column.count) rows, not \(dataset.rowCount)")
        }
        for variable in dataset.codebook.variables {
            precondition(dataset.column(variable.name) != nil, "codebook variable \(variable.name) is not a column")
        }
    }
    return 0
}
