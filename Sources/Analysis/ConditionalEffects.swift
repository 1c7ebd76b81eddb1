import Foundation
import Synchronization
import Estimation
import SurveyData

/// The Margins view's conditional effects (issue 14): the key regressor's average marginal effect
/// at each value of the variable it is interacted with — or of the mediation's moderator when it
/// is in the models — as `pathlens fit … --margins --dydx X --at 'W=(…)'` and Stata's
/// `margins, dydx(x) at(w=(…))` give them.
public struct ConditionalEffectsPlan: Sendable, Equatable, Hashable {
    /// The key regressor.
    public var variable: String
    /// W: what the effect is conditioned on.
    public var moderator: String
    /// W's values: a factor's levels in the sample; a continuous W's mean and ±1 SD (n − 1, as
    /// PROCESS), rounded to 4 significant digits so the values shown are the values used.
    public var values: [Double]

    public var request: MarginsRequest {
        MarginsRequest(dydx: [variable], at: [.init(variable: moderator, values: values)])
    }

    /// The conditional effects the screen's specification calls for, or nil: W is the first
    /// variable a control term interacts with the key regressor (`c.union##i.industry`), else the
    /// moderator when a control term enters it. `rows`: the screen's sample, for W's values.
    public static func plan(_ spec: Specification, measured data: Dataset, rows: [Bool]) -> ConditionalEffectsPlan? {
        let x = spec.keyRegressor
        let controls = spec.effectiveControls
        let interacted = controls.lazy
            .filter { $0.contains("#") }
            .map { FormulaTerms.variables(of: $0) }
            .first { $0.contains(x) && $0.contains { $0 != x } }?
            .first { $0 != x }
        let entered = Set(controls.flatMap { FormulaTerms.variables(of: $0) })
        guard let w = interacted ?? spec.moderator.flatMap({ entered.contains($0) && $0 != x ? $0 : nil }),
              let column = data.column(w)?.values else { return nil }
        let observed = zip(column, rows).compactMap { value, inSample in inSample && value.isFinite ? value : nil }
        guard !observed.isEmpty else { return nil }
        let levels = Array(Set(observed)).sorted()
        let values: [Double]
        if isFactor(w, controls: controls, data: data, spec: spec) || levels.count <= 2 {
            values = levels
        } else {
            let n = Double(observed.count)
            let mean = observed.reduce(0, +) / n
            let sd = n > 1 ? (observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() : 0
            values = [mean - sd, mean, mean + sd].map(fourDigits)
        }
        return ConditionalEffectsPlan(variable: x, moderator: w, values: values)
    }

    /// W enters the formula as a factor: `i.`/`ib#.`, bare inside `#`, or bare and typed categorical.
    static func isFactor(_ w: String, controls: [String], data: Dataset, spec: Specification) -> Bool {
        guard let formula = try? Formula.parse("\(spec.outcome) ~ " + controls.joined(separator: " + ")) else { return false }
        let type = ControlEntry.measuredInfo(w, in: data, spec: spec)?.type
        return formula.terms.contains { term in
            term.factors.contains { f in
                guard f.variable == w else { return false }
                if case .factor = f.kind { return true }
                return f.kind == .automatic && type == .categorical
            }
        }
    }

    static func fourDigits(_ v: Double) -> Double { Double(String(format: "%.4g", v)) ?? v }
}

/// One model column's conditional effects: `margins` rows carry `atValue` `"W=v"`.
public struct ConditionalEffects: Sendable {
    public var plan: ConditionalEffectsPlan
    public var margins: [MarginalEffect]
    /// Why the effects could not be computed, with `margins` empty.
    public var failure: ConditionalEffectsFailure?
}

/// Why a column has no conditional effects (rendered in the reader's language at draw time).
public enum ConditionalEffectsFailure: Sendable, Equatable {
    /// gologit/goprobit: margins per column only, as `fit` refuses `--at` for them.
    case generalized
    /// The refit's one-line estimation error (Stata-style English, as every fit error).
    case fit(String)

    public func text(_ language: Language) -> String {
        switch self {
        case .generalized:
            return language == .zh ? "gologit/goprobit 暂不支持条件边际效应（--at）"
                                   : "gologit/goprobit do not give conditional effects (--at) yet"
        case .fit(let message): return message
        }
    }
}

extension ConditionalEffects {
    /// The lineup's columns with their conditional effects: each (unstandardized, fitted) column is
    /// refitted from its own estimates — Newton stops at once, the same numbers — with the plan's
    /// margins request. The generalized ordered columns' margins are per column, as `fit`'s.
    static func attach(_ models: [FittedModel], plan: ConditionalEffectsPlan, data: Dataset, cache: FitCache,
                       measures: [String: VariableType], isCancelled: @escaping @Sendable () -> Bool) -> [FittedModel] {
        let wanted = models.indices.filter { !models[$0].plan.standardized && models[$0].result != nil }
        let computed = Mutex<[Int: ConditionalEffects]>([:])
        DispatchQueue.concurrentPerform(iterations: wanted.count) { i in
            if isCancelled() { return }
            let index = wanted[i]
            guard let result = models[index].result else { return }
            let spec = models[index].plan.spec
            let effects = cache.conditional(spec, plan, measures: measures) {
                compute(spec, base: result, plan: plan, data: data)
            }
            computed.withLock { $0[index] = effects }
        }
        var out = models
        for (index, effects) in computed.withLock({ $0 }) { out[index].conditional = effects }
        return out
    }

    static func compute(_ spec: ModelSpec, base: ModelResult, plan: ConditionalEffectsPlan, data: Dataset) -> ConditionalEffects {
        if spec.kind.isGeneralizedOrdered {
            return ConditionalEffects(plan: plan, margins: [], failure: .generalized)
        }
        var options = FitOptions(margins: true)
        options.marginsRequest = plan.request
        if spec.kind != .ols { options.start = base.coefficients.map(\.estimate) + base.cutpoints.map(\.estimate) }
        do {
            let result = try fitModel(spec, data: data, options: options)
            return ConditionalEffects(plan: plan, margins: result.margins.filter { $0.atValue != nil })
        } catch {
            return ConditionalEffects(plan: plan, margins: [], failure: .fit("\(error)"))
        }
    }
}

