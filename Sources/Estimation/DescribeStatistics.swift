import SurveyData

/// Table-1 style descriptive statistics: per-category counts for categorical, binary and ordinal
/// variables; mean, sd, min, max for continuous ones. Frequency weights count each row w times
/// (Stata's `summarize`/`tabulate` with `[fweight=w]`).

public struct CategoryCount: Sendable, Equatable, Codable {
    public var code: Double
    /// Weighted count.
    public var count: Double
    /// Percent of the non-missing (weighted) observations.
    public var percent: Double
    /// Under a survey design: the linearized SE of `percent` (same percent scale) and its design
    /// effect (R's `svymean(deff = TRUE)`, Stata's `estat effects`); nil otherwise.
    public var se: Double? = nil
    public var deff: Double? = nil

    public init(code: Double, count: Double, percent: Double) {
        self.code = code; self.count = count; self.percent = percent
    }
}

public struct VariableDescription: Sendable, Equatable {
    public var variable: String
    public var type: VariableType
    /// Non-missing observations (Σ weights).
    public var n: Double
    /// Rows with a missing value (Σ weights).
    public var missing: Double
    public var mean: Double
    /// Sample standard deviation (denominator N − 1, N = Σ fweights); NaN when N < 2.
    public var sd: Double
    public var min: Double
    public var max: Double
    /// Labelled categories first (codebook order by code), then observed unlabelled codes;
    /// empty for continuous variables.
    public var categories: [CategoryCount]
    /// The missing rows by kind (`.`, `.a`…`.z`, user-missing codes), in Stata's order; they sum to
    /// `missing`. Stata's `tab x, missing`.
    public var missingByKind: [MissingCount] = []
    /// Under a survey design: the linearized SE of the weighted mean and its design effect.
    public var meanSE: Double? = nil
    public var deff: Double? = nil

    public init(variable: String, type: VariableType, n: Double, missing: Double, mean: Double,
                sd: Double, min: Double, max: Double, categories: [CategoryCount]) {
        self.variable = variable; self.type = type; self.n = n; self.missing = missing
        self.mean = mean; self.sd = sd; self.min = min; self.max = max; self.categories = categories
    }
}

public enum DescriptiveStatistics {
    /// Describes `variables` (all columns when empty) of `data`.
    public static func describe(_ data: Dataset, variables: [String] = [],
                                frequencyWeight: String? = nil) throws -> [VariableDescription] {
        let names = variables.isEmpty ? data.variableNames : variables
        let weights = try FrequencyWeights.values(data, variable: frequencyWeight)
        return try names.map { name in
            let column = try data.requireColumn(name)
            let info = data.info(name)
            return describe(column.values, weights: weights, name: name,
                            type: info?.type ?? .continuous, info: info)
        }
    }

    static func describe(_ values: [Double], weights: [Double]?, name: String, type: VariableType,
                         info: VariableInfo?) -> VariableDescription {
        let missingCodes = Set(info?.missingCodes ?? [])
        let hasMissingCodes = !missingCodes.isEmpty
        // Only categorical, binary and ordinal variables list their categories.
        let countsCategories = type != .continuous
        var n = 0.0, missing = 0.0, sum = 0.0
        var low = Double.infinity, high = -Double.infinity
        var counts = ValueTally()
        for (i, x) in values.enumerated() {
            let w = weights?[i] ?? 1
            if w.isNaN { continue } // rows without a weight are not observations
            if x.isNaN || (hasMissingCodes && missingCodes.contains(x)) { missing += w; continue }
            guard w > 0 else { continue }
            n += w
            sum += w * x
            low = Swift.min(low, x)
            high = Swift.max(high, x)
            if countsCategories { counts.add(x, weight: w) }
        }
        let mean = n > 0 ? sum / n : .nan
        // Second pass for the variance: numerically safer than Σx² − n·x̄².
        var squares = 0.0
        for (i, x) in values.enumerated() {
            let w = weights?[i] ?? 1
            guard !w.isNaN, w > 0, !x.isNaN, !(hasMissingCodes && missingCodes.contains(x)) else { continue }
            squares += w * (x - mean) * (x - mean)
        }
        let sd = n > 1 ? (squares / (n - 1)).squareRoot() : .nan
        var categories: [CategoryCount] = []
        if type != .continuous {
            // Sets, not array searches: a text column has as many labels as distinct values (100k
            // of them made this quadratic); a code is listed once however often it is labelled.
            let labelled = Set(info?.values.map(\.code) ?? []).subtracting(missingCodes).sorted()
            let labelledSet = Set(labelled)
            let observed = counts.values.filter { !labelledSet.contains($0) }.sorted()
            for code in labelled + observed {
                let count = counts.weight(of: code)
                categories.append(CategoryCount(code: code, count: count, percent: n > 0 ? 100 * count / n : .nan))
            }
        }
        var description = VariableDescription(variable: name, type: type, n: n, missing: missing, mean: mean, sd: sd,
                                              min: n > 0 ? low : .nan, max: n > 0 ? high : .nan, categories: categories)
        if missing > 0 {
            // A codebook missing code still stored as a number (data built in memory) counts as its code.
            let kinds = hasMissingCodes ? values.map { missingCodes.contains($0) ? MissingKind.userMissing($0) : $0 } : values
            description.missingByKind = MissingCount.tally(kinds, weights: weights)
        }
        return description
    }
}

/// Frequency-weight column checks shared by describe and crosstab: Stata refuses non-integer
/// and negative fweights, and so do we (naming the row).
enum FrequencyWeights {
    static func values(_ data: Dataset, variable: String?) throws -> [Double]? {
        guard let variable else { return nil }
        let column = try data.requireColumn(variable)
        for (i, w) in column.values.enumerated() where !w.isNaN {
            if w < 0 || w != w.rounded() || !w.isFinite {
                throw EstimationError.invalidModel(
                    "frequency weight '\(variable)' must be a non-negative integer (row \(i + 1) has \(w))")
            }
        }
        return column.values
    }
}
