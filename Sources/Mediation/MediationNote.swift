import Foundation
import Estimation
import SurveyData

/// What the mediation suite has to say about an analysis (`MediationResult.diagnostics`), with its
/// English and Chinese wording. Code decides on the cases, never on the wording; the English text is
/// what JSON output, `description` and the Codable encoding show. `.other` holds wording from outside
/// (decoded JSON, hand-built results); equality compares the English text.
public enum MediationNote: Sendable, CustomStringConvertible {
    /// The published "indirect share" a·b / (a·b + c′) of `mediator` mixes the mediator model's scale
    /// (a) with the outcome model's (b, c′).
    case indirectShareMixesScales(mediator: String, share: Double, mediatorModel: ModelKind, outcomeModel: ModelKind)
    /// KHB was asked for with an OLS outcome.
    case khbNeedsNonlinearOutcome
    /// `x` is not 0/1: the causal effects contrast x = 0 with x = 1.
    case causalContrastsZeroAndOne(x: String)
    /// No ρ-sensitivity analysis for this mediator/outcome pair.
    case sensitivityNotCovered(mediatorModel: ModelKind, outcomeModel: ModelKind)
    /// The bootstrap resampled `units` PSUs within `strata` strata (Rao–Wu) or clusters.
    case designBootstrap(units: Int, strata: Int, clusters: String?)
    /// Strata with a single PSU keep their weight in every bootstrap replicate.
    case singlePSUStrataKept([String])
    /// The ρ-sensitivity curve is not computed with weights or a design (its formulas are unweighted).
    case sensitivityUnweightedOnly
    /// Under a survey design the causal intervals come from the design bootstrap.
    case causalIntervalsByDesignBootstrap
    /// gologit/goprobit outcome: Baron–Kenny per equation only; the listed methods were not run.
    case generalizedOrderedPathsOnly([String])
    /// Wording from outside (decoded, hand-built).
    case other(String)

    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case let .indirectShareMixesScales(mediator, share, mediatorModel, outcomeModel):
            let s = String(format: "%.3f", share)
            if zh {
                let instead = outcomeModel == .ols ? "因果中介比例（ACME / 总效应）"
                    : "KHB 的混杂百分比（c 与 c′ 在同一尺度上）和因果中介比例（ACME / 总效应）"
                return "\(mediator) 的间接效应占比 a·b / (a·b + c′) = \(s)：a 是 \(mediatorModel.rawValue) 系数，b 和 c′ 是 "
                    + "\(outcomeModel.rawValue) 系数，该占比混合了两个模型的尺度；\(instead)才是同尺度的比较"
            }
            let instead = outcomeModel == .ols ? "the causal proportion mediated (ACME / total effect)"
                : "KHB's confounding percentage (c and c′ on one scale) and the causal proportion mediated (ACME / total effect)"
            return "indirect share a·b / (a·b + c′) = \(s) for \(mediator): a is a \(mediatorModel.rawValue) coefficient, "
                + "b and c′ are \(outcomeModel.rawValue) coefficients, so the share mixes two models' scales; \(instead) compare like with like"
        case .khbNeedsNonlinearOutcome:
            return zh ? "KHB 适用于 logit、probit、ologit 和 oprobit 结果变量；ols 结果变量的 c − c′ 已等于间接效应"
                      : "KHB is for logit, probit, ologit and oprobit outcomes; with an ols outcome c − c′ already equals the indirect effect"
        case .causalContrastsZeroAndOne(let x):
            return zh ? "因果效应比较 \(x) = 0 与 \(x) = 1" : "causal effects compare \(x) = 0 with \(x) = 1"
        case let .sensitivityNotCovered(mediatorModel, outcomeModel):
            return zh ? "敏感性分析（ρ）适用于 ols/ols、ols/probit、ols/oprobit、probit/ols 和 probit/oprobit 的中介/结果模型（正态误差）；"
                        + "不适用于 \(mediatorModel.rawValue) 中介变量与 \(outcomeModel.rawValue) 结果变量"
                      : "sensitivity analysis (ρ) covers ols/ols, ols/probit, ols/oprobit, probit/ols and probit/oprobit mediator/outcome models "
                        + "(normal errors); not a \(mediatorModel.rawValue) mediator with a \(outcomeModel.rawValue) outcome"
        case let .designBootstrap(units, strata, clusters):
            if let clusters {
                return zh ? "自助法按聚类重抽样：\(units) 个 \(clusters) 聚类有放回抽取（聚类自助法）"
                          : "the bootstrap resamples clusters: \(units) clusters of \(clusters) drawn with replacement (cluster bootstrap)"
            }
            return zh ? "自助法在 \(strata) 个分层内重抽样 \(units) 个 PSU（Rao–Wu 重标度自助法，m_h = n_h − 1，如 R 的 subbootstrap）并重新加权"
                      : "the bootstrap resamples \(units) PSUs within \(strata) strata (Rao–Wu rescaling bootstrap, m_h = n_h − 1, as R's subbootstrap) and reweights"
        case .singlePSUStrataKept(let strata):
            return zh ? "只有一个 PSU 的分层（\(strata.joined(separator: "、"))）在每次自助重复中保持原权重，不贡献方差"
                      : "strata with a single PSU (\(strata.joined(separator: ", "))) keep their weights in every bootstrap replicate and add no variance"
        case .sensitivityUnweightedOnly:
            return zh ? "有权重或调查设计时不计算敏感性分析（ρ）：其公式未加权"
                      : "the sensitivity analysis (ρ) is not computed with weights or a survey design: its formulas are unweighted"
        case .causalIntervalsByDesignBootstrap:
            return zh ? "调查设计下因果中介的点估计按设计加权，区间来自设计自助法"
                      : "under the survey design the causal effects are weighted and their intervals come from the design bootstrap"
        case .generalizedOrderedPathsOnly(let skipped):
            let rule = zh ? "gologit/goprobit 结果模型：b 与 c′ 按方程（y > c_j）报告，判定在每个方程上分别进行（共用 a），总判定取最弱者（无 < 部分 < 完全）"
                          : "gologit/goprobit outcome: b and c′ are reported per equation (y > c_j) and the verdict is assessed on each equation (with the common a); the overall verdict is the weakest of them (none < partial < full)"
            guard !skipped.isEmpty else { return rule }
            let list = skipped.joined(separator: ", ")
            return rule + (zh ? "；\(list) 在 gologit/goprobit 下尚未实现，未运行" : "; \(list) not yet available under gologit/goprobit, not run")
        case .other(let text):
            return text
        }
    }

    public var description: String { text(.en) }
}

extension MediationNote: Hashable, Codable {
    public static func == (a: Self, b: Self) -> Bool { a.text(.en) == b.text(.en) }
    public func hash(into hasher: inout Hasher) { hasher.combine(text(.en)) }
    public init(from decoder: Decoder) throws { self = .other(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(text(.en)) }
}
