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
        let zh = language == .zh
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
        case .models:
            tables.append(regressionTable(r, baseline: baseline, codebook: codebook, language: language))
        case .margins:
            break
        case .mediation:
            tables.append(regressionTable(r, baseline: baseline, codebook: codebook, language: language))
            if let m = r.mediation {
                tables.append(mediationTable(m, language: language))
            } else if let error = r.mediationError {
                tables.append(Table(title: zh ? "中介分析" : "Mediation", alignments: [.left],
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
        func add(_ results: StepResults, prefix: String) {
            for fit in results.plan {
                guard let result = results.fits[fit.id] else { continue }
                columns.append(RegressionColumn(title: prefix + fit.title, result: result))
                guard fit.spec.kind != .ols else { continue }
                for scale in results.spec.standardizations {
                    guard let s = CoefficientScale(rawValue: scale) else { continue }
                    columns.append(RegressionColumn(title: prefix + fit.title + " " + scale, result: result, scale: s))
                }
            }
        }
        if let baseline { add(baseline, prefix: language == .zh ? "基准 " : "base ") }
        add(r, prefix: "")
        // Odds ratios of the key regressor (logit family) and sd(y*) (for bStdXY), which the
        // lesson quotes: every number it quotes is on the screen.
        let x = r.spec.keyRegressor
        let labeler = codebook.variable(x)?.label(language) ?? x
        func isLogit(_ c: RegressionColumn) -> Bool { c.scale == .raw && (c.result.model == .logit || c.result.model == .ologit) }
        var extra: [(label: String, values: [String])] = []
        if columns.contains(where: isLogit) {
            extra.append(((language == .zh ? "优势比 exp(b)：" : "odds ratio exp(b): ") + labeler, columns.map { c in
                guard isLogit(c), let b = c.result.coefficient(x) else { return "" }
                return NumberFormat.fixed(exp(b.estimate), 3)
            }))
        }
        if columns.contains(where: { $0.scale == .bStdXY }) {
            extra.append(("sd(y*)", columns.map { c in
                c.scale == .bStdXY ? c.result.sdY.map { NumberFormat.fixed($0, 3) } ?? "" : ""
            }))
        }
        var notes: [String] = []
        if let c = r.spec.condition { notes.append("if " + c) }
        if let b = baseline { notes.append((language == .zh ? "基准：" : "baseline: ") + (b.spec.condition.map { "if " + $0 } ?? (language == .zh ? "全样本" : "full sample"))) }
        for (id, error) in r.fitErrors.sorted(by: { $0.key < $1.key }) { notes.append("\(id): \(error)") }
        return RegressionTable.build(columns, codebook: codebook, options: RegressionTableOptions(
            language: language, statistics: [.n, .r2, .pseudoR2], extraRows: extra, notes: notes))
    }

    static func mediationTable(_ m: MediationResult, language: Language) -> Table {
        let zh = language == .zh
        var table = Table(title: (zh ? "中介分析" : "Mediation") + ": \(m.x) → \(m.mediators.first?.mediator ?? "") → \(m.y)"
                            + (m.condition.map { "  if " + $0 } ?? "") + "  (N = \(m.n))",
                          alignments: [.left, .decimal, .decimal])
        table.headers = [[Cell(""), Cell(zh ? "估计值" : "Estimate"), Cell("z")]]
        guard let first = m.mediators.first else { return table }
        let f = { (x: Double) in NumberFormat.fixed(x, 3) }
        func path(_ label: String, _ p: PathEstimate) {
            table.addRow([Cell(label), Cell(f(p.estimate) + NumberFormat.stars(p.p)), Cell(NumberFormat.fixed(p.estimate / p.se, 2))])
        }
        let paths = first.paths
        path(zh ? "a：\(m.x) → \(first.mediator)" : "a: \(m.x) → \(first.mediator)", paths.a)
        path(zh ? "b：\(first.mediator) → \(m.y)" : "b: \(first.mediator) → \(m.y)", paths.b)
        path(zh ? "c：总效应" : "c: total", paths.c)
        path(zh ? "c′：直接效应" : "c′: direct", paths.cPrime)
        table.addRow([Cell(zh ? "a·b（Sobel z）" : "a·b (Sobel z)"), Cell(f(first.indirect.estimate)),
                      Cell(NumberFormat.fixed(first.indirect.sobelZ, 2))])
        table.addRow([Cell((zh ? "Baron–Kenny 结论（α = " : "Baron–Kenny verdict (α = ") + NumberFormat.fixed(paths.alpha, 2) + (zh ? "）" : ")")),
                      Cell(PlaceholderResolver.verdict(paths.verdict, language)), Cell("")])
        table.addRow([Cell(zh ? "a·b/(a·b+c′)（论文公式）" : "a·b/(a·b+c′) (paper's formula)"),
                      Cell(NumberFormat.fixed(100 * paths.proportionOfSum, 1) + "%"), Cell("")])
        table.addRow([Cell("a·b/c"), Cell(NumberFormat.fixed(100 * paths.proportionOfTotal, 1) + "%"), Cell("")])
        if let k = m.khb {
            table.addRow([Cell(zh ? "KHB 总效应（重标度）" : "KHB reduced (rescaled c)"), Cell(f(k.reduced.estimate)), Cell("")], kind: .ruleAbove)
            table.addRow([Cell(zh ? "KHB 直接效应" : "KHB full (c′)"), Cell(f(k.full.estimate)), Cell("")])
            table.addRow([Cell(zh ? "KHB 间接效应" : "KHB difference (indirect)"), Cell(f(k.diff.estimate) + NumberFormat.stars(k.diff.p)),
                          Cell(NumberFormat.fixed(k.diff.estimate / k.diff.se, 2))])
            table.addRow([Cell(zh ? "KHB 中介比例" : "KHB share mediated"), Cell(NumberFormat.fixed(k.confPct, 1) + "%"), Cell("")])
            table.addRow([Cell(zh ? "重标度因子" : "rescaling factor"), Cell(f(k.rescFact)), Cell("")])
        }
        if let c = first.causal {
            func effect(_ label: String, _ e: EffectEstimate, scale: Double = 1, digits: Int = 3, suffix: String = "") {
                var text = NumberFormat.fixed(e.estimate * scale, digits) + suffix
                if let ci = e.ci { text += " [" + NumberFormat.fixed(ci.low * scale, digits) + ", " + NumberFormat.fixed(ci.high * scale, digits) + "]" }
                table.addRow([Cell(label), Cell(text), Cell("")])
            }
            table.addRow([Cell((zh ? "因果中介（" : "causal mediation (") + c.mediatorModel.rawValue + " / " + c.outcomeModel.rawValue
                               + (zh ? "），尺度：" : "), scale: ") + c.scale), Cell(""), Cell("")], kind: .ruleAbove)
            effect("ACME", c.effects.acmeAverage)
            effect("ADE", c.effects.adeAverage)
            effect(zh ? "总效应" : "total effect", c.effects.total)
            effect(zh ? "中介比例" : "proportion mediated", c.effects.propMediatedAverage, scale: 100, digits: 1, suffix: "%")
            if let s = c.sensitivity, let rho = s.rhoAtZero {
                table.addRow([Cell(zh ? "ACME = 0 时的 ρ（敏感性分析）" : "ρ at which ACME = 0 (sensitivity)"), Cell(f(rho)), Cell("")])
            }
        }
        table.notes = [ReportText.starsNote(language)] + m.notes
        return table
    }
}
