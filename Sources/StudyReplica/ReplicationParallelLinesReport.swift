import Estimation
import Reports
import SurveyData

/// The `replicate` section on parallel lines (issue 15): a table of the Brant and LR tests of
/// Models 2 and 6 (or why none is given), the per-term Brant tables where computable, the union
/// and training rows of Model 6 in every equation of the autofit partial proportional-odds model
/// beside the published and replicated ordered logit, and the whole gologit fit (gologit2's
/// layout, one column per equation). Its JSON member is `parallel_lines`.
extension ReplicationReport {
    struct ParallelWords {
        let language: Language
        var zh: Bool { language == .zh }

        var heading: String { zh ? "平行线假设：模型 2 和 6 的检验与部分比例优势模型" : "Parallel lines: tests of Models 2 and 6, and Model 6 under partial proportional odds" }
        var testsTitle: String { zh ? "平行线假设检验" : "Tests of the parallel-lines assumption" }
        var testsHeaders: [String] { zh ? ["Brant chi2", "df", "p", "LR chi2", "df", "p"] : ["Brant chi2", "df", "p", "LR chi2", "df", "p"] }
        func modelName(_ n: Int) -> String { zh ? "模型 \(n)" : "Model \(n)" }
        var colon: String { zh ? "：" : ": " }
        var notComputable: String { zh ? "无法计算" : "n/a" }
        func brantBlocked(_ n: Int, _ terms: [String]) -> String {
            zh ? "模型 \(n)：Brant 检验无法计算——\(terms.joined(separator: ", ")) 在结果的某个二元分割一侧没有观测（SPost 的 brant 要求每个二元 logit 都保留全部自变量）；本报告不删除这些项另行检验。"
               : "Model \(n): no Brant test — \(terms.joined(separator: ", ")) have no observations on one side of some split of the outcome (SPost's brant needs every regressor in every binary logit); the report does not test a model with those terms dropped."
        }
        func brantTermsTitle(_ n: Int) -> String { zh ? "模型 \(n) 的 Brant 检验（逐项）" : "Model \(n): Brant test by term" }
        var conclusionsTitle: String {
            zh ? "模型 6 的结论：已发表的有序 logit 与 gologit（autofit，α = 0.05）各方程" : "Model 6 conclusions: the published ordered logit and each equation of gologit (autofit, α = 0.05)"
        }
        var conclusionsHeaders: [String] { zh ? ["论文", "复制 ologit"] : ["Published", "Replica ologit"] }
        var constrainedCell: String { zh ? "（约束）" : "(constrained)" }
        var gologitTitle: String { zh ? "模型 6：部分比例优势 gologit（autofit，α = 0.05）" : "Model 6 as partial proportional-odds gologit (autofit, α = 0.05)" }
        func conclusion(_ c: ParallelLinesReplication.Conclusion, label: String) -> String {
            let sign = c.published > 0 ? (zh ? "正" : "positive") : (zh ? "负" : "negative")
            let verdict = c.publishedSignificant ? (zh ? "在 5% 水平上显著" : "significant at 5 %") : (zh ? "在 5% 水平上不显著" : "not significant at 5 %")
            let eqs = c.constrained ? (zh ? "autofit 对其施加平行线约束（各方程一个系数）" : "autofit constrains it to one coefficient in every equation")
                                    : (zh ? "其系数在 \(c.equations.count) 个方程中各不相同" : "its coefficient varies across the \(c.equations.count) equations")
            let same = c.equations.filter(\.sameSign).count, sig = c.equations.filter(\.significant).count
            let n = c.equations.count
            if zh {
                return "\(label)：论文系数为\(sign)且\(verdict)；\(eqs)；符号相同 \(same)/\(n)，5% 显著 \(sig)/\(n)——结论"
                    + (c.survives ? "在部分比例优势模型下成立。" : "在部分比例优势模型下不完全成立。")
            }
            return "\(label): published \(sign) and \(verdict); \(eqs); same sign in \(same) of \(n), significant at 5 % in \(sig) of \(n) — the conclusion "
                + (c.survives ? "survives partial proportional odds." : "does not fully survive partial proportional odds.")
        }
        var caveat: String {
            zh ? "复制数据为合成数据：检验说明的是复制数据是否满足平行线假设，而非原调查。"
               : "The replica is synthetic: these tests say whether the replica, not the survey, satisfies parallel lines."
        }
    }

