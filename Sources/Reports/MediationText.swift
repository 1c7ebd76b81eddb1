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
    static func paren(_ s: String, _ l: Language) -> String { l == .zh ? "（\(s)）" : " (\(s))" }

    /// The model's name: the option value (`ologit`) in English, as `mediate` always printed it;
    /// 有序Logit … in Chinese.
    static func model(_ k: ModelKind, _ l: Language) -> String {
        l == .zh ? ReportText.modelName(k, .zh) : k.rawValue
    }

    static func interval(_ i: BootstrapInterval, _ l: Language) -> String {
        switch (i, l) {
        case (.percentile, .en): return "percentile"
        case (.percentile, .zh): return "百分位"
        case (.bc, _): return "BC"
        case (.bca, _): return "BCa"
        }
    }

    static func causalInterval(_ i: CausalInterval, _ l: Language) -> String {
        switch (i, l) {
        case (.quasiBayesian, .en): return i.rawValue
        case (.quasiBayesian, .zh): return "准贝叶斯"
        case (.bootstrap, .en): return i.rawValue
        case (.bootstrap, .zh): return "自助法"
        }
    }

    static func sensitivityMethod(_ method: String, _ l: Language) -> String {
        guard l == .zh else { return method }
        switch method {
        case "analytic": return "解析法"
        case "analytic (latent normal errors)": return "解析法（潜变量正态误差）"
        case "simulation": return "模拟法"
        default: return method
        }
    }

    static func starsNote(_ l: Language) -> String {
        l == .zh ? ReportText.starsNote(.zh) : "*** p < .01, ** p < .05, * p < .1"
    }

    static func verdictRule(_ l: Language) -> String {
        zh(l, "Verdict: a and b significant → partial if c′ is significant, full if not; otherwise none.",
           "结论：a 与 b 均显著时，c′ 显著为部分中介，c′ 不显著为完全中介；否则无中介效应。")
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
        case .ologit, .oprobit, .gologit, .goprobit: return zh(l, "E(\(label)) (expected category code)", "E(\(label))（期望等级代码）")
        }
    }

    /// A dropped-rows reason ("excluded by if", "missing age") in the table's language.
    static func droppedReason(_ reason: DropReason, names: Names) -> String {
        let l = names.language
        if case .missing(let variable) = reason, l == .zh || names.labels {
            return zh(l, "missing ", "缺失 ") + names.name(variable)
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
                w.append("a 是 \(mk.rawValue) 系数，b 和 c′ 是 \(yk.rawValue) 系数：a·b 及各比例混合了不同模型的尺度（参见 y* 标准化的间接效应和因果中介估计）")
            } else {
                w.append("a·b 是两个 \(yk.rawValue) 模型系数之积，两者各在自己的潜变量尺度上（参见 y* 标准化的间接效应）")
            }
        }
        if yk != .ols {
            w.append("c 与 c′ 来自两个不同的 \(yk.rawValue) 模型，潜变量尺度不同（重标度）：c − c′ 不是间接效应（参见 KHB）")
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
