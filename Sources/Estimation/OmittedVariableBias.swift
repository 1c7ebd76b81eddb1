import Foundation
import SurveyData

/// Sensitivity of an OLS coefficient to an omitted confounder, by the two standard yardsticks:
///
/// - Oster (2019), as Stata's `psacalc`: δ, how strongly the unobservables would have to select
///   on the treatment relative to the observed controls for the effect to be β = 0, and β*, the
///   bias-adjusted effect at δ = 1, both from coefficient and R² movements between the short
///   regression (Y on X alone) and the controlled one, with R²max = min(rmax·R̃², 1).
/// - Cinelli & Hazlett (2020), as R's `sensemakr`: the partial R² of X with Y, the robustness
///   values RV_q and RV_{q,α}, and the bounds implied by a confounder k times as strong as an
///   observed benchmark covariate (`ovb_bounds`).
///
/// Both use the classical (unweighted, homoskedastic) OLS quantities on the controlled model's
/// estimation sample: every regression here runs on exactly those rows. The formulas are the
/// papers' closed forms; the reference fixture (`scripts/fixtures/sensitivity.R`) checks them by
/// brute-force root search and against sensemakr's published darfur values.
public struct OmittedVariableSensitivity: Sendable, Equatable {
    public var outcome: String
    public var treatment: String
    /// The benchmark covariate of `bounds` (nil without one).
    public var benchmark: String?
    public var n: Int
    /// Residual degrees of freedom of the controlled model (n − k, k counting `_cons`).
    public var dof: Int
    /// The controlled model's coefficient of X (β̃), its classical SE and t.
    public var estimate: Double
    public var se: Double
    public var t: Double
    /// The short regression's coefficient of X (β̊) and R² (R̊); the controlled model's R² (R̃).
    public var estimateShort: Double
    public var r2Short: Double
    public var r2Long: Double
    /// The multiplier given and the R²max it implies (min(rmax·R̃², 1)).
    public var rmax: Double
    public var r2max: Double
    /// Oster's inputs: var(Y), var(X), and var of X's residual on the controls (τ_X); n − 1 denominators.
    public var varY: Double
    public var varX: Double
    public var varXResidual: Double
    /// Oster's δ for β = 0 (nil when undefined: a zero denominator).
    public var delta: Double?
    /// β* at δ = 1 (psacalc's chosen root) and the other root.
    public var betaStar: Double?
    public var betaStarAlternative: Double?
    /// Cinelli–Hazlett: partial R² of X with Y given the controls, RV_q and RV_{q,α}.
    public var r2ydx: Double
    public var rvQ: Double
    public var rvQA: Double
    public var q: Double
    public var alpha: Double
    /// The benchmark's partial R² with X (given the other controls) and with Y (given X and the other controls).
    public var r2dxjx: Double?
    public var r2yxjdx: Double?
    public var bounds: [OmittedVariableBound]
    /// Multipliers left out of `bounds` because a confounder that strong is impossible (sensemakr
    /// stops there; the other results stay usable), with the reason in `notes`.
    public var impossibleMultipliers: [Double] = []
    public var notes: [String] = []
}

/// One row of sensemakr's `ovb_bounds`: a confounder kd times as strongly related to X and ky
/// times as strongly to Y as the benchmark, and the estimate it would leave.
public struct OmittedVariableBound: Sendable, Equatable {
    /// sensemakr's label: "1x female".
    public var label: String
    public var kd: Double
    public var ky: Double
    public var r2dzx: Double
    public var r2yzdx: Double
    public var adjustedEstimate: Double
    public var adjustedSE: Double
    public var adjustedT: Double
    public var adjustedLower: Double
    public var adjustedUpper: Double
}

public enum OmittedVariableBias {
    /// The benchmark multipliers sensemakr's examples use (kd = ky).
    public static let defaultMultipliers: [Double] = [1, 2, 3]

