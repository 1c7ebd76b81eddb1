import Estimation
import Mediation
import SurveyData

/// Options of the mediation tables. The verdict's α and the bootstrap level travel in the
/// result itself; `level` words the causal intervals (which the result does not record).
public struct MediationTableOptions: Sendable {
    public var language: Language
    /// Variable labels from the codebook; nil shows variable names (as `mediate` does in English).
    public var labeler: TermLabeler?
    /// The bootstrap interval the report headlines (and the summary shows).
    public var interval: BootstrapInterval
    /// Confidence level of the intervals (the causal ones; the bootstrap's is in its result).
    public var level: Double
    /// Decimals of the report tables (the summary uses `summaryDigits`).
    public var digits: Int
    public var summaryDigits: Int

    public init(language: Language = .en, labeler: TermLabeler? = nil, interval: BootstrapInterval = .percentile,
                level: Double = 0.95, digits: Int = 4, summaryDigits: Int = 3) {
        self.language = language; self.labeler = labeler; self.interval = interval
        self.level = level; self.digits = digits; self.summaryDigits = summaryDigits
    }

    var names: Names { Names(language: language, labeler: labeler) }
}

/// The one set of mediation tables, in English and Chinese, built from a `MediationResult`:
/// the `pathlens mediate` report, the explorer's Mediation view and exports, lesson steps. Pure
/// functions to `Table` values, so every renderer (text, Markdown, LaTeX, CSV) draws them.
public enum MediationTables {
    /// The whole report: overview, then per mediator its Baron–Kenny paths, indirect effect,
    /// bootstrap and causal tables, then KHB and the notes.
    public static func report(_ r: MediationResult, options: MediationTableOptions = .init()) -> [Table] {
        var tables = [overview(r, options: options)]
        for m in r.mediators { tables += mediatorTables(m, result: r, options: options) }
        if let mod = r.moderation { tables += ModerationTables.tables(mod, result: r, options: options) }
        if let k = r.khb { tables.append(khb(k, x: r.x, options: options)) }
        for k in r.khbEquations ?? [] { tables.append(khb(k, x: r.x, options: options)) }
        if let n = notes(r, options: options) { tables.append(n) }
        return tables
    }

    /// The tables of one mediator: paths, indirect effect, bootstrap, causal (by outcome, sensitivity).
    public static func mediatorTables(_ m: MediatorAnalysis, result r: MediationResult,
                                      options: MediationTableOptions = .init()) -> [Table] {
        // gologit/goprobit: the paths per equation only (no single b, so no a·b; see the notes).
        var out = [paths(m, result: r, options: options)]
        if m.paths.byEquation == nil { out.append(indirect(m, result: r, options: options)) }
        if let b = bootstrap(m, options: options) { out.append(b) }
        out += causal(m, result: r, options: options)
        return out
    }

    private static func fmt(_ o: MediationTableOptions) -> (Double) -> String { { NumberFormat.fixed($0, o.digits) } }
    private static func pText(_ x: Double, _ digits: Int) -> String {
        x.isFinite && x < 0.0001 ? "<0.0001" : NumberFormat.fixed(x, digits)
    }
    static func ci(_ i: Interval?, _ digits: Int, scale: Double = 1, suffix: String = "") -> String {
        i.map { "[\(NumberFormat.fixed($0.low * scale, digits))\(suffix), \(NumberFormat.fixed($0.high * scale, digits))\(suffix)]" } ?? ""
    }

    /// Sample, models, controls, subsample and dropped rows.
    public static func overview(_ r: MediationResult, options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names
        let header = "\(names.name(r.x)) → \(r.mediators.map { names.name($0.mediator) }.joined(separator: ", ")) → \(names.name(r.y))"
        var t = Table(title: UIText.mediationTitle.text(l, header), alignments: [.left, .left])
        t.addRow([Cell(ReportText.observations(l)), Cell(String(r.n))])
        t.addRow([Cell(UIText.outcomeModel.text(l)), Cell(MediationText.model(r.outcomeModel, l))])
        for m in r.mediators {
            t.addRow([Cell(UIText.mediatorModel.text(l) + MediationText.paren(names.name(m.mediator), l)),
                      Cell(MediationText.model(m.mediatorModel, l))])
        }
        if !r.controls.isEmpty {
            let controls = r.controls.map { o.labeler?.label(term: $0) ?? $0 }
            t.addRow([Cell(UIText.controls.text(l)), Cell(controls.joined(separator: " + "))])
        }
        if let c = r.condition { t.addRow([Cell(UIText.subsampleTitle.text(l)), Cell("if \(c)")]) }
        for d in r.dropped {
            t.addRow([Cell(UIText.rowsDroppedLabel.text(l) + MediationText.paren(MediationText.droppedReason(d.reason, names: names), l)),
                      Cell(String(d.count))])
        }
        return t
    }

