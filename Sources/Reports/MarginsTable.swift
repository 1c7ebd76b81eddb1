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
        // One row per term and, with `--at`/`--over`, per setting and group (issue 14).
        var terms: [RowKey] = []
        for m in effects {
            if !outcomes.contains(m.outcome) { outcomes.append(m.outcome) }
            let key = RowKey(term: m.term, at: m.atValue, over: m.over)
            if !terms.contains(key) { terms.append(key) }
        }
        var table = Table(title: title ?? ReportText.marginsAt(at, language),
                          alignments: [.left] + Array(repeating: .decimal, count: outcomes.count))
        table.headers = [[.empty] + outcomes.map { Cell(outcomeLabel($0, result: result, labeler: labeler), alignment: .center) }]
        let scale = percent ? 100.0 : 1.0
        for key in terms {
            let term = key.term
            let coefficient = result.coefficient(term)
            let setting = [key.at, key.over].compactMap { $0 }.joined(separator: "; ")
            let label = labeler.label(term: term, variable: coefficient?.variable, level: coefficient?.level)
            var top = [Cell(setting.isEmpty ? label : "\(label) [\(setting)]")]
            var bottom = [Cell.empty]
            for outcome in outcomes {
                if let m = effects.first(where: { RowKey(term: $0.term, at: $0.atValue, over: $0.over) == key && $0.outcome == outcome }) {
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

    private struct RowKey: Equatable { var term: String; var at: String?; var over: String? }

    /// `--contrast`: each effect's difference between `at` settings, with its delta-method SE.
    public static func contrasts(_ result: ModelResult, codebook: Codebook?, language: Language = .en,
                                 digits: Int = 3) -> Table {
        let labeler = TermLabeler(codebook: codebook, language: language)
        var table = Table(title: UIText.contrastsTitle.text(language),
                          alignments: [.left, .left, .left, .decimal, .decimal, .decimal])
        let heads = ["", UIText.contrastOutcome.text(language), UIText.contrastComparison.text(language),
                     UIText.contrastDifference.text(language), UIText.contrastSE.text(language), "p"]
        table.headers = [heads.map { Cell($0, alignment: .center) }]
        for c in result.contrasts {
            let coefficient = result.coefficient(c.term)
            table.addRow([Cell(labeler.label(term: c.term, variable: coefficient?.variable, level: coefficient?.level)),
                          Cell(outcomeLabel(c.outcome, result: result, labeler: labeler)), Cell(c.at),
                          RegressionTable.starred(c.effect, p: c.p, digits: digits),
                          Cell(NumberFormat.fixed(c.se, digits)), Cell(NumberFormat.fixed(c.p, 3))])
        }
        table.notes = [ReportText.starsNote(language), ReportText.seNote(language)]
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
