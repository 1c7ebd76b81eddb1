// libFuzzer entry for saved specifications (`w` / `--spec` JSON, and the analysis part of a lesson
// step): any bytes must decode to a Specification or fail, never crash; a decoded one is planned
// into its models on a small dataset and each model's design built, which must succeed or fail
// with an EstimationError (outcome among the regressors, conflicting terms…), never trap.
import Foundation
import SurveyData
import Estimation
import Analysis

private let dataset: Dataset = {
    let n = 16
    let columns = [
        Column(name: "skill", values: (0..<n).map { Double($0 % 3 + 1) }),
        Column(name: "union", values: (0..<n).map { Double($0 % 2) }),
        Column(name: "training", values: (0..<n).map { Double(($0 / 2) % 2) }),
        Column(name: "educ", values: (0..<n).map { Double($0 % 4 + 1) }),
        Column(name: "age", values: (0..<n).map { Double(20 + 3 * $0) }),
    ]
    let codebook = Codebook(dataset: "fuzz", variables: [
        VariableInfo(name: "skill", type: .ordinal), VariableInfo(name: "union", type: .binary),
        VariableInfo(name: "training", type: .binary), VariableInfo(name: "educ", type: .categorical),
        VariableInfo(name: "age", type: .continuous),
    ])
    return Dataset(name: "fuzz", columns: columns, codebook: codebook)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let spec = try? JSONDecoder().decode(Specification.self, from: bytes) else { return 0 }
    let names = [spec.outcome, spec.keyRegressor] + spec.controls.map(FormulaTerms.variable(of:))
    guard names.allSatisfy({ dataset.column($0) != nil }), spec.controls.count <= 64 else { return 0 }
    for model in ModelLineup.plan(spec, dataset: dataset) {
        do {
            let design = try DesignMatrix(spec: model.spec, data: dataset)
            precondition(design.terms.last?.isConstant == true, "the design does not end with _cons")
            precondition(!design.terms.contains { $0.variable == design.outcome }, "the outcome is a regressor")
        } catch is EstimationError {
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
    return 0
}
