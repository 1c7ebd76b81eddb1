import Estimation
import Reports
import SurveyData

/// View 3: average marginal effects of the key regressor (and the term chosen with `t`) on each
/// outcome category, per model, as a table with horizontal bars.
enum MarginsView {
    static let barWidth = 12

    static func content(_ state: AppState, env: ExplorerEnvironment, width: Int) -> ViewContent {
        let language = state.spec.language
        guard let results = state.results else { return .message(UIText.computing.text(language)) }
        if !results.marginsIncluded { return .message(UIText.fittingMargins.text(language)) }
        var lines: [StyledLine] = []
        var tables: [Table] = []
        let terms = [state.spec.keyRegressor] + [state.spec.marginsTerm].compactMap { $0 }
            .filter { $0 != state.spec.keyRegressor }
        for model in results.models where !model.plan.standardized {
            guard let result = model.result else { continue }
            let (table, bars) = self.table(result, title: model.title, terms: terms, env: env, language: state.spec.language)
            guard !table.rows.isEmpty else { continue }
            lines += withBars(table, bars, width: width, env: env) + [StyledLine()]
            tables.append(table)
            if let conditional = model.conditional {
                let (table, bars, note) = conditionalTable(conditional, result: result, title: model.title, env: env, language: language)
                if !table.rows.isEmpty {
                    lines += withBars(table, bars, width: width, env: env)
                    tables.append(table)
                }
                lines += note.map { StyledLine($0, style: conditional.failure == nil ? .dim : .flagged) }
                lines.append(StyledLine())
            }
        }
        if lines.isEmpty {
            return .message(results.models.isEmpty ? UIText.noModels.text(language)
                            : UIText.noMargins.text(language, terms.joined(separator: ", ")))
        }
        return ViewContent(lines: lines, tables: tables)
    }

    /// The table's lines with each body row's bar after it; the bars are one more whole column of
    /// every table line.
    static func withBars(_ table: Table, _ bars: [(text: String, negative: Bool)], width: Int, env: ExplorerEnvironment) -> [StyledLine] {
        var modelLines = TableLines.lines(table, maxWidth: max(30, width - barWidth - 3), ascii: !env.unicode)
        // Rows start after the title, rule, headers, rule.
        let titleLines = modelLines.prefix { $0.columns.isEmpty }.count
        let firstBody = titleLines + 2 + table.headers.count
        let tableEnd = modelLines.first(where: { !$0.columns.isEmpty })?.width ?? 0
        let barCells = bars.map { TextWidth.width($0.text) }.max() ?? 0
        for (i, bar) in bars.enumerated() where firstBody + i < modelLines.count {
            modelLines[firstBody + i].append("  ")
            modelLines[firstBody + i].append(bar.text, style: bar.negative ? .negative : .positive)
        }
        if barCells > 0 {
            for k in modelLines.indices where !modelLines[k].columns.isEmpty {
                modelLines[k].columns.append((tableEnd + 2)..<(tableEnd + 2 + barCells))
            }
        }
        return modelLines
    }

    /// The key regressor's effect at each value of W (`fit --margins --dydx X --at 'W=(…)'`):
    /// a row per W value and outcome, W's label on the first row of its group; a note says how
    /// a continuous W's values were chosen, or why there are none.
    static func conditionalTable(_ conditional: ConditionalEffects, result: ModelResult, title: String,
                                 env: ExplorerEnvironment, language: Language)
        -> (Table, [(text: String, negative: Bool)], [String]) {
        let labeler = TermLabeler(codebook: env.codebook, language: language)
        let plan = conditional.plan
        let w = plan.moderator
        var table = Table(title: UIText.conditionalTitle.text(language, title, labeler.variableLabel(plan.variable), labeler.variableLabel(w)),
                          alignments: [.left, .left, .decimal, .decimal],
                          headers: [[Cell(labeler.variableLabel(w)), .empty, Cell(UIText.marginsAME.text(language), alignment: .center),
                                     Cell("z", alignment: .center)]])
        let scale = conditional.margins.map { abs($0.effect) }.filter(\.isFinite).max() ?? 0
        var bars: [(text: String, negative: Bool)] = []
        let labelled = env.dataset.info(w)?.values.isEmpty == false
        for value in plan.values {
            let at = "\(w)=\(formatCode(value))"
            let rows = conditional.margins.filter { $0.atValue == at }
            for (k, m) in rows.enumerated() {
                let wLabel = k > 0 ? "" : labelled ? labeler.label(term: at, style: .valueOnly) : formatCode(value)
                table.addRow([Cell(wLabel), Cell(outcomeLabel(m.outcome, result: result, env: env, language: language)),
                              Cell(NumberFormat.fixed(m.effect, 4) + NumberFormat.stars(m.p)), Cell(NumberFormat.fixed(m.z, 2))])
                bars.append(bar(m.effect, scale: scale))
            }
        }
        var notes: [String] = []
        if let failure = conditional.failure {
            notes.append(failure.text(language))
        } else if !labelled, plan.values.count == 3, env.dataset.info(w)?.type != .binary {
            notes.append(UIText.conditionalMeanSD.text(language, labeler.variableLabel(w)))
        }
        return (table, bars, notes)
    }

