import Foundation
import SurveyData

/// One fit of the generalized ordered model with a given set of constrained design columns.
struct GeneralizedOrderedFit {
    var model: GeneralizedOrderedModel
    var theta: [Double]
    var evaluation: LikelihoodModel.Evaluation
    var converged: Bool
    var iterations: Int
    var notes: [EstimationNote]
    /// The vce's variance of θ; nil when the information is singular.
    var vcov: [Double]?
}

extension FitContext {
    /// gologit / goprobit (Williams' gologit2): the unconstrained model, or with `--pl` / `--npl`
    /// constraints, or gologit2's `autofit` — start unconstrained and, while the term whose Wald
    /// test of equal coefficients across the equations has the largest p exceeds α, constrain it
    /// and refit (warm-started from the previous fit).
    func fitGeneralizedOrdered() throws(EstimationError) -> ModelResult {
        guard let link = Link(kind) else { throw .invalidModel("\(kind.rawValue) is not a likelihood model") }
        guard outcomeLevels.count >= 3 else {
            throw .invalidModel("\(kind.rawValue) needs an outcome with at least 3 categories; '\(design.outcome)' has \(outcomeLevels.count): use \(link == .logistic ? "logit" : "probit")")
        }
        var fit: GeneralizedOrderedFit
        var notes: [EstimationNote] = []
        var wald: WaldTest? = nil
        // A 0/1 term that predicts a split perfectly has no finite coefficient in that equation:
        // it must be constrained (autofit does so from the start; otherwise a one-line error).
        let separated = splitSeparations()
        func checked(_ constrained: Set<Int>) throws(EstimationError) -> Set<Int> {
            if let s = separated.first(where: { !constrained.isSuperset(of: $0.columns) }) {
                let variable = terms[s.columns[0]].variable ?? s.label
                throw .invalidModel("\(kind.rawValue): \(s.label) predicts the split y > \(formatCode(outcomeLevels[s.split])) perfectly "
                                    + "(no observations on one side); constrain it with --pl \(variable) or use --autofit")
            }
            return constrained
        }
        switch spec.parallelLines {
        case nil:
            fit = try fitGeneralized(link: link, constrained: try checked([]))
        case .constrained(let names)?:
            fit = try fitGeneralized(link: link, constrained: try checked(try columns(named: names, option: "--pl")))
        case .free(let names)?:
            let free = try columns(named: names, option: "--npl")
            fit = try fitGeneralized(link: link, constrained: try checked(Set(0..<k).subtracting(free)))
        case .autofit(let alpha)?:
            let start = Set(separated.flatMap(\.columns))
            var labels: [String] = []
            for s in separated where !labels.contains(s.label) { labels.append(s.label) }
            notes += labels.map { .ordered(.autofitStartsConstrained(term: $0)) }
            fit = try fitGeneralized(link: link, constrained: start)
            let initial = fit
            var stepped: [Int] = []
            while let V = fit.vcov, let step = mostParallelTerm(fit, vcov: V), step.p > alpha {
                notes.append(.ordered(.autofitConstrained(term: terms[step.column].name, p: step.p)))
                stepped.append(step.column)
                let constrained = Set(fit.model.map.constrained).union([step.column])
                let start = ParameterMap(k: k, equations: fit.model.equations, constrained: constrained)
                    .restrict(fit.model.map.expand(fit.theta))
                fit = try fitGeneralized(link: link, constrained: constrained, start: start)
            }
            wald = autofitWald(initial, constrained: stepped)
        }
        guard let V = fit.vcov else {
            throw .numerical("the information matrix of \(kind.rawValue) is singular at the estimates of '\(spec.formula)'; "
                             + "a regressor may separate a split of the outcome perfectly")
        }
        var result = generalizedResult(fit, vcov: V, notes: notes + fit.notes)
        result.autofitWald = wald
        return result
    }

    /// Fits with the given constrained columns from `start` (else the null model: β = 0,
    /// α_a = F⁻¹(P(y > c_a))).
    func fitGeneralized(link: Link, constrained: Set<Int>, start: [Double]? = nil) throws(EstimationError) -> GeneralizedOrderedFit {
        let J = outcomeLevels.count
        let model = GeneralizedOrderedModel(link: link, x: x, n: n, k: k, coded: coded, categories: J,
                                            weights: weights, constrained: constrained)
        var theta = start ?? []
        if theta.count != model.parameterCount {
            var phi = [Double](repeating: 0, count: model.fullCount)
            let totals = model.ranges.indices.map { m in model.ranges[m].reduce(0.0) { $0 + (model.weights?[$1] ?? 1) } }
            let W = totals.reduce(0, +)
            var above = W
            for a in 0..<model.equations {
                above -= totals[a]
                phi[a * model.width + k] = link.quantile(above / W)
            }
            theta = model.map.restrict(phi)
        }
        let outcome = NewtonRaphson(model: model, maxIterations: options.maxIterations, tolerance: options.tolerance)
            .run(start: theta)
        var notes = outcome.notes
        if !outcome.converged { notes.append(.notConverged) }
        var V: [Double]? = nil
        if let inverse = LinearAlgebra.inverseSPD(outcome.evaluation.information, model.parameterCount) {
            let theta = outcome.theta
            let sortedClusters = design.clusters.map { c in model.order.map { c[$0] } }
            V = try variance(inverse: inverse, p: model.parameterCount, weights: model.weights, clusters: sortedClusters) { sink in
                model.scoreBlocks(theta, sink)
            }
        }
        return GeneralizedOrderedFit(model: model, theta: outcome.theta, evaluation: outcome.evaluation,
                                     converged: outcome.converged, iterations: outcome.iterations, notes: notes, vcov: V)
    }

