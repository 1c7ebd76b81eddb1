import SurveyData
import Teaching

/// A lesson open in the explorer (`pathlens teach`): where the class is (`session`), the current
/// step as rendered on a background task (nil until it arrives), and the lesson pane's scroll.
/// Kept in `AppState`; the reducer moves the session and applies each step's specification.
public struct LessonMode: Sendable {
    public let runner: LessonRunner
    /// Renders steps off the input thread; owned by the main loop.
    public let renderer: LessonRenderer
    public var session: LessonSession
    /// The current step with its live numbers, once rendered.
    public var rendered: RenderedStep? { didSet { revision &+= 1 } }
    /// Generation of the latest render request: renders of steps already left are dropped.
    public var generation: Int = 0
    /// First visible line of the lesson pane (j/k scroll it).
    public var paneScroll: Int = 0
    /// Why the current step could not be rendered, if it failed.
    public var error: String? { didSet { revision &+= 1 } }
    /// Counts changes of `rendered` and `error`, so the screen knows when to rebuild the pane.
    public private(set) var revision = 0

    public init(runner: LessonRunner, renderer: LessonRenderer = LessonRenderer(), step: Int = 1, language: Language = .en) {
        self.runner = runner
        self.renderer = renderer
        self.session = LessonSession(stepCount: runner.stepCount, step: step, language: language)
    }

    public var isActive: Bool { session.isActive }

    /// The rendered step if it is the current one (a late render of another step is not shown).
    public var currentRendered: RenderedStep? {
        guard let rendered, rendered.number == session.step else { return nil }
        return rendered
    }

    /// The specification of step `number` as the lesson file states it.
    func stepSpec(_ number: Int) -> LessonSpecification? {
        let steps = runner.lesson.steps
        return steps.indices.contains(number - 1) ? steps[number - 1].spec : nil
    }
}
