import SurveyData
import Foundation

extension FitContext {
    /// logit, probit, ologit, oprobit by Newton–Raphson, started from the caller's values
    /// (`FitOptions.start`) when given, else from least squares on the latent scale (StartValues.swift)
    /// when that beats the null model, else from the null model (cutpoints / constant only).
    func fitMaximumLikelihood() throws(EstimationError) -> ModelResult {
        guard let link = Link(kind) else { throw .invalidModel("\(kind.rawValue) is not a likelihood model") }
        let J = outcomeLevels.count
        let model = LikelihoodModel(link: link, ordered: kind.isOrdered, x: x, n: n, k: k, y: coded,
                                    categories: J, weights: weights)
        let p = model.parameterCount

        // Category totals: start values and the null log-likelihood (analytic).
        var totals = [Double](repeating: 0, count: J)
        for i in 0..<n { totals[Int(coded[i])] += weights?[i] ?? 1 }
        let W = totals.reduce(0, +)
        let loglikNull = totals.reduce(0) { $1 > 0 ? $0 + $1 * log($1 / W) : $0 }

        var start = [Double](repeating: 0, count: p)
        if kind.isOrdered {
            var cumulative = 0.0
            for j in 0..<(J - 1) {
                cumulative += totals[j]
                start[k + j] = link.quantile(cumulative / W)
            }
        } else if let cons = terms.firstIndex(where: \.isConstant) {
            start[cons] = link.quantile(totals[1] / W)
        }

        let solver = NewtonRaphson(model: model, maxIterations: options.maxIterations, tolerance: options.tolerance)
        let warm = options.start.flatMap { $0.count == p && $0.allSatisfy(\.isFinite) ? $0 : nil }
        // Start from the caller's values, else from least squares on the latent scale when that
        // beats the null model (whose log-likelihood is known: no evaluation needed to compare).
        var initial: (theta: [Double], evaluation: LikelihoodModel.Evaluation?) = (warm ?? start, nil)
        var started = warm != nil
        if warm == nil, let carried = options.warmStart, !kind.isOrdered || carried.cutpoints.count == J - 1 {
            // Another fit's estimates by term name (new terms at 0): kept when they beat the null model.
            let theta = terms.map { carried.coefficients[$0.name] ?? 0 } + (kind.isOrdered ? carried.cutpoints : [])
            if theta.count == p, theta.allSatisfy(\.isFinite), model.admissible(theta) {
                let evaluation = model.evaluate(theta)
                if evaluation.loglik.isFinite, evaluation.loglik > loglikNull,
                   evaluation.gradient.allSatisfy(\.isFinite), evaluation.information.allSatisfy(\.isFinite) {
                    initial = (theta, evaluation)
                    started = true
                }
            }
        }
        if !started, let latent = latentStartValues(link: link, categoryTotals: totals) {
            let evaluation = model.evaluate(latent)
            if evaluation.loglik.isFinite, evaluation.loglik > loglikNull,
               evaluation.gradient.allSatisfy(\.isFinite), evaluation.information.allSatisfy(\.isFinite) {
                initial = (latent, evaluation)
            }
        }
        let fit = solver.run(start: initial.theta, evaluated: initial.evaluation)
        let theta = fit.theta
        var notes = fit.notes

        // Variance.
        guard let inverse = LinearAlgebra.inverseSPD(fit.evaluation.information, p) else {
            throw .numerical("the information matrix is singular at the estimates of '\(spec.formula)'; "
                             + "a regressor may separate the outcome perfectly")
        }
        var V: [Double]
        let survey = design.survey
        if let survey {
            // svy: logit/probit/ologit/oprobit — linearized over the design.
            let lin = linearizedVariance(bread: inverse, p: p, structure: survey) { sink in model.scoreBlocks(theta, sink) }
            V = lin.V
            notes.append(contentsOf: lin.notes)
        } else {
            V = try variance(inverse: inverse, p: p, weights: weights, clusters: design.clusters) { sink in
                model.scoreBlocks(theta, sink)
            }
        }
        // t on the design df under a design (Stata's svy), else normal.
        let testDF = survey.map { Double($0.df) }

        let names = terms.map { (term: $0.name, variable: $0.variable, level: $0.level) }
        var coefficients = coefficientRows(theta: theta, vcov: V, p: p, names: names, offset: 0, testDF: testDF)
        let cutNames = (0..<max(0, p - k)).map { (term: "cut\($0 + 1)", variable: String?.none, level: Double?.none) }
        let cutpoints = coefficientRows(theta: theta, vcov: V, p: p, names: cutNames, offset: k, testDF: testDF)

        var result = ModelResult(spec: spec, outcome: design.outcome, outcomeLevels: outcomeLevels,
                                 n: Int(observations.rounded()), converged: fit.converged,
                                 iterations: fit.iterations, coefficients: [], cutpoints: cutpoints, vcov: V)
        let ll = fit.evaluation.loglik
        result.loglik = ll
        result.loglikNull = loglikNull
        let slopes = terms.filter { !$0.isConstant }.count
        result.lrChi2 = 2 * (ll - loglikNull)
        result.lrDF = slopes
        result.lrP = slopes > 0 ? Distributions.chiSquareSF(2 * (ll - loglikNull), df: Double(slopes)) : nil
        result.pseudoR2 = loglikNull != 0 ? 1 - ll / loglikNull : nil
        result.aic = -2 * ll + 2 * Double(p)
        result.bic = -2 * ll + Double(p) * log(correctionN)
        if let survey {
            // Stata's svy reports no likelihood-ratio test (the likelihood is a pseudo-likelihood)
            // but the design-adjusted Wald F of the slopes.
            result.lrChi2 = nil; result.lrDF = nil; result.lrP = nil
            let slopeIndices = (0..<k).filter { !terms[$0].isConstant }
            let test = designF(theta: theta, vcov: V, p: p, slopes: slopeIndices, df: survey.df)
            result.fDF1 = slopeIndices.isEmpty ? nil : slopeIndices.count
            result.fDF2 = slopeIndices.isEmpty ? nil : (test?.df2 ?? survey.df - slopeIndices.count + 1)
            result.fStat = test?.f
            result.fP = test?.p
            result.survey = survey.summary
        }

        // Latent sd: var(xβ̂) + var(ε).
        let eta = model.linearPredictor(theta)
        let sdY = (pow(meanAndSD(eta).sd, 2) + link.errorVariance).squareRoot()
        result.sdY = sdY
        standardize(&coefficients, sdY: sdY)
        result.coefficients = coefficients

        // Mean predicted probabilities; and Stata's "completely determined" note.
        struct Tally { var probabilities: [Double]; var failures = 0; var successes = 0; var determined = 0 }
        let cuts = Array(theta[k..<p])
        let ordered = kind.isOrdered
        let cutsModerate = cuts.allSatisfy { abs($0) < 300 }
        let expNegativeCuts = cuts.map { exp(-$0) }
        let tallies = RowBlocks(rowCount: n).map({ Tally(probabilities: [Double](repeating: 0, count: J)) }) {
            (tally: inout Tally, range: Range<Int>) in
            for i in range {
                let w = weights?[i] ?? 1
                if ordered {
                    // Logistic: F(c − η) = 1 / (1 + e^η e^−c), one `exp` per row instead of one per
                    // cutpoint (away from overflow).
                    let factored = link == .logistic && abs(eta[i]) < 300 && cutsModerate
                    let expEta = factored ? exp(eta[i]) : 0
                    var previous = 0.0
                    let observed = Int(coded[i])
                    for j in 0..<J {
                        let F = j == J - 1 ? 1 : factored ? 1 / (1 + expEta * expNegativeCuts[j]) : link.cdf(cuts[j] - eta[i])
                        tally.probabilities[j] += w * (F - previous)
                        // The observed category predicted with certainty: this row is completely determined.
                        if j == observed, F - previous > 1 - 1e-10 { tally.determined += 1 }
                        previous = F
                    }
                } else {
                    let p1 = link.cdf(eta[i])
                    tally.probabilities[1] += w * p1
                    tally.probabilities[0] += w * (1 - p1)
                    if p1 < 1e-10 || p1 > 1 - 1e-10 {
                        if coded[i] == 1 { tally.successes += 1 } else { tally.failures += 1 }
                    }
                }
            }
        }
        var meanProbabilities = [Double](repeating: 0, count: J)
        var determined = (failures: 0, successes: 0, ordered: 0)
        for t in tallies {
            for j in 0..<J { meanProbabilities[j] += t.probabilities[j] }
            determined.failures += t.failures
            determined.successes += t.successes
            determined.ordered += t.determined
        }
        result.predicted = zip(outcomeLevels, meanProbabilities).map {
            PredictedProbability(outcome: formatCode($0), probability: $1 / W)
        }
        if determined.failures + determined.successes == n || determined.ordered == n {
            // Stata stops with "predicts data perfectly" (r(2000)): so does this, rather than
            // return coefficients that only say where the iterations stopped.
            throw .invalidModel(EstimationProblemText.separatedJointly(outcome: design.outcome).text(.en))
        } else if determined.failures + determined.successes > 0 {
            notes.append(.quasiSeparation(failures: determined.failures, successes: determined.successes))
        } else if determined.ordered > 0 {
            notes.append(.quasiSeparationOrdered(observations: determined.ordered))
        }
        if options.brant, kind == .ologit {
            let brant = brantTest()
            result.brant = brant.test
            notes += brant.notes
        }
        if options.lrParallel, kind.isOrdered {
            let lr = lrParallelTest(link: link, theta: theta, loglik: ll)
            result.lrParallel = lr.test
            notes += lr.notes
        }
        if !fit.converged { notes.append(.notConverged) }
        result.diagnostics = notes
        if options.margins {
            (result.margins, result.contrasts) = Margins(context: self, theta: theta, vcov: V, residualDF: testDF, link: link).results()
        }
        return result
    }
}
