import Foundation
import Estimation
import SurveyData

/// Causal mediation (Imai, Keele & Tingley) with a gologit/goprobit outcome: the estimand — the
/// mean of P(y = c_k) and of the expected category code under Y(t, M(t′)) — does not need parallel
/// lines, so it is computed from gologit's own predicted probabilities,
/// P(y > c_j) = F(α_j + xβ_j), P(y = c_k) = P(y > c_{k−1}) − P(y > c_k) (possibly negative, as
/// gologit2's predictions), integrating over the mediator as `CausalEngine` does (a sum over
/// {0, 1} for a logit/probit mediator, Gauss–Hermite for an ols one).
struct GeneralizedCausalEngine: Sendable {
    let mediator: PredictiveModel
    let mediatorX: Int
    let sigma: Double
    let link: Link
    let rows: Int, equations: Int
    /// Design column of every outcome parameter (column-major rows × parameters; `_cons` = 1).
    let x: [Double]
    /// Equation of each outcome parameter (nil = constrained: in every equation).
    let parameterEquation: [Int?]
    let isX: [Bool], isM: [Bool]
    let parameters: [Double]
    let vcov: [Double]
    let codes: [Double]
    let weights: [Double]?
    let control: Double, treat: Double

    init(mediator: PredictiveModel, outcome result: ModelResult, design: DesignMatrix, x xName: String, m: String,
         control: Double, treat: Double) throws(MediationError) {
        guard let mx = mediator.column(of: xName) else {
            throw .estimation("causal mediation: '\(xName)' was omitted from the mediator model")
        }
        guard let link = Link(result.model) else { throw .estimation("causal mediation: \(result.model.rawValue) has no link") }
        self.mediator = mediator; mediatorX = mx; self.link = link
        sigma = mediator.kind == .ols ? mediator.residualSD() : 0
        rows = design.rowCount
        let eqs = GeneralizedOrderedPaths.equations(result)
        equations = eqs.count
        var columns: [Double] = []
        var peq: [Int?] = []
        for c in result.coefficients {
            if let j = design.terms.firstIndex(where: { $0.name == c.term }) {
                columns.append(contentsOf: design.column(j))
            } else if c.term == "_cons" {
                columns.append(contentsOf: [Double](repeating: 1, count: design.rowCount))
            } else {
                throw .estimation("causal mediation: term '\(c.term)' of the \(result.model.rawValue) model has no design column")
            }
            peq.append(c.equation.flatMap { eqs.firstIndex(of: $0) })
        }
        self.x = columns; parameterEquation = peq
        isX = result.coefficients.map { $0.term == xName }
        isM = result.coefficients.map { $0.term == m }
        guard isX.contains(true), isM.contains(true) else {
            throw .estimation("causal mediation: '\(xName)' or '\(m)' was omitted from the outcome model")
        }
        parameters = result.coefficients.map(\.estimate)
        vcov = result.vcov
        guard vcov.count == parameters.count * parameters.count else {
            throw .estimation("the \(result.model.rawValue) model has no variance matrix")
        }
        codes = result.outcomeLevels
        weights = design.weights
        self.control = control; self.treat = treat
    }

    /// Scales: each category code, then "E(y)".
    var scaleNames: [String] { codes.map(formatCode) + ["E(y)"] }

