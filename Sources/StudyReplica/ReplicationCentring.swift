import Estimation
import SurveyData

/// The cutpoints the paper prints in its x-standardized columns (Models 3 and 7): refitting the
/// ordered logit on z-scored regressors shifts every cutpoint to cut_k − x̄·b, with its SE taken
/// at the means (the published notes check this: Model 3's cutpoints are Model 2's minus 4.791).
struct CutpointCentring {
    /// x̄ of each coefficient's regressor over the estimation sample, by position in `fit.coefficients`.
    let means: [Double]
    let fit: ModelResult

    init(fit: ModelResult, spec: ModelSpec, data: Dataset) throws {
        let design = try DesignMatrix(spec: spec, data: data)
        var byTerm: [String: Double] = [:]
        for (j, term) in design.terms.enumerated() where !term.isConstant {
            let column = design.column(j)
            byTerm[term.name] = column.isEmpty ? 0 : column.reduce(0, +) / Double(column.count)
        }
        means = fit.coefficients.map { byTerm[$0.term] ?? 0 }
        self.fit = fit
    }

    /// cut − x̄·b and its z statistic (delta method: gradient −x̄ on b, 1 on the cutpoint).
    func centred(_ cut: Coefficient) -> (value: Double, z: Double?) {
        let shift = zip(fit.coefficients, means).reduce(0.0) { $0 + $1.0.estimate * $1.1 }
        let value = cut.estimate - shift
        let k = fit.coefficients.count
        let p = k + fit.cutpoints.count
        guard let m = fit.cutpoints.firstIndex(where: { $0.term == cut.term }), fit.vcov.count == p * p else {
            return (value, nil)
        }
        var gradient = means.map { -$0 } + Array(repeating: 0.0, count: fit.cutpoints.count)
        gradient[k + m] = 1
        var variance = 0.0
        for i in 0..<p where gradient[i] != 0 {
            for j in 0..<p where gradient[j] != 0 {
                variance += gradient[i] * fit.vcov[i * p + j] * gradient[j]
            }
        }
        return (value, variance > 0 ? value / variance.squareRoot() : nil)
    }
}
