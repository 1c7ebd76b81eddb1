/// Which terms of a generalized ordered model (gologit/goprobit) keep one coefficient across the
/// equations — gologit2's `pl()`, `npl()` and `autofit` options. Names are design terms (`age`,
/// `educ=3`) or formula variables (every indicator of `i.educ`).
public enum ParallelLines: Sendable, Equatable, Hashable, Codable {
    /// `--pl`: these terms are constrained, the others vary.
    case constrained([String])
    /// `--npl`: only these terms vary, the others are constrained.
    case free([String])
    /// `--autofit [ALPHA]`: gologit2's stepwise procedure — starting from the unconstrained model,
    /// constrain the term whose Wald test of equal coefficients has the largest p while p > α.
    case autofit(alpha: Double)
}
