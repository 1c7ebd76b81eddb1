import SurveyData

/// The single entry point the CLI, the mediation suite and the explorer call: builds the design
/// (formula, `if`, listwise deletion, factors, weights, clusters) and estimates `spec.kind` on it.
///
/// Lower-level API (for refits without re-parsing — bootstrap, several models on one sample):
/// - `DesignMatrix(spec:data:)` — built once: `x` column-major (`_cons` last), `y`, `weights`,
///   `terms`, `rows` (dataset row of each observation), `clusters`.
/// - `estimate(_:design:vce:options:)` — fits any `ModelKind` on a design; does the row-dependent
///   pruning (perfect prediction, collinearity) itself, so resampled designs are handled right.
/// - `design.subset(rows:)` (resample with repeats) and `design.reweighted(_:)` (bootstrap counts
///   as frequency weights) — cheap refits.
/// - `Prediction.linearPredictor`, `Prediction.orderedProbabilities`, `Prediction.probabilities`,
///   `Link.cdf`/`pdf` — predictions for given rows and parameters.
/// - `Formula.parse(_:)` — pure, never traps (fuzzed).
/// All of it is `Sendable` value types with no global mutable state: fits may run in parallel.
public func fitModel(_ spec: ModelSpec, data: Dataset, options: FitOptions = FitOptions()) throws -> ModelResult {
    let design = try DesignMatrix(spec: spec, data: data)
    return try estimate(spec.kind, design: design, vce: spec.vce, options: options)
}
