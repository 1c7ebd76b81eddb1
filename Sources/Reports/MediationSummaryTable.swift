import Estimation
import Mediation
import SurveyData

extension MediationTables {
    /// The compact table of one mediator (the explorer's Mediation view, lesson steps): the
    /// naive Baron–Kenny numbers beside the adjusted ones — paths a, b, c, c′ with z, the
    /// indirect effect a·b with Sobel z beside KHB's difference, the shares mediated, the
    /// verdict, the headline bootstrap interval of a·b — then the causal ACME, ADE, total effect
    /// and proportion mediated with their intervals and the sensitivity ρ at which ACME = 0.
    /// Row labels start `a: `, `b: `, `c: `, `c′`, `a·b (`, `a·b/`, `KHB`, `ACME`, `ADE`,
    /// `total effect`, `proportion mediated`, `ρ`, `Baron–Kenny` (Chinese: `a：` …, 总效应,
    /// 中介比例), which lessons' highlights look for.
    public static func summary(_ r: MediationResult, mediator index: Int = 0,
                               options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names, zh = MediationText.zh, d = o.summaryDigits
        let f = { (x: Double) in NumberFormat.fixed(x, d) }
        let z = { (x: Double) in NumberFormat.fixed(x, 2) }
        let pct = { (x: Double) in NumberFormat.fixed(x, 1) + "%" }
        let colon = l == .zh ? "：" : ": "
        let mediatorName = r.mediators.indices.contains(index) ? names.name(r.mediators[index].mediator) : ""
        var t = Table(title: zh(l, "Mediation: ", "中介分析：") + "\(names.name(r.x)) → \(mediatorName) → \(names.name(r.y))"
                        + (r.condition.map { "  if " + $0 } ?? "") + "  (N = \(r.n))",
                      alignments: [.left, .decimal, .decimal, .decimal, .left])
        t.headers = [["", Cell(zh(l, "Naive (Baron–Kenny)", "朴素估计（Baron–Kenny）"), alignment: .center),
                      Cell(zh(l, "z", "z值"), alignment: .center),
                      Cell(zh(l, "Adjusted (KHB / causal)", "调整后（KHB／因果中介）"), alignment: .center),
                      Cell(zh(l, "z / interval", "z值／区间"))]]
        guard r.mediators.indices.contains(index) else { return t }
        let m = r.mediators[index], p = m.paths, k = r.khb
        func starred(_ x: Double, _ pValue: Double) -> Cell { RegressionTable.starred(x, p: pValue, digits: d) }
        func path(_ label: String, _ e: PathEstimate, adjusted: EstimateSE? = nil) {
            t.addRow([Cell(label), starred(e.estimate, e.p), Cell(z(e.estimate / e.se)),
                      Cell(adjusted.map { f($0.estimate) } ?? ""), ""])
        }
        let x = names.name(r.x), y = names.name(r.y), med = names.name(m.mediator)
        path("a\(colon)\(x) → \(med)", p.a)
        path("b\(colon)\(med) → \(y)", p.b)
        path("c\(colon)" + zh(l, "total", "总效应"), p.c, adjusted: k?.reduced)
        path("c′\(colon)" + zh(l, "direct", "直接效应"), p.cPrime, adjusted: k?.full)
        t.addRow([Cell(zh(l, "a·b (Sobel z)", "a·b（Sobel z）")), starred(m.indirect.estimate, m.indirect.sobelP),
                  Cell(z(m.indirect.sobelZ)), k.map { starred($0.diff.estimate, $0.diff.p) } ?? "",
                  Cell(k.map { z($0.diff.estimate / $0.diff.se) } ?? "", alignment: .decimal)])
        t.addRow([Cell(zh(l, "a·b/(a·b+c′) (paper's formula)", "a·b/(a·b+c′)（论文公式）")), Cell(pct(100 * p.proportionOfSum)), "",
                  Cell(k.map { pct($0.confPct) } ?? ""), Cell(k == nil ? "" : zh(l, "KHB share mediated", "KHB 中介比例"))])
        t.addRow(["a·b/c", Cell(pct(100 * p.proportionOfTotal)), "", "", ""])
        if let k {
            t.addRow([Cell(zh(l, "KHB rescaling factor", "KHB 重标度因子")), "", "", Cell(f(k.rescFact)), ""])
        }
        t.addRow([Cell("Baron–Kenny " + zh(l, "verdict", "结论") + (l == .zh ? "（α = " : " (α = ") + NumberFormat.fixed(p.alpha, 2) + (l == .zh ? "）" : ")")),
                  Cell(p.verdict.text(l), alignment: .left), "", "", ""])
        if let b = m.bootstrap {
            let interval: Interval
            switch o.interval {
            case .percentile: interval = b.indirect.percentile
            case .bc: interval = b.indirect.bc
            case .bca: interval = b.indirect.bca
            }
            let percent = Int((b.level * 100).rounded())
            let label = l == .zh ? "a·b 的 \(percent)% \(MediationText.interval(o.interval, .zh))自助法区间（\(b.reps - b.failed) 次）"
                                 : "a·b \(percent)% \(MediationText.interval(o.interval, .en)) bootstrap interval (\(b.reps - b.failed) reps)"
            t.addRow([Cell(label), Cell(ci(interval, d), alignment: .left), "", "", ""])
        }
        if let c = m.causal {
            let scale = MediationText.causalScale(c, y: r.y, names: names)
            t.addRow([Cell(zh(l, "causal mediation (", "因果中介（") + c.mediatorModel.rawValue + " / " + c.outcomeModel.rawValue
                           + zh(l, "), scale: ", "），尺度：") + scale), "", "", "", ""], kind: .ruleAbove)
            func effect(_ label: String, _ e: EffectEstimate, percent: Bool = false) {
                let value = percent ? pct(100 * e.estimate) : f(e.estimate)
                let interval = percent ? ci(e.ci, 1, scale: 100, suffix: "%") : ci(e.ci, d)
                t.addRow([Cell(label), "", "", Cell(value), Cell(interval)])
            }
            effect("ACME", c.effects.acmeAverage)
            effect("ADE", c.effects.adeAverage)
            effect(zh(l, "total effect", "总效应"), c.effects.total)
            effect(zh(l, "proportion mediated", "中介比例"), c.effects.propMediatedAverage, percent: true)
            if let rho = c.sensitivity?.rhoAtZero {
                t.addRow([Cell(zh(l, "ρ at which ACME = 0 (sensitivity)", "ACME = 0 时的 ρ（敏感性分析）")), "", "", Cell(f(rho)), ""])
            }
        }
        t.notes = [ReportText.starsNote(l)] + r.diagnostics.map { MediationText.note($0, result: r, names: names) }
        return t
    }
}
