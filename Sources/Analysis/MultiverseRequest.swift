import Foundation
import Estimation
import SurveyData

/// One quantity a specification of the multiverse reports (`pathlens multiverse --effects`).
public enum MultiverseEffect: String, Sendable, CaseIterable, Codable, Hashable {
    /// The key regressor's coefficient.
    case coef
    /// Its average marginal effect (discrete change 1 vs 0 for a binary key regressor).
    case ame
    /// The indirect effect a·b through the mediator, Sobel SE.
    case indirect
    /// Karlson–Holm–Breen's difference (reduced − full), non-linear outcome models only.
    case khb
    /// The causal average mediation effect (Imai, Keele & Tingley), plug-in at the estimates.
    case acme

    /// Effects that need a mediator (`--m`).
    public var isMediated: Bool { self == .indirect || self == .khb || self == .acme }

    /// Whether an outcome model of `kind` can give this effect.
    public func applies(to kind: ModelKind) -> Bool {
        switch self {
        case .khb: return kind != .ols
        default: return true
        }
    }
}

/// Which control units the specifications switch on and off (`--controls-from`).
public enum MultiverseControlSource: String, Sendable, CaseIterable, Codable, Hashable {
    /// Each control group of the codebook is one unit (all its terms together).
    case groups
    /// Each term of the codebook's control groups is its own unit.
    case variables
}

/// The outcome category an ordered model's AME is on (`--ame-outcome`).
public enum AMEOutcome: Sendable, Equatable, Hashable {
    case first, last
    case code(Double)

    /// `first`, `last` or a category code.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "first": self = .first
        case "last": self = .last
        default:
            guard let v = Double(argument), v.isFinite else { return nil }
            self = .code(v)
        }
    }
}

/// A subsample of the multiverse: every row (`all`), a codebook preset, or a typed condition.
public struct MultiverseSubsample: Sendable, Equatable, Hashable {
    /// How the output names it: `all`, the preset's name, or `if EXPR`.
    public var label: String
    /// The `if` condition (nil: every row).
    public var condition: String?

    public init(label: String, condition: String?) { self.label = label; self.condition = condition }

    public static let all = MultiverseSubsample(label: "all", condition: nil)

    /// Parses `--subsamples`: items separated by commas outside parentheses and quotes, each `all`,
    /// a preset of the codebook (`s` in the explorer) or `if EXPR`.
    public static func parse(_ text: String, codebook: Codebook) throws(MultiverseError) -> [MultiverseSubsample] {
        var items: [String] = []
        var current = "", depth = 0
        var quote: Character?
        for ch in text {
            if let q = quote {
                if ch == q { quote = nil }
                current.append(ch)
                continue
            }
            switch ch {
            case "\"", "'": quote = ch; current.append(ch)
            case "(": depth += 1; current.append(ch)
            case ")": depth -= 1; current.append(ch)
            case "," where depth <= 0: items.append(current); current = ""
            default: current.append(ch)
            }
        }
        items.append(current)
        var out: [MultiverseSubsample] = []
        for raw in items {
            let item = raw.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { throw MultiverseError("--subsamples has an empty item in '\(text)'") }
            let subsample: MultiverseSubsample
            if item == "all" {
                subsample = .all
            } else if item.hasPrefix("if ") || item.hasPrefix("if\t") {
                let condition = item.dropFirst(3).trimmingCharacters(in: .whitespaces)
                guard !condition.isEmpty else { throw MultiverseError("--subsamples: 'if' without a condition") }
                subsample = MultiverseSubsample(label: "if " + condition, condition: condition)
            } else if let preset = codebook.subsamples.first(where: { $0.name == item }) {
                subsample = MultiverseSubsample(label: preset.name, condition: preset.condition)
            } else {
                let names = (["all"] + codebook.subsamples.map(\.name)).joined(separator: ", ")
                throw MultiverseError("--subsamples: unknown subsample '\(item)' (expected all, a preset (\(names)) or \"if EXPR\")")
            }
            if !out.contains(subsample) { out.append(subsample) }
        }
        return out
    }
}

/// Everything `pathlens multiverse` (and the explorer's view 7) asks for.
public struct MultiverseRequest: Sendable, Equatable, Hashable {
    public var x: String
    public var y: String
    public var m: String?
    public var controlsFrom: MultiverseControlSource
    /// Terms in every specification (`--fixed`).
    public var fixed: [String]
    public var subsamples: [MultiverseSubsample]
    public var estimators: [ModelKind]
    public var effects: [MultiverseEffect]
    public var vce: VarianceType
    /// `--if`: applied to every subsample.
    public var condition: String?
    /// Confidence level of every interval (and the significance level 1 − level of the summary).
    public var level: Double
    public var ameOutcome: AMEOutcome
    /// Quasi-Bayesian simulations of the ACME interval (0: point estimate only).
    public var reps: Int
    public var seed: UInt64
    /// A declared survey design (`--svy`, the codebook's `design`, the explorer's `D`): every
    /// specification is weighted and linearized as `fit --svy`, and each subsample is a
    /// subpopulation (`fit --subpop`) of the design; `--if` restricts the design itself.
    public var design: SurveyDesign? = nil
    /// Oster's multiplier Π (R²max = min(Π·R̃², 1)): when set, every OLS coefficient row carries
    /// its δ for β = 0 (`--rmax`, as `pathlens sensitivity --rmax`); nil: none computed.
    public var rmax: Double? = nil

    public init(x: String, y: String, m: String? = nil, controlsFrom: MultiverseControlSource = .groups,
                fixed: [String] = [], subsamples: [MultiverseSubsample] = [.all], estimators: [ModelKind],
                effects: [MultiverseEffect] = [.coef], vce: VarianceType = .oim, condition: String? = nil,
                level: Double = 0.95, ameOutcome: AMEOutcome = .last, reps: Int = 0, seed: UInt64 = 1,
                design: SurveyDesign? = nil) {
        self.x = x; self.y = y; self.m = m; self.controlsFrom = controlsFrom; self.fixed = fixed
        self.subsamples = subsamples; self.estimators = estimators; self.effects = effects; self.vce = vce
        self.condition = condition; self.level = level; self.ameOutcome = ameOutcome; self.reps = reps
        self.seed = seed
        self.design = design
    }

    /// The most specifications one run fits (2¹⁶).
    public static let specificationLimit = 65_536
}

/// A one-line error of the multiverse (bad input, not estimation problems: those stay in the rows).
public struct MultiverseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
