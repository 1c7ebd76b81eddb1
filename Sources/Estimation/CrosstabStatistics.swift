import SurveyData

/// A two-way table of (frequency-weighted) counts with the association statistics Stata's
/// `tabulate r c, chi2 V gamma taub` prints: Pearson χ², Cramér's V, Goodman–Kruskal γ and
/// Kendall's τ-b with their asymptotic standard errors (ASE1, the non-null form).
public struct CrossTabulation: Sendable, Equatable {
    public var rowVariable: String
    public var columnVariable: String
    /// Observed codes, ascending (empty rows/columns are left out: they carry no information
    /// and would make χ² undefined).
    public var rowCodes: [Double]
    public var columnCodes: [Double]
    /// counts[i][j] for rowCodes[i], columnCodes[j].
    public var counts: [[Double]]
    public var rowTotals: [Double]
    public var columnTotals: [Double]
    public var total: Double
    /// Rows left out for a missing row or column value (Σ weights).
    public var missing: Double
    public var chi2: Double
    public var df: Int
    public var p: Double
    /// Cramér's V; signed (= φ) for 2×2 tables, as Stata prints it.
    public var cramersV: Double
    public var gamma: Double
    public var gammaASE: Double
    public var tauB: Double
    public var tauBASE: Double

    /// Column percentages (each column sums to 100).
    public func columnPercent(_ i: Int, _ j: Int) -> Double { 100 * counts[i][j] / columnTotals[j] }
    /// Row percentages (each row sums to 100).
    public func rowPercent(_ i: Int, _ j: Int) -> Double { 100 * counts[i][j] / rowTotals[i] }

    /// Tabulates `row` by `column`; `frequencyWeight` names an fweight variable.
    public init(_ data: Dataset, row: String, column: String, frequencyWeight: String? = nil) throws {
        let r = try data.requireColumn(row).values
        let c = try data.requireColumn(column).values
        let weights = try FrequencyWeights.values(data, variable: frequencyWeight)
        let rowMissing = Set(data.info(row)?.missingCodes ?? [])
        let columnMissing = Set(data.info(column)?.missingCodes ?? [])
        var cells: [Double: [Double: Double]] = [:]
        var missing = 0.0
        for i in r.indices {
            let w = weights?[i] ?? 1
            if w.isNaN { continue }
            if r[i].isNaN || c[i].isNaN || rowMissing.contains(r[i]) || columnMissing.contains(c[i]) {
                missing += w
                continue
            }
            guard w > 0 else { continue }
            cells[r[i], default: [:]][c[i], default: 0] += w
        }
        let rowCodes = cells.keys.sorted()
        let columnCodes = Set(cells.values.flatMap(\.keys)).sorted()
        guard !rowCodes.isEmpty else {
            throw EstimationError.invalidModel("no observations with both '\(row)' and '\(column)' non-missing")
        }
        let counts = rowCodes.map { rc in columnCodes.map { cc in cells[rc]?[cc] ?? 0 } }
        self.init(rowVariable: row, columnVariable: column, rowCodes: rowCodes,
                  columnCodes: columnCodes, counts: counts, missing: missing)
    }

