/// What a dataset's variables mean: labels in Chinese and English, measurement type, value labels,
/// base level and user-missing codes. Stored beside a CSV as `NAME.codebook.json`; built from a
/// .dta/.sav file's own labels; inferred (and said so) when neither exists.

/// How a variable is measured; decides how formulas expand it and which model a role defaults to.
public enum VariableType: String, Codable, Sendable, CaseIterable {
    case continuous, binary, categorical, ordinal
}

/// Which language labels are shown in.
public enum Language: String, Codable, Sendable, CaseIterable {
    case en, zh
}

public struct ValueLabel: Codable, Sendable, Equatable {
    public var code: Double
    /// Short machine name (e.g. `secondary`); usable in filters as a string.
    public var name: String?
    public var labelEN: String?
    public var labelZH: String?

    public init(code: Double, name: String? = nil, labelEN: String? = nil, labelZH: String? = nil) {
        self.code = code; self.name = name; self.labelEN = labelEN; self.labelZH = labelZH
    }

    enum CodingKeys: String, CodingKey {
        case code, name, labelEN = "label_en", labelZH = "label_zh"
    }

    /// The label in `language`, falling back to the other language, the name, then the code.
    public func label(_ language: Language) -> String {
        let first = language == .zh ? labelZH : labelEN
        let second = language == .zh ? labelEN : labelZH
        return first ?? second ?? name ?? formatCode(code)
    }
}

public struct VariableInfo: Codable, Sendable, Equatable {
    public var name: String
    public var labelEN: String?
    public var labelZH: String?
    public var type: VariableType
    public var values: [ValueLabel]
    /// Reference level for factor expansion (Stata `ib#.`); nil means the lowest level.
    public var base: Double?
    /// User-missing codes (e.g. -9 "refused"): read as missing, kept distinct from zero.
    public var missingCodes: [Double]
    /// Set by the CSV reader when a mostly numeric column was read as text: its first cell that is
    /// not a number. Models refuse the column as a number (`c.`, bare, outcome) naming that cell.
    /// Not part of the codebook file.
    public var nonNumericCell: NonNumericCell?
    /// Labels of Stata's extended missing values (`.a` "refused"); codebook key `missing_labels`.
    public var missingLabels: [MissingLabel]
    /// True when the codes only number a text column's texts in sorted order (Stata's `encode`
    /// without `label()`): no file or codebook gave an order. Not written to codebooks — a written
    /// codebook is an order the user can edit.
    public var textEncoded = false

    public init(name: String, labelEN: String? = nil, labelZH: String? = nil, type: VariableType,
                values: [ValueLabel] = [], base: Double? = nil, missingCodes: [Double] = [],
                missingLabels: [MissingLabel] = []) {
        self.name = name; self.labelEN = labelEN; self.labelZH = labelZH; self.type = type
        self.values = values; self.base = base; self.missingCodes = missingCodes
        self.missingLabels = missingLabels
    }

    enum CodingKeys: String, CodingKey {
        case name, labelEN = "label_en", labelZH = "label_zh", type, values, base, missingCodes = "missing",
             missingLabels = "missing_labels"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(labelEN, forKey: .labelEN)
        try c.encodeIfPresent(labelZH, forKey: .labelZH)
        try c.encode(type, forKey: .type)
        try c.encode(values, forKey: .values)
        try c.encodeIfPresent(base, forKey: .base)
        try c.encode(missingCodes, forKey: .missingCodes)
        // Only when present, so codebooks written before stay byte-identical.
        if !missingLabels.isEmpty { try c.encode(missingLabels, forKey: .missingLabels) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        labelEN = try c.decodeIfPresent(String.self, forKey: .labelEN)
        labelZH = try c.decodeIfPresent(String.self, forKey: .labelZH)
        type = try c.decode(VariableType.self, forKey: .type)
        values = try c.decodeIfPresent([ValueLabel].self, forKey: .values) ?? []
        base = try c.decodeIfPresent(Double.self, forKey: .base)
        missingCodes = try c.decodeIfPresent([Double].self, forKey: .missingCodes) ?? []
        missingLabels = try c.decodeIfPresent([MissingLabel].self, forKey: .missingLabels) ?? []
    }

    public func label(_ language: Language) -> String {
        let first = language == .zh ? labelZH : labelEN
        let second = language == .zh ? labelEN : labelZH
        return first ?? second ?? name
    }

    public func valueLabel(for code: Double) -> ValueLabel? {
        // Encoded text columns and most codebooks number their codes 1…k (or 0…k−1) in order: try
        // that slot first, so labelling every category of a 100k-value column stays linear.
        if code == code.rounded(), abs(code) < 1e9 {
            let i = Int(code)
            if i >= 1, i - 1 < values.count, values[i - 1].code == code { return values[i - 1] }
            if i >= 0, i < values.count, values[i].code == code { return values[i] }
        }
        return values.first { $0.code == code }
    }

    /// The code whose name or label (either language) equals `text`, for filters like
    /// `industry == "secondary"`.
    public func code(forLabel text: String) -> Double? {
        values.first { $0.name == text || $0.labelEN == text || $0.labelZH == text }?.code
    }
}

/// The first cell that kept a mostly numeric CSV column from being read as numbers.
public struct NonNumericCell: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var value: String

    public init(file: String, line: Int, value: String) {
        self.file = file; self.line = line; self.value = value
    }

