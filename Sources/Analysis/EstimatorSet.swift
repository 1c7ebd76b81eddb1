import Estimation

/// Which outcome models the Models view (and a lesson step's `estimators:`) estimates; `e`
/// cycles through them in the explorer.
public enum EstimatorSet: String, Sendable, CaseIterable, Codable {
    /// The paper's Table 3: OLS, ordered logit, and the ordered logit x-standardized.
    case paper
    case ologit
    case ols
    case ordered
    case probit
    /// Ordered logit beside gologit2's partial proportional-odds model chosen by `autofit`
    /// (α = 0.05): the parallel-lines assumption checked term by term.
    case ologitGologit = "ologit+gologit"

    /// (estimator, standardized column) pairs, before adapting to the outcome's type.
    public var columns: [(kind: ModelKind, standardized: Bool)] {
        switch self {
        case .paper: return [(.ols, false), (.ologit, false), (.ologit, true)]
        case .ologit: return [(.ologit, false)]
        case .ols: return [(.ols, false)]
        case .ordered: return [(.ologit, false), (.oprobit, false)]
        case .probit: return [(.oprobit, false), (.oprobit, true)]
        case .ologitGologit: return [(.ologit, false), (.gologit, false)]
        }
    }

    /// Which terms of a generalized ordered column keep one coefficient: autofit at 5 % in
    /// `ologit+gologit(autofit)`; nil for every other estimator.
    public func parallelLines(for kind: ModelKind) -> ParallelLines? {
        guard kind.isGeneralizedOrdered else { return nil }
        return .autofit(alpha: 0.05)
    }

    public var title: String {
        switch self {
        case .paper: return "OLS+ologit+std"
        case .ologit: return "ologit"
        case .ols: return "OLS"
        case .ordered: return "ologit+oprobit"
        case .probit: return "oprobit+std"
        case .ologitGologit: return "ologit+gologit(autofit)"
        }
    }

    public var next: EstimatorSet {
        let all = EstimatorSet.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}
