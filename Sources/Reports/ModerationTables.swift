import Estimation
import Mediation
import SurveyData

/// The moderated-mediation tables (`mediate --moderator`): conditional paths and indirect effects
/// at each moderator value with the index of moderated mediation, and the conditional causal
/// effects. Pure functions to `Table`, drawn by every renderer like the other mediation tables.
public enum ModerationTables {
    public static func tables(_ mod: ModerationResult, result r: MediationResult,
                              options o: MediationTableOptions = .init()) -> [Table] {
        var out = [conditional(mod, result: r, options: o)]
        if let c = causal(mod, result: r, options: o) { out.append(c) }
        return out
    }

    /// A moderator value as the tables show it: a factor level's label, or the number with its
    /// place among mean ± 1 SD.
    public static func valueLabel(_ mod: ModerationResult, _ k: Int, options o: MediationTableOptions) -> String {
        let l = o.language, v = mod.values[k]
        if mod.factor { return o.labeler?.valueLabel(mod.moderator, v) ?? formatCode(v) }
        let number = NumberFormat.fixed(v, 2)
        guard mod.probe == .meanSD, mod.values.count == 3 else { return number }
        return [UIText.meanMinusSD, UIText.meanValue, UIText.meanPlusSD][k].text(l, number)
    }

    static func pathWords(_ p: ModeratedPath, _ l: Language) -> String {
        switch p {
        case .a: return UIText.moderatedPathA.text(l)
        case .b: return UIText.moderatedPathB.text(l)
        case .both: return UIText.moderatedPathBoth.text(l)
        }
    }

    /// W | a(w) | SE | b(w) | SE | a·b | Boot SE | CI, then the index.
    public static func conditional(_ mod: ModerationResult, result r: MediationResult,
                                   options o: MediationTableOptions = .init()) -> Table {
        let l = o.language, names = o.names, d = o.digits
        let f: (Double) -> String = { NumberFormat.fixed($0, d) }
        let level = NumberFormat.fixed(mod.level * 100, 0)
        var t = Table(title: UIText.moderationTitle.text(l, mod.model, names.name(mod.moderator), pathWords(mod.moderate, l)),
                      alignments: [.left, .decimal, .decimal, .decimal, .decimal, .decimal, .decimal, .left],
                      headers: [[Cell(names.name(mod.moderator)), "a", Cell(UIText.seColumn.text(l)), "b",
                                 Cell(UIText.seColumn.text(l)), "a·b", Cell(UIText.bootSEColumn.text(l)),
                                 Cell(UIText.percentCIColumn.text(l, level))]])
        for (k, c) in mod.conditional.enumerated() {
            t.addRow([Cell(valueLabel(mod, k, options: o)),
                      RegressionTable.starred(c.paths.a.estimate, p: c.paths.a.p, digits: d), Cell(f(c.paths.a.se)),
                      RegressionTable.starred(c.paths.b.estimate, p: c.paths.b.p, digits: d), Cell(f(c.paths.b.se)),
                      Cell(f(c.indirect.estimate)), Cell(c.indirect.se.isFinite ? f(c.indirect.se) : ""),
                      Cell(MediationTables.ci(c.indirect.ci, d))])
        }
        let i = mod.index
        let indexLabel: String
        if i.definition == "difference", let between = i.between, between.count == 2,
           let hi = mod.values.lastIndex(of: between[1]), let lo = mod.values.firstIndex(of: between[0]) {
            indexLabel = UIText.moderationIndexDifference.text(l, valueLabel(mod, hi, options: o), valueLabel(mod, lo, options: o))
        } else {
            indexLabel = UIText.moderationIndexProduct.text(l, i.definition == "a3*b" ? "a3·b" : "a·b3")
        }
        t.addRow([Cell(indexLabel), "", "", "", "", Cell(f(i.estimate)), Cell(i.se.isFinite ? f(i.se) : ""),
                  Cell(MediationTables.ci(i.ci, d))], kind: .ruleAbove)
        let cp = mod.conditional.first?.paths.cPrime
        t.notes = [UIText.moderationModelsNote.text(l, mod.mediatorFormula, mod.outcomeFormula)]
        if mod.reps > 0 {
            t.notes.append(UIText.moderationBootstrapNote.text(l, mod.reps, mod.seed, mod.failed, f(cp?.estimate ?? .nan), f(cp?.se ?? .nan)))
        } else {
            t.notes.append(UIText.moderationNoBootstrap.text(l, f(cp?.estimate ?? .nan), f(cp?.se ?? .nan)))
        }
        t.notes.append(MediationText.starsNote(l))
        return t
    }

    /// W | ACME | interval | ADE | interval | total | interval (when causal effects were computed).
    public static func causal(_ mod: ModerationResult, result r: MediationResult,
                              options o: MediationTableOptions = .init()) -> Table? {
        guard mod.conditional.contains(where: { $0.causal != nil }) else { return nil }
        let l = o.language, names = o.names, d = o.digits
        let f: (Double) -> String = { NumberFormat.fixed($0, d) }
        let scale = r.mediators.first?.causal.map { MediationText.causalScale($0, y: r.y, names: names) } ?? names.name(r.y)
        var t = Table(title: UIText.conditionalCausalTitle.text(l, names.name(mod.moderator), scale),
                      alignments: [.left, .decimal, .left, .decimal, .left, .decimal, .left],
                      headers: [[Cell(names.name(mod.moderator)), "ACME", Cell(UIText.intervalColumn.text(l)), "ADE",
                                 Cell(UIText.intervalColumn.text(l)), Cell(UIText.totalEffect.text(l)), Cell(UIText.intervalColumn.text(l))]])
        for (k, c) in mod.conditional.enumerated() {
            guard let e = c.causal else { continue }
            t.addRow([Cell(valueLabel(mod, k, options: o)), Cell(f(e.acme.estimate)), Cell(MediationTables.ci(e.acme.ci, d)),
                      Cell(f(e.ade.estimate)), Cell(MediationTables.ci(e.ade.ci, d)),
                      Cell(f(e.total.estimate)), Cell(MediationTables.ci(e.total.ci, d))])
        }
        t.notes = [UIText.conditionalCausalNote.text(l)]
        return t
    }
}
