import Estimation
import Reports
import SurveyData

/// View 4: two-way tables within the subsample (defaults: key regressor × outcome and × mediator):
/// counts with column and row percentages, then χ², Cramér's V, gamma and τ-b
/// (`Estimation.CrossTabulation`); under a declared design also the Rao–Scott F.
enum CrosstabView {
    static func content(_ state: AppState, env: ExplorerEnvironment, width: Int = 1000) -> ViewContent {
        guard let results = state.results else { return .message(UIText.computing.text(state.spec.language)) }
        var lines: [StyledLine] = []
        var tables: [Table] = []
        for output in results.crosstabs {
            let table = self.table(output, env: env, language: state.spec.language, designBasis: results.descriptivesDesign)
            lines += TableLines.lines(table, maxWidth: width, ascii: !env.unicode) + [StyledLine()]
            tables.append(table)
        }
        if lines.isEmpty { return .message(UIText.noCrosstab.text(state.spec.language)) }
        return ViewContent(lines: lines, tables: tables)
    }

    static func table(_ output: CrosstabOutput, env: ExplorerEnvironment, language: Language,
                      designBasis: DescriptivesDesign? = nil) -> Table {
        let pair = output.pair
        let rowInfo = env.dataset.info(pair.row)
        let colInfo = env.dataset.info(pair.column)
        let rowLabel = rowInfo?.label(language) ?? pair.row
        let colLabel = colInfo?.label(language) ?? pair.column
        let total = UIText.crosstabTotal.text(language)
        guard let x = output.table else {
            return Table(title: "\(rowLabel) x \(colLabel)", alignments: [.left], notes: [output.error ?? UIText.notComputed.text(language)])
        }
        var table = Table(title: "\(rowLabel) x \(colLabel)",
                          alignments: [.left] + Array(repeating: .decimal, count: x.columnCodes.count + 1))
        table.headers.append([Cell(rowLabel)] + x.columnCodes.map {
            Cell(colInfo?.valueLabel(for: $0)?.label(language) ?? formatCode($0), alignment: .center)
        } + [Cell(total, alignment: .center)])
        for (i, code) in x.rowCodes.enumerated() {
            let counts = x.counts[i]
            table.addRow([Cell(rowInfo?.valueLabel(for: code)?.label(language) ?? formatCode(code))]
                         + counts.map { Cell(NumberFormat.count($0)) } + [Cell(NumberFormat.count(x.rowTotals[i]))])
            table.addRow([Cell(UIText.colPercent.text(language), indent: 1)]
                         + counts.indices.map { Cell(NumberFormat.fixed(x.columnPercent(i, $0), 1)) }
                         + [Cell(NumberFormat.fixed(x.total > 0 ? 100 * x.rowTotals[i] / x.total : .nan, 1))])
            table.addRow([Cell(UIText.rowPercent.text(language), indent: 1)]
                         + counts.indices.map { Cell(NumberFormat.fixed(x.rowPercent(i, $0), 1)) } + [Cell("100.0")])
        }
        table.addRow([Cell(total)] + x.columnTotals.map { Cell(NumberFormat.count($0)) } + [Cell(NumberFormat.count(x.total))],
                     kind: .ruleAbove)
        table.notes.append(UIText.crosstabChi2.text(language, x.df, NumberFormat.fixed(x.chi2, 2), NumberFormat.fixed(x.p, 3),
                                                    NumberFormat.fixed(x.cramersV, 3)))
        table.notes.append(UIText.crosstabOrdinal.text(language, NumberFormat.fixed(x.gamma, 3), NumberFormat.fixed(x.gammaASE, 3),
                                                       NumberFormat.fixed(x.tauB, 3), NumberFormat.fixed(x.tauBASE, 3)))
        // Under a declared design: `crosstab --svy`'s Rao–Scott line (it names the design).
        if let failure = output.designError { table.notes.append(failure) }
        else if let basis = designBasis { table.notes.append(SurveyReportText.raoScottNote(output.raoScott, design: basis.design,
                                                                                           subpop: basis.subpop, language)) }
        if x.missing > 0 { table.notes.append(UIText.crosstabMissing.text(language, NumberFormat.count(x.missing))) }
        return table
    }
}
