import Estimation
import SurveyData

/// Which percentages a crosstab shows under each count.
public enum CrosstabPercent: String, Sendable, CaseIterable {
    case col, row, none
}

/// A two-way table as in the paper's Table 2: counts with column (or row) percentages, totals,
/// and the association statistics as notes.
public enum CrosstabTable {
    public static func build(_ t: CrossTabulation, codebook: Codebook?, language: Language = .en,
                             percent: CrosstabPercent = .col, title: String? = nil,
                             notes: [String] = []) -> Table {
        let labeler = TermLabeler(codebook: codebook, language: language)
        let totalLabel = UIText.crosstabTotal.text(language)
        let columns = t.columnCodes.count
        var table = Table(title: title ?? (labeler.variableLabel(t.rowVariable) + " x "
                                            + labeler.variableLabel(t.columnVariable)),
                          alignments: [.left] + Array(repeating: .right, count: columns + 1))
        // One header row (the column variable is named in the title): stacked headers merge
        // badly in Markdown and CSV.
        table.headers = [
            [Cell(labeler.variableLabel(t.rowVariable))]
                + t.columnCodes.map { Cell(labeler.shortValueLabel(t.columnVariable, $0), alignment: .center) }
                + [Cell(totalLabel, alignment: .center)],
        ]
        func percentCell(_ value: Double) -> Cell { Cell(NumberFormat.fixed(value, 2) + "%") }
        for (i, code) in t.rowCodes.enumerated() {
            table.addRow([Cell(labeler.valueLabel(t.rowVariable, code))]
                         + t.counts[i].map { Cell(NumberFormat.count($0)) }
                         + [Cell(NumberFormat.count(t.rowTotals[i]))])
            switch percent {
            case .col:
                table.addRow([Cell.empty] + (0..<columns).map { percentCell(t.columnPercent(i, $0)) }
                             + [percentCell(100 * t.rowTotals[i] / t.total)])
            case .row:
                table.addRow([Cell.empty] + (0..<columns).map { percentCell(t.rowPercent(i, $0)) }
                             + [percentCell(100)])
            case .none: break
            }
        }
        table.addRow([Cell(totalLabel)] + t.columnTotals.map { Cell(NumberFormat.count($0)) }
                     + [Cell(NumberFormat.count(t.total))], kind: .ruleAbove)
        switch percent {
        case .col: table.addRow([Cell.empty] + Array(repeating: percentCell(100), count: columns + 1))
        case .row: table.addRow([Cell.empty] + t.columnTotals.map { percentCell(100 * $0 / t.total) } + [percentCell(100)])
        case .none: break
        }
        table.notes = statisticsNotes(t, language: language)
        if percent != .none {
            table.notes.insert((percent == .col ? UIText.columnPercentages : UIText.rowPercentages).text(language), at: 0)
        }
        if t.missing > 0 {
            table.notes.append(UIText.crosstabExcluded.text(language, NumberFormat.count(t.missing)))
        }
        table.notes += notes
        return table
    }

    static func statisticsNotes(_ t: CrossTabulation, language: Language) -> [String] {
        let p = t.p.isFinite && t.p < 0.001 ? "< 0.001" : "= " + NumberFormat.fixed(t.p, 3)
        return [
            UIText.pearsonChi2.text(language, t.df, NumberFormat.fixed(t.chi2, 2), p),
            UIText.cramersV.text(language, NumberFormat.fixed(t.cramersV, 3)),
            UIText.gammaASE.text(language, NumberFormat.fixed(t.gamma, 3), NumberFormat.fixed(t.gammaASE, 3)),
            UIText.tauBASE.text(language, NumberFormat.fixed(t.tauB, 3), NumberFormat.fixed(t.tauBASE, 3)),
        ]
    }

    /// Structured JSON for `crosstab --format json`.
    public static func json(_ t: CrossTabulation, codebook: Codebook?, language: Language = .en,
                            notice: String? = nil) -> JSONValue {
        let labeler = TermLabeler(codebook: codebook, language: language)
        func categories(_ variable: String, _ codes: [Double]) -> JSONValue {
            .array(codes.map { .object([("code", .number($0)), ("label", .string(labeler.valueLabel(variable, $0)))]) })
        }
        return .object([
            ("row", .string(t.rowVariable)),
            ("column", .string(t.columnVariable)),
            ("row_categories", categories(t.rowVariable, t.rowCodes)),
            ("column_categories", categories(t.columnVariable, t.columnCodes)),
            ("counts", .array(t.counts.map { .array($0.map { .number($0) }) })),
            ("row_totals", .array(t.rowTotals.map { .number($0) })),
            ("column_totals", .array(t.columnTotals.map { .number($0) })),
            ("total", .number(t.total)),
            ("missing", .number(t.missing)),
            ("chi2", .number(t.chi2)),
            ("df", .integer(t.df)),
            ("p", .number(t.p)),
            ("cramers_v", .number(t.cramersV)),
            ("gamma", .number(t.gamma)),
            ("gamma_ase", .number(t.gammaASE)),
            ("tau_b", .number(t.tauB)),
            ("tau_b_ase", .number(t.tauBASE)),
            ("notice", .string(notice)),
        ])
    }
}