    /// The value quoted for a one-line message: control characters and bidi overrides escaped,
    /// at most 40 characters.
    public var quotedValue: String { MessageText.quote(value, limit: 40) }
}

/// A named group of control terms the explorer switches together (e.g. individual characteristics).
public struct ControlGroup: Codable, Sendable, Equatable {
    public var name: String
    public var labelEN: String?
    public var labelZH: String?
    /// Formula terms, e.g. `male`, `c.age`, `i.educ`.
    public var terms: [String]

    public init(name: String, labelEN: String? = nil, labelZH: String? = nil, terms: [String]) {
        self.name = name; self.labelEN = labelEN; self.labelZH = labelZH; self.terms = terms
    }

    enum CodingKeys: String, CodingKey {
        case name, labelEN = "label_en", labelZH = "label_zh", terms
    }
}

/// A subsample preset offered by the explorer (`s`), as a Stata-style `if` expression.
public struct SubsamplePreset: Codable, Sendable, Equatable {
    public var name: String
    public var labelEN: String?
    public var labelZH: String?
    public var condition: String

    public init(name: String, labelEN: String? = nil, labelZH: String? = nil, condition: String) {
        self.name = name; self.labelEN = labelEN; self.labelZH = labelZH; self.condition = condition
    }

    enum CodingKeys: String, CodingKey {
        case name, labelEN = "label_en", labelZH = "label_zh", condition = "if"
    }
}

/// Default roles for a dataset (what the explorer opens on).
public struct DefaultRoles: Codable, Sendable, Equatable {
    public var outcome: String?
    public var keyRegressor: String?
    public var mediator: String?

    public init(outcome: String? = nil, keyRegressor: String? = nil, mediator: String? = nil) {
        self.outcome = outcome; self.keyRegressor = keyRegressor; self.mediator = mediator
    }

    enum CodingKeys: String, CodingKey {
        case outcome, keyRegressor = "key_regressor", mediator
    }
}

public struct Codebook: Codable, Sendable, Equatable {
    public var dataset: String
    public var titleEN: String?
    public var titleZH: String?
    /// Shown wherever the dataset is open (e.g. the synthetic-data notice).
    public var noticeEN: String?
    public var noticeZH: String?
    public var variables: [VariableInfo]
    public var controlGroups: [ControlGroup]
    public var subsamples: [SubsamplePreset]
    public var roles: DefaultRoles?
    /// True when no codebook was supplied and types were guessed from the data.
    public var inferred: Bool
    /// `"missing_tokens"`: the CSV cell texts read as missing (an empty cell always is); nil keeps
    /// `MissingTokens.defaultTokens` (`NA`, `N/A`, `n/a`, `.`, `NaN`).
    public var missingTokens: [String]?
    /// `"design"`: the survey design every command uses unless `--svy none` (`SurveyDesign`).
    public var design: SurveyDesign?

    public init(dataset: String, titleEN: String? = nil, titleZH: String? = nil,
                noticeEN: String? = nil, noticeZH: String? = nil, variables: [VariableInfo],
                controlGroups: [ControlGroup] = [], subsamples: [SubsamplePreset] = [],
                roles: DefaultRoles? = nil, inferred: Bool = false) {
        self.dataset = dataset; self.titleEN = titleEN; self.titleZH = titleZH
        self.noticeEN = noticeEN; self.noticeZH = noticeZH; self.variables = variables
        self.controlGroups = controlGroups; self.subsamples = subsamples; self.roles = roles
        self.inferred = inferred
    }

    enum CodingKeys: String, CodingKey {
        case dataset, titleEN = "title_en", titleZH = "title_zh", noticeEN = "notice_en",
             noticeZH = "notice_zh", variables, controlGroups = "control_groups", subsamples,
             roles, inferred, missingTokens = "missing_tokens", design
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataset = try c.decodeIfPresent(String.self, forKey: .dataset) ?? ""
        titleEN = try c.decodeIfPresent(String.self, forKey: .titleEN)
        titleZH = try c.decodeIfPresent(String.self, forKey: .titleZH)
        noticeEN = try c.decodeIfPresent(String.self, forKey: .noticeEN)
        noticeZH = try c.decodeIfPresent(String.self, forKey: .noticeZH)
        variables = try c.decode([VariableInfo].self, forKey: .variables)
        controlGroups = try c.decodeIfPresent([ControlGroup].self, forKey: .controlGroups) ?? []
        subsamples = try c.decodeIfPresent([SubsamplePreset].self, forKey: .subsamples) ?? []
        roles = try c.decodeIfPresent(DefaultRoles.self, forKey: .roles)
        inferred = try c.decodeIfPresent(Bool.self, forKey: .inferred) ?? false
        missingTokens = try c.decodeIfPresent([String].self, forKey: .missingTokens)
        design = try c.decodeIfPresent(SurveyDesign.self, forKey: .design)
    }

    public func variable(_ name: String) -> VariableInfo? {
        variables.first { $0.name == name }
    }

    public func notice(_ language: Language) -> String? {
        (language == .zh ? noticeZH : noticeEN) ?? noticeEN ?? noticeZH
    }
}

/// `3` for integral codes, `2.5` otherwise: how codes appear in term names (`educ=3`).
public func formatCode(_ code: Double) -> String {
    if code == code.rounded(), abs(code) < 1e15 { return String(Int64(code)) }
    return String(code)
}
