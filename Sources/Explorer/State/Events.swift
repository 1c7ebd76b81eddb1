import Mediation
import Reports
import SurveyData

/// A key press, decoded by the backend (or scripted by tests and `bench ui`).
public enum Key: Sendable, Equatable, Hashable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace
}

/// Everything that can change the state: input, a resized screen, and work finishing.
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case computed(ComputeOutput)
    case bootstrapProgress(generation: Int, done: Int, total: Int, stage: String = "bootstrap")
    case bootstrapFinished(generation: Int, MediationResult)
    case bootstrapFailed(generation: Int, message: String)
    /// View 7: the plan of the current multiverse, specifications as they are fitted, the end.
    case multiverse(generation: Int, MultiverseUpdate)
    /// A save/export finished: the message goes to the status line.
    case effectFinished(message: String, isError: Bool)
    /// A typed `if` expression was checked (`Effect.checkCondition`).
    case conditionChecked(ConditionCheck.Result)
    /// A lesson step finished rendering on its background task.
    case lessonRendered(LessonRenderResult)
    /// The shipped lesson was read (`T` without a lesson open).
    case lessonLoaded(LessonLoadResult)
}

/// Work the reducer asks for; the main loop (or a test) performs it and reports back as events.
public enum Effect: Sendable, Equatable {
    case compute(Specification, generation: Int)
    case startBootstrap(Specification, generation: Int)
    /// View 7: fit the current specification's multiverse (the superseded one is cancelled).
    case computeMultiverse(Specification, generation: Int)
    case cancelBootstrap
    case save(path: String, Specification)
    case export(path: String, format: ExportFormat, view: ViewKind)
    /// Check a typed `if` expression off the reducer: the main loop waits `ConditionCheck.debounce`
    /// after the last such request (a newer one supersedes it; `confirm` runs at once), headless
    /// replays check at once. The answer arrives as `.conditionChecked`.
    case checkCondition(ConditionCheck)
    /// Render a lesson step (its live numbers) off the input thread.
    case renderLessonStep(step: Int, language: Language, generation: Int)
    /// Read the shipped lesson off the input thread.
    case openShippedLesson
    case quit
}

/// Export file formats (`x`).
public enum ExportFormat: String, Sendable, CaseIterable, Codable {
    case markdown, latex, csv
    public var fileExtension: String {
        switch self { case .markdown: return "md"; case .latex: return "tex"; case .csv: return "csv" }
    }
    public var title: String {
        switch self { case .markdown: return UIText.formatMarkdown.en; case .latex: return UIText.formatLaTeX.en; case .csv: return UIText.formatCSV.en }
    }
}

/// What the multiverse worker reports to view 7.
public enum MultiverseUpdate: Sendable {
    case planned(MultiverseScreen)
    case rows([MultiverseRow])
    case finished
    case failed(String)
}
