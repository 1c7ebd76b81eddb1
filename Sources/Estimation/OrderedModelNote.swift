import Foundation
import SurveyData

/// What the parallel-lines tests and the generalized ordered models say about a fit
/// (`EstimationNote.ordered`), English and Chinese together.
public enum OrderedModelNote: Sendable, Hashable {
    /// The binary logit of y > `split` did not converge (e.g. a regressor separates that split):
    /// the Brant test uses the other splits.
    case brantSplitNotEstimable(split: String)
    /// A 0/1 term predicts the split y > `split` perfectly (no observations on one side of it).
    case predictsSplitPerfectly(term: String, split: String)
    /// autofit: such a term starts constrained.
    case autofitStartsConstrained(term: String)
    /// Fewer than two estimable splits, or a singular joint covariance.
    case brantNotComputable
    /// Sampling weights (Brant, LR) or a robust/cluster variance (LR): the test is not defined.
    case testNotDefinedWithSampling
    /// A two-category outcome has nothing to test.
    case brantNeedsThreeCategories
    /// The unconstrained generalized model (for `--lr-parallel`) did not converge.
    case generalizedNotConverged
    /// autofit constrained `term` (Wald test of equal coefficients, p).
    case autofitConstrained(term: String, p: Double)
    /// gologit2's warning: cases with a negative predicted probability.
    case negativeProbabilities(cases: Int)
    /// autofit's steps in one line (the explorer's model column): `constrained` of `terms`
    /// design terms keep one coefficient.
    case autofitSummary(constrained: Int, terms: Int, alpha: Double)
    /// The Brant test's refusal in one line (the explorer's model column): these terms (0/1 terms,
    /// factor base levels) have no observations on one side of some split.
    case brantEmptySplits(terms: [String])

    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .brantSplitNotEstimable(let split):
            return zh ? "y > \(split) 的二元 logit 无法估计（未收敛）；Brant 检验使用其余的分割"
                      : "the binary logit of y > \(split) is not estimable (did not converge); the Brant test uses the other splits"
        case let .predictsSplitPerfectly(term, split):
            return zh ? "\(term) 完全预测 y > \(split) 的二元分割（分割一侧无观测）"
                      : "\(term) predicts the split y > \(split) perfectly (no observations on one side of the split)"
        case .autofitStartsConstrained(let term):
            return zh ? "autofit：\(term) 完全预测某个分割，从一开始施加平行线约束"
                      : "autofit: \(term) predicts a split perfectly and is constrained from the start"
        case .brantNotComputable:
            return zh ? "Brant 检验无法计算（可估计的二元 logit 少于两个或协方差矩阵奇异）"
                      : "the Brant test cannot be computed (fewer than two estimable binary logits or a singular covariance)"
        case .testNotDefinedWithSampling:
            return zh ? "平行线检验需要模型方差且不能使用抽样权重；未计算"
                      : "the parallel-lines tests need the model-based variance and no sampling weights; not computed"
        case .brantNeedsThreeCategories:
            return zh ? "结果只有两个类别：平行线假设无需检验" : "the outcome has two categories: there is no parallel-lines assumption to test"
        case .generalizedNotConverged:
            return zh ? "无约束的广义有序模型未收敛；不报告平行线似然比检验"
                      : "the unconstrained generalized ordered model did not converge; no likelihood-ratio test of parallel lines"
        case let .autofitConstrained(term, p):
            let text = String(format: "%.4f", p)
            return zh ? "autofit：\(term) 施加平行线约束（Wald 检验 p = \(text)）"
                      : "autofit: parallel-lines constraint imposed for \(term) (Wald test p = \(text))"
        case let .autofitSummary(constrained, terms, alpha):
            let a = String(format: "%g", alpha)
            return zh ? "autofit（α = \(a)）：\(terms) 项中 \(constrained) 项施加平行线约束，其余项各方程系数不同"
                      : "autofit (α = \(a)): parallel-lines constraint imposed for \(constrained) of \(terms) terms; the others vary by equation"
        case .brantEmptySplits(let terms):
            let list = terms.joined(separator: ", ")
            return zh ? "Brant 检验无法计算：\(list) 在结果的某个二元分割一侧没有观测（SPost 要求每个二元 logit 都保留全部项）"
                      : "Brant test not computable: \(list) have no observations on one side of some split of the outcome (SPost needs every term in every binary logit)"
        case .negativeProbabilities(let cases):
            return zh ? "警告：\(cases) 个样本内观测有某一结果的预测概率小于 0"
                      : "WARNING: \(cases) in-sample cases have an outcome with a predicted probability that is less than 0"
        }
    }
}
