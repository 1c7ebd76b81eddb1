import Estimation
import SurveyData

/// The strings the parallel-lines tables add, English and Chinese together.
enum ParallelLinesText {
    case brantTitle, lrTitle, all, chi2, df, p, equation(String), constrainedNote([String]), parenT, parenSE
    case autofitWald(WaldTest)

    func text(_ l: Language) -> String {
        let zh = l == .zh
        switch self {
        case .brantTitle: return zh ? "平行线假设的 Brant 检验" : "Brant test of parallel regression assumption"
        case .lrTitle: return zh ? "平行线似然比检验（对比广义模型）" : "Likelihood-ratio test of parallel lines (vs. generalized model)"
        case .all: return zh ? "全部" : "All"
        case .chi2: return "chi2"
        case .df: return "df"
        case .p: return "p"
        case .equation(let code): return "y > \(code)"
        case .constrainedNote(let terms):
            return zh ? "满足平行线约束（各方程系数相同）：\(terms.joined(separator: ", "))"
                      : "Parallel-lines constraint (one coefficient in every equation): \(terms.joined(separator: ", "))"
        case .parenT: return zh ? "括号中为 z 统计量。" : "z statistics in parentheses."
        case .parenSE: return zh ? "括号中为标准误。" : "Standard errors in parentheses."
        case .autofitWald(let w):
            let stat = "chi2(\(w.df)) = \(NumberFormat.fixed(w.chi2, 2)), p = \(NumberFormat.fixed(w.p, 4))"
            return zh ? "最终模型平行线假设的 Wald 检验（autofit 施加的全部约束，在起始模型中检验）：\(stat)；不显著表示最终模型不违反平行线假设"
                      : "Wald test of parallel lines assumption for the final model (every constraint autofit imposed, tested in the model it started from): \(stat); an insignificant test means the final model does not violate parallel lines"
        }
    }
}

/// gologit/goprobit as a table: one column per equation (split y > c), a constrained term's single
/// coefficient repeated in every column (as gologit2 prints it), `_cons` last.
public enum GeneralizedOrderedTable {
    public static func build(_ r: ModelResult, codebook: Codebook?, language: Language, paren: ParenStatistic,
                             title: String?) -> Table {
        let labeler = TermLabeler(codebook: codebook, language: language)
        let equations = r.outcomeLevels.dropLast().map { formatCode($0) }
        var terms: [String] = []
        for c in r.coefficients where c.term != "_cons" && !terms.contains(c.term) { terms.append(c.term) }
        terms.append("_cons")
        var table = Table(title: title, alignments: [.left] + Array(repeating: .decimal, count: equations.count))
        table.headers = [[.empty] + equations.map { Cell(ParallelLinesText.equation($0).text(language), alignment: .center) }]
        for term in terms {
            let rows = r.coefficients.filter { $0.term == term }
            guard let first = rows.first else { continue }
            var top = [Cell(labeler.label(term: term, variable: first.variable, level: first.level))]
            var bottom = [Cell.empty]
            for equation in equations {
                guard let c = rows.first(where: { $0.equation == equation || $0.equation == nil }) else {
                    top.append(.empty); bottom.append(.empty); continue
                }
                top.append(RegressionTable.starred(c.estimate, p: c.p, digits: 3))
                let inParens = paren == .se ? c.se : c.z
                bottom.append(Cell("(" + NumberFormat.fixed(inParens, paren == .se ? 3 : 2) + ")"))
            }
            table.addRow(top)
            table.addRow(bottom)
        }
        let stats: [(String, String)] = [
            ("N", "\(r.n)"),
            (language == .zh ? "对数似然值" : "Log likelihood", NumberFormat.fixed(r.loglik ?? .nan, 3)),
            ("Pseudo R2", NumberFormat.fixed(r.pseudoR2 ?? .nan, 4)),
            ("LR chi2(\(r.lrDF ?? 0))", NumberFormat.fixed(r.lrChi2 ?? .nan, 2)),
        ]
        for (i, s) in stats.enumerated() {
            table.addRow([Cell(s.0), Cell(s.1)] + Array(repeating: Cell.empty, count: max(0, equations.count - 1)),
                         kind: i == 0 ? .ruleAbove : .data)
        }
        table.notes = [ReportText.starsNote(language),
                       (paren == .se ? ParallelLinesText.parenSE : .parenT).text(language)]
        if let constrained = r.constrained, !constrained.isEmpty {
            table.notes.append(ParallelLinesText.constrainedNote(constrained).text(language))
        }
        table.notes += r.diagnostics.map { $0.text(language) }
        if let w = r.autofitWald { table.notes.append(ParallelLinesText.autofitWald(w).text(language)) }
        return table
    }
}

/// The Brant test (omnibus and per term) and the likelihood-ratio test of parallel lines.
public enum ParallelLinesTable {
    public static func build(_ r: ModelResult, codebook: Codebook?, language: Language) -> Table? {
        guard r.brant != nil || r.lrParallel != nil else { return nil }
        let labeler = TermLabeler(codebook: codebook, language: language)
        var table = Table(title: (r.brant != nil ? ParallelLinesText.brantTitle : .lrTitle).text(language),
                          alignments: [.left, .decimal, .decimal, .decimal])
        table.headers = [[.empty, Cell(ParallelLinesText.chi2.text(language), alignment: .center),
                          Cell(ParallelLinesText.p.text(language), alignment: .center),
                          Cell(ParallelLinesText.df.text(language), alignment: .center)]]
        func row(_ label: String, _ chi2: Double, _ p: Double, _ df: Int, kind: TableRow.Kind = .data) {
            table.addRow([Cell(label), Cell(NumberFormat.fixed(chi2, 2)), Cell(NumberFormat.fixed(p, 3)), Cell("\(df)")], kind: kind)
        }
        if let b = r.brant {
            row(ParallelLinesText.all.text(language), b.chi2, b.p, b.df)
            for (i, t) in b.terms.enumerated() {
                let c = r.coefficient(t.term)
                row(labeler.label(term: t.term, variable: c?.variable, level: c?.level), t.chi2, t.p, t.df,
                    kind: i == 0 ? .ruleAbove : .data)
            }
        }
        if let lr = r.lrParallel {
            row(ParallelLinesText.lrTitle.text(language), lr.chi2, lr.p, lr.df, kind: r.brant != nil ? .ruleAbove : .data)
        }
        return table
    }
}
