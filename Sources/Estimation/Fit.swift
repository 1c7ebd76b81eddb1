import SurveyData

/// The single entry point the CLI, the mediation suite and the explorer call: builds the design
/// (formula, `if`, listwise deletion, factors, weights, clusters) and estimates `spec.kind` on it.
public func fitModel(_ spec: ModelSpec, data: Dataset, options: FitOptions = FitOptions()) throws -> ModelResult {
    let design = try DesignMatrix(spec: spec, data: data)
    return try estimate(spec.kind, design: design, vce: spec.vce, options: options)
}
