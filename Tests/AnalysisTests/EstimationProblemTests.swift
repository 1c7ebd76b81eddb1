import Foundation
import Testing
import SurveyData
import Estimation
@testable import Analysis

/// The explorer's and the lessons' path (one engine): a model that cannot be estimated — complete
/// separation, the outcome among the controls — carries its one-line error, and the other models
/// of the screen stay usable.
struct EstimationProblemTests {
    static func data() -> Dataset {
        let n = 80
        let x = (0..<n).map { Double($0) }
        let m = x.map { $0 >= 40 ? 1.0 : 0 }                       // completely separated by x
        let y = (0..<n).map { sin(Double($0) * 1.7) > 0 ? 1.0 : 0 } // not separated
        let z = (0..<n).map { cos(Double($0) * 0.9) }
        return Dataset(name: "p", columns: [Column(name: "y", values: y), Column(name: "x", values: x),
                                            Column(name: "m", values: m), Column(name: "z", values: z)],
                       codebook: Codebook(dataset: "p", variables: [
                           VariableInfo(name: "y", type: .binary), VariableInfo(name: "x", type: .continuous),
                           VariableInfo(name: "m", type: .binary), VariableInfo(name: "z", type: .continuous),
                       ]))
    }

    @Test func aSeparatedMediatorModelFailsAloneAndSaysWhy() throws {
        let spec = Specification(outcome: "y", keyRegressor: "x", mediator: "m", mediatorOn: true, controls: ["c.z"])
        let result = AnalysisEngine.run(spec, dataset: Self.data(), request: AnalysisRequest(margins: false))
        let failed = result.models.filter { $0.error != nil }
        #expect(!failed.isEmpty)
        for model in failed {
            #expect(model.error?.contains("outcome m = x > 39 predicts data perfectly") == true, "\(model.id): \(model.error ?? "")")
            #expect(model.error?.contains("\n") == false)
        }
        // The outcome models (without the mediator) are estimated.
        let fitted = result.models.filter { $0.result != nil }
        #expect(!fitted.isEmpty, "\(result.models.map { ($0.id, $0.error) })")
        #expect(fitted.allSatisfy { $0.result?.coefficients.allSatisfy { $0.estimate.isFinite } == true })
    }

    /// A saved specification (or lesson step) whose key regressor is the outcome reaches the same
    /// formula check: every model says so instead of fitting y on itself (R² = 1).
    @Test func theOutcomeAsKeyRegressorIsAnErrorForEachModel() throws {
        let spec = Specification(outcome: "y", keyRegressor: "y", controls: ["c.z"])
        let result = AnalysisEngine.run(spec, dataset: Self.data(), request: AnalysisRequest(margins: false))
        #expect(!result.models.isEmpty)
        for model in result.models {
            #expect(model.error?.contains("the outcome 'y' cannot also be a regressor") == true, "\(model.id): \(model.error ?? "ok")")
        }
    }

    /// Controls that are the screen's roles are left out by the specification itself
    /// (`effectiveControls`), so the outcome among the controls never reaches a model.
    @Test func theOutcomeAmongTheControlsIsLeftOut() throws {
        let spec = Specification(outcome: "y", keyRegressor: "x", controls: ["y", "c.z"])
        let result = AnalysisEngine.run(spec, dataset: Self.data(), request: AnalysisRequest(margins: false))
        let fitted = result.models.compactMap(\.result)
        #expect(!fitted.isEmpty)
        #expect(fitted.allSatisfy { !$0.coefficients.contains { $0.term == "y" } })
    }

    @Test func aRepeatedControlIsKeptOnceWithANote() throws {
        let spec = Specification(outcome: "y", keyRegressor: "x", controls: ["c.z", "z"])
        let result = AnalysisEngine.run(spec, dataset: Self.data(), request: AnalysisRequest(margins: false))
        let model = try #require(result.models.first { $0.result != nil })
        #expect(model.result?.coefficients.filter { $0.term == "z" }.count == 1)
        #expect(model.result?.notes.contains { $0.contains("repeated") } == true, "\(model.result?.notes ?? [])")
    }
}
