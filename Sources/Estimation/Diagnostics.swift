import Foundation
import SurveyData

// Why rows were dropped, why terms were omitted, and what estimation has to say about a fit — as
// values, each with its English and Chinese wording in one place (`text(_:)`). Code decides on the
// cases, never on the wording. The English text is what JSON output and `description` show, and
// what the Codable encodings hold (one string, as before the types existed).
//
// Every enum has `.other(String)`: wording that comes from outside (a decoded JSON value, a result
// built by hand). Equality and hashing compare the English text, so `.other("collinear")` equals
// `.collinear`; nothing ever looks inside `.other` to recover a case.

/// What a perfectly predicting regressor predicts in a binary model.
public enum PredictedOutcome: String, Sendable, Hashable, CaseIterable {
    case success, failure

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.success, .en): return "success"
        case (.failure, .en): return "failure"
        case (.success, .zh): return "成功"
        case (.failure, .zh): return "失败"
        }
    }
}

/// Why rows were left out before estimation (`DroppedRows.reason`).
public enum DropReason: Sendable, CustomStringConvertible {
    /// Not selected by the `if` condition.
    case excludedByIf
    /// Listwise deletion: the first variable found missing in the row (NaN or a user-missing code).
    case missing(variable: String)
    /// A weight of zero.
    case zeroWeight
    /// Stata's perfect prediction: the rows where the 0/1 regressor `term` is nonzero all have
    /// the same binary outcome.
    case predictsPerfectly(term: String, outcome: PredictedOutcome)
    /// Outside the subpopulation (`--subpop`): kept in the design for the variance, not estimated on.
    case outsideSubpopulation
    /// Wording from outside (decoded, hand-built).
    case other(String)

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.outsideSubpopulation, .en): return "outside the subpopulation"
        case (.outsideSubpopulation, .zh): return "不在子总体内"
        case (.excludedByIf, .en): return "excluded by if"
        case (.excludedByIf, .zh): return "不满足 if 条件"
        case (.missing(let v), .en): return "missing \(v)"
        case (.missing(let v), .zh): return "\(v) 缺失"
        case (.zeroWeight, .en): return "zero weight"
        case (.zeroWeight, .zh): return "权重为零"
        case (.predictsPerfectly(let term, let outcome), .en): return "\(term) != 0 predicts \(outcome.text(.en)) perfectly"
        case (.predictsPerfectly(let term, let outcome), .zh): return "\(term) != 0 完全预测\(outcome.text(.zh))"
        case (.other(let text), _): return text
        }
    }

    public var description: String { text(.en) }
}

/// Why a term of the formula has no coefficient (`OmittedTerm.reason`).
public enum OmitReason: Sendable, CustomStringConvertible {
    /// A linear combination of earlier terms (Stata's "omitted because of collinearity").
    case collinear
    /// A factor level with no observations in the estimation sample.
    case empty
    /// A 0/1 regressor whose nonzero value predicts the binary outcome perfectly (dropped with its rows).
    case predictsPerfectly(PredictedOutcome)
    /// Wording from outside (decoded, hand-built).
    case other(String)

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.collinear, .en): return "collinear"
        case (.collinear, .zh): return "共线"
        case (.empty, .en): return "empty"
        case (.empty, .zh): return "无观测"
        case (.predictsPerfectly(let outcome), .en): return "predicts \(outcome.text(.en)) perfectly"
        case (.predictsPerfectly(let outcome), .zh): return "完全预测\(outcome.text(.zh))"
        case (.other(let text), _): return text
        }
    }

    public var description: String { text(.en) }
}

/// What estimation has to say about a fit, Stata-style (`ModelResult.diagnostics`).
public enum EstimationNote: Sendable, CustomStringConvertible {
    /// Sampling weights with the default variance: robust standard errors are used.
    case samplingWeightsImplyRobust
    /// `term` was dropped with its `count` rows by the perfect-prediction check.
    case perfectPrediction(term: String, outcome: PredictedOutcome, count: Int)
    /// The rows where 0/1 regressor `term` is zero (`count` of them) all have one outcome: kept, as
    /// Stata keeps them (quasi-complete separation), and named.
    case perfectPredictionAtZero(term: String, outcome: PredictedOutcome, count: Int)
    /// `term` was omitted because of collinearity.
    case collinear(term: String)
    /// Newton–Raphson found no usable direction.
    case informationNotInvertible
    /// Newton–Raphson stopped at the iteration limit.
    case iterationLimit(iterations: Int, scaledGradient: Double)
    /// Step-halving could not improve the log-likelihood.
    case noImprovingStep
    /// Every observation is predicted with certainty.
    case completeSeparation
    /// Binary model: some observations predicted with certainty.
    case quasiSeparation(failures: Int, successes: Int)
    /// Ordered model: some observations predicted with certainty.
    case quasiSeparationOrdered(observations: Int)
    /// The estimates are those of the last iteration.
    case notConverged
    /// `term` appeared `repeats` more times in the formula; it is kept once.
    case repeatedTerm(term: String, repeats: Int)
    /// Parallel-lines tests and generalized ordered models (OrderedModelNote.swift).
    case ordered(OrderedModelNote)
    /// Linearized variance: the listed strata hold one PSU each; with `singleunit=missing` the
    /// standard errors are missing (Stata's "missing standard error because of stratum with single
    /// sampling unit"), with another rule the note says which rule handled them.
    case singleUnitStrata(strata: [String], variable: String?, rule: SingleUnitRule)
    /// An `if` condition with a survey design: the design is what the condition leaves (Stata
    /// warns the same); `--subpop` keeps the full design for the variance.
    case ifChangesDesign
    /// An interaction cell with no observations in the estimation sample (Stata's "(empty)").
    case emptyCell(term: String)
    /// Wording from outside (decoded, hand-built).
    case other(String)