    static func parallelLinesSection(_ r: Replication, language: Language) -> Section? {
        guard let p = r.parallelLines else { return nil }
        let w = ParallelWords(language: language)
        let labeler = TermLabeler(codebook: r.codebook, language: language)
        var tables: [Table] = []
        var notes: [String] = []

        var tests = comparisonTable(w.testsHeaders)
        tests.title = w.testsTitle
        for check in p.checks {
            var cells = [Cell(w.modelName(check.number))]
            if let b = check.brant {
                cells += [Cell(NumberFormat.fixed(b.chi2, 2)), Cell("\(b.df)"), Cell(NumberFormat.fixed(b.p, 3))]
            } else {
                cells += [Cell(w.notComputable), .empty, .empty]
            }
            if let lr = check.lr {
                cells += [Cell(NumberFormat.fixed(lr.chi2, 2)), Cell("\(lr.df)"), Cell(NumberFormat.fixed(lr.p, 3))]
            } else {
                cells += [Cell(w.notComputable), .empty, .empty]
            }
            tests.addRow(cells)
            if check.brant == nil, !check.blockingTerms.isEmpty {
                notes.append(w.brantBlocked(check.number, check.blockingTerms))
            }
            for note in check.notes where note != .ordered(.brantNotComputable) || check.blockingTerms.isEmpty {
                notes.append(w.modelName(check.number) + w.colon + note.text(language))
            }
        }
        tables.append(tests)
        for check in p.checks {
            guard check.brant != nil, var fit = check.fit else { continue }
            fit.lrParallel = nil
            if var t = ParallelLinesTable.build(fit, codebook: r.codebook, language: language) {
                t.title = w.brantTermsTitle(check.number)
                tables.append(t)
            }
        }

        if let g = p.gologit {
            let equations = g.outcomeLevels.dropLast().map { formatCode($0) }
            var table = Table(title: w.conclusionsTitle, alignments: [.left] + Array(repeating: .decimal, count: 2 + equations.count))
            table.headers = [[.empty] + w.conclusionsHeaders.map { Cell($0, alignment: .center) }
                             + equations.map { Cell("y > \($0)", alignment: .center) }]
            for c in p.conclusions {
                var top = [Cell(labeler.variableLabel(c.term)), Cell(NumberFormat.fixed(c.published, 3) + c.publishedStars)]
                var bottom = [Cell.empty, Cell("(" + NumberFormat.fixed(c.publishedStat, 2) + ")")]
                if let o = c.replicatedOlogit {
                    top.append(Cell(NumberFormat.fixed(o.estimate, 3) + NumberFormat.stars(o.p)))
                    bottom.append(Cell("(" + NumberFormat.fixed(o.z, 2) + ")"))
                } else {
                    top.append(.empty); bottom.append(.empty)
                }
                for equation in equations {
                    guard let e = c.equations.first(where: { $0.equation == equation || $0.equation == nil }) else {
                        top.append(.empty); bottom.append(.empty); continue
                    }
                    top.append(Cell(NumberFormat.fixed(e.estimate, 3) + NumberFormat.stars(e.p)))
                    bottom.append(Cell("(" + NumberFormat.fixed(e.z, 2) + ")"))
                }
                table.addRow(top)
                table.addRow(bottom)
                if c.constrained {
                    table.addRow([.empty, .empty, .empty, Cell(w.constrainedCell)] + Array(repeating: Cell.empty, count: max(0, equations.count - 1)))
                }
            }
            table.notes = [ReportText.starsNote(language)]
            tables.append(table)
            for c in p.conclusions { notes.append(w.conclusion(c, label: labeler.variableLabel(c.term))) }
            tables.append(GeneralizedOrderedTable.build(g, codebook: r.codebook, language: language, paren: .t, title: w.gologitTitle))
        } else if let error = p.gologitError {
            notes.append(w.gologitTitle + w.colon + error)
        }
        notes.append(w.caveat)
        return Section(id: "parallel_lines", heading: w.heading, tables: tables, notes: notes)
    }

