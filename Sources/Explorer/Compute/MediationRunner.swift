import Estimation
import SurveyData

/// Bridge to the Mediation engine: the bootstrap of the indirect effect, KHB and causal
/// estimates, with progress and cancellation.
enum MediationRunner {
    static func run(_ spec: Specification, env: ExplorerEnvironment,
                    progress: @escaping @Sendable (Int, Int) -> Void,
                    isCancelled: @escaping @Sendable () -> Bool) -> Result<MediationOutput, FitFailure> {
        .failure(FitFailure(message: "the mediation engine is not available yet"))
    }
}
