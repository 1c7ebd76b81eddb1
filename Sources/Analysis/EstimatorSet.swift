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

    /// (estimator, standardized column) pairs, before adapting to the outcome's type.
    public var columns: [(kind: ModelKind, standardized: Bool)] {
        switch self {
        case .paper: return [(.ols, false), (.ologit, false), (.ologit, true)]
        case .ologit: return [(.ologit, false)]
        case .ols: return [(.ols, false)]
        case .ordered: return [(.ologit, false), (.oprobit, false)]
        case .probit: return [(.oprobit, false), (.oprobit, true)]
        }
    }

    public var title: String {
        switch self {
        case .paper: return "OLS+ologit+std"
        case .ologit: return "ologit"
        case .ols: return "OLS"
        case .ordered: return "ologit+oprobit"
        case .probit: return "oprobit+std"
        }
    }

    public var next: EstimatorSet {
        let all = EstimatorSet.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}
