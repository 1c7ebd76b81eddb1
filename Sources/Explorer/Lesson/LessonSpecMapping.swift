import SurveyData
import StudyReplica
import Teaching

/// A lesson step's specification is the explorer's own (`LessonSpecification.analysis`); the
/// explorer adds only what a lesson does not choose.
enum LessonSpecMapping {
    /// `current` supplies the mediator when the step names none and the crosstabs when it gives
    /// none; the label language is the lesson's.
    static func specification(_ lesson: LessonSpecification, language: Language, current: Specification) -> Specification {
        var spec = lesson.analysis
        spec.mediator = lesson.mediator ?? current.mediator
        spec.mediatorOn = lesson.mediatorOn && lesson.mediator != nil
        spec.language = language
        // A step's crosstabs are the lesson's choice: they do not follow later role changes.
        if lesson.crosstabs.isEmpty {
            spec.crosstabs = current.crosstabs
            spec.crosstabsPicked = current.crosstabsPicked
        } else {
            spec.crosstabsPicked = true
        }
        return spec
    }
}

extension ReferenceStudy {
    /// The embedded Dalian 2022 study, whose published figures the shipped lesson quotes.
    public static var dalian2022: ReferenceStudy {
        ReferenceStudy(datasetName: DalianReplica.name, dataPath: EmbeddedData.csvPath,
                       publishedIndirectShare: DalianStudy.indirectShare.published)
    }
}