    /// Analyzes `spec` (an OLS model whose formula holds `treatment` as one numeric or binary
    /// column and at least one control) on `data`. `level` sets α = 1 − level for RV_{q,α} and
    /// the bounds' intervals. Errors are one line, naming the variable.
    public static func analyze(spec: ModelSpec, data: Dataset, treatment: String, rmax: Double = 1.3,
                               benchmark: String? = nil, multipliers: [Double] = defaultMultipliers,
                               level: Double = 0.95) throws(EstimationError) -> OmittedVariableSensitivity {
        guard spec.kind == .ols else {
            throw .invalidModel("sensitivity to omitted confounders needs an OLS model (not \(spec.kind.rawValue))")
        }
        guard rmax > 1, rmax.isFinite else {
            throw .invalidModel("--rmax must be greater than 1 (R²max = rmax·R̃²), not \(NumberText.plain(rmax))")
        }
        guard level > 0, level < 1 else { throw .invalidModel("--level must lie strictly between 0 and 1") }
        // sensemakr and psacalc's formulas are those of classical unweighted OLS: refused, not approximated.
        guard spec.weights == .none, spec.design == nil else {
            throw .invalidModel("sensitivity to omitted confounders uses classical unweighted OLS: weights and survey designs are not supported")
        }
        var classical = spec
        classical.vce = .oim
        let design = try DesignMatrix(spec: classical, data: data)
        let fit = try estimate(.ols, design: design, vce: .oim)
        let n = design.rowCount
        let kept = fit.coefficients.map(\.term)
        let columnIndex = Dictionary(design.terms.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let columns = kept.compactMap { columnIndex[$0] }
        guard columns.count == kept.count, let cons = columnIndex["_cons"], columns.contains(cons) else {
            throw .invalidModel("sensitivity to omitted confounders needs a model with a constant")
        }
        let treatmentColumns = design.terms.indices.filter { design.terms[$0].variable == treatment && !design.terms[$0].isInteraction }
        guard treatmentColumns.count == 1, let xColumn = treatmentColumns.first, columns.contains(xColumn) else {
            if treatmentColumns.count > 1 {
                throw .invalidModel("'\(treatment)' enters as \(treatmentColumns.count) indicators: the treatment must be one numeric or binary variable")
            }
            throw .invalidModel("'\(treatment)' is not an estimated regressor of '\(spec.formula)'")
        }
        let controls = columns.filter { $0 != xColumn && $0 != cons }
        guard !controls.isEmpty else { throw .invalidModel("the model has no controls (psacalc: \"Model does not have controls\")") }
        guard let coefficient = fit.coefficient(design.terms[xColumn].name) else {
            throw .invalidModel("'\(treatment)' has no estimate")
        }
        let k = columns.count
        guard n - k > 1 else { throw .invalidModel("\(n) observations for \(k) parameters: too few for the sensitivity statistics") }
        let dof = Double(n - k)

        func regression(_ cols: [Int], on y: [Double]) throws(EstimationError) -> (beta: [Double], rss: Double) {
            var x = [Double](); x.reserveCapacity(cols.count * n)
            for j in cols { x.append(contentsOf: design.column(j)) }
            guard let ls = LeastSquares(x: x, rows: n, columns: cols.count, y: y, weights: nil) else {
                throw .numerical("least squares failed in the sensitivity regressions: the design is singular")
            }
            return (ls.beta, ls.rss)
        }
        func centredSS(_ v: [Double]) -> Double {
            let mean = v.reduce(0, +) / Double(v.count)
            return v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        }
        let y = design.y
        let xValues = Array(design.column(xColumn))
        let tssY = centredSS(y), tssX = centredSS(xValues)
        guard tssY > 0 else { throw .invalidModel("outcome '\(design.outcome)' is constant in the sample") }
        guard tssX > 0 else { throw .invalidModel("'\(treatment)' is constant in the sample") }
        let long = try regression(columns, on: y)
        let short = try regression([xColumn, cons], on: y)
        let onControls = try regression(controls + [cons], on: xValues)
        let r2Long = 1 - long.rss / tssY, r2Short = 1 - short.rss / tssY
        let r2max = min(rmax * r2Long, 1)
        let oster = OsterInputs(betaShort: short.beta[0], betaLong: coefficient.estimate, r2Short: r2Short, r2Long: r2Long,
                                r2max: r2max, varY: tssY / Double(n - 1), varX: tssX / Double(n - 1),
                                tau: onControls.rss / Double(n - 1))
        let roots = oster.betaStar()
        let alpha = 1 - level
        let t = coefficient.estimate / coefficient.se
        var result = OmittedVariableSensitivity(
            outcome: design.outcome, treatment: treatment, benchmark: benchmark, n: n, dof: n - k,
            estimate: coefficient.estimate, se: coefficient.se, t: t,
            estimateShort: oster.betaShort, r2Short: r2Short, r2Long: r2Long, rmax: rmax, r2max: r2max,
            varY: oster.varY, varX: oster.varX, varXResidual: oster.tau,
            delta: oster.delta(beta: 0), betaStar: roots?.chosen, betaStarAlternative: roots?.alternative,
            r2ydx: partialR2(t: t, dof: dof), rvQ: robustnessValue(t: t, dof: dof, q: 1, alpha: nil),
            rvQA: robustnessValue(t: t, dof: dof, q: 1, alpha: alpha), q: 1, alpha: alpha,
            r2dxjx: nil, r2yxjdx: nil, bounds: [])

        if let benchmark {
            let bench = controls.filter { design.terms[$0].variable == benchmark && !design.terms[$0].isInteraction }
            guard !bench.isEmpty else {
                throw .invalidModel("benchmark '\(benchmark)' is not among the controls of '\(spec.formula)'")
            }
            // Partial R² of the benchmark's columns (a group for a factor, as sensemakr's
            // group_partial_r2): the share of the residual variance they remove.
            let others = controls.filter { !bench.contains($0) }
            let dWithout = try regression(others + [cons], on: xValues)
            let yWithout = try regression([xColumn] + others + [cons], on: y)
            let r2dxj = (dWithout.rss - onControls.rss) / dWithout.rss
            let r2yxj = (yWithout.rss - long.rss) / yWithout.rss
            result.r2dxjx = r2dxj
            result.r2yxjdx = r2yxj
            let tCritical = abs(Distributions.tQuantile(alpha / 2, df: dof))
            for kd in multipliers {
                guard let bound = benchmarkBound(r2dxj: r2dxj, r2yxj: r2yxj, kd: kd, ky: kd) else {
                    result.impossibleMultipliers.append(kd)
                    result.notes.append("a confounder \(NumberText.plain(kd)) times as strong as '\(benchmark)' is impossible "
                                        + "(implied partial R² with '\(treatment)' ≥ 1): bound left out")
                    continue
                }
                let (r2dz, r2yz) = bound
                let adjusted = adjustedEstimate(estimate: coefficient.estimate, se: coefficient.se, dof: dof, r2dz: r2dz, r2yz: r2yz)
                let adjustedSE = self.adjustedSE(se: coefficient.se, dof: dof, r2dz: r2dz, r2yz: r2yz)
                result.bounds.append(OmittedVariableBound(
                    label: "\(NumberText.plain(kd))x \(benchmark)", kd: kd, ky: kd, r2dzx: r2dz, r2yzdx: r2yz,
                    adjustedEstimate: adjusted, adjustedSE: adjustedSE, adjustedT: adjusted / adjustedSE,
                    adjustedLower: adjusted - tCritical * adjustedSE, adjustedUpper: adjusted + tCritical * adjustedSE))
            }
        }
        return result
    }

    // MARK: Cinelli & Hazlett (2020)

    /// Partial R² of X with Y given the controls: t²/(t² + dof).
    public static func partialR2(t: Double, dof: Double) -> Double { t * t / (t * t + dof) }

    /// RV_q (alpha nil): the partial R² a confounder must have with both X and Y to reduce the
    /// estimate by 100·q %. RV_{q,α}: to make it insignificant at level α (t on dof − 1), with
    /// sensemakr's case for a bound that is not binding.
    public static func robustnessValue(t: Double, dof: Double, q: Double, alpha: Double?) -> Double {
        let fq = q * abs(t) / dof.squareRoot()
        guard let alpha else { return 0.5 * ((fq * fq * fq * fq + 4 * fq * fq).squareRoot() - fq * fq) }
        let fCritical = abs(Distributions.tQuantile(alpha / 2, df: dof - 1)) / (dof - 1).squareRoot()
        let fqa = fq - fCritical
        if fqa < 0 { return 0 }
        if fq > 1 / fCritical { return (fq * fq - fCritical * fCritical) / (1 + fq * fq) }
        return 0.5 * ((fqa * fqa * fqa * fqa + 4 * fqa * fqa).squareRoot() - fqa * fqa)
    }

    /// sensemakr's `ovb_partial_r2_bound`: the partial R²s of a confounder kd (ky) times as strong
    /// as the benchmark; nil when such a confounder is impossible (an implied partial R² ≥ 1).
    /// r2yz is capped at 1 (sensemakr warns and caps).
    static func benchmarkBound(r2dxj: Double, r2yxj: Double, kd: Double, ky: Double) -> (r2dz: Double, r2yz: Double)? {
        let r2dz = kd * r2dxj / (1 - r2dxj)
        let r2zxj = kd * r2dxj * r2dxj / ((1 - kd * r2dxj) * (1 - r2dxj))
        guard r2dz < 1, r2zxj < 1, 1 - kd * r2dxj > 0 else { return nil }
        let r2yz = min(1, pow((ky.squareRoot() + r2zxj.squareRoot()) / (1 - r2zxj).squareRoot(), 2) * (r2yxj / (1 - r2yxj)))
        return (r2dz, r2yz)
    }

    /// The estimate moved toward zero by the bias bound √(r2yz·r2dz/(1 − r2dz))·se·√dof (reduce = TRUE).
    static func adjustedEstimate(estimate: Double, se: Double, dof: Double, r2dz: Double, r2yz: Double) -> Double {
        let bias = (r2yz * r2dz / (1 - r2dz)).squareRoot() * se * dof.squareRoot()
        let sign: Double = estimate > 0 ? 1 : estimate < 0 ? -1 : 0
        return sign * (abs(estimate) - bias)
    }

    static func adjustedSE(se: Double, dof: Double, r2dz: Double, r2yz: Double) -> Double {
        ((1 - r2yz) / (1 - r2dz)).squareRoot() * se * (dof / (dof - 1)).squareRoot()
    }
}

/// Oster's (2019) closed forms in psacalc's notation: β̊, R̊ from the short regression, β̃, R̃ from
/// the controlled one, σ_yy = var(Y), σ_xx = var(X), τ_x = var of X's residual on the controls.
struct OsterInputs {
    var betaShort: Double
    var betaLong: Double
    var r2Short: Double
    var r2Long: Double
    var r2max: Double
    var varY: Double
    var varX: Double
    var tau: Double

