import Estimation

/// Baron & Kenny's causal steps as the reference paper reads them.
///
/// Rule (α = `alpha`, two-sided p of each path):
/// - a (X → M) and b (M → Y | X) both significant, c′ (X → Y | M) significant → **partial**;
/// - a and b both significant, c′ not → **full**;
/// - otherwise → **none**.
/// The total effect c is reported but, as in the paper, not required to be significant.
public enum BaronKenny {
    public static func verdict(a: PathEstimate, b: PathEstimate, cPrime: PathEstimate,
                               alpha: Double = 0.05) -> MediationVerdict {
        guard a.p < alpha, b.p < alpha else { return .none }
        return cPrime.p < alpha ? .partial : .full
    }

    public static func result(a: PathEstimate, b: PathEstimate, c: PathEstimate, cPrime: PathEstimate,
                              mediatorModel: ModelKind, outcomeModel: ModelKind,
                              alpha: Double = 0.05) -> BaronKennyResult {
        let ab = a.estimate * b.estimate
        return BaronKennyResult(
            a: a, b: b, c: c, cPrime: cPrime,
            verdict: verdict(a: a, b: b, cPrime: cPrime, alpha: alpha), alpha: alpha,
            proportionOfTotal: ab / c.estimate, proportionOfSum: ab / (ab + cPrime.estimate),
            warnings: scaleWarnings(mediatorModel: mediatorModel, outcomeModel: outcomeModel))
    }

    /// Why a·b and the proportions may not mean what they seem.
    public static func scaleWarnings(mediatorModel: ModelKind, outcomeModel: ModelKind) -> [String] {
        var w: [String] = []
        if mediatorModel != outcomeModel || mediatorModel != .ols {
            if mediatorModel != outcomeModel {
                w.append("a is a \(mediatorModel.rawValue) coefficient, b and c′ are \(outcomeModel.rawValue) coefficients: a·b and the proportions mix the scales of different models (see the y*-standardized indirect effect and the causal estimates)")
            } else {
                w.append("a·b multiplies coefficients of two \(outcomeModel.rawValue) models, each on its own latent scale (see the y*-standardized indirect effect)")
            }
        }
        if outcomeModel != .ols {
            w.append("c and c′ come from different \(outcomeModel.rawValue) models whose latent scales differ (rescaling): c − c′ is not the indirect effect (see KHB)")
        }
        return w
    }
}
