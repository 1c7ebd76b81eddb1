import Analysis
import Estimation
import Reports
import SurveyData

/// The Models view's parallel-lines additions (issue 15), worded from the Analysis layer's
/// `ParallelLinesCheck`: a footer row with each ologit column's Brant p (or, in one short phrase,
/// why there is none), the `†` marker on terms whose own Brant test rejects at 5 %, and the
/// legend lines — for the marker, and for a gologit column's per-equation rows.
enum ParallelLinesFooter {
    /// `†` after the violating terms' stars (ologit columns with a Brant test).
    static func marks(_ model: FittedModel) -> [String: String] {
        guard let check = model.parallelLines else { return [:] }
        return Dictionary(check.violating.map { ($0, ParallelLinesPhrases.marker) }, uniquingKeysWith: { a, _ in a })
    }

    /// The `Brant p` row, one cell per table column (`sources`: each column's model, nil for a
    /// change column); no row when no column is an ologit.
    static func rows(_ sources: [FittedModel?], language: Language) -> [(label: String, values: [String])] {
        guard sources.contains(where: { $0?.parallelLines != nil }) else { return [] }
        let values = sources.map { model -> String in
            guard let check = model?.parallelLines else { return "" }
            if let p = check.p { return NumberFormat.fixed(p, 3) }
            switch check.unavailable {
            case .emptySplit?: return ParallelLinesPhrases.emptySplit.text(language)
            case .twoCategories?: return ParallelLinesPhrases.twoCategories.text(language)
            case .samplingWeights?: return ParallelLinesPhrases.samplingWeights.text(language)
            case .surveyDesign?: return ParallelLinesPhrases.surveyDesign.text(language)
            case .notComputable?, nil: return ParallelLinesPhrases.notComputable.text(language)
            }
        }
        return [(ParallelLinesPhrases.brantRow.text(language), values)]
    }

    /// The legend lines: the Brant row and marker (with any ologit column), how a gologit
    /// column reads (with any generalized column).
    static func notes(_ sources: [FittedModel?], language: Language) -> [String] {
        var notes: [String] = []
        if sources.contains(where: { $0?.parallelLines != nil }) { notes.append(ParallelLinesPhrases.legend.text(language)) }
        var seen: Set<String> = []
        for case let m? in sources where m.result?.model.isGeneralizedOrdered == true && seen.insert(m.title).inserted {
            notes.append(ParallelLinesPhrases.gologitLegend.text(language, m.title))
        }
        return notes
    }
}
