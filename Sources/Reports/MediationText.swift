import Estimation
import Mediation
import SurveyData

/// Fixed wording of the mediation tables in English and Chinese (中介效应, 间接效应, 直接效应,
/// 总效应 …). The engine's own sentences (scale warnings, notes, dropped-row reasons, the causal
/// scale) are English; `MediationText` words them again in Chinese from the result's structure,
/// and passes any sentence it does not know through unchanged.
public enum MediationText {
    static func zh(_ l: Language, _ en: String, _ zh: String) -> String { l == .zh ? zh : en }

    /// "(age)" / "（age）".
    static func paren(_ s: String, _ l: Language) -> String { UIText.parenthesized.text(l, s) }

    /// The model's name: the option value (`ologit`) in English, as `mediate` always printed it;
    /// 有序Logit … in Chinese.
    static func model(_ k: ModelKind, _ l: Language) -> String {
        l == .zh ? ReportText.modelName(k, .zh) : k.rawValue
    }

    static func interval(_ i: BootstrapInterval, _ l: Language) -> String {
        switch i {
        case .percentile: return UIText.intervalPercentile.text(l)
        case .bc: return UIText.intervalBC.text(l)
        case .bca: return UIText.intervalBCa.text(l)
        }
    }

    static func causalInterval(_ i: CausalInterval, _ l: Language) -> String {
        switch (i, l) {
        case (_, .en): return i.rawValue
        case (.quasiBayesian, .zh): return UIText.causalQuasiBayesian.text(.zh)
        case (.bootstrap, .zh): return UIText.causalBootstrap.text(.zh)
        }
    }

    static func sensitivityMethod(_ method: String, _ l: Language) -> String {
        let known = [UIText.sensitivityAnalytic, UIText.sensitivityAnalyticLatent, UIText.sensitivitySimulation]
        return known.first { $0.en == method }?.text(l) ?? method
    }

    static func starsNote(_ l: Language) -> String {
        UIText.mediationStarsNote.text(l)
    }

    static func verdictRule(_ l: Language) -> String {
        UIText.verdictRule.text(l)
    }

    /// What the causal effects measure: the engine's wording in English (with labels when a
    /// labeler is given), and in Chinese.
    static func causalScale(_ c: CausalResult, y: String, names: Names) -> String {
        let l = names.language
        if l == .en && !names.labels { return c.scale }
        let label = names.name(y)
        switch c.outcomeModel {
        case .ols: return "E(\(label))"
        case .logit, .probit: return "Pr(\(label) = 1)"
        case .ologit, .oprobit, .gologit, .goprobit: return UIText.expectedCategory.text(l, label)
        }
    }

    /// A dropped-rows reason ("excluded by if", "missing age") in the table's language.
    static func droppedReason(_ reason: DropReason, names: Names) -> String {
        let l = names.language
        if case .missing(let variable) = reason, l == .zh || names.labels {
            return UIText.missingVariable.text(l, names.name(variable))
        }
        return reason.text(l)
    }

    /// The Baron–Kenny scale caveats (`BaronKenny.scaleWarnings`) in the table's language.
    static func scaleWarnings(_ m: MediatorAnalysis, outcome: ModelKind, names: Names) -> [String] {
        guard names.language == .zh else { return m.paths.warnings }
        let mk = m.mediatorModel, yk = outcome
        var w: [String] = []
        if mk != yk || mk != .ols {
            if mk != yk {
                w.append(UIText.scaleMixedModels.text(.zh, mk.rawValue, yk.rawValue))
            } else {
                w.append(UIText.scaleLatentProduct.text(.zh, yk.rawValue))
            }
        }
        if yk != .ols {
            w.append(UIText.scaleRescaled.text(.zh, yk.rawValue))
        }
        // Keep any caveat this version does not know, in the engine's words.
        let known = BaronKenny.scaleWarnings(mediatorModel: mk, outcomeModel: yk)
        return w + m.paths.warnings.filter { !known.contains($0) }
    }

    /// One of the engine's notes in the table's language (variables by their labels).
    static func note(_ note: MediationNote, result r: MediationResult, names: Names) -> String {
        switch note {
        case let .indirectShareMixesScales(mediator, share, mk, yk) where names.labels:
            return MediationNote.indirectShareMixesScales(mediator: names.name(mediator), share: share,
                                                          mediatorModel: mk, outcomeModel: yk).text(names.language)
        case let .causalContrastsZeroAndOne(x) where names.labels:
            return MediationNote.causalContrastsZeroAndOne(x: names.name(x)).text(names.language)
        default:
            return note.text(names.language)
        }
    }
}

/// How variables are named in the tables: their names (as `mediate` prints them by default),
/// or their codebook labels in the table's language.
struct Names {
    var language: Language
    var labeler: TermLabeler?
    var labels: Bool { labeler != nil }
    func name(_ variable: String) -> String { labeler?.variableLabel(variable) ?? variable }
}