    /// The effects of every scale (as `CausalEngine.allEffects`).
    func allEffects(mediatorParams mp: [Double], outcomeParams op: [Double],
                    quadrature: (points: [Double], weights: [Double])) -> [[Double]] {
        let n = rows, E = equations, J = codes.count, s = J + 1
        // Per equation: base predictor (without x and m), β_x and β_m.
        var base = [Double](repeating: 0, count: n * E)
        var betaX = [Double](repeating: 0, count: E), betaM = betaX
        for (p, value) in op.enumerated() {
            let targets = parameterEquation[p].map { [$0] } ?? Array(0..<E)
            for e in targets {
                if isX[p] { betaX[e] += value; continue }
                if isM[p] { betaM[e] += value; continue }
                for i in 0..<n { base[e * n + i] += value * x[p * n + i] }
            }
        }
        let baseM = mediator.partialPredictor(mp, excluding: [mediatorX])
        let thetaX = mp[mediatorX]
        let mLink = Link(mediator.kind)
        let ts = [control, treat]
        var sums = [[Double]](repeating: [0, 0, 0, 0], count: s)
        var upper = [Double](repeating: 0, count: E)
        for i in 0..<n {
            let unitWeight = weights?[i] ?? 1
            if unitWeight == 0 { continue }
            for (tmIndex, tm) in ts.enumerated() {
                let muM = baseM[i] + thetaX * tm
                let points: [Double], pw: [Double]
                if let mLink {
                    let p = mLink.cdf(muM); points = [0, 1]; pw = [1 - p, p]
                } else {
                    points = quadrature.points.map { muM + sigma * $0 }; pw = quadrature.weights
                }
                for (tIndex, t) in ts.enumerated() {
                    let slot = tIndex * 2 + tmIndex
                    for (m, w) in zip(points, pw) where w != 0 {
                        for e in 0..<E { upper[e] = link.cdf(base[e * n + i] + betaX[e] * t + betaM[e] * m) }
                        var expected = 0.0
                        for k in 0..<J {
                            let p = (k == 0 ? 1 : upper[k - 1]) - (k < E ? upper[k] : 0)
                            sums[k][slot] += unitWeight * w * p
                            expected += p * codes[k]
                        }
                        sums[J][slot] += unitWeight * w * expected
                    }
                }
            }
        }
        let total = weights.map { $0.reduce(0, +) } ?? Double(n)
        return sums.map { $0.map { $0 / total } }.map(CausalEngine.effects)
    }
}

extension MediationRun {
    /// Causal effects with a gologit/goprobit outcome: point estimates at the estimates; intervals
    /// by the quasi-Bayesian draws (both models' parameters from N(θ̂, V̂)) or the case/cluster
    /// bootstrap (both models refitted). No ρ-sensitivity analysis (a note says so).
    mutating func generalizedCausal(aFit: FittedModel, fullFit: FittedModel, mediator m: String,
                                    mediatorKind: ModelKind, level: Double) throws(MediationError) -> CausalResult {
        let control = 0.0, treat = 1.0
        if let xs = sample.data.column(spec.x)?.values, xs.contains(where: { $0 != 0 && $0 != 1 }) {
            notes.append(.causalContrastsZeroAndOne(x: spec.x))
        }
        let engine = try GeneralizedCausalEngine(mediator: try aFit.predictive(), outcome: fullFit.result,
                                                 design: fullFit.design, x: spec.x, m: m, control: control, treat: treat)
        let fine = GaussHermite(count: max(1, options.quadratureNodes)).standardNormal
        let coarse = GaussHermite(count: max(8, options.quadratureNodes / 3)).standardNormal
        let point = engine.allEffects(mediatorParams: engine.mediator.parameters, outcomeParams: engine.parameters,
                                      quadrature: fine)
        notes.append(.sensitivityNotCovered(mediatorModel: mediatorKind, outcomeModel: outcomeKind))
        let sims = options.reps
        var draws: [[[Double]]] = []
        let seed = options.seed ^ 0x5DEE_CE66_D1CE_4E5B
        let progress = self.progress
        let report = progress.map { p in { @Sendable (done: Int) in p(MediationProgress(stage: .causal, completed: done, total: sims)) } }
        if sims > 0, options.causalInterval == .bootstrap {
            // Cases resampled (clusters, when --vce cluster, by replicate weights) and both models
            // refitted — gologit with the analysis' constraints (autofit re-run in each replicate).
            // The outcome refit starts afresh (autofit may choose other constraints).
            let refits = ReplicateRefits(mediator: aFit.design, outcome: fullFit.design, mediatorKind: mediatorKind,
                                         outcomeKind: outcomeKind, mediatorStart: FitOptions.warm(from: aFit.result))
            let x = spec.x
            let results = try ReplicationRunner.run(count: sims, threads: options.threads, isCancelled: isCancelled,
                                                    progress: report) { s -> [[Double]]? in
                var g = ReplicationGenerator(seed: seed, replication: s)
                guard let r = refits.refit(using: &g),
                      let e = try? GeneralizedCausalEngine(mediator: PredictiveModel(result: r.mediator, design: r.mediatorDesign),
                                                           outcome: r.outcome, design: r.outcomeDesign, x: x, m: m,
                                                           control: control, treat: treat) else { return nil }
                return e.allEffects(mediatorParams: e.mediator.parameters, outcomeParams: e.parameters, quadrature: coarse)
            }
            draws = results.compactMap { $0 }
        } else if sims > 0 {
            guard let mDist = MultivariateNormal(mean: engine.mediator.parameters, covariance: engine.mediator.vcov),
                  let yDist = MultivariateNormal(mean: engine.parameters, covariance: engine.vcov) else {
                throw .estimation("causal mediation: a variance matrix is not positive semi-definite")
            }
            let results = try ReplicationRunner.run(count: sims, threads: options.threads, isCancelled: isCancelled,
                                                    progress: report) { s -> [[Double]]? in
                var g = ReplicationGenerator(seed: seed, replication: s)
                let mp = mDist.draw(using: &g), yp = yDist.draw(using: &g)
                return engine.allEffects(mediatorParams: mp, outcomeParams: yp, quadrature: coarse)
            }
            draws = results.compactMap { $0 }
        }
        let names = engine.scaleNames, headline = names.count - 1
        func scale(_ k: Int) -> CausalEffects { CausalEngine.assemble(point[k], draws: draws.map { $0[k] }, level: level) }
        let byOutcome = (0..<names.count).map { (outcome: $0 == headline ? "expected" : names[$0], effects: scale($0)) }
        return CausalResult(mediatorModel: mediatorKind, outcomeModel: outcomeKind,
                            scale: "E(\(spec.y)) (expected category code)", effects: scale(headline), byOutcome: byOutcome,
                            interval: options.causalInterval, sims: sims, failed: sims - draws.count,
                            controlValue: control, treatValue: treat, sensitivity: nil)
    }
}

