import SurveyData

/// The Rao–Scott second-order corrected Pearson test of independence under a survey design, as
/// Stata's `svy: tabulate` default and R's `svychisq(statistic = "F")`: the Pearson X² of the
/// weighted table scaled to the sample size n, divided by tr(Δ̂), referred to F(d₀, d₀ν) with
/// d₀ = tr(Δ̂)²/tr(Δ̂²) and ν the design df. Δ̂ = (C′D⁻¹C/n)⁻¹ (C′D⁻¹VD⁻¹C), with p̂ the weighted
/// cell proportions, D = diag(p̂), V their linearized variance and C the interaction contrasts
/// (the r·c cell indicators' interaction columns made orthogonal to the main effects).
public struct RaoScott: Sendable, Equatable {
    public var f: Double
    public var ndf: Double
    public var ddf: Double
    public var p: Double

    public init(f: Double, ndf: Double, ddf: Double, p: Double) {
        self.f = f; self.ndf = ndf; self.ddf = ddf; self.p = p
    }

    /// The test for `row` × `column` of `data` under `design` (`subpop`: Stata's `subpop()`).
    /// nil when the table has one row or column, or the design's variance is missing.
    public static func test(_ data: Dataset, row: String, column: String, design: SurveyDesign,
                            subpop: String?) throws -> RaoScott? {
        let subpopulation = try subpop.map { (name: $0, rows: try EstimationSample(data: data, condition: $0, variables: []).keep) }
        return try test(data, row: row, column: column, design: design, subpopulation: subpopulation)
    }

