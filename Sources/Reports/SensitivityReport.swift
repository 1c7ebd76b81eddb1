import Estimation
import SurveyData

/// `pathlens sensitivity` output: Oster's δ and β*, Cinelli–Hazlett's robustness values and the
/// benchmark bounds as tables (text, Markdown, CSV), or the JSON whose fields are named as
/// psacalc and sensemakr name them (`delta`, `beta_star`, `rv_q`, `rv_qa`, `r2yd_x`, `bounds[]`
/// with sensemakr's column names).
public enum SensitivityReport {
    public static func tables(_ s: OmittedVariableSensitivity, language: Language, digits: Int = 4) -> [Table] {
        func f(_ v: Double?) -> String { v.map { NumberFormat.fixed($0, digits) } ?? UIText.ovbSensitivityUndefined.text(language) }
        var oster = Table(title: UIText.ovbOsterTitle.text(language), alignments: [.left, .decimal, .decimal],
                          headers: [[Cell(""), Cell(UIText.ovbCoefficientColumn.text(language)), Cell(UIText.ovbR2Column.text(language))]])
        oster.addRow([Cell(UIText.ovbUncontrolledRow.text(language, s.treatment)), Cell(f(s.estimateShort)), Cell(f(s.r2Short))])
        oster.addRow([Cell(UIText.ovbControlledRow.text(language)), Cell(f(s.estimate)), Cell(f(s.r2Long))])
        oster.addRow([Cell(UIText.ovbR2maxRow.text(language, NumberFormat.fixed(s.rmax, 2))), Cell(""), Cell(f(s.r2max))], kind: .ruleAbove)
        oster.addRow([Cell(UIText.ovbDeltaRow.text(language)), Cell(f(s.delta)), Cell("")])
        oster.addRow([Cell(UIText.ovbBetaStarRow.text(language)), Cell(f(s.betaStar)), Cell("")])
        if let alternative = s.betaStarAlternative {
            oster.addRow([Cell(UIText.ovbBetaStarAltRow.text(language)), Cell(f(alternative)), Cell("")])
        }
        oster.notes = [UIText.ovbSensitivityClassicalNote.text(language, s.n)]

        var ch = Table(title: UIText.ovbCinelliTitle.text(language), alignments: [.left, .decimal],
                       headers: [[Cell(UIText.ovbQuantityColumn.text(language)), Cell(UIText.ovbValueColumn.text(language))]])
        ch.addRow([Cell(UIText.ovbEstimateRow.text(language)), Cell(f(s.estimate))])
        ch.addRow([Cell(UIText.ovbSeRow.text(language)), Cell(f(s.se))])
        ch.addRow([Cell(UIText.ovbTRow.text(language)), Cell(NumberFormat.fixed(s.t, 2))])
        ch.addRow([Cell(UIText.ovbDofRow.text(language)), Cell(String(s.dof))])
        ch.addRow([Cell(UIText.ovbPartialR2Row.text(language, s.treatment, s.outcome)), Cell(f(s.r2ydx))], kind: .ruleAbove)
        ch.addRow([Cell(UIText.ovbRvRow.text(language)), Cell(f(s.rvQ))])
        ch.addRow([Cell(UIText.ovbRvAlphaRow.text(language, NumberFormat.fixed(s.alpha, 2))), Cell(f(s.rvQA))])
        var tables = [oster, ch]

        if let benchmark = s.benchmark {
            let level = NumberFormat.fixed(100 * (1 - s.alpha), 0)
            var bounds = Table(title: UIText.ovbBoundsTitle.text(language, benchmark),
                               alignments: [.left] + Array(repeating: .decimal, count: 7), headers: [[
                Cell(UIText.ovbBoundColumn.text(language)), Cell(UIText.ovbR2dzColumn.text(language)),
                Cell(UIText.ovbR2yzColumn.text(language)), Cell(UIText.ovbAdjustedEstimateColumn.text(language)),
                Cell(UIText.ovbAdjustedSEColumn.text(language)), Cell(UIText.ovbAdjustedTColumn.text(language)),
                Cell(UIText.ovbLowerCIColumn.text(language, level)), Cell(UIText.ovbUpperCIColumn.text(language, level))]])
            for b in s.bounds {
                bounds.addRow([Cell(b.label), Cell(f(b.r2dzx)), Cell(f(b.r2yzdx)), Cell(f(b.adjustedEstimate)),
                               Cell(f(b.adjustedSE)), Cell(NumberFormat.fixed(b.adjustedT, 2)),
                               Cell(f(b.adjustedLower)), Cell(f(b.adjustedUpper))])
            }
            bounds.notes = s.impossibleMultipliers.map {
                UIText.ovbImpossibleBoundNote.text(language, NumberFormat.fixed($0, 0), benchmark, s.treatment)
            }
            tables.append(bounds)
        }
        return tables
    }

    /// Footer rows under regression columns (`stats[k]` for column k; nil leaves it blank): Oster's
    /// δ (2 decimals) and RV_q in percent (1 decimal); with `full`, also β* (3 decimals), RV_{q,α}
    /// and the partial R² of x in percent (2 decimals) — the digits the lesson placeholders quote. No rows
    /// when no column has the statistics.
    public static func footerRows(_ stats: [OmittedVariableSensitivity?], language: Language,
                                  full: Bool = false) -> [(label: String, values: [String])] {
        guard stats.contains(where: { $0 != nil }) else { return [] }
        func row(_ label: Phrase, _ value: (OmittedVariableSensitivity) -> String?) -> (label: String, values: [String]) {
            (label.text(language), stats.map { s in s.flatMap(value) ?? "" })
        }
        var rows = [row(UIText.ovbDeltaFooter) { $0.delta.map { NumberFormat.fixed($0, 2) } }]
        if full { rows.append(row(UIText.ovbBetaStarFooter) { $0.betaStar.map { NumberFormat.fixed($0, 3) } }) }
        rows.append(row(UIText.ovbRvFooter) { NumberFormat.fixed(100 * $0.rvQ, 1) })
        if full {
            rows.append(row(UIText.ovbRvaFooter) { NumberFormat.fixed(100 * $0.rvQA, 1) })
            rows.append(row(UIText.ovbR2ydFooter) { NumberFormat.fixed(100 * $0.r2ydx, 2) })
        }
        return rows
    }
}
