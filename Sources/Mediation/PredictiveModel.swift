import Estimation

/// A fitted model reduced to what counterfactual predictions need: its design columns (one per
/// estimated coefficient, in the result's order), the outcome, and the parameter vector
/// (coefficients then cutpoints) with its variance — the order of `ModelResult.vcov`.
struct PredictiveModel: Sendable {
    var kind: ModelKind
    var rows: Int
    /// Column-major rows × coefficient count.
    var x: [Double]
    var y: [Double]
    var terms: [String]
    var parameters: [Double]
    var vcov: [Double]
    var cutCount: Int
    var outcomeLevels: [Double]
    /// The design's weights (sampling, frequency or bootstrap-replicate), nil = unweighted: the
    /// causal effects average over units with them.
    var weights: [Double]?

    var coefficientCount: Int { terms.count }

    init(result: ModelResult, design: DesignMatrix) throws(MediationError) {
        kind = result.model
        rows = design.rowCount
        terms = result.coefficients.map(\.term)
        var x: [Double] = []
        x.reserveCapacity(rows * terms.count)
        for term in terms {
            guard let j = design.terms.firstIndex(where: { $0.name == term }) else {
                throw .estimation("term '\(term)' of the \(result.model.rawValue) model of \(result.outcome) has no design column")
            }
            x.append(contentsOf: design.column(j))
        }
        self.x = x
        y = design.y
        parameters = result.coefficients.map(\.estimate) + result.cutpoints.map(\.estimate)
        vcov = result.vcov
        cutCount = result.cutpoints.count
        outcomeLevels = result.outcomeLevels
        weights = design.weights
        guard vcov.count == parameters.count * parameters.count else {
            throw .estimation("the \(result.model.rawValue) model of \(result.outcome) has no variance matrix")
        }
    }

    func column(of term: String) -> Int? { terms.firstIndex(of: term) }

    /// Σⱼ xᵢⱼ βⱼ over the coefficient columns, leaving out the columns in `excluding`.
    func partialPredictor(_ params: [Double], excluding: Set<Int>) -> [Double] {
        var eta = [Double](repeating: 0, count: rows)
        for j in 0..<coefficientCount where !excluding.contains(j) {
            let b = params[j]
            if b == 0 { continue }
            let base = j * rows
            for i in 0..<rows { eta[i] += b * x[base + i] }
        }
        return eta
    }

    /// Residuals y − Xβ at the estimates (ols).
    func residuals() -> [Double] {
        let eta = partialPredictor(parameters, excluding: [])
        return (0..<rows).map { y[$0] - eta[$0] }
    }

    /// √(RSS / (n − k)): the residual sd of an ols model (R's summary(lm)$sigma). Weighted:
    /// √(Σwr² / Σw · n/(n − k)), which does not depend on the weights' scale.
    func residualSD() -> Double {
        let r = residuals()
        let df = Double(max(1, rows - coefficientCount))
        guard let w = weights else {
            let rss = r.reduce(0) { $0 + $1 * $1 }
            return (rss / df).squareRoot()
        }
        var rss = 0.0, sw = 0.0, used = 0
        for i in 0..<rows where w[i] > 0 { rss += w[i] * r[i] * r[i]; sw += w[i]; used += 1 }
        return (rss / sw * Double(used) / Double(max(1, used - coefficientCount))).squareRoot()
    }
}