extension MediationRun {
    /// KHB for each equation of a gologit/goprobit outcome, by `KHB.decompose` on that equation's
    /// parameters: the full model's X and mediator coefficients of the split (a constrained term's
    /// single coefficient), the naive X coefficient of the same split in the total-effect model.
    /// The reduced coefficient is the full model reparametrized with the mediators' X-residuals, so
    /// it varies by equation wherever X or a mediator does.
    mutating func generalizedKHB(total: FittedModel, mediatorFits: [FittedModel],
                                 joint fitted: FittedModel?) throws(MediationError) -> [KHBResult] {
        let full: FittedModel
        if let fitted { full = fitted } else {
            full = try model("KHB full model", outcomeKind,
                             "\(spec.y) ~ \(([spec.x] + spec.mediators + spec.controls).joined(separator: " + "))")
        }
        let joint = try khbTheta(mediatorFits)
        let coefficients = full.result.coefficients
        func index(_ term: String, _ e: String, in list: [Coefficient]) -> Int? {
            list.firstIndex { $0.term == term && $0.equation == e } ?? list.firstIndex { $0.term == term && $0.equation == nil }
        }
        var out: [KHBResult] = []
        for e in GeneralizedOrderedPaths.equations(full.result) {
            guard let xi = index(spec.x, e, in: coefficients) else { throw .estimation("KHB: '\(spec.x)' omitted from the full model") }
            var mi: [Int] = []
            for m in spec.mediators {
                guard let j = index(m, e, in: coefficients) else { throw .estimation("KHB: mediator '\(m)' omitted from the full model") }
                mi.append(j)
            }
            guard let ni = index(spec.x, e, in: total.result.coefficients) else { throw .estimation("KHB: '\(spec.x)' omitted from the total-effect model") }
            let naive = total.result.coefficients[ni]
            var k = KHB.decompose(model: outcomeKind, mediators: spec.mediators,
                                  fullParameters: coefficients.map(\.estimate), fullVariance: full.result.vcov,
                                  xIndex: xi, mediatorIndices: mi,
                                  naive: EstimateSE(estimate: naive.estimate, se: naive.se),
                                  theta: joint.estimates, thetaVariance: joint.variance)
            k.equation = e
            out.append(k)
        }
        return out
    }
}