    /// The design columns `names` stand for: a design term (`educ=3`) or every column of a
    /// formula variable (`educ`). Throws naming the first that is not in the model.
    func columns(named names: [String], option: String) throws(EstimationError) -> Set<Int> {
        var out = Set<Int>()
        for name in names {
            let matches = terms.indices.filter { terms[$0].name == name || terms[$0].variable == name }
            guard !matches.isEmpty else {
                throw .invalidModel("\(option): '\(name)' is not a term of '\(spec.formula)'")
            }
            out.formUnion(matches)
        }
        return out
    }

    /// autofit's step: among the varying columns, the one whose coefficients are most compatible
    /// with equality across the equations (largest Wald p, J − 2 df).
    /// gologit2's closing test after autofit ("Wald test of parallel lines assumption for the final
    /// model"): in the model autofit started from (unconstrained but for terms that predict a split
    /// perfectly), the joint Wald test that each term autofit constrained has equal coefficients
    /// in every equation — (J − 2) df per term. nil when autofit constrained nothing.
    func autofitWald(_ initial: GeneralizedOrderedFit, constrained columns: [Int]) -> WaldTest? {
        guard !columns.isEmpty, let V = initial.vcov else { return nil }
        let map = initial.model.map, width = initial.model.width
        let groups = columns.map { c in (0..<initial.model.equations).map { map.index[$0 * width + c] } }
        guard let t = EqualityTest(estimates: initial.theta, vcov: V, p: map.count, groups: groups) else { return nil }
        return WaldTest(chi2: t.chi2, df: t.df, p: t.p)
    }

    func mostParallelTerm(_ fit: GeneralizedOrderedFit, vcov: [Double]) -> (column: Int, p: Double)? {
        let map = fit.model.map, width = fit.model.width, p = map.count
        var best: (column: Int, p: Double)? = nil
        for c in 0..<k where !map.constrained.contains(c) {
            let indices = (0..<fit.model.equations).map { map.index[$0 * width + c] }
            guard let test = EqualityTest(estimates: fit.theta, vcov: vcov, p: p, groups: [indices]) else { continue }
            if best == nil || test.p > best!.p { best = (c, test.p) }
        }
        return best
    }

    /// The `ModelResult` of a generalized fit: coefficient rows per equation (varying terms then
    /// `_cons`, `equation` = the split's code), then one row per constrained term (`equation` nil).
    func generalizedResult(_ fit: GeneralizedOrderedFit, vcov V: [Double], notes: [EstimationNote]) -> ModelResult {
        let model = fit.model, map = model.map, p = map.count, width = model.width
        var names: [(term: String, variable: String?, level: Double?)] = []
        var equations: [String?] = []
        for a in 0..<model.equations {
            for c in 0..<width where !map.constrained.contains(c) {
                names.append(c < k ? (terms[c].name, terms[c].variable, terms[c].level) : ("_cons", nil, nil))
                equations.append(formatCode(outcomeLevels[a]))
            }
        }
        for c in map.constrained {
            names.append((terms[c].name, terms[c].variable, terms[c].level))
            equations.append(nil)
        }
        var coefficients = coefficientRows(theta: fit.theta, vcov: V, p: p, names: names, offset: 0, testDF: nil)
        for i in coefficients.indices { coefficients[i].equation = equations[i] }

        var result = ModelResult(spec: spec, outcome: design.outcome, outcomeLevels: outcomeLevels,
                                 n: Int(observations.rounded()), converged: fit.converged,
                                 iterations: fit.iterations, coefficients: coefficients, vcov: V)
        // Null model and fit statistics as the other ML models (the null model is the same).
        var totals = [Double](repeating: 0, count: model.categories)
        for (m, range) in model.ranges.enumerated() { totals[m] = range.reduce(0.0) { $0 + (model.weights?[$1] ?? 1) } }
        let W = totals.reduce(0, +)
        let loglikNull = totals.reduce(0) { $1 > 0 ? $0 + $1 * log($1 / W) : $0 }
        let ll = fit.evaluation.loglik
        let slopes = p - model.equations
        result.loglik = ll
        result.loglikNull = loglikNull
        result.lrChi2 = 2 * (ll - loglikNull)
        result.lrDF = slopes
        result.lrP = slopes > 0 ? Distributions.chiSquareSF(2 * (ll - loglikNull), df: Double(slopes)) : nil
        result.pseudoR2 = loglikNull != 0 ? 1 - ll / loglikNull : nil
        result.aic = -2 * ll + 2 * Double(p)
        result.bic = -2 * ll + Double(p) * log(correctionN)
        result.constrained = map.constrained.map { terms[$0].name }

        // Mean predicted probabilities and gologit2's count of cases with a negative one.
        let eta = model.linearPredictors(fit.theta)
        var mean = [Double](repeating: 0, count: model.categories)
        var negative = 0
        var row = [Double](repeating: 0, count: model.equations)
        for i in 0..<model.n {
            for a in 0..<model.equations { row[a] = eta[a * model.n + i] }
            let probabilities = model.probabilities(eta: row)
            let w = model.weights?[i] ?? 1
            for m in 0..<model.categories { mean[m] += w * probabilities[m] }
            if probabilities.contains(where: { $0 < 0 }) { negative += 1 }
        }
        result.predicted = zip(outcomeLevels, mean).map { PredictedProbability(outcome: formatCode($0), probability: $1 / W) }
        result.negativeProbabilities = negative
        var allNotes = notes
        if negative > 0 { allNotes.append(.ordered(.negativeProbabilities(cases: negative))) }
        result.diagnostics = allNotes
        if options.margins {
            result.margins = GeneralizedMargins(context: self, model: model, theta: fit.theta, vcov: V).all()
        }
        return result
    }
}
