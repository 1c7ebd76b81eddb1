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
        if let k = r.khb { tables.append(khb(k, x: r.x, options: options)) }
        if let n = notes(r, options: options) { tables.append(n) }
        return tables
    }

    /// The tables of one mediator: paths, indirect effect, bootstrap, causal (by outcome, sensitivity).
    public static func mediatorTables(_ m: MediatorAnalysis, result r: MediationResult,
                                      options: MediationTableOptions = .init()) -> [Table] {
        var out = [paths(m, result: r, options: options), indirect(m, result: r, options: options)]
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
        let l = o.language, names = o.names, zh = MediationText.zh
        let header = "\(names.name(r.x)) → \(r.mediators.map { names.name($0.mediator) }.joined(separator: ", ")) → \(names.name(r.y))"
        var t = Table(title: zh(l, "Mediation: ", "中介分析：") + header, alignments: [.left, .left])
        t.addRow([Cell(ReportText.observations(l)), Cell(String(r.n))])
        t.addRow([Cell(zh(l, "Outcome model", "因变量模型")), Cell(MediationText.model(r.outcomeModel, l))])
        for m in r.mediators {
            t.addRow([Cell(zh(l, "Mediator model", "中介变量模型") + MediationText.paren(names.name(m.mediator), l)),
                      Cell(MediationText.model(m.mediatorModel, l))])
        }
        if !r.controls.isEmpty {
            let controls = r.controls.map { o.labeler?.label(term: $0) ?? $0 }
            t.addRow([Cell(zh(l, "Controls", "控制变量")), Cell(controls.joined(separator: " + "))])
        }
        if let c = r.condition { t.addRow([Cell(zh(l, "Subsample", "子样本")), Cell("if \(c)")]) }
        for d in r.dropped {
            t.addRow([Cell(zh(l, "Rows dropped", "剔除的观测") + MediationText.paren(MediationText.droppedReason(d.reason, names: names), l)),
                      Cell(String(d.count))])
        }
        return t
    }

    /// Baron–Kenny paths c, a, b, c′ (estimate with stars, SE, p), the verdict and the two
    /// proportions; the scale caveats as notes.
    public static func paths(_ m: MediatorAnalysis, result r: MediationResult, options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names, zh = MediationText.zh, f = fmt(o)
        let x = names.name(r.x), y = names.name(r.y), med = names.name(m.mediator)
        let bk = m.paths
        var t = Table(title: "Baron–Kenny " + zh(l, "paths", "路径") + MediationText.paren(med, l),
                      alignments: [.left, .left, .decimal, .decimal, .decimal],
                      headers: [[Cell(zh(l, "Path", "路径")), Cell(zh(l, "Model", "模型")), Cell(zh(l, "Coef.", "系数")),
                                 Cell(zh(l, "SE", "标准误")), Cell(zh(l, "p", "p值"))]])
        let ym = MediationText.model(r.outcomeModel, l)
        let rows: [(String, String, PathEstimate)] = [
            ("c   \(x) → \(y)", ym, bk.c),
            ("a   \(x) → \(med)", MediationText.model(m.mediatorModel, l), bk.a),
            ("b   \(med) → \(y) | \(x)", ym, bk.b),
            ("c′  \(x) → \(y) | \(med)", ym, bk.cPrime)]
        for (label, model, e) in rows {
            t.addRow([Cell(label), Cell(model), RegressionTable.starred(e.estimate, p: e.p, digits: o.digits),
                      Cell(f(e.se)), Cell(pText(e.p, o.digits))])
        }
        let verdict = l == .zh ? bk.verdict.text(.zh) + "（α = \(bk.alpha)）"
                               : bk.verdict.text(.en) + " (α = \(bk.alpha))"
        t.addRow([Cell(zh(l, "Verdict", "结论")), Cell(verdict), "", "", ""], kind: .ruleAbove)
        t.addRow(["a·b / c", "", Cell(f(bk.proportionOfTotal)), "", ""])
        t.addRow(["a·b / (a·b + c′)", "", Cell(f(bk.proportionOfSum)), "", ""])
        t.notes = [MediationText.verdictRule(l)] + MediationText.scaleWarnings(m, outcome: r.outcomeModel, names: names)
            + [MediationText.starsNote(l)]
        return t
    }

    /// a·b with Sobel, Aroian and Goodman SEs, Sobel z and p; on the coefficients' scale and,
    /// when computed, y*-standardized.
    public static func indirect(_ m: MediatorAnalysis, result r: MediationResult, options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names, zh = MediationText.zh, f = fmt(o)
        var t = Table(title: zh(l, "Indirect effect a·b", "间接效应 a·b") + MediationText.paren(names.name(m.mediator), l),
                      alignments: [.left, .decimal, .decimal, .decimal, .decimal, .decimal, .decimal],
                      headers: [[Cell(zh(l, "Scale", "尺度")), "a·b", Cell(zh(l, "Sobel SE", "Sobel标准误")),
                                 Cell(zh(l, "Aroian SE", "Aroian标准误")), Cell(zh(l, "Goodman SE", "Goodman标准误")),
                                 Cell(zh(l, "z", "z值")), Cell(zh(l, "p", "p值"))]])
        func add(_ label: String, _ e: IndirectEffect) {
            t.addRow([Cell(label), Cell(f(e.estimate)), Cell(f(e.sobelSE)), Cell(f(e.aroianSE)),
                      Cell(f(e.goodmanSE)), Cell(NumberFormat.fixed(e.sobelZ, 2)), Cell(pText(e.sobelP, o.digits))])
        }
        add(zh(l, "coefficients", "原始系数"), m.indirect)
        if let s = m.standardized {
            add(zh(l, "y*-standardized", "y*标准化"), s.indirect)
            let med = names.name(m.mediator), y = names.name(r.y)
            t.notes.append(l == .zh
                ? "y* 标准化（MacKinnon & Dwyer 1993）：a / sd(\(med)*) = a / \(f(s.sdM))，b / sd(\(y)*) = b / \(f(s.sdY))。"
                : "y*-standardized (MacKinnon & Dwyer 1993): a / sd(\(med)*) = a / \(f(s.sdM)), b / sd(\(y)*) = b / \(f(s.sdY)).")
        }
        return t
    }

    /// Bootstrap summary of a·b and of the proportion mediated: estimate, bias, SE and the
    /// percentile, BC and BCa intervals; nil when the bootstrap did not run.
    public static func bootstrap(_ m: MediatorAnalysis, options o: MediationTableOptions = .init()) -> Table? {
        guard let b = m.bootstrap else { return nil }
        let l = o.language, zh = MediationText.zh, f = fmt(o)
        let title = l == .zh ? "自助法（\(b.reps) 次重复，种子 \(b.seed)，失败 \(b.failed) 次）"
                             : "Bootstrap (\(b.reps) replications, seed \(b.seed), \(b.failed) failed)"
        var t = Table(title: title, alignments: [.left, .decimal, .decimal, .decimal, .left, .left, .left],
                      headers: [[Cell(zh(l, "Statistic", "统计量")), Cell(zh(l, "Estimate", "估计值")), Cell(zh(l, "Bias", "偏差")),
                                 Cell(zh(l, "SE", "标准误")), Cell(zh(l, "Percentile", "百分位")), "BC", "BCa"]])
        for (label, s) in [("a·b", b.indirect), ("a·b / (a·b + c′)", b.proportion)] {
            t.addRow([Cell(label), Cell(f(s.estimate)), Cell(f(s.bias)), Cell(f(s.se)),
                      Cell(ci(s.percentile, o.digits)), Cell(ci(s.bc, o.digits)), Cell(ci(s.bca, o.digits))])
        }
        let percent = Int((b.level * 100).rounded())
        t.notes = [l == .zh
            ? "\(percent)% 置信区间；在估计样本内对个案重抽样；BCa 的加速因子来自刀切法。主要报告的区间：\(MediationText.interval(o.interval, .zh))。"
            : "\(percent) % intervals; cases resampled within the estimation sample; BCa acceleration from the jackknife. Headline interval: \(o.interval.rawValue)."]
        return t
    }

    /// Causal mediation (Imai, Keele & Tingley): the eight effects with intervals; for ordered
    /// outcomes the effects on each category's probability; the sensitivity summary.
    public static func causal(_ m: MediatorAnalysis, result r: MediationResult, options o: MediationTableOptions = .init()) -> [Table] {
        guard let c = m.causal else { return [] }
        let l = o.language, names = o.names, zh = MediationText.zh, f = fmt(o)
        let med = names.name(m.mediator)
        var out: [Table] = []
        let scale = MediationText.causalScale(c, y: r.y, names: names)
        var main = Table(title: l == .zh ? "因果中介分析（\(med)；效应尺度：\(scale)）" : "Causal mediation (\(med); effects on \(scale))",
                         alignments: [.left, .decimal, .left],
                         headers: [[Cell(zh(l, "Effect", "效应")), Cell(zh(l, "Estimate", "估计值")), Cell(zh(l, "Interval", "区间"))]])
        for (label, v) in effectRows(c.effects, l) { main.addRow([Cell(label), Cell(f(v.estimate)), Cell(ci(v.ci, o.digits))]) }
        main.notes = [l == .zh
            ? "ACME：平均因果中介效应（间接效应）；ADE：平均直接效应。Imai、Keele 与 Tingley（2010）；点估计由对中介变量的精确积分得到；区间：\(MediationText.causalInterval(c.interval, .zh))，\(c.sims) 次抽样（失败 \(c.failed) 次）；控制组取 \(formatCode(c.controlValue))，处理组取 \(formatCode(c.treatValue))。"
            : "Imai, Keele & Tingley (2010); point estimates by exact integration over the mediator; intervals: \(c.interval.rawValue), \(c.sims) draws (\(c.failed) failed); control \(formatCode(c.controlValue)), treated \(formatCode(c.treatValue))."]
        out.append(main)
        if let by = byOutcome(m, options: o) { out.append(by) }
        if let s = sensitivity(m, options: o) { out.append(s) }
        return out
    }

    static func effectRows(_ e: CausalEffects, _ l: Language) -> [(String, EffectEstimate)] {
        let zh = MediationText.zh
        return [
            (zh(l, "ACME (control)", "ACME（控制组）"), e.acmeControl), (zh(l, "ACME (treated)", "ACME（处理组）"), e.acmeTreated),
            (zh(l, "ACME (average)", "ACME（平均）"), e.acmeAverage),
            (zh(l, "ADE (control)", "ADE（控制组）"), e.adeControl), (zh(l, "ADE (treated)", "ADE（处理组）"), e.adeTreated),
            (zh(l, "ADE (average)", "ADE（平均）"), e.adeAverage),
            (zh(l, "Total effect", "总效应"), e.total), (zh(l, "Proportion mediated (average)", "中介比例（平均）"), e.propMediatedAverage)]
    }

    /// Ordered outcomes: ACME, ADE and total effect on each category's probability; nil otherwise.
    public static func byOutcome(_ m: MediatorAnalysis, options o: MediationTableOptions = .init()) -> Table? {
        guard let c = m.causal else { return nil }
        let categories = c.byOutcome.filter { $0.outcome != "expected" }
        guard !categories.isEmpty else { return nil }
        let l = o.language, zh = MediationText.zh, f = fmt(o), med = o.names.name(m.mediator)
        var t = Table(title: l == .zh ? "因果中介分析：各结果类别（\(med)；效应尺度：Pr(y = k)）"
                                      : "Causal mediation by outcome category (\(med); effects on Pr(y = k))",
                      alignments: [.left] + Array(repeating: .decimal, count: categories.count),
                      headers: [[Cell(zh(l, "Effect", "效应"))] + categories.map { Cell("k = \($0.outcome)") }])
        let picks: [(String, (CausalEffects) -> EffectEstimate)] = [
            (zh(l, "ACME (average)", "ACME（平均）"), { $0.acmeAverage }), (zh(l, "ADE (average)", "ADE（平均）"), { $0.adeAverage }),
            (zh(l, "Total effect", "总效应"), { $0.total })]
        for (label, pick) in picks { t.addRow([Cell(label)] + categories.map { Cell(f(pick($0.effects).estimate)) }) }
        return t
    }

    /// ACME at ρ = −0.5 … 0.5 and the ρ where it crosses zero; nil without a sensitivity analysis.
    public static func sensitivity(_ m: MediatorAnalysis, options o: MediationTableOptions = .init()) -> Table? {
        guard let s = m.causal?.sensitivity else { return nil }
        let l = o.language, f = fmt(o)
        var t = Table(title: l == .zh ? "序贯可忽略性假设的敏感性分析（\(MediationText.sensitivityMethod(s.method, .zh))）"
                                      : "Sensitivity to sequential ignorability (\(s.method))",
                      alignments: [.decimal, .decimal], headers: [["ρ", "ACME"]])
        for target in [-0.5, -0.3, -0.1, 0, 0.1, 0.3, 0.5] {
            if let i = s.rho.firstIndex(where: { abs($0 - target) < 1e-9 }) {
                t.addRow([Cell(NumberFormat.fixed(target, 1)), Cell(f(s.acme[i]))])
            }
        }
        t.notes = [l == .zh ? (s.rhoAtZero.map { "ρ = \(f($0)) 时 ACME = 0。" } ?? "ACME 在所给 ρ 范围内不为 0（曲线不穿过 0）。")
                            : "ACME = 0 at ρ = \(s.rhoAtZero.map { f($0) } ?? "(no crossing)")."]
        return t
    }

    /// Karlson–Holm–Breen decomposition of X's coefficient (and each mediator's share).
    public static func khb(_ k: KHBResult, x: String, options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names, zh = MediationText.zh, f = fmt(o)
        let mediators = k.mediators.map(names.name)
        let title = l == .zh
            ? "\(names.name(x)) 的 KHB 分解（\(MediationText.model(k.model, .zh))；中介变量 \(mediators.joined(separator: "、"))）"
            : "KHB decomposition of \(names.name(x)) (\(k.model.rawValue); mediators \(mediators.joined(separator: ", ")))"
        var t = Table(title: title, alignments: [.left, .decimal, .decimal, .decimal],
                      headers: [["", Cell(zh(l, "Coef.", "系数")), Cell(zh(l, "SE", "标准误")), Cell(zh(l, "p", "p值"))]])
        t.addRow([Cell(zh(l, "Reduced", "简化模型（总效应）")), Cell(f(k.reduced.estimate)), Cell(f(k.reduced.se)), ""])
        t.addRow([Cell(zh(l, "Full", "完整模型（直接效应）")), Cell(f(k.full.estimate)), Cell(f(k.full.se)), ""])
        t.addRow([Cell(zh(l, "Difference", "差值（间接效应）")), Cell(f(k.diff.estimate)), Cell(f(k.diff.se)), Cell(pText(k.diff.p, o.digits))])
        t.addRow([Cell(zh(l, "Confounding ratio", "混淆比率")), Cell(f(k.confRatio)), "", ""], kind: .ruleAbove)
        t.addRow([Cell(zh(l, "Confounding percentage", "混淆百分比（中介比例，%）")), Cell(NumberFormat.fixed(k.confPct, 2)), "", ""])
        t.addRow([Cell(zh(l, "Rescale factor", "重标度因子")), Cell(f(k.rescFact)), "", ""])
        if k.shares.count > 1 {
            for s in k.shares {
                let pct = NumberFormat.fixed(s.pctOfDiff, 1)
                let label = l == .zh ? "  \(names.name(s.mediator))：占差值的 \(pct) %" : "  \(names.name(s.mediator)): \(pct) % of difference"
                t.addRow([Cell(label), Cell(f(s.estimate)), Cell(f(s.se)), Cell(pText(s.p, o.digits))])
            }
        }
        t.notes = [zh(l, "Karlson, Holm & Breen (2012): reduced = X with the mediators' residuals on X and the controls; full = X with the mediators; delta-method SE of the difference.",
                      "Karlson、Holm 与 Breen（2012）：简化模型 = X 加上中介变量对 X 和控制变量回归的残差；完整模型 = X 加上中介变量；差值的标准误由 delta 方法计算。")]
        return t
    }

    /// The engine's notes, one a row; nil when there are none.
    public static func notes(_ r: MediationResult, options o: MediationTableOptions = .init()) -> Table? {
        guard !r.notes.isEmpty else { return nil }
        var t = Table(title: MediationText.zh(o.language, "Notes", "注释"), alignments: [.left])
        for n in r.diagnostics { t.addRow([Cell(MediationText.note(n, result: r, names: o.names))]) }
        return t
    }
}
