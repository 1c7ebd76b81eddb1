import Foundation
import Estimation
import SurveyData

/// Causal mediation effects (Imai, Keele & Tingley 2010) at given parameter values, computed by
/// exact integration over the mediator's distribution: a sum over m ∈ {0, 1} weighted by its
/// predicted probabilities (logit/probit mediator) or Gauss–Hermite quadrature over the normal
/// mediator distribution N(x̂θ, σ²) (ols mediator). No simulation noise in point estimates.
///
/// With μ(t, t′) = mean over units (weighted by the outcome model's weights, if any) of E[Y(t, M(t′))] (control t = 0, treated t = 1):
/// ACME(t) = μ(t, 1) − μ(t, 0), ADE(t) = μ(1, t) − μ(0, t), total = μ(1, 1) − μ(0, 0).
struct CausalEngine: Sendable {
    let mediator: PredictiveModel
    let outcome: PredictiveModel
    let mediatorX: Int
    let outcomeX: Int
    let outcomeM: Int
    let control: Double
    let treat: Double
    let sigma: Double
    /// Outcome codes for the expected grade of ordered outcomes.
    let codes: [Double]

    init(mediator: PredictiveModel, outcome: PredictiveModel, x: String, m: String,
         control: Double, treat: Double, mediatorSD: Double? = nil) throws(MediationError) {
        guard let mx = mediator.column(of: x) else {
            throw .estimation("causal mediation: '\(x)' was omitted from the mediator model")
        }
        guard let ox = outcome.column(of: x), let om = outcome.column(of: m) else {
            throw .estimation("causal mediation: '\(x)' or '\(m)' was omitted from the outcome model")
        }
        self.mediator = mediator; self.outcome = outcome
        mediatorX = mx; outcomeX = ox; outcomeM = om
        self.control = control; self.treat = treat
        // `mediatorSD`: the fitted model's residual sd when `mediator` is a rewritten copy (W fixed).
        sigma = mediator.kind == .ols ? (mediatorSD ?? mediator.residualSD()) : 0
        codes = outcome.outcomeLevels
    }

    /// Number of scales: ordered → each category then the expected grade; else one.
    var scaleCount: Int { outcome.kind.isOrdered ? outcome.cutCount + 2 : 1 }

    /// μ(t, t′) for every scale, as [scale][0: μ(0,0), 1: μ(0,1), 2: μ(1,0), 3: μ(1,1)].
    /// `crossWorldShift` s adds s·(t − t′) to the outcome's linear predictor: how a correlation
    /// between the mediator and outcome errors moves the cross-world means (sensitivity analysis).
    func means(mediatorParams mp: [Double], outcomeParams op: [Double],
               quadrature: (points: [Double], weights: [Double]), crossWorldShift: Double = 0) -> [[Double]] {
        let n = outcome.rows
        let baseM = mediator.partialPredictor(mp, excluding: [mediatorX])
        let baseY = outcome.partialPredictor(op, excluding: [outcomeX, outcomeM])
        let thetaX = mp[mediatorX], betaX = op[outcomeX], betaM = op[outcomeM]
        let cuts = Array(op[outcome.coefficientCount...])
        let s = scaleCount
        var sums = [[Double]](repeating: [0, 0, 0, 0], count: s)
        let mLink = Link(mediator.kind)
        let yLink = Link(outcome.kind)
        let ts = [control, treat]
        // Mediator support points and weights for one unit and one t′.
        var points: [Double] = [], weights: [Double] = []
        var values = [Double](repeating: 0, count: s)
        let unitWeights = outcome.weights
        for i in 0..<n {
            let unitWeight = unitWeights?[i] ?? 1
            if unitWeight == 0 { continue }
            for (tmIndex, tm) in ts.enumerated() {
                let muM = baseM[i] + thetaX * tm
                if let mLink {
                    let p = mLink.cdf(muM)
                    points = [0, 1]; weights = [1 - p, p]
                } else if outcome.kind == .ols {
                    points = [muM]; weights = [1]        // linear outcome: E over m is μ at E[m]
                } else {
                    points = quadrature.points.map { muM + sigma * $0 }
                    weights = quadrature.weights
                }
                for (tIndex, t) in ts.enumerated() {
                    let slot = tIndex * 2 + tmIndex
                    for k in 0..<s { values[k] = 0 }
                    for (m, w) in zip(points, weights) where w != 0 {
                        let eta = baseY[i] + betaX * t + betaM * m + crossWorldShift * (t - tm)
                        accumulate(eta: eta, weight: w, cuts: cuts, link: yLink, into: &values)
                    }
                    for k in 0..<s { sums[k][slot] += unitWeight * values[k] }
                }
            }
        }
        let total = unitWeights.map { $0.reduce(0, +) } ?? Double(n)
        return sums.map { $0.map { $0 / total } }
    }

