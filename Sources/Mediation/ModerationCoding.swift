import Foundation
import Estimation

/// How a moderator W enters the design columns of a moderated model, and what fixing W at a value
/// w does to them: the conditional slope of a focal variable (X in the mediator model, M in the
/// outcome model) as a linear combination of the coefficients, and the same model with W = w in
/// every row, the focal#W products folded into the focal slope — the form `CausalEngine` needs.
struct ModeratorCoding: Sendable {
    let moderator: String
    let focal: String

    /// W's factor in a column at W = w: its value (continuous), or 1/0 for the level indicator.
    private func wFactor(_ level: Double?, _ w: Double) -> Double {
        guard let level else { return w }
        return level == w ? 1 : 0
    }

    /// The weight of a coefficient column in ∂η/∂focal at W = w: 1 for the focal main effect,
    /// W's factor for a focal#W product, 0 otherwise (a column without the focal variable).
    func slopeWeight(_ term: DesignTerm, w: Double) -> Double {
        if !term.isInteraction { return term.variable == focal && term.level == nil ? 1 : 0 }
        guard term.components.contains(where: { $0.variable == focal && $0.level == nil }) else { return 0 }
        var weight = 1.0
        for c in term.components where c.variable != focal {
            guard c.variable == moderator else { return 0 }
            weight *= wFactor(c.level, w)
        }
        return weight
    }

    /// Slope weights by coefficient name (terms of the design that were estimated).
    func slopeWeights(design: DesignMatrix, w: Double) -> [String: Double] {
        var weights: [String: Double] = [:]
        for t in design.terms where slopeWeight(t, w: w) != 0 { weights[t.name] = slopeWeight(t, w: w) }
        return weights
    }

    /// Σ weightⱼ βⱼ over `result`'s coefficients and its delta-method variance; nil when the focal
    /// main effect was not estimated (omitted).
    func slope(_ result: ModelResult, weights: [String: Double]) -> (estimate: Double, variance: Double)? {
        guard result.coefficient(focal) != nil else { return nil }
        let p = result.coefficients.count + result.cutpoints.count
        var g = [Double](repeating: 0, count: p)
        var estimate = 0.0
        for (j, c) in result.coefficients.enumerated() {
            if let w = weights[c.term] { g[j] = w; estimate += w * c.estimate }
        }
        guard result.vcov.count == p * p else { return (estimate, .nan) }
        var v = 0.0
        for r in 0..<p where g[r] != 0 { for c in 0..<p where g[c] != 0 { v += g[r] * result.vcov[r * p + c] * g[c] } }
        return (estimate, v)
    }

    /// `model` with W fixed at w in every row: W's main-effect columns become constants (its value
    /// or the level indicator), focal#W columns are zeroed and their coefficients (times W's
    /// factor) added to the focal slope. `transform` maps a parameter vector of the fitted model to
    /// that of the conditional one (the same map applied to every draw or refit).
    func conditional(_ model: PredictiveModel, design: DesignMatrix, w: Double) -> (model: PredictiveModel, transform: @Sendable ([Double]) -> [Double]) {
        var out = model
        let rows = model.rows
        let byName = Dictionary(design.terms.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        guard let focalIndex = model.column(of: focal) else { return (model, { $0 }) }
        var folds: [(from: Int, weight: Double)] = []
        for (j, name) in model.terms.enumerated() {
            guard let term = byName[name] else { continue }
            let involvesW = term.variable == moderator || term.components.contains { $0.variable == moderator }
            guard involvesW else { continue }
            let base = j * rows
            if term.isInteraction, term.components.contains(where: { $0.variable == focal && $0.level == nil }) {
                folds.append((j, slopeWeight(term, w: w)))
                for i in 0..<rows { out.x[base + i] = 0 }
            } else if !term.isInteraction {
                let value = wFactor(term.level, w)
                for i in 0..<rows { out.x[base + i] = value }
            } else {
                // W with other variables (not built by mediate, kept general): the product at W = w.
                let others = Dictionary(term.components.filter { $0.variable != moderator }
                    .map { ($0.variable, design.variableValues($0.variable) ?? []) }, uniquingKeysWith: { a, _ in a })
                for i in 0..<rows {
                    var v = 1.0
                    for c in term.components {
                        if c.variable == moderator { v *= wFactor(c.level, w); continue }
                        let value = others[c.variable].flatMap { i < $0.count ? $0[i] : nil } ?? 0
                        v *= c.level.map { value == $0 ? 1 : 0 } ?? value
                    }
                    out.x[base + i] = v
                }
            }
        }
        let foldList = folds
        let transform: @Sendable ([Double]) -> [Double] = { theta in
            var t = theta
            for f in foldList { t[focalIndex] += f.weight * theta[f.from]; t[f.from] = 0 }
            return t
        }
        out.parameters = transform(model.parameters)
        return (out, transform)
    }
}
