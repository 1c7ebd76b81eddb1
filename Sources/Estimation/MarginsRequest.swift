import Foundation
import SurveyData

/// Which marginal effects to compute beyond Stata's default `margins, dydx(*)`: `--dydx`, `--at`,
/// `--over`, `--contrast` (issue 14). The default request with a model without interactions keeps
/// the per-column fast path (`Margins`); anything else goes through `ConditionalMargins`.
public struct MarginsRequest: Sendable, Equatable, Hashable {
    /// Variables whose effects are wanted (nil: every variable of the model, as `dydx(*)`).
    public var dydx: [String]?
    /// `at(VAR=(v1 v2 …))` settings; several are crossed, as Stata's `at(a=(…) b=(…))`.
    public var at: [AtSetting]
    /// Effects averaged within each group of this model variable, as `margins, over()`.
    public var over: String?
    /// The difference of each effect between every `at` value and the first (Stata's `r._at`).
    public var contrast: Bool

    public struct AtSetting: Sendable, Equatable, Hashable {
        public var variable: String
        public var values: [Double]
        public init(variable: String, values: [Double]) { self.variable = variable; self.values = values }

        /// `VAR=(v1 v2 …)` (also `VAR=v`, commas allowed between values).
        public static func parse(_ text: String) throws(EstimationError) -> AtSetting {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let first = parts[0].first, first == "_" || first.isLetter,
                  parts[0].allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else {
                throw .invalidModel(MarginsText.badAt(text).text(.en))
            }
            var body = Substring(parts[1])
            if body.hasPrefix("(") {
                guard body.hasSuffix(")") else { throw .invalidModel(MarginsText.badAt(text).text(.en)) }
                body = body.dropFirst().dropLast()
            }
            let tokens = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            let values = tokens.compactMap { Double($0) }.filter(\.isFinite)
            guard !values.isEmpty, values.count == tokens.count else { throw .invalidModel(MarginsText.badAt(text).text(.en)) }
            return AtSetting(variable: parts[0], values: values)
        }
    }

    public init(dydx: [String]? = nil, at: [AtSetting] = [], over: String? = nil, contrast: Bool = false) {
        self.dydx = dydx; self.at = at; self.over = over; self.contrast = contrast
    }

    public var isDefault: Bool { dydx == nil && at.isEmpty && over == nil && !contrast }

    /// The crossed `at` settings, first setting varying slowest; one empty combination without `at`.
    var combinations: [[(variable: String, value: Double)]] {
        var out: [[(variable: String, value: Double)]] = [[]]
        for setting in at {
            out = out.flatMap { prefix in setting.values.map { prefix + [(setting.variable, $0)] } }
        }
        return out
    }

    /// Checks the request against the model's variables before anything is fitted: every named
    /// variable must be in the model, an `at` value of a factor must be one of its levels,
    /// `--contrast` needs two `at` values.
    func validate(design: DesignMatrix) throws(EstimationError) {
        let inModel = Set(design.formula.terms.flatMap { $0.factors.map(\.variable) })
        for v in dydx ?? [] where !inModel.contains(v) { throw .invalidModel(MarginsText.notInModel(option: "--dydx", v).text(.en)) }
        for setting in at {
            guard inModel.contains(setting.variable) else {
                throw .invalidModel(MarginsText.notInModel(option: "--at", setting.variable).text(.en))
            }
            if let levels = design.factorLevels[setting.variable] {
                for v in setting.values where !levels.contains(v) {
                    throw .invalidModel(MarginsText.notALevel(setting.variable, v).text(.en))
                }
            }
        }
        if let over, !inModel.contains(over) { throw .invalidModel(MarginsText.notInModel(option: "--over", over).text(.en)) }
        if contrast && combinations.count < 2 { throw .invalidModel(MarginsText.contrastNeedsAt.text(.en)) }
        if contrast && over != nil { throw .invalidModel(MarginsText.contrastWithOver.text(.en)) }
    }
}

/// The difference of one effect between two `at` settings (`margins r._at, dydx(x)`).
public struct MarginsContrast: Sendable, Equatable, Codable {
    public var term: String
    public var outcome: String
    /// `"age=50 vs age=30"`: the later setting minus the first.
    public var at: String
    public var effect: Double
    public var se: Double
    public var z: Double
    public var p: Double

    public init(term: String, outcome: String, at: String, effect: Double, se: Double, z: Double, p: Double) {
        self.term = term; self.outcome = outcome; self.at = at; self.effect = effect; self.se = se; self.z = z; self.p = p
    }
}

/// The margins options' messages, en and zh.
enum MarginsText {
    case badAt(String)
    case notInModel(option: String, String)
    case notALevel(String, Double)
    case contrastNeedsAt
    case contrastWithOver
    case atMeansWithInteractions

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .badAt(let text):
            return zh ? "--at '\(text)'：应写作 'VAR=(v1 v2 …)'" : "--at '\(text)': expected 'VAR=(v1 v2 …)'"
        case let .notInModel(option, v):
            return zh ? "\(option)：变量 '\(v)' 不在模型中" : "\(option): variable '\(v)' is not in the model"
        case let .notALevel(v, value):
            return zh ? "--at：\(formatCode(value)) 不是因子 '\(v)' 在估计样本中的水平"
                      : "--at: \(formatCode(value)) is not a level of the factor '\(v)' in the estimation sample"
        case .contrastNeedsAt:
            return zh ? "--contrast 需要 --at 给出至少两个取值" : "--contrast needs --at with at least two values"
        case .contrastWithOver:
            return zh ? "--contrast 不能与 --over 同用" : "--contrast cannot be combined with --over"
        case .atMeansWithInteractions:
            return zh ? "--atmeans 尚不支持含交互项或 --dydx/--at/--over 的模型；请用平均边际效应"
                      : "--atmeans is not supported with interactions or --dydx/--at/--over yet; use the average marginal effects"
        }
    }
}
