import SurveyData
import Estimation
import Mediation

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
    /// Measures the user chose for variables (the variable editor), overriding the codebook's
    /// types in every model default, formula expansion and mediation check (`measured(_:)`).
    public var measures: [String: VariableType]
    /// Frequency or sampling weights of every model (nil: unweighted).
    public var weight: SpecWeight?
    /// The crosstabs were chosen by the user (`C`/`c`); otherwise they follow the roles:
    /// key regressor × outcome and × mediator (`followRoles()`).
    public var crosstabsPicked: Bool
    /// Models view options: exponentiated coefficients of logit/ologit (Stata's `or`) and what
    /// the parentheses hold. They change no number, so `computeKey` ignores them.
    public var oddsRatios: Bool
    public var paren: ParenContent
    /// The data file this specification was made on (written by `w`, checked by `--spec`).
    public var data: DataReference?
    /// A declared survey design (Stata's `svyset`; key `D`, or the codebook's `design`): every
    /// model is weighted and linearized under it, and the subsample is a subpopulation
    /// (Stata's `subpop()`) rather than an `if`. JSON `"design"`: the codebook's object, or
    /// `"none"` when switched off.
    public var design: SurveyDesign? = nil
    /// Decoded from a file without a `"design"` key: the dataset's codebook design applies
    /// (`SpecFile.validate` resolves it). Never encoded.
    public var inheritsDesign = false
    /// View 7's effect (`a` cycles it): the coefficient, AME, or with a mediator the indirect
    /// effect, KHB difference or ACME. JSON `"multiverse_effect"`, written when not `coef`. The
    /// models do not depend on it (`computeKey` ignores it); view 7 refits its curve.
    public var multiverseEffect: MultiverseEffect = .coef
    /// A moderator W of the mediation (issue 14; a lesson's `moderator:`, JSON `"moderator"`):
    /// the conditional indirect effects `pathlens mediate --moderator` gives. nil: none.
    public var moderator: String? = nil
    /// The path W moderates (PROCESS model 7 `a`, 14 `b`, 58 `both`; JSON `"moderate"`).
    public var moderate: ModeratedPath = .a

    public init(outcome: String, keyRegressor: String, mediator: String? = nil, mediatorOn: Bool = false,
                controls: [String] = [], estimators: EstimatorSet = .paper, subsample: Subsample? = nil,
                vce: VarianceType = .oim, language: Language = .en, crosstabs: [CrosstabPair] = [],
                marginsTerm: String? = nil, sampling: SampleMode = .common,
                mediatorModel: ModelKind? = nil, outcomeModel: ModelKind? = nil,
                measures: [String: VariableType] = [:], weight: SpecWeight? = nil, crosstabsPicked: Bool = false,
                oddsRatios: Bool = false, paren: ParenContent = .t, data: DataReference? = nil) {
        self.outcome = outcome; self.keyRegressor = keyRegressor; self.mediator = mediator
        self.mediatorOn = mediatorOn; self.controls = controls; self.estimators = estimators
        self.subsample = subsample; self.vce = vce; self.language = language
        self.crosstabs = crosstabs; self.marginsTerm = marginsTerm; self.sampling = sampling
        self.mediatorModel = mediatorModel; self.outcomeModel = outcomeModel
        self.measures = measures; self.weight = weight; self.crosstabsPicked = crosstabsPicked
        self.oddsRatios = oddsRatios; self.paren = paren; self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case outcome, keyRegressor = "key_regressor", mediator, mediatorOn = "mediator_on", controls,
             estimators, subsample, vce, language, crosstabs, marginsTerm = "margins_term", sampling,
             mediatorModel = "mediator_model", outcomeModel = "outcome_model", measures, weight,
             crosstabsPicked = "crosstabs_picked", oddsRatios = "odds_ratios", paren, data, design,
             multiverseEffect = "multiverse_effect",
             moderator, moderate
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
        measures = try c.decodeIfPresent([String: VariableType].self, forKey: .measures) ?? [:]
        weight = try c.decodeIfPresent(SpecWeight.self, forKey: .weight)
        // A file from before this field: its crosstabs were picked if they differ from the
        // role defaults (then they are kept as saved).
        let picked = try c.decodeIfPresent(Bool.self, forKey: .crosstabsPicked)
        crosstabsPicked = picked ?? false
        oddsRatios = try c.decodeIfPresent(Bool.self, forKey: .oddsRatios) ?? false
        paren = try c.decodeIfPresent(ParenContent.self, forKey: .paren) ?? .t
        data = try c.decodeIfPresent(DataReference.self, forKey: .data)
        moderator = try c.decodeIfPresent(String.self, forKey: .moderator)
        moderate = try c.decodeIfPresent(ModeratedPath.self, forKey: .moderate) ?? .a
        if !c.contains(.design) {
            inheritsDesign = true
        } else if let text = try? c.decode(String.self, forKey: .design) {
            guard text.lowercased() == "none" else {
                throw DecodingError.dataCorruptedError(forKey: .design, in: c,
                    debugDescription: "design must be an object {psu, strata, weight, fpc} or \"none\" (got \"\(text)\")")
            }
        } else {
            design = try c.decodeIfPresent(SurveyDesign.self, forKey: .design)
        }
        multiverseEffect = try c.decodeIfPresent(MultiverseEffect.self, forKey: .multiverseEffect) ?? .coef
        if picked == nil { crosstabsPicked = crosstabs != roleCrosstabs }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(keyRegressor, forKey: .keyRegressor)
        try c.encodeIfPresent(mediator, forKey: .mediator)
        try c.encode(mediatorOn, forKey: .mediatorOn)
        try c.encode(controls, forKey: .controls)
        try c.encode(estimators, forKey: .estimators)
        try c.encodeIfPresent(subsample, forKey: .subsample)
        try c.encode(vce, forKey: .vce)
        try c.encode(language, forKey: .language)
        try c.encode(crosstabs, forKey: .crosstabs)
        try c.encode(crosstabsPicked, forKey: .crosstabsPicked)
        try c.encodeIfPresent(marginsTerm, forKey: .marginsTerm)
        try c.encode(sampling, forKey: .sampling)
        try c.encodeIfPresent(mediatorModel, forKey: .mediatorModel)
        try c.encodeIfPresent(outcomeModel, forKey: .outcomeModel)
        if !measures.isEmpty { try c.encode(measures.mapValues(\.rawValue), forKey: .measures) }
        try c.encodeIfPresent(weight, forKey: .weight)
        try c.encode(oddsRatios, forKey: .oddsRatios)
        try c.encode(paren, forKey: .paren)
        try c.encodeIfPresent(data, forKey: .data)
        if let design { try c.encode(design, forKey: .design) } else { try c.encode("none", forKey: .design) }
        if multiverseEffect != .coef { try c.encode(multiverseEffect, forKey: .multiverseEffect) }
        if let moderator {
            try c.encode(moderator, forKey: .moderator)
            try c.encode(moderate, forKey: .moderate)
        }
    }

    /// The same choices with what changes no number neutralised (label language, table display,
    /// the data file's record): results do not depend on them.
    public var computeKey: Specification {
        var s = self
        s.language = .en
        s.oddsRatios = false
        s.paren = .t
        s.data = nil
        s.inheritsDesign = false
        s.multiverseEffect = .coef
        return s
    }

    /// The variance the models are estimated with: robust under sampling weights unless
    /// clustered (Stata: `pweight` implies `vce(robust)`).
    public var effectiveVCE: VarianceType {
        if design != nil { return .oim } // the design's linearized variance (`ModelLineup`)
        if weight?.kind == .pweight, vce == .oim { return .robust }
        return vce
    }

    /// The weighting of every model, in the estimation layer's terms.
    public var weighting: Weighting {
        if design != nil { return .none } // the design carries its weight
        switch weight?.kind {
        case .fweight?: return .frequency(weight!.variable)
        case .pweight?: return .sampling(weight!.variable)
        case nil: return .none
        }
    }

    /// The dataset as this specification measures it: the codebook's types replaced by the
    /// user's `measures` (a variable without codebook entry gets one). The columns are shared.
    public func measured(_ dataset: Dataset) -> Dataset {
        guard !measures.isEmpty else { return dataset }
        var d = dataset
        for (name, type) in measures.sorted(by: { $0.key < $1.key }) where dataset.column(name) != nil {
            if let i = d.codebook.variables.firstIndex(where: { $0.name == name }) {
                d.codebook.variables[i].type = type
            } else {
                d.codebook.variables.append(VariableInfo(name: name, type: type))
            }
        }
        return d
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
        // An interaction stays even when it involves a role (`i.union#c.age` with union the key regressor).
        return controls.filter { $0.contains("#") || !roles.contains(FormulaTerms.variable(of: $0)) }
    }

    /// The variables the screen's models and mediation use, in the order their missing rows are
    /// counted: outcome, key regressor, mediator, controls.
    public var modelVariables: [String] {
        var names = [outcome, keyRegressor] + [activeMediator].compactMap { $0 }
        for t in effectiveControls {
            for v in FormulaTerms.variables(of: t) where !names.contains(v) { names.append(v) }
        }
        return names
    }

    /// The crosstabs the roles call for: key regressor × outcome, and × mediator when one is chosen.
    public var roleCrosstabs: [CrosstabPair] {
        var pairs = [CrosstabPair(row: keyRegressor, column: outcome)]
        if let m = mediator { pairs.append(CrosstabPair(row: keyRegressor, column: m)) }
        return pairs
    }

    /// Crosstabs not picked by the user follow the roles (called after every change); with the
    /// dataset, a pair with an id or a variable of more than `VariableFacts.crosstabLimit`
    /// distinct values (a continuous outcome) is left out.
    public mutating func followRoles(in dataset: Dataset? = nil) {
        guard !crosstabsPicked else { return }
        crosstabs = roleCrosstabs.filter { pair in
            guard let dataset else { return true }
            return [pair.row, pair.column].allSatisfy {
                VariableFacts.distinctCount($0, in: dataset) <= VariableFacts.crosstabLimit
            }
        }
    }

    /// The specification a dataset opens on: the codebook's roles, every control group on, the
    /// key regressor cross-tabulated with the outcome (and the mediator). Without roles: the first
    /// ordinal variable is the outcome and the first binary one the key regressor; an id (unique
    /// integers, `VariableFacts.isIdentifier`) is never chosen.
    public static func opening(_ dataset: Dataset) -> Specification {
        let codebook = dataset.codebook
        let roles = codebook.roles
        let candidates = dataset.variableNames.filter { !VariableFacts.isIdentifier($0, in: dataset) }
        func firstOf(_ type: VariableType, except: String? = nil) -> String? {
            candidates.first { $0 != except && dataset.info($0)?.type == type }
        }
        let outcome = roles?.outcome ?? firstOf(.ordinal) ?? candidates.first ?? dataset.variableNames.first ?? ""
        let key = roles?.keyRegressor ?? firstOf(.binary, except: outcome)
            ?? candidates.first { $0 != outcome } ?? dataset.variableNames.first { $0 != outcome } ?? ""
        var spec = Specification(outcome: outcome, keyRegressor: key, mediator: roles?.mediator, mediatorOn: false,
                                 controls: codebook.controlGroups.flatMap(\.terms))
        spec.design = codebook.design
        spec.followRoles(in: dataset)
        return spec
    }

    /// How the variance reads in the specification bar: `svy: psu=… strata=… weight=…` under a
    /// design, else the vce with the weights.
    public var varianceLabel: String {
        if let design { return "svy: " + design.argument }
        return "\(effectiveVCE)" + (weight.map { " [\($0.description)]" } ?? "")
    }
}
