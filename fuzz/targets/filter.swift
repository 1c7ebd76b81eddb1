// libFuzzer entry for the `if` filter language: any text must parse to a filter or give a
// SurveyDataError, never a crash; a parsed filter must give one Bool per row.
import SurveyData

private let dataset: Dataset = {
    let industry = VariableInfo(name: "industry", type: .categorical, values: [
        ValueLabel(code: 1, name: "primary", labelZH: "第一产业"),
        ValueLabel(code: 2, name: "secondary"),
        ValueLabel(code: 3, name: "tertiary"),
    ])
    return Dataset(name: "fuzz", columns: [
        Column(name: "age", values: [20, 35, .nan, 61, 0]),
        Column(name: "male", values: [1, 0, 1, .nan, 0]),
        Column(name: "industry", values: [1, 2, 3, .nan, 2]),
        Column(name: "wage", values: [-1.5, 1e300, 0, 4200, .nan]),
    ], codebook: Codebook(dataset: "fuzz", variables: [industry]))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let filter = try? Filter(text, dataset: dataset) else { return 0 }
    guard let mask = try? filter.mask(on: dataset) else { return 0 }
    precondition(mask.count == dataset.rowCount, "mask has \(mask.count) entries for \(dataset.rowCount) rows")
    return 0
}
