import Analysis
import Estimation
import Mediation
import SurveyData

/// What one step's specification produced, as the analysis engine computed it: the common
/// sample, the fitted models (or why each failed), descriptive statistics, crosstabs and the
/// mediation analysis.
public struct StepResults: Sendable {
    public var spec: LessonSpecification
    /// Rows of the step's common estimation sample.
    public var n: Int
    public var plan: [PlannedFit]
    public var fits: [String: ModelResult]
    public var fitErrors: [String: String]
    public var descriptions: [VariableDescription]
    public var crosstabs: [LessonCrosstab: CrossTabulation]
    public var mediation: MediationResult?
    public var mediationError: String?
    /// Oster's δ and the robustness values of the OLS outcome models, by lesson model id.
    public var sensitivity: [String: OmittedVariableSensitivity] = [:]
}

/// A step's results from its specification alone, through the one analysis engine.
enum StepEvaluator {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func evaluate(_ spec: LessonSpecification, dataset: Dataset, cache: FitCache) throws -> StepResults {
        var request = spec.request
        if spec.describe.isEmpty { request.describe = dataset.variableNames }
        let output = AnalysisEngine.run(spec.analysis, dataset: dataset, cache: cache, request: request)
        if let error = output.sampleError { throw Failure(description: error) }
        var fits: [String: ModelResult] = [:], errors: [String: String] = [:]
        var sensitivity: [String: OmittedVariableSensitivity] = [:]
        var plan: [PlannedFit] = []
        for model in output.models where !model.plan.standardized {
            let id = model.plan.lessonID
            plan.append(PlannedFit(id: id, title: model.title, spec: model.plan.spec))
            if let r = model.result { fits[id] = r } else if let e = model.error { errors[id] = e }
            if let s = model.sensitivity { sensitivity[id] = s }
        }
        var crosstabs: [LessonCrosstab: CrossTabulation] = [:]
        for c in output.crosstabs {
            guard let t = c.table else { throw Failure(description: c.error ?? "\(c.pair.row) x \(c.pair.column)") }
            crosstabs[c.pair] = t
        }
        return StepResults(spec: spec, n: output.sample?.n ?? 0, plan: plan, fits: fits, fitErrors: errors,
                           descriptions: output.summaries, crosstabs: crosstabs, mediation: output.mediation,
                           mediationError: output.mediationError, sensitivity: sensitivity)
    }
}
