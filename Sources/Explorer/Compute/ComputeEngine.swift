@_exported import Analysis

/// The analysis layer's result, as the explorer's state holds it.
public typealias ComputeOutput = AnalysisResult
/// One column of the Models view as planned from the specification.
public typealias PlannedModel = LineupModel

/// The explorer's call into the analysis layer: the screen's models, sample, tables and the
/// mediation paths (the bootstrap runs separately, `MediationRunner`).
public enum ComputeEngine {
    /// With `margins: false` the models come without marginal effects — fast enough to redraw
    /// the Models view at once; the worker then runs again with margins for the Margins view.
    /// `partial` receives an early result with the least-squares columns while the likelihood
    /// models are still being estimated (their columns `pending`).
    public static func run(_ spec: Specification, generation: Int, env: ExplorerEnvironment,
                           cache: FitCache, margins: Bool = true,
                           isCancelled: @escaping @Sendable () -> Bool = { false },
                           partial: ((ComputeOutput) -> Void)? = nil) -> ComputeOutput {
        AnalysisEngine.run(spec, generation: generation, dataset: env.dataset, cache: cache,
                           request: AnalysisRequest(margins: margins), isCancelled: isCancelled, partial: partial)
    }
}
