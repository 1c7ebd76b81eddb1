import SurveyData

/// Where a design column's values come from; `DesignMatrix` fills the columns from these.
enum DesignColumnSource {
    case values(Column)
    /// 1 where the variable equals the level.
    case indicator(Column, Double)
    /// An interaction cell: the product of indicators (level set) and continuous values (level nil).
    case product([(values: Column, level: Double?)])
}

/// A factor variable's levels: every value the variable takes in the dataset (user-missing codes
/// and NaN aside), which of them occur in the estimation sample, and the base level.
struct FactorLevels {
    var levels: [Double]
    var present: Set<Double>
    var base: Double

    init(variable: String, values: Column, info: VariableInfo?, rows: [Int], allRows: Bool,
         base: Double?, column: Int) throws(EstimationError) {
        let userMissing = info?.missingCodes ?? []
        var all = ValueTally()
        for v in values where !v.isNaN && !userMissing.contains(v) {
            all.add(v)
            if all.count > 1000 {
                throw .invalidModel("'\(variable)' has more than 1000 distinct values; too many for a factor (use c.\(variable))")
            }
        }
        var sampleLevels = ValueTally()
        if allRows && userMissing.isEmpty {
            sampleLevels = all  // the sample is the whole column
        } else {
            for i in rows { sampleLevels.add(values[i]) }
        }
        let present = Set(sampleLevels.values)
        let levels = Set(all.values).union(present).sorted()
        self.present = present
        self.levels = levels
        if let b = base {
            guard present.contains(b) else {
                throw .invalidModel("base level \(formatCode(b)) of '\(variable)' does not occur in the estimation sample (column \(column) of the formula)")
            }
            self.base = b
        } else if let b = info?.base, present.contains(b) {
            self.base = b
        } else {
            self.base = levels.first(where: { present.contains($0) }) ?? levels[0]
        }
    }
}

/// The columns of one interaction term, coded as Stata does: every combination of the factors'
/// levels (a continuous factor enters by its value), except a cell whose factors at their base
/// levels leave a lower-order term that is in the model (or nothing, the constant) — so
/// `i.a##i.b` keeps the (A−1)(B−1) non-base cells, `i.a#i.b` alone every cell but the all-base
/// one (full rank with the constant), `i.a#c.x` without `c.x` a slope per level. Cells with no
/// observations in the estimation sample are listed as empty, as Stata's "(empty)".
struct InteractionCells {
    var terms: [DesignTerm] = []
    var sources: [DesignColumnSource] = []
    var empty: [String] = []

    init(term: Formula.Term, index t: Int, modelKeys: Set<String>, columns: [String: Column], rows: [Int],
         levels: (Formula.Factor, Double?) throws(EstimationError) -> FactorLevels) throws(EstimationError) {
        struct Part { var variable: String; var values: Column; var levels: FactorLevels? }
        var parts: [Part] = []
        for factor in term.factors {
            let values = columns[factor.variable] ?? Column(name: factor.variable, values: [])
            if case .factor(let base) = factor.kind {
                parts.append(Part(variable: factor.variable, values: values, levels: try levels(factor, base)))
            } else {
                parts.append(Part(variable: factor.variable, values: values, levels: nil))
            }
        }
        let allFactors = parts.allSatisfy { $0.levels != nil }
        // Odometer over the factors' levels (one position for a continuous factor).
        let counts = parts.map { $0.levels?.levels.count ?? 1 }
        var digit = [Int](repeating: 0, count: parts.count)
        repeat {
            let cell: [Double?] = parts.indices.map { parts[$0].levels?.levels[digit[$0]] }
            let atBase = parts.indices.filter { p in parts[p].levels.map { cell[p] == $0.base } ?? false }
            var skip = false
            if !atBase.isEmpty {
                let rest = parts.indices.filter { !atBase.contains($0) }.map { parts[$0].variable }.sorted()
                skip = rest.isEmpty || modelKeys.contains(rest.joined(separator: "#"))
            }
            if !skip {
                let name = parts.indices.map { p in cell[p].map { "\(formatCode($0)).\(parts[p].variable)" } ?? "c.\(parts[p].variable)" }
                    .joined(separator: "#")
                let absent = parts.indices.contains { p in parts[p].levels.map { !$0.present.contains(cell[p]!) } ?? false }
                if absent || !Self.occurs(parts.indices.compactMap { p in cell[p].map { (parts[p].values, $0) } }, rows: rows) {
                    empty.append(name)
                } else {
                    let components = parts.indices.map { DesignTerm.Component(variable: parts[$0].variable, level: cell[$0]) }
                    terms.append(DesignTerm(name: name, variable: nil, isBinary: allFactors, formulaTerm: t, components: components))
                    sources.append(.product(parts.indices.map { (parts[$0].values, cell[$0]) }))
                }
            }
            // Next cell: the last factor varies fastest, as Stata lists cells.
            var p = parts.count - 1
            while p >= 0 {
                digit[p] += 1
                if digit[p] < counts[p] { break }
                digit[p] = 0
                p -= 1
            }
            if p < 0 { break }
        } while true
    }

    /// Whether some sample row has every indicator on.
    private static func occurs(_ indicators: [(Column, Double)], rows: [Int]) -> Bool {
        guard !indicators.isEmpty else { return true }
        return rows.contains { i in indicators.allSatisfy { $0.0[i] == $0.1 } }
    }
}
