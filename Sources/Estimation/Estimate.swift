import SurveyData
import Foundation

/// Estimates `kind` on a prepared design. The lower-level entry point for the mediation suite and
/// the explorer: build a `DesignMatrix` once, then call this for each model kind or on resampled
/// designs (`design.subset(rows:)`, `design.reweighted(_:)`) — nothing is re-parsed.
///
/// Row-dependent pruning happens here, Stata's way: regressors whose nonzero values predict a
/// binary outcome perfectly are dropped with their rows (logit/probit), then terms collinear with
/// earlier ones are omitted. `vce` defaults to the design's spec.
public func estimate(_ kind: ModelKind, design input: DesignMatrix, vce: VarianceType? = nil,
                     options: FitOptions = FitOptions()) throws(EstimationError) -> ModelResult {
    if options.margins {
        try options.marginsRequest.validate(design: input)
    }
    var spec = input.spec
    spec.kind = kind
    if let vce { spec.vce = vce }
    var design = input
    design.spec = spec
    var notes: [EstimationNote] = input.notes

    if let w = design.weights, w.contains(where: { !($0 > 0) }) {
        design = design.subset(rows: w.indices.filter { w[$0] > 0 })
    }
    guard design.rowCount > 0 else { throw .invalidModel("no observations") }
    if let w = design.weights, w.reduce(0, +) >= 9e15 {
        throw .invalidModel("the weights of '\(design.weighting.variable ?? "?")' sum to more than 9e15; rescale them")
    }
    if let survey = design.survey, survey.df < 1 {
        throw .invalidModel("the survey design has \(survey.countedPSUs) PSUs in \(survey.countedStrata) strata: no degrees of freedom for the variance")
    }
    if case .cluster(let v) = spec.vce, design.clusters == nil {
        throw .invalidModel("cluster variable '\(v)' is not in the design; build the design with vce cluster:\(v)")
    }
    let sampling: Bool
    if case .sampling = design.weighting { sampling = true } else { sampling = false }
    var vceUsed = spec.vce
    if sampling, vceUsed == .oim, design.survey == nil {
        vceUsed = .robust
        notes.append(.samplingWeightsImplyRobust)
    }

    // Outcome coding.
    var outcomeLevels: [Double] = []
    var coded: [Int32] = []
    switch kind {
    case .ols:
        break
    case .logit, .probit:
        coded = design.y.map { $0 != 0 ? 1 : 0 }
        outcomeLevels = [0, 1]
        guard coded.contains(0), coded.contains(1) else {
            throw .invalidModel("outcome '\(design.outcome)' does not vary (all \(coded.first == 1 ? "nonzero" : "zero")) in the estimation sample")
        }
    case .ologit, .oprobit, .gologit, .goprobit:
        // Distinct values by linear search: outcomes have few categories, and hashing costs more.
        var distinct: [Double] = []
        var last = Double.nan
        for v in design.y where v != last {
            last = v
            if !distinct.contains(v) {
                distinct.append(v)
                if distinct.count > 200 { break }
            }
        }
        outcomeLevels = distinct.sorted()
        guard outcomeLevels.count >= 2 else {
            throw .invalidModel("outcome '\(design.outcome)' has only one category (\(formatCode(outcomeLevels.first ?? .nan))) in the estimation sample")
        }
        guard outcomeLevels.count <= 200 else {
            throw .invalidModel("outcome '\(design.outcome)' has more than 200 distinct values; too many for an ordered model")
        }
        // Each row's category index by binary search in the sorted levels (hashing every row cost
        // more); every y is one of them.
        let levels = outcomeLevels
        coded = design.y.map { v in
            var low = 0, high = levels.count - 1
            while low < high {
                let middle = (low + high) / 2
                if levels[middle] < v { low = middle + 1 } else { high = middle }
            }
            return Int32(low)
        }
    }

    let consIndex = design.columnCount - 1
    var active = Array(0..<consIndex)
    var omitted = design.omitted
    var dropped = design.dropped

    // Complete separation by one regressor: an error, as Stata's r(2000).
    if kind != .ols, let problem = CompleteSeparation.find(design: design, outcome: coded,
                                                          categories: outcomeLevels.count, candidates: active) {
        throw .invalidModel(problem)
    }

    // Perfect prediction (binary models), repeated until nothing changes, as Stata.
    if kind.isBinary {
        let pp = PerfectPrediction.check(design: design, outcome: coded, candidates: active)
        notes.append(contentsOf: pp.notes.filter { if case .perfectPredictionAtZero = $0 { return true } else { return false } })
        if !pp.rowsToDrop.isEmpty || !pp.droppedColumns.isEmpty {
            for c in pp.droppedColumns { active.removeAll { $0 == c } }
            omitted.append(contentsOf: pp.omitted)
            dropped.append(contentsOf: pp.dropped)
            notes.append(contentsOf: pp.notes.filter { if case .perfectPredictionAtZero = $0 { return false } else { return true } })
            let keep = (0..<design.rowCount).filter { !pp.rowsToDrop.contains($0) }
            design = design.subset(rows: keep)
            coded = keep.map { coded[$0] }
            guard coded.contains(0), coded.contains(1) else {
                let terms = pp.omitted.map(\.term)
                throw .invalidModel(EstimationProblemText.separatedByDrops(outcome: design.outcome, terms: terms).text(.en))
            }
        }
    }

    // Collinearity: the constant first (it always stays), then regressors in formula order.
    let collinear = Collinearity.collinearColumns(x: design.x, rows: design.rowCount, order: [consIndex] + active)
    for c in active where collinear.contains(c) {
        omitted.append(OmittedTerm(term: design.terms[c].name, reason: .collinear))
        notes.append(.collinear(term: design.terms[c].name))
    }
    active.removeAll { collinear.contains($0) }
    let working = kind.hasOrderedOutcome ? active : active + [consIndex]

    // Working matrix: a prefix of the design's columns is used in place (no copy).
    let n = design.rowCount, k = working.count
    let x: [Double]
    if working == Array(0..<k) {
        x = design.x
    } else {
        var copy = [Double](repeating: 0, count: n * k)
        for (c, j) in working.enumerated() {
            copy.replaceSubrange((c * n)..<((c + 1) * n), with: design.x[(j * n)..<((j + 1) * n)])
        }
        x = copy
    }
    let terms = working.map { design.terms[$0] }
    let context = FitContext(kind: kind, spec: spec, vce: vceUsed, design: design, x: x, n: n, k: k,
                             terms: terms, coded: coded, outcomeLevels: outcomeLevels,
                             sampling: sampling, options: options)
    var result: ModelResult
    switch kind {
    case .ols: result = try context.fitLeastSquares()
    case .gologit, .goprobit: result = try context.fitGeneralizedOrdered()
    default: result = try context.fitMaximumLikelihood()
    }
    result.omitted = omitted
    result.dropped = dropped
    result.diagnostics = notes + result.diagnostics
    if options.margins && options.atMeans && Margins.needsConditional(context) {
        // Effects at the means of interacted variables are not defined yet; say so, never guess.
        result.diagnostics.append(.other(MarginsText.atMeansWithInteractions.text(.en)))
    }
    return result
}

