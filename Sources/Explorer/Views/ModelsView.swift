import Estimation
import Reports
import SurveyData

/// View 1: the paper's layout — models as columns, terms as rows with stars and t/z below,
/// cutpoints, N and (pseudo) R². With a pinned baseline, its columns stand beside the current
/// ones and a Δ column per model shows each change; a change of sign or significance level is
/// flagged (the what-if view).
enum ModelsView {
    static func content(_ state: AppState, env: ExplorerEnvironment, width: Int) -> ViewContent {
        guard let results = state.results else { return .message("computing the models...") }
        let table = self.table(state, env: env, results: results)
        var lines = TableLines.lines(table, maxWidth: width)
        if let note = sampleNote(results, language: state.spec.language) { lines.insert(StyledLine(note, style: .dim), at: 0) }
        if state.computing { lines.insert(StyledLine("(updating...)", style: .dim), at: 0) }
        return ViewContent(lines: lines, tables: [table])
    }

    /// The journal table the screen shows and `x` writes, from the one regression table builder:
    /// the current models, and with a pinned baseline its models before them and a change column
    /// per current model after them. A column whose fit failed is named in the notes.
    static func table(_ state: AppState, env: ExplorerEnvironment, results: ComputeOutput) -> Table {
        let language = state.spec.language
        let zh = language == .zh
        let current = results.models
        let base = state.baseline?.models ?? []
        func column(_ m: FittedModel, content: RegressionColumn.Content = .estimates, prefix: String = "",
                    comparedWith: ModelResult? = nil) -> RegressionColumn? {
            m.result.map { RegressionColumn(title: prefix + m.title, result: $0, scale: m.plan.standardized ? .bStdX : .raw,
                                            content: content, comparedWith: comparedWith) }
        }
        let baseColumns = base.compactMap { column($0) }
        let currentColumns = current.compactMap { m in column(m, comparedWith: base.first { $0.id == m.id }?.result) }
        let changeColumns = base.isEmpty ? [] : current.compactMap { m in
            column(m, content: .change(from: base.first { $0.id == m.id }?.result), prefix: "d ")
        }
        var group: [String]?
        if !base.isEmpty {
            func heading(_ text: String, _ count: Int) -> [String] { count == 0 ? [] : [text] + Array(repeating: "", count: count - 1) }
            group = heading(zh ? "基准" : "baseline", baseColumns.count) + heading(zh ? "当前" : "current", currentColumns.count)
                + heading(zh ? "变化" : "change", changeColumns.count)
        }
        var notes: [String] = []
        for m in (base + current) where m.result == nil {
            notes.append("\(m.title): \(m.error ?? (zh ? "未估计" : "not estimated"))")
        }
        if !base.isEmpty {
            notes.append(zh ? "标记：相对基准，符号或显著性水平发生变化。" : "Flagged: sign or significance level changed against the baseline.")
        }
        if let notice = env.codebook.notice(language) { notes.append(notice) }
        var options = RegressionTableOptions(language: language, statistics: [.n, .r2, .pseudoR2], showOutcome: false,
                                             notes: notes, numberColumns: false, groupHeader: group)
        options.showCutpoints = true
        options.eform = state.spec.oddsRatios
        options.paren = ParenStatistic(rawValue: state.spec.paren.rawValue) ?? .t
        return RegressionTable.build(baseColumns + currentColumns + changeColumns, codebook: env.codebook, options: options)
    }

    /// The screen's sample said once: the common N and the rows it dropped for a missing value
    /// (by variable), or that each column has its own N.
    static func sampleNote(_ results: ComputeOutput, language: Language) -> String? {
        let zh = language == .zh
        guard let sample = results.sample else { return nil }
        if results.spec.sampling == .perModel {
            return zh ? "各列在各自的样本上估计（见各列 N），不可直接比较" : "each column on its own sample (see its N): columns are not comparable"
        }
        var text = (zh ? "共同样本 N = " : "common sample N = ") + "\(sample.n)"
        let missing = sample.dropped.filter { if case .excludedByIf = $0.reason { return false } else { return true } }
        if !missing.isEmpty {
            let total = missing.reduce(0) { $0 + $1.count }
            let reasons = missing.map { "\($0.reason.text(language)) \($0.count)" }.joined(separator: zh ? "，" : ", ")
            text += zh ? "：去掉 \(total) 行（\(reasons)）" : ": \(total) rows dropped (\(reasons))"
        }
        return text
    }

}