    /// Baron–Kenny paths c, a, b, c′ (estimate with stars, SE, p), the verdict and the two
    /// proportions; the scale caveats as notes.
    public static func paths(_ m: MediatorAnalysis, result r: MediationResult, options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names, f = fmt(o)
        let x = names.name(r.x), y = names.name(r.y), med = names.name(m.mediator)
        let bk = m.paths
        var t = Table(title: UIText.pathsTitle.text(l) + MediationText.paren(med, l),
                      alignments: [.left, .left, .decimal, .decimal, .decimal],
                      headers: [[Cell(UIText.pathColumn.text(l)), Cell(UIText.modelColumn.text(l)), Cell(UIText.coefColumn.text(l)),
                                 Cell(UIText.seColumn.text(l)), Cell(UIText.pColumn.text(l))]])
        let ym = MediationText.model(r.outcomeModel, l)
        let labels = ["c": "c   \(x) → \(y)", "b": "b   \(med) → \(y) | \(x)", "c_prime": "c′  \(x) → \(y) | \(med)"]
        var rows: [(String, String, PathEstimate)] = [
            (labels["c"]!, ym, bk.c),
            ("a   \(x) → \(med)", MediationText.model(m.mediatorModel, l), bk.a),
            (labels["b"]!, ym, bk.b),
            (labels["c_prime"]!, ym, bk.cPrime)]
        if let byEquation = bk.byEquation {
            // gologit/goprobit: one row per equation (split y > c_j), a constrained term once.
            let a = rows[1]
            rows = []
            for path in ["c", "b", "c_prime"] {
                for e in byEquation where e.path == path {
                    let split = e.equation.map { "  [\(ParallelLinesText.equation($0).text(l))]" } ?? ""
                    rows.append((labels[path]! + split, ym, e.pathEstimate))
                }
                if path == "c" { rows.append(a) }
            }
        }
        for (label, model, e) in rows {
            t.addRow([Cell(label), Cell(model), RegressionTable.starred(e.estimate, p: e.p, digits: o.digits),
                      Cell(f(e.se)), Cell(pText(e.p, o.digits))])
        }
        let verdict = UIText.verdictWithAlpha.text(l, bk.verdict.text(l), bk.alpha)
        t.addRow([Cell(UIText.verdictLabel.text(l)), Cell(verdict), "", "", ""], kind: .ruleAbove)
        if let verdicts = bk.equationVerdicts {
            for v in verdicts {
                t.addRow([Cell(UIText.verdictLabel.text(l) + MediationText.paren(ParallelLinesText.equation(v.equation).text(l), l)),
                          Cell(v.verdict.text(l)), "", "", ""])
            }
        } else {
            t.addRow(["a·b / c", "", Cell(f(bk.proportionOfTotal)), "", ""])
            t.addRow(["a·b / (a·b + c′)", "", Cell(f(bk.proportionOfSum)), "", ""])
        }
        t.notes = [MediationText.verdictRule(l)] + MediationText.scaleWarnings(m, outcome: r.outcomeModel, names: names)
            + [MediationText.starsNote(l)]
        return t
    }

    /// a·b with Sobel, Aroian and Goodman SEs, Sobel z and p; on the coefficients' scale and,
    /// when computed, y*-standardized.
    public static func indirect(_ m: MediatorAnalysis, result r: MediationResult, options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names, f = fmt(o)
        var t = Table(title: UIText.indirectTitle.text(l) + MediationText.paren(names.name(m.mediator), l),
                      alignments: [.left, .decimal, .decimal, .decimal, .decimal, .decimal, .decimal],
                      headers: [[Cell(UIText.scaleColumn.text(l)), "a·b", Cell(UIText.sobelSE.text(l)),
                                 Cell(UIText.aroianSE.text(l)), Cell(UIText.goodmanSE.text(l)),
                                 Cell(UIText.zColumn.text(l)), Cell(UIText.pColumn.text(l))]])
        func add(_ label: String, _ e: IndirectEffect) {
            t.addRow([Cell(label), Cell(f(e.estimate)), Cell(f(e.sobelSE)), Cell(f(e.aroianSE)),
                      Cell(f(e.goodmanSE)), Cell(NumberFormat.fixed(e.sobelZ, 2)), Cell(pText(e.sobelP, o.digits))])
        }
        add(UIText.coefficientsScale.text(l), m.indirect)
        if let s = m.standardized {
            add(UIText.standardizedScale.text(l), s.indirect)
            let med = names.name(m.mediator), y = names.name(r.y)
            t.notes.append(UIText.standardizedNote.text(l, med, f(s.sdM), y, f(s.sdY)))
        }
        return t
    }

