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
        let l = o.language, names = o.names, d = o.summaryDigits
        let f = { (x: Double) in NumberFormat.fixed(x, d) }
        let z = { (x: Double) in NumberFormat.fixed(x, 2) }
        let pct = { (x: Double) in NumberFormat.fixed(x, 1) + "%" }
        let mediatorName = r.mediators.indices.contains(index) ? names.name(r.mediators[index].mediator) : ""
        var t = Table(title: UIText.mediationTitle.text(l, "\(names.name(r.x)) → \(mediatorName) → \(names.name(r.y))"
                        + (r.condition.map { "  if " + $0 } ?? "") + "  (N = \(r.n))"),
                      alignments: [.left, .decimal, .decimal, .decimal, .left])
        t.headers = [["", Cell(UIText.naiveColumn.text(l), alignment: .center),
                      Cell(UIText.zColumn.text(l), alignment: .center),
                      Cell(UIText.adjustedColumn.text(l), alignment: .center),
                      Cell(UIText.zIntervalColumn.text(l))]]
        guard r.mediators.indices.contains(index) else { return t }
        let m = r.mediators[index], p = m.paths, k = r.khb
        func starred(_ x: Double, _ pValue: Double) -> Cell { RegressionTable.starred(x, p: pValue, digits: d) }
        func path(_ label: String, _ e: PathEstimate, adjusted: EstimateSE? = nil) {
            t.addRow([Cell(label), starred(e.estimate, e.p), Cell(z(e.estimate / e.se)),
                      Cell(adjusted.map { f($0.estimate) } ?? ""), ""])
        }
        let x = names.name(r.x), y = names.name(r.y), med = names.name(m.mediator)
        path(UIText.labelColon.text(l, "a", "\(x) → \(med)"), p.a)
        path(UIText.labelColon.text(l, "b", "\(med) → \(y)"), p.b)
        path(UIText.labelColon.text(l, "c", UIText.total.text(l)), p.c, adjusted: k?.reduced)
        path(UIText.labelColon.text(l, "c′", UIText.direct.text(l)), p.cPrime, adjusted: k?.full)
        t.addRow([Cell(UIText.indirectSobel.text(l)), starred(m.indirect.estimate, m.indirect.sobelP),
                  Cell(z(m.indirect.sobelZ)), k.map { starred($0.diff.estimate, $0.diff.p) } ?? "",
                  Cell(k.map { z($0.diff.estimate / $0.diff.se) } ?? "", alignment: .decimal)])
        t.addRow([Cell(UIText.paperShare.text(l)), Cell(pct(100 * p.proportionOfSum)), "",
                  Cell(k.map { pct($0.confPct) } ?? ""), Cell(k == nil ? "" : UIText.khbShareMediated.text(l))])
        t.addRow(["a·b/c", Cell(pct(100 * p.proportionOfTotal)), "", "", ""])
        if let k {
            t.addRow([Cell(UIText.khbRescaling.text(l)), "", "", Cell(f(k.rescFact)), ""])
        }
        t.addRow([Cell(UIText.verdictAtAlpha.text(l, NumberFormat.fixed(p.alpha, 2))),
                  Cell(p.verdict.text(l), alignment: .left), "", "", ""])
        if let b = m.bootstrap {
            let interval: Interval
            switch o.interval {
            case .percentile: interval = b.indirect.percentile
            case .bc: interval = b.indirect.bc
            case .bca: interval = b.indirect.bca
            }
            let percent = Int((b.level * 100).rounded())
            let label = UIText.bootstrapInterval.text(l, percent, MediationText.interval(o.interval, l), b.reps - b.failed)
            t.addRow([Cell(label), Cell(ci(interval, d), alignment: .left), "", "", ""])
        }
        if let c = m.causal {
            let scale = MediationText.causalScale(c, y: r.y, names: names)
            t.addRow([Cell(UIText.causalScaleRow.text(l, c.mediatorModel.rawValue, c.outcomeModel.rawValue, scale)), "", "", "", ""], kind: .ruleAbove)
            func effect(_ label: String, _ e: EffectEstimate, percent: Bool = false) {
                let value = percent ? pct(100 * e.estimate) : f(e.estimate)
                let interval = percent ? ci(e.ci, 1, scale: 100, suffix: "%") : ci(e.ci, d)
                t.addRow([Cell(label), "", "", Cell(value), Cell(interval)])
            }
            effect(UIText.acmeColumn.text(l), c.effects.acmeAverage)
            effect(UIText.adeColumn.text(l), c.effects.adeAverage)
            effect(UIText.totalEffectRow.text(l), c.effects.total)
            effect(UIText.proportionMediated.text(l), c.effects.propMediatedAverage, percent: true)
            if let rho = c.sensitivity?.rhoAtZero {
                t.addRow([Cell(UIText.rhoAtZero.text(l)), "", "", Cell(f(rho)), ""])
            }
        }
        t.notes = [ReportText.starsNote(l)] + r.diagnostics.map { MediationText.note($0, result: r, names: names) }
        return t
    }
}
