import SurveyData
import Estimation

/// A subsample: a codebook preset (named) or a typed `if` expression (unnamed).
public struct Subsample: Codable, Sendable, Equatable, Hashable {
    public var name: String?
    public var condition: String
    public init(name: String? = nil, condition: String) { self.name = name; self.condition = condition }
}

/// Two variables to cross-tabulate (rows × columns).
public struct CrosstabPair: Codable, Sendable, Equatable, Hashable {
    public var row: String
    public var column: String
    public init(row: String, column: String) { self.row = row; self.column = column }
}

/// Which rows the models of one screen are estimated on.
public enum SampleMode: String, Codable, Sendable, CaseIterable {
    /// Every model, the path diagram and the mediation engine on the common sample: the `if` rows
    /// without a missing value in any variable any of them uses (Stata's `esample` discipline).
    case common
    /// Each model on its own complete cases (the user asked; the screen says the columns are
    /// not comparable).
    case perModel = "per_model"
}

/// Everything the user chose that changes the numbers or their labels — the one specification
/// the explorer, lesson steps and the analysis engine share. `w` saves it as JSON and
/// `pathlens --spec FILE.json` restores it; undo/redo step through its history.
public struct Specification: Codable, Sendable, Equatable, Hashable {
    public var outcome: String
    public var keyRegressor: String
    public var mediator: String?
    /// The mediator stays remembered while switched off.
    public var mediatorOn: Bool
    /// Control terms in formula syntax (`male`, `c.age`, `i.educ`), in display order.
    public var controls: [String]
    public var estimators: EstimatorSet
    public var subsample: Subsample?
    public var vce: VarianceType
    public var language: Language
    public var crosstabs: [CrosstabPair]
    /// A term whose margins are shown beside the key regressor's (Margins view).
    public var marginsTerm: String?
    /// One common estimation sample for the screen (the default) or one per model.
    public var sampling: SampleMode
    /// Families of the mediator model and of the outcome models with and without the mediator
    /// (nil: from the variable types and the estimator set, `ModelLineup.mediationFamilies`).
    public var mediatorModel: ModelKind?
    public var outcomeModel: ModelKind?

    public init(outcome: String, keyRegressor: String, mediator: String? = nil, mediatorOn: Bool = false,
                controls: [String] = [], estimators: EstimatorSet = .paper, subsample: Subsample? = nil,
                vce: VarianceType = .oim, language: Language = .en, crosstabs: [CrosstabPair] = [],
                marginsTerm: String? = nil, sampling: SampleMode = .common,
                mediatorModel: ModelKind? = nil, outcomeModel: ModelKind? = nil) {
        self.outcome = outcome; self.keyRegressor = keyRegressor; self.mediator = mediator
        self.mediatorOn = mediatorOn; self.controls = controls; self.estimators = estimators
        self.subsample = subsample; self.vce = vce; self.language = language
        self.crosstabs = crosstabs; self.marginsTerm = marginsTerm; self.sampling = sampling
        self.mediatorModel = mediatorModel; self.outcomeModel = outcomeModel
    }

    enum CodingKeys: String, CodingKey {
        case outcome, keyRegressor = "key_regressor", mediator, mediatorOn = "mediator_on", controls,
             estimators, subsample, vce, language, crosstabs, marginsTerm = "margins_term", sampling,
             mediatorModel = "mediator_model", outcomeModel = "outcome_model"
    }

    /// Only the outcome and key regressor are required; everything else has its default, so a
    /// hand-written specification can be short.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try c.decode(String.self, forKey: .outcome)
        keyRegressor = try c.decode(String.self, forKey: .keyRegressor)
        mediator = try c.decodeIfPresent(String.self, forKey: .mediator)
        mediatorOn = try c.decodeIfPresent(Bool.self, forKey: .mediatorOn) ?? false
        controls = try c.decodeIfPresent([String].self, forKey: .controls) ?? []
        estimators = try c.decodeIfPresent(EstimatorSet.self, forKey: .estimators) ?? .paper
        subsample = try c.decodeIfPresent(Subsample.self, forKey: .subsample)
        vce = try c.decodeIfPresent(VarianceType.self, forKey: .vce) ?? .oim
        language = try c.decodeIfPresent(Language.self, forKey: .language) ?? .en
        crosstabs = try c.decodeIfPresent([CrosstabPair].self, forKey: .crosstabs) ?? []
        marginsTerm = try c.decodeIfPresent(String.self, forKey: .marginsTerm)
        sampling = try c.decodeIfPresent(SampleMode.self, forKey: .sampling) ?? .common
        mediatorModel = try c.decodeIfPresent(ModelKind.self, forKey: .mediatorModel)
        outcomeModel = try c.decodeIfPresent(ModelKind.self, forKey: .outcomeModel)
    }

    /// The same choices with the label language neutralised: results do not depend on it.
    public var computeKey: Specification {
        var s = self
        s.language = .en
        return s
    }

    /// The active mediator, if switched on (the Models view's `m`/`ym` columns).
    public var activeMediator: String? { mediatorOn ? mediator : nil }

    /// The specification the mediation analysis reads: the designated mediator switched on.
    /// The Mediation view analyses the mediator whether or not the Models view shows its
    /// columns (`M` only adds or removes those columns); nil without a designated mediator.
    public var mediationAnalysis: Specification? {
        guard mediator != nil else { return nil }
        var s = self
        s.mediatorOn = true
        return s
    }

    /// The subsample's `if` expression, if any.
    public var condition: String? { subsample?.condition }

    /// Control terms without the variables that play a role (outcome, key regressor, mediator).
    public var effectiveControls: [String] {
        let roles = Set([outcome, keyRegressor] + [activeMediator].compactMap { $0 })
        return controls.filter { !roles.contains(FormulaTerms.variable(of: $0)) }
    }

    /// The variables the screen's models and mediation use, in the order their missing rows are
    /// counted: outcome, key regressor, mediator, controls.
    public var modelVariables: [String] {
        var names = [outcome, keyRegressor] + [activeMediator].compactMap { $0 }
        for t in effectiveControls {
            let v = FormulaTerms.variable(of: t)
            if !names.contains(v) { names.append(v) }
        }
        return names
    }

    /// The specification a dataset opens on: the codebook's roles, every control group on, the
    /// key regressor cross-tabulated with the outcome (and the mediator).
    public static func opening(_ dataset: Dataset) -> Specification {
        let codebook = dataset.codebook
        let roles = codebook.roles
        let names = dataset.variableNames
        let outcome = roles?.outcome ?? codebook.variables.first { $0.type == .ordinal }?.name ?? names.first ?? ""
        let key = roles?.keyRegressor ?? codebook.variables.first { $0.type == .binary && $0.name != outcome }?.name
            ?? names.first { $0 != outcome } ?? ""
        let mediator = roles?.mediator
        var crosstabs = [CrosstabPair(row: key, column: outcome)]
        if let m = mediator { crosstabs.append(CrosstabPair(row: key, column: m)) }
        return Specification(outcome: outcome, keyRegressor: key, mediator: mediator, mediatorOn: false,
                             controls: codebook.controlGroups.flatMap(\.terms), crosstabs: crosstabs)
    }
}
