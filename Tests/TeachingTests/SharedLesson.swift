import Foundation
import StudyReplica
import SurveyData
@testable import Teaching

/// One runner for the shipped lesson, shared by the tests (it caches each step's fits).
let sharedLesson: Result<LessonRunner, any Error> = Result { try LessonRunner.load(reference: dalianReference) }

/// The reference study the CLI and the explorer pass to lessons, built here from the replica.
let dalianReference = ReferenceStudy(datasetName: DalianReplica.name, dataPath: EmbeddedData.csvPath,
                                     publishedIndirectShare: DalianStudy.indirectShare.published)

func shippedRunner() throws -> LessonRunner { try sharedLesson.get() }

/// The embedded data, loaded by the tests themselves for independent recomputation.
let embeddedData: Result<Dataset, any Error> = Result { try DatasetLoader.load(path: EmbeddedData.csvPath) }

/// Every (step, language) of the shipped lesson rendered once.
let renderedSteps: Result<[(step: Int, language: Language, rendered: RenderedStep)], any Error> = Result {
    let runner = try sharedLesson.get()
    var out: [(step: Int, language: Language, rendered: RenderedStep)] = []
    for step in 1...runner.stepCount {
        for language in runner.lesson.languages {
            out.append((step, language, try runner.render(step: step, language: language)))
        }
    }
    return out
}

func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
