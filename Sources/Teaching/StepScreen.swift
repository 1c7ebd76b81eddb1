import Foundation
import Estimation
import Mediation
import Reports
import SurveyData

/// The tables a step's view shows, built with the same Reports renderers as the CLI and the
/// explorer: Table 1 (describe), Table 2 (crosstab), the regression columns (with the pinned
/// baseline's beside them), marginal effects, and the mediation summary.
enum StepScreen {
    static func tables(_ r: StepResults, baseline: StepResults?, codebook: Codebook, language: Language) -> [Table] {
        let spec = r.spec
        var tables: [Table] = []
        var notes: [String] = []
        if let c = spec.condition { notes.append("if " + c) }
        switch spec.view {
        case .describe, .data:
            tables.append(DescribeTable.build(r.descriptions, codebook: codebook, language: language, notes: notes))
        case .crosstab:
            for pair in spec.crosstabs {
                if let t = r.crosstabs[pair] {
                    tables.append(CrosstabTable.build(t, codebook: codebook, language: language, percent: .col, notes: notes))
                }
            }
        case .models, .multiverse:
            tables.append(regressionTable(r, baseline: baseline, codebook: codebook, language: language))
        case .margins:
            break
        case .mediation:
            tables.append(regressionTable(r, baseline: baseline, codebook: codebook, language: language))
            if let m = r.mediation {
                tables.append(mediationTable(m, language: language))
            } else if let error = r.mediationError {
                tables.append(Table(title: UIText.stepMediationTitle.text(language), alignments: [.left],
                                    rows: [TableRow([Cell(error)])]))
            }
        }
        // Marginal effects: the Margins view, or beside the models when the step computes them.
        if spec.view == .margins || spec.margins != .none {
            for fit in r.plan where spec.marginsModels.isEmpty ? fit.spec.kind != .ols : spec.marginsModels.contains(fit.id) {
                guard let result = r.fits[fit.id] else { continue }
                var filtered = result
                let terms = Set([spec.keyRegressor, spec.marginsTerm].compactMap { $0 })
                filtered.margins = result.margins.filter { terms.contains($0.term) }
                for at in [MarginalEffect.At.average, .means] where filtered.margins.contains(where: { $0.at == at }) {
                    var title = fit.title + " — " + ReportText.marginsAt(at, language)
                    if let c = spec.condition { title += "  if " + c }
                    tables.append(MarginsTable.build(filtered, codebook: codebook, language: language, at: at,
                                                     percent: true, title: title))
                }
            }
        }
        return tables
    }

    static func regressionTable(_ r: StepResults, baseline: StepResults?, codebook: Codebook,
                                language: Language) -> Table {
        var columns: [RegressionColumn] = []
        var sensitivity: [OmittedVariableSensitivity?] = []
        func add(_ results: StepResults, prefix: String) {
            for fit in results.plan {
                guard let result = results.fits[fit.id] else { continue }
                columns.append(RegressionColumn(title: prefix + fit.title, result: result))
                sensitivity.append(results.sensitivity[fit.id])
                guard fit.spec.kind != .ols else { continue }
                for scale in results.spec.standardizations {
                    guard let s = CoefficientScale(rawValue: scale) else { continue }
                    columns.append(RegressionColumn(title: prefix + fit.title + " " + scale, result: result, scale: s))
                    sensitivity.append(nil)
                }
            }
        }
        if let baseline { add(baseline, prefix: UIText.stepBasePrefix.text(language, "")) }
        add(r, prefix: "")
        // Odds ratios of the key regressor (logit family) and sd(y*) (for bStdXY), which the
        // lesson quotes: every number it quotes is on the screen.
        let x = r.spec.keyRegressor
        let labeler = codebook.variable(x)?.label(language) ?? x
        func isLogit(_ c: RegressionColumn) -> Bool { c.scale == .raw && (c.result.model == .logit || c.result.model == .ologit) }
        var extra: [(label: String, values: [String])] = []
        if columns.contains(where: isLogit) {
            extra.append((UIText.stepOddsRatio.text(language, labeler), columns.map { c in
                guard isLogit(c), let b = c.result.coefficient(x) else { return "" }
                return NumberFormat.fixed(exp(b.estimate), 3)
            }))
        }
        if columns.contains(where: { $0.scale == .bStdXY }) {
            extra.append(("sd(y*)", columns.map { c in
                c.scale == .bStdXY ? c.result.sdY.map { NumberFormat.fixed($0, 3) } ?? "" : ""
            }))
        }
        // Oster's δ, β* and the robustness values of the OLS columns (the sensitivity placeholders).
        extra += SensitivityReport.footerRows(sensitivity, language: language, full: true)
        var notes: [String] = []
        if let c = r.spec.condition { notes.append("if " + c) }
        if let b = baseline { notes.append(UIText.stepBaseline.text(language, b.spec.condition.map { "if " + $0 } ?? UIText.summaryFullSample.text(language))) }
        for (id, error) in r.fitErrors.sorted(by: { $0.key < $1.key }) { notes.append("\(id): \(error)") }
        return RegressionTable.build(columns, codebook: codebook, options: RegressionTableOptions(
            language: language, statistics: [.n, .r2, .pseudoR2], extraRows: extra, notes: notes))
    }

    /// The Reports module's compact mediation table (naive beside KHB and causal), in the
    /// lesson's language, with variable names as the lesson text quotes them.
    static func mediationTable(_ m: MediationResult, language: Language) -> Table {
        MediationTables.summary(m, options: MediationTableOptions(language: language))
    }
}
