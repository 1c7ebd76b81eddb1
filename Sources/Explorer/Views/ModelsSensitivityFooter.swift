import Analysis
import Reports
import SurveyData

/// The Models view's footer lines for omitted-variable sensitivity: Oster's δ (β = 0, R²max =
/// 1.3·R̃²) and the robustness value RV (q = 1, in percent) of the key regressor under each OLS
/// column that has them (`ModelSensitivity` computes them in the analysis layer, the rows are
/// `SensitivityReport.footerRows`; other columns stay blank, and no rows appear when no column
/// has a value).
enum ModelsSensitivityFooter {
    /// `sources[k]` is the fitted model behind the table's column k + 1 (nil for change columns).
    static func append(to table: inout Table, sources: [FittedModel?], language: Language) {
        for (k, row) in SensitivityReport.footerRows(sources.map { $0?.sensitivity }, language: language).enumerated() {
            table.addRow([Cell(row.label)] + row.values.map { Cell($0) }, kind: k == 0 ? .ruleAbove : .data)
        }
    }
}
