import Analysis
import Reports
import SurveyData

/// View 7: the specification curve of one effect of the key regressor (coefficient, AME, or
/// through the mediator the indirect effect, KHB difference or ACME; `a` switches) over every
/// subset of the codebook's control groups, for the current roles, subsample and estimator set — sorted
/// estimates with their intervals, the current specification marked, the indicator panel below.
/// Specifications stream in as they are fitted (the current one first); `x` exports the rows and
/// an SVG of the curve.
enum MultiverseView {
    static func content(_ state: AppState, env: ExplorerEnvironment, width: Int, height: Int) -> ViewContent {
        let language = state.spec.language
        let progress = state.multiverse
        if let failure = progress.failure, progress.rows.isEmpty { return .message(failure, style: .negative) }
        guard let screen = progress.screen else { return .message(UIText.multiverseViewWaiting.text(language)) }
        let result = MultiverseResult(plan: screen.plan, rows: progress.rows)
        let report = MultiverseReport(result: result, language: language)
        let plan = screen.plan
        let total = plan.specifications.count
        var lines: [StyledLine] = []
        let title = UIText.multiverseViewTitle.text(language, effectPhrase(screen.effect).text(language), plan.keyTerm,
                                                    plan.request.y, total, 1 << plan.units.count, plan.request.estimators.count,
                                                    plan.request.subsamples[0].label)
        lines.append(StyledLine(title, style: .bold))
        let marker = env.unicode ? "◆" : "*"
        if let current = screen.current, let row = progress.rows.first(where: { $0.specification == current && $0.isEstimated }) {
            let estimate = NumberFormat.fixed(row.estimate, 3)
            lines.append(StyledLine(row.ciLow.isFinite && row.ciHigh.isFinite
                ? UIText.multiverseViewCurrent.text(language, marker, estimate, NumberFormat.fixed(row.ciLow, 3), NumberFormat.fixed(row.ciHigh, 3))
                : UIText.multiverseViewCurrentPoint.text(language, marker, estimate)))
        }
        let curve = report.curve(screen.effect, marked: screen.current)
        let panelRows = curve.indicatorLabels.count + max(0, curve.blockStarts.count - 1)
        let plotRows = max(5, min(14, height - panelRows - 5))
        lines += curve.lines(width: max(30, width - 1), height: plotRows, ascii: !env.unicode).map { StyledLine($0) }
        let percent = NumberFormat.fixed(plan.request.level * 100, 0)
        if progress.finished || progress.rows.count >= total, let s = result.summary.first {
            func share(_ x: Double) -> String { x.isFinite ? NumberFormat.fixed(x * 100, 0) : "" }
            if !s.shareSignificantPositive.isFinite {
                lines.append(StyledLine(UIText.multiverseViewDonePoint.text(language, s.nSpecs, NumberFormat.fixed(s.median, 3),
                                                                            share(s.sharePositive), s.nFailed), style: .dim))
            } else {
            lines.append(StyledLine(UIText.multiverseViewDone.text(language, s.nSpecs, NumberFormat.fixed(s.median, 3), share(s.sharePositive),
                                                                   share(s.shareSignificantPositive), share(s.shareSignificantNegative),
                                                                   percent, s.nFailed), style: .dim))
            }
        } else {
            lines.append(StyledLine(UIText.multiverseViewProgress.text(language, progress.rows.count, total), style: .dim))
        }
        if let failure = progress.failure { lines.append(StyledLine(failure, style: .negative)) }
        lines.append(StyledLine(UIText.multiverseViewExportHint.text(language), style: .dim))
        return ViewContent(lines: lines, tables: [report.specificationTable()])
    }

    /// The SVG of the curve as view 7 shows it (written beside the exported table).
    static func svg(_ state: AppState) -> String? {
        guard let screen = state.multiverse.screen, !state.multiverse.rows.isEmpty else { return nil }
        let report = MultiverseReport(result: MultiverseResult(plan: screen.plan, rows: state.multiverse.rows),
                                      language: state.spec.language)
        let curve = report.curve(screen.effect, marked: screen.current)
        return SpecificationCurveSVG.document(curve, title: report.effectName(screen.effect))
    }

    /// How the title names an effect.
    static func effectPhrase(_ effect: MultiverseEffect) -> Phrase {
        switch effect {
        case .coef: return UIText.multiverseCoefficient
        case .ame: return UIText.multiverseAME
        case .indirect: return UIText.multiverseIndirect
        case .khb: return UIText.multiverseKHB
        case .acme: return UIText.multiverseACME
        }
    }
}