    /// The same with the subpopulation given by its rows and its name (the explorer's screen sample).
    public static func test(_ data: Dataset, row: String, column: String, design: SurveyDesign,
                            subpopulation: (name: String, rows: [Bool])?) throws -> RaoScott? {
        let n = data.rowCount
        let subpop = subpopulation?.name
        var inDesign = try EstimationSample(data: data, condition: nil, variables: design.variables).keep
        let weightValues = design.weight.flatMap { data.column($0)?.values }
        if let w = weightValues {
            for i in 0..<n where inDesign[i] {
                if w[i] < 0 { throw EstimationError.invalidModel(SurveyText.negativeWeight(design.weight ?? "", value: w[i], row: i + 1).text(.en)) }
                if !(w[i] > 0) { inDesign[i] = false }
            }
        }
        let present = try EstimationSample(data: data, condition: nil, variables: [row, column]).keep
        let inSubpop = subpopulation?.rows
        let rows = (0..<n).filter { inDesign[$0] && present[$0] && (inSubpop?[$0] ?? true) }
        if let subpop, rows.isEmpty { throw EstimationError.invalidModel(SurveyText.emptySubpop(subpop).text(.en)) }
        let designRows = subpop == nil ? rows : (0..<n).filter { inDesign[$0] }
        let weights = weightValues.map { w in rows.map { w[$0] } }
        let structure = try SurveyStructure(design: design, subpop: subpop, data: data, designRows: designRows,
                                            estimationRows: rows, weights: weights)
        let r = data.column(row)!.values, c = data.column(column)!.values
        let rowCodes = Set(rows.map { r[$0] }).sorted(), columnCodes = Set(rows.map { c[$0] }).sorted()
        let R = rowCodes.count, Cn = columnCodes.count
        guard R > 1, Cn > 1, rows.count > 1 else { return nil }
        // Cells in R's order: the row index varies fastest.
        let cells = (0..<Cn).flatMap { b in (0..<R).map { a in (rowCodes[a], columnCodes[b]) } }
        let K = cells.count
        let columns: [(Int) -> Double] = cells.map { cell in { r[$0] == cell.0 && c[$0] == cell.1 ? 1 : 0 } }
        guard let (p, V) = SurveyDescriptives.meansAndVariance(columns: columns, rows: rows, weights: weights,
                                                                 structure: structure) else { return nil }
        let N = Double(rows.count)
        // Pearson X² of the weighted table scaled to N.
        var rowShare = [Double](repeating: 0, count: R), columnShare = [Double](repeating: 0, count: Cn)
        for b in 0..<Cn { for a in 0..<R { rowShare[a] += p[b * R + a]; columnShare[b] += p[b * R + a] } }
        var x2 = 0.0
        for b in 0..<Cn { for a in 0..<R {
            let e = N * rowShare[a] * columnShare[b]
            if e > 0 { x2 += (N * p[b * R + a] - e) * (N * p[b * R + a] - e) / e }
        } }
        // Design grid: main effects X1 (intercept, row and column dummies), interactions X12.
        let q1 = R + Cn - 1, q = (R - 1) * (Cn - 1)
        var X1 = [Double](repeating: 0, count: K * q1), X12 = [Double](repeating: 0, count: K * q)
        for b in 0..<Cn { for a in 0..<R {
            let k = b * R + a
            X1[k] = 1
            if a > 0 { X1[a * K + k] = 1 }
            if b > 0 { X1[(R - 1 + b) * K + k] = 1 }
            if a > 0, b > 0 { X12[((b - 1) * (R - 1) + (a - 1)) * K + k] = 1 }
        } }
        // C = X12 − X1 (X1′X1)⁻¹ X1′X12.
        var xtx = [Double](repeating: 0, count: q1 * q1)
        for i in 0..<q1 { for j in 0..<q1 { var s = 0.0; for k in 0..<K { s += X1[i * K + k] * X1[j * K + k] }; xtx[j * q1 + i] = s } }
        guard let xtxInverse = LinearAlgebra.inverseSPD(xtx, q1) else { return nil }
        var C = X12
        for j in 0..<q {
            var xty = [Double](repeating: 0, count: q1)
            for i in 0..<q1 { var s = 0.0; for k in 0..<K { s += X1[i * K + k] * X12[j * K + k] }; xty[i] = s }
            var beta = [Double](repeating: 0, count: q1)
            for i in 0..<q1 { var s = 0.0; for l in 0..<q1 { s += xtxInverse[l * q1 + i] * xty[l] }; beta[i] = s }
            for k in 0..<K { var s = 0.0; for i in 0..<q1 { s += X1[i * K + k] * beta[i] }; C[j * K + k] -= s }
        }
        let inverseP = p.map { $0 == 0 ? 0 : 1 / $0 }
        // denom = C′(D⁻¹/N)C, numerator = C′D⁻¹VD⁻¹C.
        var denom = [Double](repeating: 0, count: q * q), numerator = [Double](repeating: 0, count: q * q)
        for i in 0..<q { for j in 0..<q {
            var d = 0.0, s = 0.0
            for k in 0..<K {
                d += C[i * K + k] * inverseP[k] / N * C[j * K + k]
                let left = C[i * K + k] * inverseP[k]
                guard left != 0 else { continue }
                for l in 0..<K { s += left * V[l * K + k] * inverseP[l] * C[j * K + l] }
            }
            denom[j * q + i] = d; numerator[j * q + i] = s
        } }
        guard let denomInverse = LinearAlgebra.inverseSPD(denom, q) else { return nil }
        var delta = [Double](repeating: 0, count: q * q)
        for i in 0..<q { for j in 0..<q { var s = 0.0; for l in 0..<q { s += denomInverse[l * q + i] * numerator[j * q + l] }; delta[j * q + i] = s } }
        var trace = 0.0, trace2 = 0.0
        for i in 0..<q { trace += delta[i * q + i]; for j in 0..<q { trace2 += delta[j * q + i] * delta[i * q + j] } }
        guard trace > 0, trace2 > 0 else { return nil }
        let d0 = trace * trace / trace2, nu = Double(structure.df)
        let f = x2 / trace
        return RaoScott(f: f, ndf: d0, ddf: d0 * nu, p: Distributions.fSF(f, d1: d0, d2: d0 * nu))
    }
}
