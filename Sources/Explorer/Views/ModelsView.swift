import Estimation
import Reports
import SurveyData

/// View 1: the paper's layout — models as columns, terms as rows with stars and t/z below,
/// cutpoints, N and (pseudo) R². With a pinned baseline each current model is followed by its
/// change from the baseline, a change of sign or significance level marked (the what-if view).
enum ModelsView {
    static func content(_ state: AppState, env: ExplorerEnvironment, width: Int) -> ViewContent {
        let language = env.unicode ? state.spec.language : .en
        guard let results = state.results else { return .message(UIText.computingModels.text(language)) }
        let table = self.table(state, env: env, results: results)
        var lines = TableLines.lines(table, maxWidth: width, ascii: !env.unicode)
        if let note = sampleNote(results, language: language) {
            lines.insert(contentsOf: TextWrap.lines(note, width: width).map { StyledLine($0, style: .dim) }, at: 0)
        }
        if state.computing { lines.insert(StyledLine(UIText.updating.text(language), style: .dim), at: 0) }
        return ViewContent(lines: lines, tables: [table])
    }

    /// The journal table the screen shows and `x` writes, from the one regression table builder:
    /// the current models first, each followed by its change from a pinned baseline (a
    /// significance or sign change marked `+*` / `-*` / `+-`, readable without colour), then the
    /// baseline's own columns for reference. A column whose fit failed is named in the notes.
    static func table(_ state: AppState, env: ExplorerEnvironment, results: ComputeOutput) -> Table {
        let language = env.unicode ? state.spec.language : .en
        let current = results.models
        let base = state.baseline?.models ?? []
        func column(_ m: FittedModel, content: RegressionColumn.Content = .estimates, title: String? = nil,
                    comparedWith: ModelResult? = nil) -> RegressionColumn? {
            m.result.map { RegressionColumn(title: title ?? m.title, result: $0, scale: m.plan.standardized ? .bStdX : .raw,
                                            content: content, comparedWith: comparedWith,
                                            marks: ParallelLinesFooter.marks(m)) }
        }
        var columns: [RegressionColumn] = []
        var sources: [FittedModel?] = []
        for m in current {
            let before = base.first { $0.id == m.id }?.result
            guard let estimates = column(m, comparedWith: before) else { continue }
            columns.append(estimates); sources.append(m)
            if !base.isEmpty, let change = column(m, content: .change(from: before), title: UIText.changeColumn.text(language)) {
                columns.append(change); sources.append(nil)
            }
        }
        for m in base {
            guard let c = column(m, title: UIText.baseColumn.text(language, m.title)) else { continue }
            columns.append(c); sources.append(m)
        }
        var notes: [String] = []
        for m in (current + base) where m.result == nil {
            let why = m.pending ? UIText.modelComputing.text(language) : m.error ?? UIText.notEstimated.text(language)
            notes.append("\(m.title): \(why)")
        }
        if !base.isEmpty { notes.append(UIText.baselineLegend.text(language)) }
        notes += ParallelLinesFooter.notes(sources, language: language)
        if let notice = env.codebook.notice(language) { notes.append(notice) }
        var options = RegressionTableOptions(language: language, statistics: [.n, .r2, .pseudoR2], showOutcome: false,
                                             notes: notes, numberColumns: false)
        options.showCutpoints = true
        options.extraRows += ParallelLinesFooter.rows(sources, language: language)
        options.eform = state.spec.oddsRatios
        options.paren = ParenStatistic(rawValue: state.spec.paren.rawValue) ?? .t
        var table = RegressionTable.build(columns, codebook: env.codebook, options: options)
        ModelsSensitivityFooter.append(to: &table, sources: sources, language: language)
        return table
    }

    /// The screen's sample said once: the common N and the rows it dropped for a missing value
    /// (by variable), or that each column has its own N.
    static func sampleNote(_ results: ComputeOutput, language: Language) -> String? {
        guard let sample = results.sample else { return nil }
        if results.spec.sampling == .perModel { return UIText.perModelNote.text(language) }
        var text = UIText.commonSample.text(language, sample.n)
        let missing = sample.dropped.filter { if case .excludedByIf = $0.reason { return false } else { return true } }
        if !missing.isEmpty {
            let total = missing.reduce(0) { $0 + $1.count }
            let reasons = missing.map { "\($0.reason.text(language)) \($0.count)" }.joined(separator: UIText.listSeparator.text(language))
            text += UIText.rowsDropped.text(language, total, reasons)
        }
        return text
    }

}
