import Estimation
import SurveyData

/// Fixed wording of report tables in English and Chinese, by what it names (a model kind, a
/// variance type, a statistic); the words themselves are in the string table
/// (`Reports/Strings/ReportPhrases.swift`). Only characters of unambiguous width (no ± × ² σ):
/// these strings end up in aligned columns.
public enum ReportText {
    public static func modelName(_ kind: ModelKind, _ language: Language) -> String {
        switch kind {
        case .ols: return UIText.modelOLS.text(language)
        case .logit: return UIText.modelLogit.text(language)
        case .probit: return UIText.modelProbit.text(language)
        case .ologit: return UIText.modelOrderedLogit.text(language)
        case .oprobit: return UIText.modelOrderedProbit.text(language)
        case .gologit: return UIText.modelGeneralizedOrderedLogit.text(language)
        case .goprobit: return UIText.modelGeneralizedOrderedProbit.text(language)
        }
    }

    public static func constant(_ l: Language) -> String { UIText.constantTerm.text(l) }
    public static func cutpoint(_ k: String, _ l: Language) -> String { UIText.cutpointTerm.text(l, k) }
    public static func observations(_ l: Language) -> String { UIText.observationsStat.text(l) }
    public static func r2(_ l: Language) -> String { UIText.r2Stat.text(l) }
    public static func adjR2(_ l: Language) -> String { UIText.adjR2Stat.text(l) }
    public static func pseudoR2(_ l: Language) -> String { UIText.pseudoR2Stat.text(l) }
    public static func logLikelihood(_ l: Language) -> String { UIText.logLikelihoodStat.text(l) }
    public static func lrChi2(_ l: Language) -> String { UIText.lrChi2Stat.text(l) }
    public static func fStatistic(_ l: Language) -> String { UIText.fStat.text(l) }
    public static func aic(_ l: Language) -> String { UIText.aicStat.text(l) }
    public static func bic(_ l: Language) -> String { UIText.bicStat.text(l) }
    public static func omittedCell(_ l: Language) -> String { UIText.omittedCell.text(l) }
    public static func reference(_ base: String, _ l: Language) -> String { UIText.referenceCategory.text(l, base) }

    public static func starsNote(_ l: Language) -> String { UIText.starsNote.text(l) }

    /// Which statistic the parentheses hold.
    public static func parenNote(_ paren: ParenStatistic, kinds: [ModelKind], _ l: Language) -> String {
        if paren == .se { return UIText.seInParentheses.text(l) }
        if paren == .ci { return UIText.ciInBrackets.text(l) }
        let hasT = kinds.contains(.ols), hasZ = kinds.contains { $0 != .ols }
        let stat = hasT && hasZ ? UIText.tOrZStatistics : hasT ? UIText.tStatistics : UIText.zStatistics
        return UIText.statInParentheses.text(l, stat.text(l))
    }

    public static func scaleName(_ scale: CoefficientScale, _ l: Language) -> String? {
        switch scale {
        case .raw: return nil
        case .bStdX: return UIText.scaleStdX.text(l)
        case .bStdY: return UIText.scaleStdY.text(l)
        case .bStdXY: return UIText.scaleStdXY.text(l)
        }
    }

    public static func omittedNote(term: String, reason: OmitReason, _ l: Language) -> String {
        UIText.omittedNote.text(l, term, reason.text(l))
    }

    public static func droppedNote(count: Int, reason: DropReason, _ l: Language) -> String {
        UIText.droppedNote.text(l, count, reason.text(l))
    }

    public static func varianceNote(_ vce: VarianceType, _ l: Language) -> String? {
        switch vce {
        case .oim: return nil
        case .robust: return UIText.robustNote.text(l)
        case .cluster(let v): return UIText.clusterNote.text(l, v)
        }
    }

    public static func weightsNote(_ w: Weighting, _ l: Language) -> String? {
        switch w {
        case .none: return nil
        case .frequency(let v): return UIText.frequencyWeightsNote.text(l, v)
        case .sampling(let v): return UIText.samplingWeightsNote.text(l, v)
        }
    }

    /// "(2), (3): text" — a note that applies to some columns of a table.
    public static func columnNote(_ columns: [String], _ text: String, _ l: Language) -> String {
        columns.joined(separator: UIText.enumerationSeparator.text(l)) + labelSeparator(l) + text
    }

    /// Separator between a variable label and a value label ("Education: tertiary").
    public static func labelSeparator(_ l: Language) -> String { UIText.labelSeparator.text(l) }

    public static func marginsAt(_ at: MarginalEffect.At, _ l: Language) -> String {
        switch at {
        case .average: return UIText.averageMarginalEffects.text(l)
        case .means: return UIText.marginalEffectsAtMeans.text(l)
        }
    }

    public static func seNote(_ l: Language) -> String { UIText.deltaMethodNote.text(l) }
}