    /// Bootstrap summary of a·b and of the proportion mediated: estimate, bias, SE and the
    /// percentile, BC and BCa intervals; nil when the bootstrap did not run.
    public static func bootstrap(_ m: MediatorAnalysis, options o: MediationTableOptions = .init()) -> Table? {
        guard let b = m.bootstrap else { return nil }
        let l = o.language, f = fmt(o)
        let title = UIText.bootstrapTitle.text(l, b.reps, b.seed, b.failed)
        var t = Table(title: title, alignments: [.left, .decimal, .decimal, .decimal, .left, .left, .left],
                      headers: [[Cell(UIText.statisticColumn.text(l)), Cell(UIText.estimateColumn.text(l)), Cell(UIText.biasColumn.text(l)),
                                 Cell(UIText.seColumn.text(l)), Cell(UIText.percentileColumn.text(l)), "BC", Cell(UIText.intervalBCa.text(l))]])
        for (label, s) in [("a·b", b.indirect), ("a·b / (a·b + c′)", b.proportion)] {
            t.addRow([Cell(label), Cell(f(s.estimate)), Cell(f(s.bias)), Cell(f(s.se)),
                      Cell(ci(s.percentile, o.digits)), Cell(ci(s.bc, o.digits)), Cell(ci(s.bca, o.digits))])
        }
        let percent = Int((b.level * 100).rounded())
        t.notes = [UIText.bootstrapNote.text(l, percent, l == .zh ? MediationText.interval(o.interval, .zh) : o.interval.rawValue)]
        return t
    }

    /// Causal mediation (Imai, Keele & Tingley): the eight effects with intervals; for ordered
    /// outcomes the effects on each category's probability; the sensitivity summary.
    public static func causal(_ m: MediatorAnalysis, result r: MediationResult, options o: MediationTableOptions = .init()) -> [Table] {
        guard let c = m.causal else { return [] }
        let l = o.language, names = o.names, f = fmt(o)
        let med = names.name(m.mediator)
        var out: [Table] = []
        let scale = MediationText.causalScale(c, y: r.y, names: names)
        var main = Table(title: UIText.causalTitle.text(l, med, scale),
                         alignments: [.left, .decimal, .left],
                         headers: [[Cell(UIText.effectColumn.text(l)), Cell(UIText.estimateColumn.text(l)), Cell(UIText.intervalColumn.text(l))]])
        for (label, v) in effectRows(c.effects, l) { main.addRow([Cell(label), Cell(f(v.estimate)), Cell(ci(v.ci, o.digits))]) }
        main.notes = [UIText.causalNote.text(l, MediationText.causalInterval(c.interval, l), c.sims, c.failed,
                                             formatCode(c.controlValue), formatCode(c.treatValue))]
        out.append(main)
        if let by = byOutcome(m, options: o) { out.append(by) }
        if let s = sensitivity(m, options: o) { out.append(s) }
        return out
    }

    static func effectRows(_ e: CausalEffects, _ l: Language) -> [(String, EffectEstimate)] {
        return [
            (UIText.acmeControl.text(l), e.acmeControl), (UIText.acmeTreated.text(l), e.acmeTreated),
            (UIText.acmeAverage.text(l), e.acmeAverage),
            (UIText.adeControl.text(l), e.adeControl), (UIText.adeTreated.text(l), e.adeTreated),
            (UIText.adeAverage.text(l), e.adeAverage),
            (UIText.totalEffect.text(l), e.total), (UIText.proportionMediatedAverage.text(l), e.propMediatedAverage)]
    }

