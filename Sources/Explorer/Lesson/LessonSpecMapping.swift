import SurveyData
import Teaching

/// Turns a lesson step's specification into the explorer's own: the teaching module names the
/// same views by the same names, so that mapping is by name; the estimator sets are one type.
enum LessonSpecMapping {
    /// `current` supplies what a lesson does not set (variance type, crosstabs when none given).
    static func specification(_ lesson: LessonSpecification, language: Language, current: Specification) -> Specification {
        var spec = current
        spec.outcome = lesson.outcome
        spec.keyRegressor = lesson.keyRegressor
        spec.mediator = lesson.mediator ?? current.mediator
        spec.mediatorOn = lesson.mediatorOn && lesson.mediator != nil
        spec.controls = lesson.controls
        spec.estimators = lesson.estimators
        spec.subsample = lesson.condition.map { Subsample(name: lesson.subsampleName, condition: $0) }
        spec.vce = .oim
        spec.language = language
        if !lesson.crosstabs.isEmpty {
            spec.crosstabs = lesson.crosstabs.map { CrosstabPair(row: $0.row, column: $0.column) }
        }
        spec.marginsTerm = lesson.marginsTerm
        return spec
    }

    static func view(_ view: LessonView) -> ViewKind {
        ViewKind.allCases.first { "\($0)" == view.rawValue } ?? .models
    }
}
