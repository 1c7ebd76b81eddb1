import Estimation

/// What an ordered-logit column says about its own parallel-lines assumption (issue 15): SPost's
/// Brant test, omnibus p and the design terms whose own test rejects at 5 %, or why the test is
/// not available. Computed once here from the fit (the engine asks ologit fits for the Brant test)
/// so the Models view, its exports and lesson steps word the same verdict.
public struct ParallelLinesCheck: Sendable, Equatable {
    /// Why no Brant p is given.
    public enum Unavailable: Sendable, Equatable {
        /// A 0/1 term or a factor's base level has no observations on one side of a split (SPost
        /// needs every regressor in every binary logit): the terms named.
        case emptySplit(terms: [String])
        /// A two-category outcome: nothing to test.
        case twoCategories
        /// Sampling weights: the binary logits' model-based covariance is not defined.
        case samplingWeights
        /// A survey design (linearized variance): the Brant test is model-based, not built for it.
        case surveyDesign
        /// Fewer than two estimable binary logits or a singular joint covariance.
        case notComputable
    }

    /// The level at which a term's own Brant test marks it (`†`).
    public static let level = 0.05

    /// Omnibus Brant test p; nil with `unavailable`.
    public var p: Double?
    public var unavailable: Unavailable?
    /// Design terms (`union`, `educ=3`) whose Brant test has p < `level`, in the fit's order.
    public var violating: [String]

    public init(p: Double?, unavailable: Unavailable?, violating: [String]) {
        self.p = p; self.unavailable = unavailable; self.violating = violating
    }

    /// The check of an ologit fit (nil for every other model).
    public init?(_ result: ModelResult) {
        guard result.model == .ologit else { return nil }
        if let brant = result.brant {
            self.init(p: brant.p, unavailable: nil,
                      violating: brant.terms.filter { $0.p < Self.level }.map(\.term))
            return
        }
        var empty: [String] = []
        var reason = Unavailable.notComputable
        for note in result.diagnostics {
            guard case .ordered(let o) = note else { continue }
            switch o {
            case .predictsSplitPerfectly(let term, _): if !empty.contains(term) { empty.append(term) }
            case .brantNeedsThreeCategories: reason = .twoCategories
            case .testNotDefinedWithSampling: reason = result.survey == nil ? .samplingWeights : .surveyDesign
            default: break
            }
        }
        self.init(p: nil, unavailable: empty.isEmpty ? reason : .emptySplit(terms: empty), violating: [])
    }
}

/// The Analysis layer's condensed reading of a fit's parallel-lines notes for a model column:
/// autofit's one note per constrained term becomes one line, and the Brant test's one note per
/// term and split (with its "cannot be computed") becomes one line naming the terms (the full
/// notes stay in `fit`).
public enum ParallelLinesColumnNotes {
    public static func condensed(_ result: ModelResult) -> ModelResult {
        var out = result
        if result.model == .ologit, result.brant == nil {
            var terms: [String] = []
            out.diagnostics = result.diagnostics.filter {
                guard case .ordered(let o) = $0 else { return true }
                switch o {
                case .predictsSplitPerfectly(let term, _):
                    if !terms.contains(term) { terms.append(term) }
                    return false
                case .brantNotComputable: return terms.isEmpty
                default: return true
                }
            }
            if !terms.isEmpty { out.diagnostics.append(.ordered(.brantEmptySplits(terms: terms))) }
        }
        guard result.model.isGeneralizedOrdered, case .autofit(let alpha)? = result.spec.parallelLines else { return out }
        var steps = 0
        out.diagnostics = out.diagnostics.filter {
            if case .ordered(.autofitConstrained) = $0 { steps += 1; return false }
            return true
        }
        let designTerms = Set(result.coefficients.filter { $0.term != "_cons" }.map(\.term)).count
        out.diagnostics.insert(.ordered(.autofitSummary(constrained: result.constrained?.count ?? steps,
                                                        terms: designTerms, alpha: alpha)), at: 0)
        return out
    }
}

extension FitOptions {
    /// Every ologit the engine fits carries SPost's Brant test (a few milliseconds on top of the
    /// fit), so its column can say whether its parallel-lines assumption holds.
    func checkingParallelLines(_ spec: ModelSpec) -> FitOptions {
        var options = self
        options.brant = spec.kind == .ologit
        return options
    }
}
