import SurveyData
import Estimation
import Mediation

public enum Pane: Sendable, Equatable { case variables, view }

/// A list of options opened by Enter, `s` or `x`; j/k move, Enter picks, Esc closes.
public struct ChoiceMenu: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case variable(String)
        case subsample
        case exportFormat
        case view
        /// `V`: oim, robust, cluster by a variable (then a prompt names it).
        case variance
        /// `W`: no weights, frequency or sampling weights (then a prompt names the variable).
        case weights
    }
    public var title: String
    public var options: [String]
    public var selected: Int
    public var purpose: Purpose
}

/// A one-line text input: a typed `if` expression (checked as you type), a find, a file name.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case condition
        case find(previousCursor: Int)
        case saveSpec
        case export(ExportFormat)
        /// The variable standard errors are clustered by.
        case clusterVariable
        /// The weight variable of the kind chosen.
        case weightVariable(SpecWeight.Kind)
        /// A survey design (`D`): `psu=… strata=… weight=…` or none.
        case surveyDesign
    }
    public var title: String
    public var text: String
    public var purpose: Purpose
    /// Live feedback under the input (the filter's N or its error).
    public var feedback: String?
    public var feedbackIsError: Bool = false
    /// The text is a suggested default (a file name): the first character typed replaces it, as
    /// a preselected default does in a dialog; Enter keeps it, Backspace edits it.
    public var suggested: Bool = false
    /// The token of the latest check asked for this prompt's text, and whether it is still out.
    public var checkToken: Int = 0
    public var checking: Bool = false
}

public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case choice(ChoiceMenu)
    case prompt(Prompt)
    /// `E`: a variable's measure, entry as a control and role.
    case editor(VariableEditor)
}

/// The status line: what is computing, the last error, or the dataset notice.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
}

/// The pinned baseline (`b`): a specification and the models it produced.
public struct Baseline: Sendable {
    public var spec: Specification
    public var models: [FittedModel]
}

/// Bootstrap of the indirect effect in the Mediation view: progress fills in, Esc cancels.
public struct BootstrapProgress: Sendable {
    public enum Phase: Sendable, Equatable { case idle, running, cancelled, finished, failed(String) }
    public var generation: Int = 0
    public var phase: Phase = .idle
    public var done: Int = 0
    public var total: Int = 0
    /// The engine's current stage: fitting, bootstrap, jackknife, causal.
    public var stage: String = ""
    public var output: MediationResult?
}

/// View 7's specification curve: the plan, the rows as they stream in, done or failed.
public struct MultiverseProgress: Sendable {
    /// The run's tag: its events carry it, a newer run's differ (`AppState.multiverseRuns`).
    public var generation: Int = -1
    /// The specification generation and the effect (`a`) the run was started for: view 7
    /// restarts when either changes.
    public var specGeneration: Int = -1
    public var effect: MultiverseEffect = .coef
    public var screen: MultiverseScreen?
    public var rows: [MultiverseRow] = []
    public var finished = false
    public var failure: String?
}

/// The whole application state, a value: events are reduced into a new state by pure functions
/// (`Reducer`), views render it into a cell grid (`Screen`).
public struct AppState: Sendable {
    public var spec: Specification
    public var undoStack: [Specification] = []
    public var redoStack: [Specification] = []
    public var view: ViewKind = .models
    public var focus: Pane = .variables
    /// Row of the variables pane under the cursor, and the pane's first visible row.
    public var cursor: Int = 0
    public var paneScroll: Int = 0
    /// Scroll offsets of the current view (rows, columns).
    public var scrollRow: Int = 0
    public var scrollColumn: Int = 0
    /// Hide the variables pane to give the view the full width.
    public var zoom: Bool = false
    public var overlay: Overlay?
    public var status: StatusMessage?
    public var width: Int
    public var height: Int
    /// Generation of the latest posted specification; results from older ones are dropped.
    public var generation: Int = 0
    public var results: ComputeOutput?
    public var baseline: Baseline?
    public var bootstrap = BootstrapProgress()
    public var multiverse = MultiverseProgress()
    /// Runs of view 7 started so far (each run's tag).
    public var multiverseRuns = 0
    public var quitting = false
    /// The lesson open in the explorer (`pathlens teach`), active or left for free exploration.
    public var lesson: LessonMode?
    /// Last token handed to a condition check (`Effect.checkCondition`); answers to older ones are dropped.
    public var checkToken: Int = 0

    public init(spec: Specification, width: Int = 80, height: Int = 24) {
        self.spec = spec; self.width = width; self.height = height
    }

    /// True while the latest posted specification has no results yet.
    public var computing: Bool { (results?.generation ?? -1) < generation }
    /// The models are in but their marginal effects are still being computed.
    public var marginsPending: Bool { !computing && results?.marginsIncluded == false }
}