    /// The term whose omission the note words (that omission is also in `ModelResult.omitted`).
    public var omittedTerm: String? {
        switch self {
        case .collinear(let term), .perfectPrediction(let term, _, _): return term
        default: return nil
        }
    }

    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .samplingWeightsImplyRobust:
            return zh ? "抽样权重意味着使用稳健（Huber–White）标准误" : "sampling weights imply robust (Huber–White) standard errors"
        case let .perfectPrediction(term, outcome, count):
            return zh ? "\(term) != 0 完全预测\(outcome.text(.zh))；已删除 \(term)，\(count) 个观测未使用"
                      : "\(term) != 0 predicts \(outcome.text(.en)) perfectly; \(term) dropped and \(count) obs not used"
        case let .perfectPredictionAtZero(term, outcome, count):
            return zh ? "\(term) == 0 完全预测\(outcome.text(.zh))（\(count) 个观测）：\(term) 的系数趋于无穷，其 z 与 p 不可信（准完全分离）"
                      : "\(term) == 0 predicts \(outcome.text(.en)) perfectly (\(count) obs): the coefficient of \(term) runs off and its z and p mean nothing (quasi-complete separation)"
        case .collinear(let term):
            return zh ? "\(term) 因共线被省略" : "\(term) omitted because of collinearity"
        case .informationNotInvertible:
            return zh ? "信息矩阵不可逆；估计结果不可靠" : "the information matrix is not invertible; estimates are not reliable"
        case let .iterationLimit(iterations, scaled):
            let g = String(format: "%.3g", scaled)
            return zh ? "迭代 \(iterations) 次后仍未收敛（标度梯度 \(g)）"
                      : "convergence not achieved after \(iterations) iterations (scaled gradient \(g))"
        case .noImprovingStep:
            return zh ? "对数似然值无法改进（步长减半 60 次）；未收敛"
                      : "the log-likelihood could not be improved (backed up 60 times); convergence not achieved"
        case .completeSeparation:
            return zh ? "回归变量完全预测结果（完全分离）；系数不是有限值，模型无法估计"
                      : "the regressors predict the outcome perfectly (complete separation); the coefficients are not finite and the model cannot be estimated"
        case let .quasiSeparation(failures, successes):
            return zh ? "\(failures) 个失败和 \(successes) 个成功被完全确定（准完全分离：某个回归变量几乎分离了结果）"
                      : "\(failures) failures and \(successes) successes completely determined (quasi-complete separation: a regressor nearly separates the outcome)"
        case .quasiSeparationOrdered(let observations):
            return zh ? "\(observations) 个观测被完全确定（准完全分离：某个回归变量几乎分离了结果类别）"
                      : "\(observations) observations completely determined (quasi-complete separation: a regressor nearly separates the outcome categories)"
        case .notConverged:
            return zh ? "估计未收敛；结果来自最后一次迭代" : "estimates did not converge; results are from the last iteration"
        case let .repeatedTerm(term, repeats):
            return zh ? "\(term) 在公式中重复了 \(repeats) 次；只保留一次"
                      : "\(term) is repeated \(repeats) time\(repeats == 1 ? "" : "s") in the formula; kept once"
        case .ordered(let note):
            return note.text(language)
        case .ifChangesDesign:
            return zh ? "if 条件改变了调查设计（只保留所选行的 PSU）；要保留完整设计计算方差，请用 --subpop"
                      : "if changes the design (only the selected rows' PSUs remain); use --subpop to keep the full design for the variance"
        case let .singleUnitStrata(strata, variable, rule):
            let named = strata.map { code in variable.map { "\($0) = \(code)" } ?? code }.joined(separator: ", ")
            switch rule {
            case .missing:
                return zh ? "标准误缺失：分层 \(named) 只有一个抽样单位（singleunit=missing；可改用 certainty、scaled 或 centered）"
                          : "missing standard errors because of stratum with single sampling unit: \(named) (singleunit=missing; use certainty, scaled or centered)"
            case .certainty, .scaled, .centered:
                return zh ? "分层 \(named) 只有一个抽样单位，按 singleunit=\(rule.rawValue) 处理"
                          : "stratum with single sampling unit \(named) handled by singleunit=\(rule.rawValue)"
            }
        case .emptyCell(let term):
            return zh ? "\(term) 在估计样本中无观测，已省略" : "\(term) omitted because it has no observations in the estimation sample (empty cell)"
        case .other(let text):
            return text
        }
    }

    public var description: String { text(.en) }
}

// Equal when they say the same (see the top of the file); encoded as their English text.
extension DropReason: Hashable, Codable {
    public static func == (a: Self, b: Self) -> Bool { a.text(.en) == b.text(.en) }
    public func hash(into hasher: inout Hasher) { hasher.combine(text(.en)) }
    public init(from decoder: Decoder) throws { self = .other(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(text(.en)) }
}

extension OmitReason: Hashable, Codable {
    public static func == (a: Self, b: Self) -> Bool { a.text(.en) == b.text(.en) }
    public func hash(into hasher: inout Hasher) { hasher.combine(text(.en)) }
    public init(from decoder: Decoder) throws { self = .other(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(text(.en)) }
}

extension EstimationNote: Hashable, Codable {
    public static func == (a: Self, b: Self) -> Bool { a.text(.en) == b.text(.en) }
    public func hash(into hasher: inout Hasher) { hasher.combine(text(.en)) }
    public init(from decoder: Decoder) throws { self = .other(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(text(.en)) }
}
