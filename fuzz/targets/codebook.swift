// libFuzzer entry for codebook JSON (`NAME.codebook.json`): any bytes must decode to a codebook or
// fail with an error, never crash; a decoded codebook applied to a small CSV naming its variables
// (labels mapped, missing codes and missing tokens applied, duplicate codes refused) must give a
// dataset whose columns all have its row count, or a SurveyDataError.
import Foundation
import SurveyData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCodebook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let codebook = try? JSONDecoder().decode(Codebook.self, from: bytes) else { return 0 }
    // A CSV with one column per codebook variable (at most 16), cells taken from its labels and codes.
    let variables = Array(codebook.variables.prefix(16))
    guard !variables.isEmpty else { return 0 }
    func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    var csv = variables.map { quoted($0.name) }.joined(separator: ",") + "\n"
    for row in 0..<4 {
        csv += variables.map { v -> String in
            if v.values.isEmpty { return row == 3 ? "NA" : String(row) }
            let label = v.values[row % v.values.count]
            return row % 2 == 0 ? quoted(label.name ?? label.labelEN ?? String(label.code)) : String(label.code)
        }.joined(separator: ",") + "\n"
    }
    var limited = codebook
    limited.variables = variables
    guard let dataset = try? CSVLoader.load(bytes: Array(csv.utf8), name: "fuzz.csv", codebook: limited) else { return 0 }
    for column in dataset.columns {
        precondition(column.count == dataset.rowCount, "column \(column.name) has \(column.count) rows, not \(dataset.rowCount)")
    }
    for variable in dataset.codebook.variables {
        precondition(Set(variable.values.map(\.code)).count == variable.values.count,
                     "duplicate codes survived in \(variable.name)")
    }
    return 0
}
