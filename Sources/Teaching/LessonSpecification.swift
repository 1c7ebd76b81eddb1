import Analysis
import Mediation
import Estimation
import SurveyData

/// The view a step shows: the explorer's own views, named in lesson files as `view: mediation`.
public typealias LessonView = ViewKind
/// The estimator sets of the explorer's Models view.
public typealias LessonEstimators = EstimatorSet
/// A cross-tabulation a step shows.
public typealias LessonCrosstab = CrosstabPair

/// Which mediation analyses a step runs (the Mediation view always shows Baron–Kenny).
public enum LessonMediationMethod: String, Sendable, CaseIterable, Codable {
    case bk, sobel, khb, causal, bootstrap

    var engineMethod: MediationMethod {
        switch self {
        case .bk: return .bk
        case .sobel: return .sobel
        case .khb: return .khb
        case .causal: return .causal
        case .bootstrap: return .bootstrap
        }
    }
}

/// Which marginal effects a step computes: averaged over the sample, at the means, or both.
public enum LessonMargins: String, Sendable, CaseIterable, Codable {
    case none, average, means, both
}

/// What a step sets: the analysis `Specification` the explorer and the engine share, plus what
/// only a lesson has (the view to show, the scales and numbers it talks about, the analyses it
/// runs beyond the screen's defaults, the baseline to pin). Fields of the analysis read and write
/// through (`spec.outcome`).
@dynamicMemberLookup
public struct LessonSpecification: Sendable, Equatable, Hashable {
    public var analysis: Specification
    public var view: LessonView
    /// Scale of the standardized columns (`bStdX`, as the paper's Models 3 and 7, or `bStdXY`,
    /// as Model 5); the handout may show several.
    public var standardizations: [String]
    /// Variables of the Describe view (all variables when empty).
    public var describe: [String]
    public var margins: LessonMargins
    /// Models whose marginal effects the step shows (`ologit`, `m`, `ym`…); empty = every
    /// non-OLS model.
    public var marginsModels: [String] = []
    public var mediation: [LessonMediationMethod]
    /// Simulations for the bootstrap and causal-mediation intervals (0 = point estimates only).
    public var simulations: Int
    /// Terms (`union`, `educ=3`, `cut1`) and mediation quantities (`acme`, `indirect`) whose
    /// numbers the step talks about: the screen highlights them.
    public var highlights: [String]
    /// 1-based number of an earlier step whose specification is pinned as the baseline.
    public var pinStep: Int?

    public init(analysis: Specification, view: LessonView = .models, standardizations: [String] = ["bStdX"],
                describe: [String] = [], margins: LessonMargins = .none, mediation: [LessonMediationMethod] = [],
                simulations: Int = 0, highlights: [String] = [], pinStep: Int? = nil) {
        self.analysis = analysis; self.view = view; self.standardizations = standardizations
        self.describe = describe; self.margins = margins; self.mediation = mediation
        self.simulations = simulations; self.highlights = highlights; self.pinStep = pinStep
    }

    public subscript<T>(dynamicMember keyPath: WritableKeyPath<Specification, T>) -> T {
        get { analysis[keyPath: keyPath] }
        set { analysis[keyPath: keyPath] = newValue }
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<Specification, T>) -> T {
        analysis[keyPath: keyPath]
    }

    /// What the analysis engine computes beyond the models for this step.
    public var request: AnalysisRequest {
        let mediation = self.mediation.isEmpty ? nil
            : MediationRequest(methods: Set([.bk] + self.mediation.map(\.engineMethod)), reps: simulations, seed: 1)
        return AnalysisRequest(margins: margins != .none, atMeans: margins == .means || margins == .both,
                               describe: describe.isEmpty ? nil : describe, mediation: mediation)
    }
}