/// Everything one fit needs after pruning; the estimator-specific parts live in extensions
/// (FitLeastSquares.swift, FitMaximumLikelihood.swift).
struct FitContext {
    let kind: ModelKind
    let spec: ModelSpec
    let vce: VarianceType
    let design: DesignMatrix
    /// Working regressors, column-major n×k (may be longer than n·k when used in place).
    let x: [Double]
    let n: Int
    let k: Int
    let terms: [DesignTerm]
    let coded: [Int32]
    let outcomeLevels: [Double]
    let sampling: Bool
    let options: FitOptions

    var weights: [Double]? { design.weights }
    var isFrequency: Bool { if case .frequency = design.weighting { return true } else { return false } }

    /// Observations as Stata counts them: Σw with frequency weights, rows otherwise.
    var observations: Double {
        if isFrequency, let w = weights { return w.reduce(0, +) }
        return Double(n)
    }

    /// N used in small-sample corrections and BIC: rows with sampling weights, else `observations`.
    var correctionN: Double { sampling ? Double(n) : observations }

    func column(_ c: Int) -> ArraySlice<Double> { x[(c * n)..<((c + 1) * n)] }

    /// Weighted mean and sd (n−1; frequency weights count copies; sampling weights normalised to
    /// sum to the row count, like Stata's aweights).
    func meanAndSD(_ values: ArraySlice<Double>) -> (mean: Double, sd: Double) {
        values.withUnsafeBufferPointer { v in
            (weights ?? []).withUnsafeBufferPointer { w in
                let weights = w.isEmpty ? nil : w
                let sw = weights.map { VectorSums.sum($0) } ?? Double(v.count)
                let mean = VectorSums.weightedSum(v, weights) / sw
                let ss = VectorSums.weightedSquaredDeviations(v, weights, from: mean)
                let denominator: Double
                if sampling { denominator = ss == 0 ? 1 : sw * (Double(v.count) - 1) / Double(v.count) } else { denominator = sw - 1 }
                return (mean, (ss / denominator).squareRoot())
            }
        }
    }