    /// Ordered outcomes: ACME, ADE and total effect on each category's probability; nil otherwise.
    public static func byOutcome(_ m: MediatorAnalysis, options o: MediationTableOptions = .init()) -> Table? {
        guard let c = m.causal else { return nil }
        let categories = c.byOutcome.filter { $0.outcome != "expected" }
        guard !categories.isEmpty else { return nil }
        let l = o.language, f = fmt(o), med = o.names.name(m.mediator)
        var t = Table(title: UIText.causalByCategoryTitle.text(l, med),
                      alignments: [.left] + Array(repeating: .decimal, count: categories.count),
                      headers: [[Cell(UIText.effectColumn.text(l))] + categories.map { Cell("k = \($0.outcome)") }])
        let picks: [(String, (CausalEffects) -> EffectEstimate)] = [
            (UIText.acmeAverage.text(l), { $0.acmeAverage }), (UIText.adeAverage.text(l), { $0.adeAverage }),
            (UIText.totalEffect.text(l), { $0.total })]
        for (label, pick) in picks { t.addRow([Cell(label)] + categories.map { Cell(f(pick($0.effects).estimate)) }) }
        return t
    }

    /// ACME at ρ = −0.5 … 0.5 and the ρ where it crosses zero; nil without a sensitivity analysis.
    public static func sensitivity(_ m: MediatorAnalysis, options o: MediationTableOptions = .init()) -> Table? {
        guard let s = m.causal?.sensitivity else { return nil }
        let l = o.language, f = fmt(o)
        var t = Table(title: UIText.sensitivityTitle.text(l, MediationText.sensitivityMethod(s.method, l)),
                      alignments: [.decimal, .decimal], headers: [["ρ", Cell(UIText.acmeColumn.text(l))]])
        for target in [-0.5, -0.3, -0.1, 0, 0.1, 0.3, 0.5] {
            if let i = s.rho.firstIndex(where: { abs($0 - target) < 1e-9 }) {
                t.addRow([Cell(NumberFormat.fixed(target, 1)), Cell(f(s.acme[i]))])
            }
        }
        t.notes = [s.rhoAtZero.map { UIText.acmeZeroAt.text(l, f($0)) } ?? UIText.acmeNoCrossing.text(l)]
        return t
    }

    /// Karlson–Holm–Breen decomposition of X's coefficient (and each mediator's share).
    public static func khb(_ k: KHBResult, x: String, options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names, f = fmt(o)
        let mediators = k.mediators.map(names.name)
        let title = UIText.khbTitle.text(l, names.name(x), MediationText.model(k.model, l),
                                     mediators.joined(separator: UIText.enumerationSeparator.text(l)))
            + (k.equation.map { MediationText.paren(ParallelLinesText.equation($0).text(l), l) } ?? "")
        var t = Table(title: title, alignments: [.left, .decimal, .decimal, .decimal],
                      headers: [["", Cell(UIText.coefColumn.text(l)), Cell(UIText.seColumn.text(l)), Cell(UIText.pColumn.text(l))]])
        t.addRow([Cell(UIText.khbReduced.text(l)), Cell(f(k.reduced.estimate)), Cell(f(k.reduced.se)), ""])
        t.addRow([Cell(UIText.khbFull.text(l)), Cell(f(k.full.estimate)), Cell(f(k.full.se)), ""])
        t.addRow([Cell(UIText.khbDifference.text(l)), Cell(f(k.diff.estimate)), Cell(f(k.diff.se)), Cell(pText(k.diff.p, o.digits))])
        t.addRow([Cell(UIText.khbConfoundingRatio.text(l)), Cell(f(k.confRatio)), "", ""], kind: .ruleAbove)
        t.addRow([Cell(UIText.khbConfoundingPercentage.text(l)), Cell(NumberFormat.fixed(k.confPct, 2)), "", ""])
        t.addRow([Cell(UIText.khbRescaleFactor.text(l)), Cell(f(k.rescFact)), "", ""])
        if k.shares.count > 1 {
            for s in k.shares {
                let pct = NumberFormat.fixed(s.pctOfDiff, 1)
                let label = UIText.khbShare.text(l, names.name(s.mediator), pct)
                t.addRow([Cell(label), Cell(f(s.estimate)), Cell(f(s.se)), Cell(pText(s.p, o.digits))])
            }
        }
        t.notes = [UIText.khbNote.text(l)]
        return t
    }

    /// The engine's notes, one a row; nil when there are none.
    public static func notes(_ r: MediationResult, options o: MediationTableOptions = .init()) -> Table? {
        guard !r.notes.isEmpty else { return nil }
        var t = Table(title: UIText.notesTitle.text(o.language), alignments: [.left])
        for n in r.diagnostics { t.addRow([Cell(MediationText.note(n, result: r, names: o.names))]) }
        return t
    }
}