    /// Statistics for a given table of counts (rows and columns in their natural order).
    public init(rowVariable: String = "row", columnVariable: String = "column", rowCodes: [Double],
                columnCodes: [Double], counts: [[Double]], missing: Double = 0) {
        self.rowVariable = rowVariable; self.columnVariable = columnVariable
        // Rows shorter or longer than the column codes are padded with zeros or cut, and
        // negative or NaN counts read as zero, so a malformed table can never trap.
        let cols = columnCodes.count
        let counts = counts.prefix(rowCodes.count).map { row in
            (0..<cols).map { j in j < row.count && row[j] > 0 ? row[j] : 0 }
        } + Array(repeating: Array(repeating: 0.0, count: cols), count: max(0, rowCodes.count - counts.count))
        self.rowCodes = rowCodes; self.columnCodes = columnCodes; self.counts = counts
        self.missing = missing
        let rows = counts.count
        rowTotals = counts.map { $0.reduce(0, +) }
        columnTotals = (0..<cols).map { j in counts.reduce(0) { $0 + $1[j] } }
        total = rowTotals.reduce(0, +)

        // Pearson χ² against independence.
        var chi2 = 0.0
        for i in 0..<rows {
            for j in 0..<cols {
                let expected = rowTotals[i] * columnTotals[j] / total
                if expected > 0 { chi2 += (counts[i][j] - expected) * (counts[i][j] - expected) / expected }
            }
        }
        self.chi2 = chi2
        df = max(0, (rows - 1) * (cols - 1))
        p = df > 0 ? Distributions.chiSquareSF(chi2, df: Double(df)) : .nan
        let shorter = min(rows, cols) - 1
        if rows == 2 && cols == 2 {
            // Stata signs V for 2×2 tables: φ = (ad − bc)/√(r₁r₂c₁c₂).
            let denominator = (rowTotals[0] * rowTotals[1] * columnTotals[0] * columnTotals[1]).squareRoot()
            cramersV = denominator > 0
                ? (counts[0][0] * counts[1][1] - counts[0][1] * counts[1][0]) / denominator : .nan
        } else {
            cramersV = shorter > 0 && total > 0 ? (chi2 / (total * Double(shorter))).squareRoot() : .nan
        }

        let ordinal = OrdinalAssociation(counts: counts, rowTotals: rowTotals,
                                         columnTotals: columnTotals, total: total)
        gamma = ordinal.gamma; gammaASE = ordinal.gammaASE
        tauB = ordinal.tauB; tauBASE = ordinal.tauBASE
    }
}

/// Goodman–Kruskal γ and Kendall's τ-b with their ASEs (Agresti, Categorical Data Analysis,
/// §2.4.5 and 3.4; Brown & Benedetti 1977), from concordance sums per cell:
/// A_ij = counts strictly below-right plus above-left, D_ij = below-left plus above-right.
struct OrdinalAssociation {
    var gamma = Double.nan, gammaASE = Double.nan, tauB = Double.nan, tauBASE = Double.nan

    init(counts: [[Double]], rowTotals: [Double], columnTotals: [Double], total n: Double) {
        let rows = counts.count, cols = columnTotals.count
        guard rows > 1, cols > 1 else { return }
        // Cumulative sums make each A_ij, D_ij O(1): S[i][j] = Σ_{k<i, l<j} n_kl.
        var S = Array(repeating: Array(repeating: 0.0, count: cols + 1), count: rows + 1)
        for i in 0..<rows {
            for j in 0..<cols {
                S[i + 1][j + 1] = counts[i][j] + S[i][j + 1] + S[i + 1][j] - S[i][j]
            }
        }
        func block(_ r0: Int, _ r1: Int, _ c0: Int, _ c1: Int) -> Double { // rows r0..<r1, cols c0..<c1
            guard r0 < r1, c0 < c1 else { return 0 }
            return S[r1][c1] - S[r0][c1] - S[r1][c0] + S[r0][c0]
        }
        var A = counts, D = counts
        var P = 0.0, Q = 0.0
        for i in 0..<rows {
            for j in 0..<cols {
                A[i][j] = block(i + 1, rows, j + 1, cols) + block(0, i, 0, j)
                D[i][j] = block(i + 1, rows, 0, j) + block(0, i, j + 1, cols)
                P += counts[i][j] * A[i][j]
                Q += counts[i][j] * D[i][j]
            }
        }
        if P + Q > 0 {
            gamma = (P - Q) / (P + Q)
            var s = 0.0
            for i in 0..<rows {
                for j in 0..<cols {
                    let term = Q * A[i][j] - P * D[i][j]
                    s += counts[i][j] * term * term
                }
            }
            gammaASE = 4 / ((P + Q) * (P + Q)) * s.squareRoot()
        }
        let wr = n * n - rowTotals.reduce(0) { $0 + $1 * $1 }
        let wc = n * n - columnTotals.reduce(0) { $0 + $1 * $1 }
        let w = (wr * wc).squareRoot()
        if w > 0 {
            let tau = (P - Q) / w
            tauB = tau
            var s = 0.0
            for i in 0..<rows {
                for j in 0..<cols {
                    let d = A[i][j] - D[i][j]
                    let v = rowTotals[i] * wc + columnTotals[j] * wr
                    let term = 2 * w * d + tau * v
                    s += counts[i][j] * term * term
                }
            }
            let inner = s - n * n * n * tau * tau * (wr + wc) * (wr + wc)
            tauBASE = inner >= 0 ? inner.squareRoot() / (w * w) : .nan
        }
    }
}
