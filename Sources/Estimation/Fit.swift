import SurveyData

/// The single entry point the CLI, the mediation suite and the explorer call.
public func fitModel(_ spec: ModelSpec, data: Dataset, options: FitOptions = FitOptions()) throws -> ModelResult {
    throw EstimationError.invalidModel("estimation is not implemented yet")
}
