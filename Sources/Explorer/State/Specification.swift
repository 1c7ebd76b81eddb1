import SurveyData
import Estimation
import Teaching

/// Which models the Models view estimates; `e` cycles through them. One enum with lesson steps'
/// `estimators:` (Teaching plans both lineups), so the two cannot drift apart.
public typealias EstimatorSet = LessonEstimators

extension LessonEstimators {
    public var title: String {
        switch self {
        case .paper: return "OLS+ologit+std"
        case .ologit: return "ologit"
        case .ols: return "OLS"
        case .ordered: return "ologit+oprobit"
        case .probit: return "oprobit+std"
        }
    }

    public var next: EstimatorSet {
        let all = EstimatorSet.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

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

/// Everything the user chose that changes the numbers or their labels. `w` saves it as JSON and
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

    public init(outcome: String, keyRegressor: String, mediator: String? = nil, mediatorOn: Bool = false,
                controls: [String] = [], estimators: EstimatorSet = .paper, subsample: Subsample? = nil,
                vce: VarianceType = .oim, language: Language = .en, crosstabs: [CrosstabPair] = [],
                marginsTerm: String? = nil) {
        self.outcome = outcome; self.keyRegressor = keyRegressor; self.mediator = mediator
        self.mediatorOn = mediatorOn; self.controls = controls; self.estimators = estimators
        self.subsample = subsample; self.vce = vce; self.language = language
        self.crosstabs = crosstabs; self.marginsTerm = marginsTerm
    }

    enum CodingKeys: String, CodingKey {
        case outcome, keyRegressor = "key_regressor", mediator, mediatorOn = "mediator_on", controls,
             estimators, subsample, vce, language, crosstabs, marginsTerm = "margins_term"
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
    }

    /// The same choices with the label language neutralised: results do not depend on it.
    var computeKey: Specification {
        var s = self
        s.language = .en
        return s
    }

    /// The active mediator, if switched on.
    public var activeMediator: String? { mediatorOn ? mediator : nil }
}
