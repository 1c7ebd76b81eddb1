import Estimation
import Reports
import SurveyData

/// View 5: Table 1 for the subsample — shares of each level for discrete variables, and N,
/// mean, SD, min, max for continuous ones — over the variables of the current model. Under a
/// declared design the analysis layer made it design-based: the view adds the SE and DEFF.
enum DescribeView {
    static func content(_ state: AppState, env: ExplorerEnvironment, width: Int = 1000) -> ViewContent {
        guard let results = state.results else { return .message(UIText.computing.text(state.spec.language)) }
        let table = self.table(state, env: env, results: results)
        return ViewContent(lines: TableLines.lines(table, maxWidth: width, ascii: !env.unicode), tables: [table])
    }

    static func variables(_ spec: Specification) -> [String] {
        var names = [spec.outcome, spec.keyRegressor] + [spec.activeMediator].compactMap { $0 }
        for t in spec.controls { let v = FormulaTerms.variable(of: t); if !names.contains(v) { names.append(v) } }
        return names
    }

    static func table(_ state: AppState, env: ExplorerEnvironment, results: ComputeOutput) -> Table {
        let language = state.spec.language
        let n = results.sampleN ?? env.dataset.rowCount
        // Under a declared design: weighted means and percentages with two more columns, the
        // linearized SE and the design effect (as `describe --svy`).
        let design = results.descriptivesDesign
        let designHeaders = design == nil ? [] : [Cell(SurveyReportText.seHeader(language)), Cell(SurveyReportText.deffHeader(language))]
        func designCells(_ se: Double?, _ deff: Double?) -> [Cell] {
            design == nil ? [] : [Cell(NumberFormat.fixed(se ?? .nan, 2)), Cell(NumberFormat.fixed(deff ?? .nan, 2))]
        }
        var table = Table(title: UIText.describeTitle.text(language, n),
                          alignments: [.left, .right, .decimal, .decimal, .decimal, .decimal] + (design == nil ? [] : [.decimal, .decimal]),
                          headers: [[""] + [UIText.describeN, UIText.describeMean, UIText.describeSD, UIText.describeMin,
                                            UIText.describeMax].map { Cell($0.text(language)) } + designHeaders])
        let byName = Dictionary(results.summaries.map { ($0.variable, $0) }, uniquingKeysWith: { a, _ in a })
        for name in variables(results.spec) {
            guard let s = byName[name] else { continue }
            let info = env.dataset.info(name)
            let label = info?.label(language) ?? name
            if s.categories.isEmpty {
                table.addRow([Cell(label), Cell(NumberFormat.count(s.n)), Cell(NumberFormat.fixed(s.mean, 2)),
                              Cell(NumberFormat.fixed(s.sd, 2)), Cell(NumberFormat.count(s.min)),
                              Cell(NumberFormat.count(s.max))] + designCells(s.meanSE, s.deff))
            } else {
                table.addRow([Cell(label), Cell(NumberFormat.count(s.n))])
                for level in s.categories {
                    let valueLabel = info?.valueLabel(for: level.code)?.label(language) ?? formatCode(level.code)
                    table.addRow([Cell(valueLabel, indent: 1), Cell(NumberFormat.count(level.count)),
                                  Cell(NumberFormat.fixed(level.percent, 1) + "%")]
                                 + (design == nil ? [] : [Cell(""), Cell(""), Cell("")] + designCells(level.se, level.deff)))
                }
            }
            // Missing values by kind among the `if` rows (they are outside the screen's sample), as
            // Stata's `tab x, missing`.
            for m in results.missingByVariable[name] ?? [] {
                table.addRow([Cell(MissingText.row(m.kind, label: info?.missingLabel(m.kind, language), language), indent: 1),
                              Cell(NumberFormat.count(m.count))])
            }
        }
        if let error = results.summariesError { table.notes.append(error) }
        if let design { table.notes.append(SurveyReportText.describeNote(design.design, subpop: design.subpop, language)) }
        if let notice = env.codebook.notice(language) { table.notes.append(notice) }
        return table
    }
}