    /// Margins whose term belongs to `variable` (`union`, `educ=3` for `educ`).
    static func effects(_ result: ModelResult, variable: String) -> [MarginalEffect] {
        result.margins.filter { m in
            m.at == .average && m.atValue == nil && m.over == nil && FormulaTerms.variable(of: String(m.term.split(separator: "=").first ?? "")) == variable
        }
    }

    static func table(_ result: ModelResult, title: String, terms: [String], env: ExplorerEnvironment,
                      language: Language) -> (Table, [(text: String, negative: Bool)]) {
        let labeler = TermLabeler(codebook: env.codebook, language: language)
        let perTerm = terms.map { effects(result, variable: $0) }
        let outcomes = perTerm.flatMap { $0.map(\.outcome) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var groups: [Cell] = [Cell(labeler.variableLabel(result.outcome))]
        var headers: [Cell] = [.empty]
        for effects in perTerm {
            let levels = effects.map(\.term).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            for level in levels {
                groups += [Cell(labeler.label(term: level), alignment: .left), .empty]
                headers += [Cell(UIText.marginsAME.text(language), alignment: .center), Cell("z", alignment: .center)]
            }
        }
        var table = Table(title: UIText.marginsTitle.text(language, title),
                          alignments: [.left] + Array(repeating: .decimal, count: headers.count - 1), headers: [groups, headers])
        var bars: [(String, Bool)] = []
        let key = perTerm.first ?? []
        let keyLevel = key.first?.term
        let scale = key.map { abs($0.effect) }.max() ?? 0
        for outcome in outcomes {
            var row: [Cell] = [Cell(outcomeLabel(outcome, result: result, env: env, language: language))]
            for effects in perTerm {
                let levels = effects.map(\.term).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                for level in levels {
                    if let m = effects.first(where: { $0.term == level && $0.outcome == outcome }) {
                        row += [Cell(NumberFormat.fixed(m.effect, 4) + NumberFormat.stars(m.p)), Cell(NumberFormat.fixed(m.z, 2))]
                    } else { row += [.empty, .empty] }
                }
            }
            table.addRow(row)
            let m = key.first { $0.term == keyLevel && $0.outcome == outcome }
            bars.append(bar(m?.effect ?? 0, scale: scale))
        }
        return (table, bars)
    }

    /// A bar on a centre axis: negative effects grow left of `|`, positive ones right.
    static func bar(_ value: Double, scale: Double) -> (String, Bool) {
        let half = barWidth / 2
        let n = scale > 0 && value.isFinite ? Int((abs(value) / scale * Double(half)).rounded()) : 0
        let left = value < 0 ? Cells.repeated(" ", half - n) + Cells.repeated("#", n) : Cells.repeated(" ", half)
        let right = value > 0 ? Cells.repeated("#", n) : ""
        return (left + "|" + right, value < 0)
    }

    static func outcomeLabel(_ outcome: String, result: ModelResult, env: ExplorerEnvironment, language: Language) -> String {
        if let code = Double(outcome), let label = env.dataset.info(result.outcome)?.valueLabel(for: code) {
            return "Pr(\(label.label(language)))"
        }
        return outcome == "E(y)" ? "E(\(result.outcome))" : "Pr(\(result.outcome)=\(outcome))"
    }
}
