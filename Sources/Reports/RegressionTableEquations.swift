import Estimation

/// gologit/goprobit columns in the journal table, condensed from gologit2's one panel per
/// equation: a term constrained to one coefficient sits in its row once, like any model's; a term
/// that varies says so in its row (`varies`) and is followed by one indented row per equation
/// (`y > 1`, `y > 2`, …) with that equation's coefficient and its t/z — the constant (α_j) too.
/// Other columns leave those rows empty.
extension RegressionTable {
    static func addEquationRows(_ term: String, columns: [RegressionColumn], indent: Int,
                                to table: inout Table, options: RegressionTableOptions) {
        var equations: [String] = []
        for column in columns where !column.isChange {
            for c in column.result.coefficients where c.term == term {
                if let e = c.equation, !equations.contains(e) { equations.append(e) }
            }
        }
        for equation in equations {
            var top = [Cell(ParallelLinesText.equation(equation).text(options.language), indent: indent)]
            var bottom = [Cell.empty]
            for column in columns {
                guard !column.isChange,
                      let c = column.result.coefficients.first(where: { $0.term == term && $0.equation == equation }) else {
                    top.append(.empty); bottom.append(.empty); continue
                }
                // Odds ratios (`O`) apply to logit and ologit columns only, as elsewhere.
                top.append(starred(c.estimate, p: c.p, digits: options.digits))
                bottom.append(Cell(parenText(c.se, z: c.z, low: c.ciLow, high: c.ciHigh, options: options, scaleFactor: 1)))
            }
            table.addRow(top)
            table.addRow(bottom)
        }
    }

    /// `cell` with `mark` after its stars, in the LaTeX form too.
    static func marked(_ cell: Cell, _ mark: String) -> Cell {
        var c = cell
        c.text += mark
        if let latex = c.latex { c.latex = latex + LatexRenderer.escape(mark) }
        return c
    }
}

extension ModelResult {
    /// A gologit/goprobit term with one coefficient per equation (not constrained).
    func varies(_ term: String) -> Bool {
        model.isGeneralizedOrdered && coefficients.contains { $0.term == term && $0.equation != nil }
    }
}
