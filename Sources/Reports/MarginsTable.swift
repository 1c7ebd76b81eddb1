import Estimation
import SurveyData

/// Marginal effects as a table: one row per term, one column per outcome category (value
/// labels of the outcome; `Pr(y=1)` for binary models, `E(y)` for OLS), effect with stars and
/// its delta-method SE in parentheses below.
public enum MarginsTable {
    /// `percent` multiplies effects and SEs by 100 (percentage points, as the paper reports).
    public static func build(_ result: ModelResult, codebook: Codebook?, language: Language = .en,
                             at: MarginalEffect.At = .average, percent: Bool = false,
                             digits: Int? = nil, title: String? = nil) -> Table {
        let digits = digits ?? (percent ? 2 : 3)
        let labeler = TermLabeler(codebook: codebook, language: language)
        let effects = result.margins.filter { $0.at == at }
        var outcomes: [String] = []
        var terms: [String] = []
        for m in effects {
            if !outcomes.contains(m.outcome) { outcomes.append(m.outcome) }
            if !terms.contains(m.term) { terms.append(m.term) }
        }
        var table = Table(title: title ?? ReportText.marginsAt(at, language),
                          alignments: [.left] + Array(repeating: .decimal, count: outcomes.count))
        table.headers = [[.empty] + outcomes.map { Cell(outcomeLabel($0, result: result, labeler: labeler), alignment: .center) }]
        let scale = percent ? 100.0 : 1.0
        for term in terms {
            let coefficient = result.coefficient(term)
            var top = [Cell(labeler.label(term: term, variable: coefficient?.variable, level: coefficient?.level))]
            var bottom = [Cell.empty]
            for outcome in outcomes {
                if let m = effects.first(where: { $0.term == term && $0.outcome == outcome }) {
                    top.append(RegressionTable.starred(m.effect * scale, p: m.p, digits: digits))
                    bottom.append(Cell("(" + NumberFormat.fixed(m.se * scale, digits) + ")"))
                } else {
                    top.append(.empty); bottom.append(.empty)
                }
            }
            table.addRow(top)
            table.addRow(bottom)
        }
        table.notes = [ReportText.starsNote(language), ReportText.seNote(language)]
        if percent {
            table.notes.append(UIText.percentagePoints.text(language))
        }
        return table
    }

    /// Column heading for an outcome code: the outcome's value label where the codebook has one.
    static func outcomeLabel(_ outcome: String, result: ModelResult, labeler: TermLabeler) -> String {
        if result.model == .ols || outcome == "E(y)" { return "E(y)" }
        if let code = Double(outcome) {
            let label = labeler.shortValueLabel(result.outcome, code)
            if result.model.isBinary { return "Pr(\(label))" }
            return label
        }
        return outcome
    }
}