    func meanAndSD(_ values: [Double]) -> (mean: Double, sd: Double) { meanAndSD(values[...]) }

    /// Coefficient rows with inference: z (t with `testDF` residual degrees of freedom, as OLS) and
    /// its p-value, and the 95% interval b ± q·se with q the two-sided critical value (t(0.975, testDF),
    /// else the normal 1.96). `offset` is the first row's index in `theta` and in the p×p `vcov`.
    func coefficientRows(theta: [Double], vcov: [Double], p: Int, names: [(term: String, variable: String?, level: Double?)],
                         offset: Int, testDF: Double?) -> [Coefficient] {
        let q = testDF.map { Distributions.tQuantile(0.975, df: $0) } ?? 1.959963984540054
        return names.enumerated().map { (i, name) in
            let j = offset + i
            let b = theta[j]
            let v = vcov[j * p + j]
            let se = v > 0 && v.isFinite ? v.squareRoot() : (v == 0 ? 0 : .nan)
            // A non-finite SE (or estimate) gives no test: t/z, p and the interval are missing
            // too, as Stata prints them ("."), never t = 0 and p = 1 beside an SE of ".".
            guard se.isFinite, b.isFinite else {
                return Coefficient(term: name.term, variable: name.variable, level: name.level, estimate: b,
                                   se: .nan, z: .nan, p: .nan, ciLow: .nan, ciHigh: .nan)
            }
            let z = b / se
            let pval = testDF.map { Distributions.tTwoSidedP(z, df: $0) } ?? Distributions.normalTwoSidedP(z)
            return Coefficient(term: name.term, variable: name.variable, level: name.level, estimate: b, se: se,
                               z: z, p: pval, ciLow: b - q * se, ciHigh: b + q * se)
        }
    }

    /// Wald χ² of the listed parameters (b' V⁻¹ b).
    func wald(theta: [Double], vcov: [Double], p: Int, indices: [Int]) -> Double? {
        let q = indices.count
        guard q > 0 else { return nil }
        var sub = [Double](repeating: 0, count: q * q)
        for (a, i) in indices.enumerated() { for (b, j) in indices.enumerated() { sub[b * q + a] = vcov[j * p + i] } }
        guard let inv = LinearAlgebra.inverseSPD(sub, q) else { return nil }
        return LinearAlgebra.quadraticForm(indices.map { theta[$0] }, inv, q)
    }

    /// listcoef's standardized coefficients for every non-constant coefficient.
    func standardize(_ coefficients: inout [Coefficient], sdY: Double) {
        for (c, term) in terms.enumerated() where !term.isConstant {
            let sdX = meanAndSD(column(c)).sd
            let b = coefficients[c].estimate
            coefficients[c].bStdX = b * sdX
            coefficients[c].bStdY = b / sdY
            coefficients[c].bStdXY = b * sdX / sdY
        }
    }
}