    /// `parallel_lines` in `replicate --format json`.
    static func parallelLinesJSON(_ r: Replication, language: Language) -> JSONValue {
        guard let p = r.parallelLines else { return .null }
        let labeler = TermLabeler(codebook: r.codebook, language: language)
        func test(_ chi2: Double, _ df: Int, _ p: Double) -> [(String, JSONValue)] {
            [("chi2", .number(chi2)), ("df", .integer(df)), ("p", .number(p))]
        }
        let checks: [JSONValue] = p.checks.map { c in
            .object([
                ("model", .string(c.model)),
                ("brant", c.brant.map { b in .object(test(b.chi2, b.df, b.p) + [
                    ("terms", .array(b.terms.map { .object([("term", .string($0.term))] + test($0.chi2, $0.df, $0.p)) })),
                ]) } ?? .null),
                ("not_computable_terms", .array(c.blockingTerms.map { .string($0) })),
                ("lr_parallel", c.lr.map { .object(test($0.chi2, $0.df, $0.p)) } ?? .null),
                ("notes", .array(c.notes.map { .string($0.text(language)) })),
            ])
        }
        var members: [(String, JSONValue)] = [("tests", .array(checks))]
        if let g = p.gologit {
            members.append(("model6_gologit", .object([
                ("model", .string("gologit")),
                ("autofit_alpha", .number(ParallelLinesReplication.level)),
                ("n", .integer(g.n)),
                ("loglik", .number(g.loglik)),
                ("constrained", .array((g.constrained ?? []).map { .string($0) })),
                ("negative_probabilities", .integer(g.negativeProbabilities)),
                ("autofit_wald", g.autofitWald.map { .object(test($0.chi2, $0.df, $0.p)) } ?? .null),
                ("coefficients", .array(g.coefficients.map { c in
                    .object([("term", .string(c.term)), ("equation", .string(c.equation)),
                             ("estimate", .number(c.estimate)), ("se", .number(c.se)), ("z", .number(c.z)), ("p", .number(c.p))])
                })),
                ("notes", .array(g.diagnostics.map { .string($0.text(language)) })),
            ])))
        } else {
            members.append(("model6_gologit", .null))
            members.append(("error", .string(p.gologitError)))
        }
        members.append(("conclusions", .array(p.conclusions.map { c in
            .object([
                ("term", .string(c.term)), ("label", .string(labeler.variableLabel(c.term))),
                ("published", .number(c.published)), ("published_stat", .number(c.publishedStat)),
                ("stars_published", .string(c.publishedStars)),
                ("published_significant_5pct", .bool(c.publishedSignificant)),
                ("replicated_ologit", c.replicatedOlogit.map { o in
                    .object([("estimate", .number(o.estimate)), ("z", .number(o.z)), ("p", .number(o.p))]) } ?? .null),
                ("constrained", .bool(c.constrained)),
                ("equations", .array(c.equations.map { e in
                    .object([("equation", .string(e.equation)), ("estimate", .number(e.estimate)), ("se", .number(e.se)),
                             ("z", .number(e.z)), ("p", .number(e.p)), ("same_sign", .bool(e.sameSign)),
                             ("significant_5pct", .bool(e.significant))])
                })),
                ("survives", .bool(c.survives)),
            ])
        })))
        return .object(members)
    }
}
