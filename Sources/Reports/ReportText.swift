import Estimation
import SurveyData

/// Fixed wording of report tables in English and Chinese. Only characters of unambiguous width
/// (no ± × ² σ): these strings end up in aligned columns.
public enum ReportText {
    public static func modelName(_ kind: ModelKind, _ language: Language) -> String {
        switch (kind, language) {
        case (.ols, _): return "OLS"
        case (.logit, _): return "Logit"
        case (.probit, _): return "Probit"
        case (.ologit, .en): return "Ordered logit"
        case (.ologit, .zh): return "有序Logit"
        case (.oprobit, .en): return "Ordered probit"
        case (.oprobit, .zh): return "有序Probit"
        case (.gologit, .en): return "Generalized ordered logit"
        case (.gologit, .zh): return "广义有序Logit"
        case (.goprobit, .en): return "Generalized ordered probit"
        case (.goprobit, .zh): return "广义有序Probit"
        }
    }

    public static func constant(_ l: Language) -> String { l == .zh ? "常数项" : "Constant" }
    public static func cutpoint(_ k: String, _ l: Language) -> String { l == .zh ? "阈值点 \(k)" : "Cutpoint \(k)" }
    public static func observations(_ l: Language) -> String { l == .zh ? "样本量" : "Observations" }
    public static func r2(_ l: Language) -> String { "R2" }
    public static func adjR2(_ l: Language) -> String { l == .zh ? "调整R2" : "Adjusted R2" }
    public static func pseudoR2(_ l: Language) -> String { l == .zh ? "伪R2" : "Pseudo R2" }
    public static func logLikelihood(_ l: Language) -> String { l == .zh ? "对数似然值" : "Log likelihood" }
    public static func lrChi2(_ l: Language) -> String { l == .zh ? "LR卡方" : "LR chi2" }
    public static func fStatistic(_ l: Language) -> String { l == .zh ? "F值" : "F" }
    public static func aic(_ l: Language) -> String { "AIC" }
    public static func bic(_ l: Language) -> String { "BIC" }
    public static func omittedCell(_ l: Language) -> String { l == .zh ? "（省略）" : "(omitted)" }
    public static func reference(_ base: String, _ l: Language) -> String {
        l == .zh ? "（参照组：\(base)）" : " (ref.: \(base))"
    }

    public static func starsNote(_ l: Language) -> String {
        l == .zh ? "***、**、* 分别表示在 1%、5% 和 10% 的水平上显著。"
                 : "* p<0.1, ** p<0.05, *** p<0.01"
    }

    /// Which statistic the parentheses hold.
    public static func parenNote(_ paren: ParenStatistic, kinds: [ModelKind], _ l: Language) -> String {
        if paren == .se { return l == .zh ? "括号中数据为标准误。" : "Standard errors in parentheses." }
        if paren == .ci { return l == .zh ? "括号中数据为95%置信区间。" : "95% confidence intervals in brackets." }
        let hasT = kinds.contains(.ols), hasZ = kinds.contains { $0 != .ols }
        let stat = hasT && hasZ ? (l == .zh ? "t值（OLS）或z值" : "t statistics (OLS) or z statistics")
                 : hasT ? (l == .zh ? "t值" : "t statistics") : (l == .zh ? "z值" : "z statistics")
        return l == .zh ? "括号中数据为\(stat)。" : "\(stat) in parentheses."
    }

    public static func scaleName(_ scale: CoefficientScale, _ l: Language) -> String? {
        switch (scale, l) {
        case (.raw, _): return nil
        case (.bStdX, .en): return "x-standardized"
        case (.bStdX, .zh): return "X标准化"
        case (.bStdY, .en): return "y-standardized"
        case (.bStdY, .zh): return "Y标准化"
        case (.bStdXY, .en): return "fully standardized"
        case (.bStdXY, .zh): return "完全标准化"
        }
    }

    public static func omittedNote(term: String, reason: OmitReason, _ l: Language) -> String {
        l == .zh ? "\(term) 被省略（\(reason.text(l))）" : "\(term) omitted (\(reason.text(l)))"
    }

    public static func droppedNote(count: Int, reason: DropReason, _ l: Language) -> String {
        l == .zh ? "剔除 \(count) 个观测（\(reason.text(l))）" : "\(count) observations dropped (\(reason.text(l)))"
    }

    public static func varianceNote(_ vce: VarianceType, _ l: Language) -> String? {
        switch (vce, l) {
        case (.oim, _): return nil
        case (.robust, .en): return "robust (Huber-White) standard errors"
        case (.robust, .zh): return "稳健标准误"
        case (.cluster(let v), .en): return "standard errors clustered by \(v)"
        case (.cluster(let v), .zh): return "按 \(v) 聚类的标准误"
        }
    }

    public static func weightsNote(_ w: Weighting, _ l: Language) -> String? {
        switch (w, l) {
        case (.none, _): return nil
        case (.frequency(let v), .en): return "frequency weights: \(v)"
        case (.frequency(let v), .zh): return "频数权重：\(v)"
        case (.sampling(let v), .en): return "sampling weights: \(v)"
        case (.sampling(let v), .zh): return "抽样权重：\(v)"
        }
    }

    /// "(2), (3): text" — a note that applies to some columns of a table.
    public static func columnNote(_ columns: [String], _ text: String, _ l: Language) -> String {
        columns.joined(separator: l == .zh ? "、" : ", ") + (l == .zh ? "：" : ": ") + text
    }

    /// Separator between a variable label and a value label ("Education: tertiary").
    public static func labelSeparator(_ l: Language) -> String { l == .zh ? "：" : ": " }

    public static func marginsAt(_ at: MarginalEffect.At, _ l: Language) -> String {
        switch (at, l) {
        case (.average, .en): return "Average marginal effects"
        case (.average, .zh): return "平均边际效应"
        case (.means, .en): return "Marginal effects at means"
        case (.means, .zh): return "均值处的边际效应"
        }
    }

    public static func seNote(_ l: Language) -> String {
        l == .zh ? "括号中数据为标准误（delta方法）。" : "Delta-method standard errors in parentheses."
    }
}