    private func accumulate(eta: Double, weight w: Double, cuts: [Double], link: Link?,
                            into values: inout [Double]) {
        switch outcome.kind {
        case .ols:
            values[0] += w * eta
        case .logit, .probit:
            values[0] += w * (link?.cdf(eta) ?? .nan)
        case .gologit, .goprobit:
            return // refused by MediationAnalysis (not a cutpoint model)
        case .ologit, .oprobit:
            guard let link else { return }
            var previous = 0.0, expected = 0.0
            for k in 0...cuts.count {
                let cum = k < cuts.count ? link.cdf(cuts[k] - eta) : 1
                let p = cum - previous
                previous = cum
                values[k] += w * p
                expected += p * (k < codes.count ? codes[k] : Double(k + 1))
            }
            values[cuts.count + 1] += w * expected
        }
    }

    /// The eight effects from the four means of one scale.
    static func effects(_ mu: [Double]) -> [Double] {
        let d0 = mu[1] - mu[0], d1 = mu[3] - mu[2]
        let z0 = mu[2] - mu[0], z1 = mu[3] - mu[1]
        let tau = mu[3] - mu[0]
        return [d0, d1, (d0 + d1) / 2, z0, z1, (z0 + z1) / 2, tau, (d0 + d1) / 2 / tau]
    }

    static func assemble(_ point: [Double], draws: [[Double]], level: Double) -> CausalEffects {
        let al = (1 - level) / 2
        func est(_ k: Int) -> EffectEstimate {
            guard !draws.isEmpty else { return EffectEstimate(estimate: point[k]) }
            let sorted = draws.map { $0[k] }.filter(\.isFinite).sorted()
            return EffectEstimate(estimate: point[k], ci: Interval(
                low: BootstrapIntervals.quantile(sorted: sorted, al),
                high: BootstrapIntervals.quantile(sorted: sorted, 1 - al)))
        }
        return CausalEffects(acmeControl: est(0), acmeTreated: est(1), acmeAverage: est(2),
                             adeControl: est(3), adeTreated: est(4), adeAverage: est(5),
                             total: est(6), propMediatedAverage: est(7))
    }

    /// All effects of all scales flattened: [scale0 effects…, scale1 effects…].
    func allEffects(mediatorParams: [Double], outcomeParams: [Double],
                    quadrature: (points: [Double], weights: [Double]), crossWorldShift: Double = 0) -> [[Double]] {
        means(mediatorParams: mediatorParams, outcomeParams: outcomeParams, quadrature: quadrature,
              crossWorldShift: crossWorldShift).map(CausalEngine.effects)
    }

    /// Scale names: category codes then "E(y)" for ordered, "Pr(y = 1)" binary, "E(y)" ols.
    var scaleNames: [String] {
        switch outcome.kind {
        case .ols: return ["E(y)"]
        case .logit, .probit: return ["Pr(y = 1)"]
        case .ologit, .oprobit, .gologit, .goprobit:
            return (0...outcome.cutCount).map { k in k < codes.count ? formatCode(codes[k]) : String(k + 1) } + ["E(y)"]
        }
    }
}
