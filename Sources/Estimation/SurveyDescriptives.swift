import SurveyData

/// Table 1 under a survey design, as Stata's `svy: mean` / `svy: proportion` with `estat effects`
/// and R's `svymean(…, deff = TRUE)`: weighted means and proportions (ratio estimators Σwy/Σw) with
/// linearized SEs over the design's strata and PSUs, and design effects against simple random
/// sampling without replacement, deff = V / ((1 − n/N̂) s²/n), s² = Σw(y − ȳ)²/Σw · n/(n − 1)
/// (R's `svyvar`). Counts, missing, min and max stay the sample's (unweighted rows); `sd` becomes
/// √s². Rows with a missing value leave the design (Stata's e(sample)) unless `subpop` is given,
/// which estimates on its rows while every PSU stays (Stata's `subpop()`, R's `subset(design)`).
public enum SurveyDescriptives {
    public static func describe(_ data: Dataset, variables: [String], design: SurveyDesign,
                                subpop: String?) throws -> [VariableDescription] {
        let subpopulation = try subpop.map { (name: $0, rows: try EstimationSample(data: data, condition: $0, variables: []).keep) }
        return try describe(data, variables: variables, design: design, subpopulation: subpopulation)
    }

    /// The same with the subpopulation given by its rows (`rows[i]`: dataset row i is in it) and
    /// the name reports and errors use — the explorer's screen sample.
    public static func describe(_ data: Dataset, variables: [String], design: SurveyDesign,
                                subpopulation: (name: String, rows: [Bool])?) throws -> [VariableDescription] {
        var base = try DescriptiveStatistics.describe(data, variables: variables)
        let n = data.rowCount
        let subpop = subpopulation?.name
        let designKeep = try EstimationSample(data: data, condition: nil, variables: design.variables).keep
        let weightValues = design.weight.flatMap { data.column($0)?.values }
        var inDesign = designKeep
        if let w = weightValues {
            for i in 0..<n where inDesign[i] {
                if w[i] < 0 { throw EstimationError.invalidModel(SurveyText.negativeWeight(design.weight ?? "", value: w[i], row: i + 1).text(.en)) }
                if !(w[i] > 0) { inDesign[i] = false }
            }
        }
        let inSubpop = subpopulation?.rows
        if let subpop, let inSubpop, !(0..<n).contains(where: { inSubpop[$0] && inDesign[$0] }) {
            throw EstimationError.invalidModel(SurveyText.emptySubpop(subpop).text(.en))
        }
        for (index, name) in base.enumerated().map({ ($0.offset, $0.element.variable) }) {
            let present = try EstimationSample(data: data, condition: nil, variables: [name]).keep
            let rows = (0..<n).filter { inDesign[$0] && present[$0] && (inSubpop?[$0] ?? true) }
            guard rows.count > 1 else { continue }
            let designRows = subpop == nil ? rows : (0..<n).filter { inDesign[$0] }
            let weights = weightValues.map { w in rows.map { w[$0] } }
            let structure = try SurveyStructure(design: design, subpop: subpop, data: data, designRows: designRows,
                                                estimationRows: rows, weights: weights)
            let y = data.column(name)!.values
            var d = base[index]
            let categories = d.type == .continuous ? [] : d.categories.map(\.code)
            // Columns: y itself, then one indicator per category.
            let columns: [(Int) -> Double] = [{ y[$0] }] + categories.map { code in { y[$0] == code ? 1 : 0 } }
            let estimates = estimate(columns: columns, rows: rows, weights: weights, structure: structure)
            if d.type == .continuous || categories.isEmpty {
                d.mean = estimates[0].mean
                d.sd = estimates[0].s2.squareRoot()
                d.meanSE = estimates[0].se
                d.deff = estimates[0].deff
            }
            for (j, _) in categories.enumerated() {
                let e = estimates[j + 1]
                d.categories[j].percent = 100 * e.mean
                d.categories[j].se = 100 * e.se
                d.categories[j].deff = e.deff
            }
            base[index] = d
        }
        return base
    }

    /// Per column the weighted mean, and their full linearized variance (K×K, column-major); nil
    /// under `singleunit=missing` with a single-PSU stratum.
    static func meansAndVariance(columns: [(Int) -> Double], rows: [Int], weights: [Double]?,
                                 structure: SurveyStructure) -> ([Double], [Double])? {
        let m = rows.count, p = columns.count
        let W = weights.map { $0.reduce(0, +) } ?? Double(m)
        var scores = [Double](repeating: 0, count: m * p)
        var means: [Double] = []
        for (c, column) in columns.enumerated() {
            var sum = 0.0
            for (t, i) in rows.enumerated() { sum += (weights?[t] ?? 1) * column(i) }
            let mean = sum / W
            for (t, i) in rows.enumerated() { scores[c * m + t] = (column(i) - mean) / W }
            means.append(mean)
        }
        let lin = LinearizedVariance(structure: structure, parameterCount: p, weights: weights)
        guard let meat = lin.meat({ sink in sink(0..<m, scores) }) else { return nil }
        return (means, meat)
    }

    /// Per column: the weighted mean, its linearized SE (NaN under `singleunit=missing` with a
    /// single-PSU stratum), s² and the design effect.
    static func estimate(columns: [(Int) -> Double], rows: [Int], weights: [Double]?,
                         structure: SurveyStructure) -> [(mean: Double, se: Double, s2: Double, deff: Double)] {
        let m = rows.count, p = columns.count
        let W = weights.map { $0.reduce(0, +) } ?? Double(m)
        var scores = [Double](repeating: 0, count: m * p)
        var results: [(mean: Double, se: Double, s2: Double, deff: Double)] = []
        var s2s: [Double] = [], means: [Double] = []
        for (c, column) in columns.enumerated() {
            var sum = 0.0
            for (t, i) in rows.enumerated() { sum += (weights?[t] ?? 1) * column(i) }
            let mean = sum / W
            var squares = 0.0
            for (t, i) in rows.enumerated() {
                let dev = column(i) - mean
                squares += (weights?[t] ?? 1) * dev * dev
                // Linearization of the ratio Σwy/Σw: (y − ȳ)/Σw per unit weight (the meat applies w).
                scores[c * m + t] = dev / W
            }
            means.append(mean)
            s2s.append(squares / W * Double(m) / Double(m - 1))
        }
        let lin = LinearizedVariance(structure: structure, parameterCount: p, weights: weights)
        let meat = lin.meat { sink in sink(0..<m, scores) }
        for c in 0..<p {
            let v = meat.map { $0[c * p + c] } ?? .nan
            let srs = (1 - Double(m) / W) * s2s[c] / Double(m)
            results.append((means[c], v.isNaN ? .nan : max(0, v).squareRoot(), s2s[c], srs > 0 ? v / srs : .nan))
        }
        return results
    }
}
