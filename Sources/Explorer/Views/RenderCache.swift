import SurveyData

/// The content built for the last frame, kept so that a frame which shows nothing new (a
/// bootstrap progress tick while another view is up, a cursor move in the variables pane, a
/// scroll) reuses it instead of rebuilding the tables and re-wrapping the lesson text. One entry
/// per piece: the explorer redraws the current view, not a history of them. Used by the main
/// loop only (one thread).
public final class RenderCache {
    /// Everything a view's content is built from. Results count by generation (plus whether the
    /// marginal effects are in): one generation's output never changes once it has arrived.
    struct ViewKey: Hashable {
        var view: ViewKind
        var width: Int
        var height: Int
        var unicode: Bool
        var spec: Specification
        var generation: Int
        var resultsGeneration: Int?
        var marginsIncluded: Bool
        var baseline: Specification?
        /// Only the Mediation view shows the bootstrap; elsewhere its ticks change nothing.
        var bootstrap: BootstrapKey?
        /// Only the Data view builds just the visible rows.
        var scrollRow: Int?
    }

    struct BootstrapKey: Hashable {
        var generation: Int
        var phase: String
        var done: Int
        var total: Int
        var stage: String
        var hasOutput: Bool
    }

    /// The lesson pane's wrapped text and the step's tables.
    struct LessonKey: Hashable {
        var revision: Int
        var step: Int
        var stepCount: Int
        var language: Language
        var width: Int
        var unicode: Bool
    }

    private var view: (key: ViewKey, content: ViewContent)?
    private var lessonPane: (key: LessonKey, lines: [StyledLine])?
    private var lessonTables: (key: LessonKey, content: ViewContent?)?

    /// How many times content was built rather than reused (tests check the reuse).
    private(set) var builds = 0

    public init() {}

    func viewContent(_ key: ViewKey, build: () -> ViewContent) -> ViewContent {
        if let view, view.key == key { return view.content }
        builds += 1
        let content = build()
        view = (key, content)
        return content
    }

    func lessonPane(_ key: LessonKey, build: () -> [StyledLine]) -> [StyledLine] {
        if let lessonPane, lessonPane.key == key { return lessonPane.lines }
        builds += 1
        let lines = build()
        lessonPane = (key, lines)
        return lines
    }

    func lessonTables(_ key: LessonKey, build: () -> ViewContent?) -> ViewContent? {
        if let lessonTables, lessonTables.key == key { return lessonTables.content }
        builds += 1
        let content = build()
        lessonTables = (key, content)
        return content
    }
}

extension RenderCache.ViewKey {
    init(_ state: AppState, env: ExplorerEnvironment, width: Int, height: Int) {
        view = state.view
        self.width = width
        self.height = height
        unicode = env.unicode
        spec = state.spec
        generation = state.generation
        resultsGeneration = state.results?.generation
        marginsIncluded = state.results?.marginsIncluded ?? false
        baseline = state.baseline?.spec
        let b = state.bootstrap
        bootstrap = state.view == .mediation
            ? RenderCache.BootstrapKey(generation: b.generation, phase: "\(b.phase)", done: b.done, total: b.total,
                                       stage: b.stage, hasOutput: b.output != nil)
            : nil
        scrollRow = state.view == .data ? state.scrollRow : nil
    }
}

extension RenderCache.LessonKey {
    init(_ mode: LessonMode, language: Language, width: Int, unicode: Bool) {
        self.init(revision: mode.revision, step: mode.session.step, stepCount: mode.session.stepCount,
                  language: language, width: width, unicode: unicode)
    }
}
