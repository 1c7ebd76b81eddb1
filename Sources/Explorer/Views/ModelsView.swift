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
        let language = state.spec.language
        let labeler = TermLabeler(codebook: env.codebook, language: language)
        let current = results.models
        let base = state.baseline?.models ?? []
        let showBase = !base.isEmpty
        let deltaPairs: [(now: FittedModel, base: FittedModel?)] = current.map { m in (m, base.first { $0.id == m.id }) }

        var headerGroups: [Cell] = [.empty]
        var titles: [Cell] = [.empty]
        if showBase {
            headerGroups += base.indices.map { $0 == 0 ? Cell("baseline", alignment: .left) : .empty }
            titles += base.map { Cell($0.title, alignment: .center) }
        }
        headerGroups += current.indices.map { $0 == 0 && showBase ? Cell("current", alignment: .left) : .empty }
        titles += current.map { Cell($0.title, alignment: .center) }
        if showBase {
            headerGroups += current.indices.map { $0 == 0 ? Cell("change", alignment: .left) : .empty }
            titles += current.map { Cell("d " + $0.title, alignment: .center) }
        }
        let columnCount = titles.count
        var table = Table(title: nil, alignments: [.left] + Array(repeating: .decimal, count: columnCount - 1),
                          headers: showBase ? [headerGroups, titles] : [titles])
        var styles: [Int: [Int: CellStyle]] = [:]

        // Terms: those of the current models in order, then any only the baseline had.
        var terms: [Coefficient] = []
        var seen = Set<String>()
        for m in current + base {
            for c in m.result?.coefficients ?? [] where seen.insert(c.term).inserted { terms.append(c) }
        }
        let currentOffset = 1 + (showBase ? base.count : 0)
        let deltaOffset = currentOffset + current.count
        var headingShown = Set<String>()
        for term in terms {
            // Factor levels sit under a heading with the variable's label, so a narrow label
            // column still shows which level a row is.
            var label = labeler.label(term: term.term, variable: term.variable, level: term.level)
            var indent = 0
            if let level = term.level, let variable = term.variable, (env.dataset.info(variable)?.values.count ?? 0) > 2 {
                if headingShown.insert(variable).inserted { table.addRow([Cell(labeler.variableLabel(variable))]) }
                label = labeler.valueLabel(variable, level)
                indent = 1
            }
            var top = [Cell(label, indent: indent)]
            var bottom = [Cell.empty]
            if showBase {
                for m in base { let (a, b) = cells(term.term, m); top.append(a); bottom.append(b) }
            }
            for m in current { let (a, b) = cells(term.term, m); top.append(a); bottom.append(b) }
            if showBase {
                for (i, pair) in deltaPairs.enumerated() {
                    let (text, flagged) = delta(term.term, now: pair.now, base: pair.base)
                    top.append(Cell(text)); bottom.append(.empty)
                    if flagged {
                        styles[table.rows.count, default: [:]][deltaOffset + i] = .flagged
                        styles[table.rows.count, default: [:]][currentOffset + i] = .flagged
                    }
                }
            }
            table.addRow(top)
            table.addRow(bottom)
        }

        // Cutpoints of the unstandardized ordered models.
        let allModels = (showBase ? base : []) + current
        var cutTerms: [String] = []
        for m in allModels where !m.plan.standardized {
            for c in m.result?.cutpoints ?? [] where !cutTerms.contains(c.term) { cutTerms.append(c.term) }
        }
        for (k, cut) in cutTerms.enumerated() {
            var row = [Cell(labeler.cutpointLabel(cut))]
            for m in allModels {
                let value = m.plan.standardized ? nil : m.result?.cutpoints.first { $0.term == cut }
                row.append(Cell(value.map { NumberFormat.fixed($0.estimate, 3) } ?? ""))
            }
            if showBase { row += current.map { _ in Cell.empty } }
            table.addRow(row, kind: k == 0 ? .ruleAbove : .data)
        }

        // Model statistics.
        func statRow(_ label: String, first: Bool, _ value: (ModelResult) -> String?) {
            var row = [Cell(label)]
            for m in allModels { row.append(Cell(m.result.flatMap(value) ?? "")) }
            if showBase { row += current.map { _ in Cell.empty } }
            table.addRow(row, kind: first ? .ruleAbove : .data)
        }
        statRow(ReportText.observations(language), first: true) { String($0.n) }
        if allModels.contains(where: { $0.result?.r2 != nil }) {
            statRow(ReportText.r2(language), first: false) { $0.r2.map { NumberFormat.fixed($0, 3) } }
        }
        if allModels.contains(where: { $0.result?.pseudoR2 != nil }) {
            statRow(ReportText.pseudoR2(language), first: false) { $0.pseudoR2.map { NumberFormat.fixed($0, 3) } }
        }
        for m in allModels {
            if let error = m.error { table.notes.append("\(m.title): \(error)") }
            for o in m.result?.omitted ?? [] { table.notes.append("\(m.title): \(o.term) omitted (\(o.reason))") }
        }
        if table.rows.isEmpty && table.notes.isEmpty { table.notes.append("no models") }
        table.notes.append(ReportText.starsNote(language))
        if showBase { table.notes.append("Flagged: sign or significance level changed against the baseline.") }

        // Mark failed columns in the first row so the gap is explained on screen.
        var lines = TableLines.lines(table, styles: styles, maxWidth: width)
        if let note = sampleNote(results, language: language) { lines.insert(StyledLine(note, style: .dim), at: 0) }
        if state.computing { lines.insert(StyledLine("(updating...)", style: .dim), at: 0) }
        return ViewContent(lines: lines, tables: [exportTable(state, env: env, results: results)])
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
        let missing = sample.dropped.filter { $0.reason != "excluded by if" }
        if !missing.isEmpty {
            let total = missing.reduce(0) { $0 + $1.count }
            let reasons = missing.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
            text += zh ? "：去掉 \(total) 行（\(reasons)）" : ": \(total) rows dropped (\(reasons))"
        }
        return text
    }

    /// Coefficient with stars, and its t/z in parentheses (standardized columns: bStdX).
    static func cells(_ term: String, _ model: FittedModel) -> (Cell, Cell) {
        guard let c = model.result?.coefficient(term) else { return (.empty, .empty) }
        let value = model.plan.standardized ? c.bStdX : c.estimate
        guard let value else { return (Cell("."), .empty) }
        return (Cell(NumberFormat.fixed(value, 3) + NumberFormat.stars(c.p)),
                Cell("(" + NumberFormat.fixed(c.z, 2) + ")"))
    }

    /// The change from the baseline, and whether sign or significance level changed.
    static func delta(_ term: String, now: FittedModel, base: FittedModel?) -> (String, Bool) {
        let n = now.result?.coefficient(term)
        let b = base?.result?.coefficient(term)
        switch (n, b) {
        case (nil, nil): return ("", false)
        case (nil, _?): return base == nil ? ("", false) : ("dropped", true)
        case (_?, nil): return base == nil ? ("", false) : ("new", true)
        case let (n?, b?):
            let nv = now.plan.standardized ? n.bStdX : n.estimate
            let bv = now.plan.standardized ? b.bStdX : b.estimate
            guard let nv, let bv else { return (".", false) }
            let d = nv - bv
            let text = (d >= 0 ? "+" : "") + NumberFormat.fixed(d, 3)
            let signChanged = (nv > 0) != (bv > 0) && nv != 0 && bv != 0
            let levelChanged = NumberFormat.stars(n.p) != NumberFormat.stars(b.p)
            return (text, signChanged || levelChanged)
        }
    }

    /// The journal table `x` writes: current models (and the baseline's, when pinned) side by side.
    static func exportTable(_ state: AppState, env: ExplorerEnvironment, results: ComputeOutput) -> Table {
        var columns: [RegressionColumn] = []
        for m in state.baseline?.models ?? [] {
            if let r = m.result { columns.append(RegressionColumn(title: "baseline " + m.title, result: r, scale: m.plan.standardized ? .bStdX : .raw)) }
        }
        for m in results.models {
            if let r = m.result { columns.append(RegressionColumn(title: m.title, result: r, scale: m.plan.standardized ? .bStdX : .raw)) }
        }
        let notice = env.codebook.notice(state.spec.language).map { [$0] } ?? []
        return RegressionTable.build(columns, codebook: env.codebook,
                                     options: RegressionTableOptions(language: state.spec.language, notes: notice))
    }
}
