import Analysis
import Mediation

/// The Mediation view's full analysis — Baron–Kenny, Sobel, the bootstrap of the indirect
/// effect, KHB and causal mediation — through the analysis layer, with progress and
/// cancellation. Same sample and model families as the screen's models.
enum MediationRunner {
    static let replications = 500
    static let request = MediationRequest(methods: [.bk, .sobel, .bootstrap, .khb, .causal], reps: replications, seed: 1)

    static func run(_ spec: Specification, env: ExplorerEnvironment,
                    progress: @escaping @Sendable (String, Int, Int) -> Void,
                    isCancelled: @escaping @Sendable () -> Bool) -> Result<MediationResult, FitFailure> {
        // Every core: a key press that needs new models cancels the run (checked between
        // replications), so the cores are free again within one replication; the numbers do
        // not depend on the thread count.
        do {
            return .success(try AnalysisEngine.mediation(
                spec, dataset: env.dataset, request: request,
                progress: { p in progress(p.stage.rawValue, p.completed, p.total) }, isCancelled: isCancelled))
        } catch {
            return .failure(FitFailure(message: "\(error)"))
        }
    }
}