    private var a: Double { betaShort - betaLong }
    private var b: Double { (r2Long - r2Short) * varY }
    private var c: Double { (r2max - r2Long) * varY }

    /// δ such that the bias-adjusted effect is `beta` (Oster's Proposition 3's cubic solved for δ).
    func delta(beta: Double) -> Double? {
        let v = betaLong - beta
        let cubic = v * v * v * (tau * varX - tau * tau)
        let numerator = v * b * tau + v * varX * tau * a * a + 2 * v * v * tau * a * varX + cubic
        let denominator = c * a * varX + v * c * (varX - tau) + v * v * tau * a * varX + cubic
        guard denominator != 0 else { return nil }
        let delta = numerator / denominator
        return delta.isFinite ? delta : nil
    }

    /// β* at δ = 1, where the cubic in ν = β̃ − β* becomes −τAσ_xx ν² + Θν + CAσ_xx = 0. psacalc's
    /// choice: the root closer to β̃, unless it moves β̃ the opposite way from β̊ → β̃ (Oster's
    /// Assumption 3), then the other. nil when no real root exists.
    func betaStar() -> (chosen: Double, alternative: Double?)? {
        let theta = c * (varX - tau) - b * tau - varX * tau * a * a
        let quadratic = -2 * tau * a * varX
        guard quadratic != 0 else {
            // A = 0: the coefficient did not move, and neither would it with more controls.
            return a == 0 ? (betaLong, nil) : nil
        }
        let discriminant = theta * theta + 4 * c * a * a * varX * varX * tau
        guard discriminant >= 0 else { return nil }
        let root = discriminant.squareRoot()
        let beta1 = betaLong - (-theta - root) / quadratic
        let beta2 = betaLong - (-theta + root) / quadratic
        var chosen = beta1, other = beta2
        if (beta2 - betaLong) * (beta2 - betaLong) <= (beta1 - betaLong) * (beta1 - betaLong) {
            chosen = beta2; other = beta1
        }
        if stataSign(chosen - betaLong) != stataSign(betaLong - betaShort) { swap(&chosen, &other) }
        return (chosen, other)
    }

    private func stataSign(_ v: Double) -> Int { v > 0 ? 1 : v < 0 ? -1 : 0 }
}

/// Numbers in messages and labels as R prints them: `1`, `1.5`.
enum NumberText {
    static func plain(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }
}
