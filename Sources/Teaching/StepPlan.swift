import Analysis
import Estimation
import SurveyData

/// One model a step fits, named as placeholders refer to it: the outcome models by estimator
/// (`ols`, `ologit`, `oprobit`, `logit`, `probit`), `m` (the mediator model) and `ym` (the
/// outcome model with the mediator added) — the explorer's Models view columns.
public struct PlannedFit: Sendable, Equatable, Hashable {
    public var id: String
    public var title: String
    public var spec: ModelSpec
}

/// A step's models are the analysis layer's lineup (`ModelLineup`), so the lesson and the screen
/// fit the same models. Steps quote unstandardized coefficients; the standardized columns are
/// the same fits.
enum StepPlan {
    static func fits(_ spec: LessonSpecification, dataset: Dataset) -> [PlannedFit] {
        ModelLineup.plan(spec.analysis, dataset: dataset)
            .filter { !$0.standardized }
            .map { PlannedFit(id: $0.lessonID, title: $0.title, spec: $0.spec) }
    }

    /// True when the step runs a mediation analysis.
    static func runsMediation(_ spec: LessonSpecification) -> Bool {
        spec.activeMediator != nil && !spec.mediation.isEmpty
    }
}
