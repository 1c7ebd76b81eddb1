import Foundation
import Estimation
import SurveyData

/// One specification of the multiverse: which control units are on, on which subsample, with
/// which estimator. Its effects are rows of `MultiverseResult`.
public struct MultiverseSpecification: Sendable, Equatable, Hashable {
    /// 1-based, in plan order (subsample, then estimator, then control subset).
    public var id: Int
    /// Bit u set: control unit u is in the model.
    public var mask: UInt64
    /// The labels of the units that are on (group names, or terms with `--controls-from variables`).
    public var controls: [String]
    /// The control terms that are on (without the fixed terms).
    public var terms: [String]
    public var subsample: Int
    public var estimator: ModelKind
    /// Every unit on, the first subsample, the first estimator: the paper's specification when the
    /// codebook's groups are the paper's controls (marked on the curve).
    public var isBase: Bool
}

/// A unit the specifications switch on and off: a codebook control group, or one of its terms.
public struct MultiverseUnit: Sendable, Equatable, Hashable {
    public var label: String
    public var terms: [String]
}

/// The request checked against the data and expanded into its specifications (every subset of the
/// control units × subsamples × estimators). Bad input fails here, before anything is fitted.
public struct MultiversePlan: Sendable, Equatable {
    public var request: MultiverseRequest
    /// How the key regressor enters (`i.union` for a binary one, so its AME is the change 1 vs 0).
    public var keyTerm: String
    public var units: [MultiverseUnit]
    public var specifications: [MultiverseSpecification]

    public init(_ request: MultiverseRequest, dataset unmeasured: Dataset) throws(MultiverseError) {
        let dataset = unmeasured
        self.request = request
        let name = dataset.name
        for (option, v) in [("--x", request.x), ("--y", request.y)] + [request.m].compactMap({ $0 }).map({ ("--m", $0) }) {
            guard dataset.column(v) != nil else { throw MultiverseError("unknown variable '\(v)' in \(option) (dataset \(name))") }
        }
        let roles = [request.x, request.y] + [request.m].compactMap { $0 }
        guard Set(roles).count == roles.count else {
            throw MultiverseError("--x, --y and --m must be different variables (got \(roles.joined(separator: ", ")))")
        }
        guard request.level > 0, request.level < 1 else {
            throw MultiverseError("--level must be between 0 and 1 (got \(request.level))")
        }
        guard (0...1_000_000).contains(request.reps) else {
            throw MultiverseError("invalid value '\(request.reps)' for --reps (expected 0 to 1000000)")
        }
        guard !request.estimators.isEmpty else { throw MultiverseError("--estimators is empty (expected ols, logit, probit, ologit or oprobit)") }
        if let g = request.estimators.first(where: \.isGeneralizedOrdered) {
            throw MultiverseError("--estimators: \(g.rawValue) is not available in the multiverse (expected ols, logit, probit, ologit or oprobit)")
        }
        guard !request.effects.isEmpty else { throw MultiverseError("--effects is empty (expected coef, ame, indirect, khb or acme)") }
        guard !request.subsamples.isEmpty else { throw MultiverseError("--subsamples is empty") }
        for effect in request.effects where effect.isMediated {
            guard request.m != nil else {
                throw MultiverseError("--effects \(effect.rawValue) needs a mediator: pass --m VAR")
            }
            guard request.estimators.contains(where: effect.applies(to:)) else {
                throw MultiverseError("--effects \(effect.rawValue) is not defined for --estimators \(request.estimators.map(\.rawValue).joined(separator: ",")) (KHB needs a logit, probit, ologit or oprobit outcome model)")
            }
            guard request.vce == .oim else {
                throw MultiverseError("--effects \(effect.rawValue) with --vce \(request.vce): the mediation paths are estimated with oim variance only")
            }
        }
        if let rmax = request.rmax {
            guard rmax > 1, rmax.isFinite else {
                throw MultiverseError("--rmax must be greater than 1 (R²max = rmax·R̃²), not \(rmax)")
            }
            guard request.estimators.contains(.ols), request.effects.contains(.coef) else {
                throw MultiverseError("--rmax gives Oster's δ of OLS coefficients: it needs ols in --estimators and coef in --effects")
            }
            guard request.vce == .oim, request.design == nil else {
                throw MultiverseError("--rmax: Oster's δ is defined for classical unweighted OLS; not with --vce \(request.design == nil ? request.vce.description : "linearized") or a survey design")
            }
        }
        if let design = request.design {
            guard request.vce == .oim else {
                throw MultiverseError("--vce \(request.vce) cannot be combined with a survey design: the design gives the linearized variance (--svy none switches it off)")
            }
            if let effect = request.effects.first(where: \.isMediated) {
                throw MultiverseError("--effects \(effect.rawValue) under a survey design is not built yet in the multiverse (use mediate --svy [--subpop] for it): use coef or ame, or --svy none")
            }
            if let (key, v) = design.unknownVariable(in: dataset) {
                throw MultiverseError("unknown variable '\(v)' in --svy \(key)= (dataset \(name))")
            }
        }
        if case .cluster(let v) = request.vce, dataset.column(v) == nil {
            throw MultiverseError("unknown variable '\(v)' in --vce cluster:\(v) (dataset \(name))")
        }
        for term in request.fixed {
            for v in FormulaTerms.variables(of: term) where dataset.column(v) == nil {
                throw MultiverseError("unknown variable '\(v)' in --fixed term '\(term)' (dataset \(name))")
            }
        }

        keyTerm = ControlEntry.defaultTerm(request.x, info: dataset.info(request.x))

        // The units: codebook groups (or their terms), without the roles and the fixed terms.
        let fixedKeys = Set(request.fixed.map(Self.termKey))
        func usable(_ term: String) -> Bool {
            if fixedKeys.contains(Self.termKey(term)) { return false }
            return term.contains("#") || !roles.contains(FormulaTerms.variable(of: term))
        }
        let groups = dataset.codebook.controlGroups
        guard !groups.isEmpty else {
            throw MultiverseError("the codebook of '\(name)' has no control groups (control_groups in \(name).codebook.json): --controls-from \(request.controlsFrom.rawValue) has nothing to vary")
        }
        var units: [MultiverseUnit] = []
        switch request.controlsFrom {
        case .groups:
            for g in groups {
                let terms = g.terms.filter(usable)
                if !terms.isEmpty { units.append(MultiverseUnit(label: g.name, terms: terms)) }
            }
        case .variables:
            var seen = Set<String>()
            for t in groups.flatMap(\.terms) where usable(t) && seen.insert(Self.termKey(t)).inserted {
                units.append(MultiverseUnit(label: t, terms: [t]))
            }
        }
        guard !units.isEmpty else {
            throw MultiverseError("the control groups of '\(name)' have no term besides --x, --y, --m and --fixed: nothing to vary")
        }
        for unit in units {
            for t in unit.terms {
                for v in FormulaTerms.variables(of: t) where dataset.column(v) == nil {
                    throw MultiverseError("unknown variable '\(v)' in control group term '\(t)' (\(name).codebook.json)")
                }
            }
        }
        self.units = units

        // Count before expanding: 2^G × subsamples × estimators.
        let g = units.count, s = request.subsamples.count, e = request.estimators.count
        let limit = MultiverseRequest.specificationLimit
        let product: (partialValue: Int, overflow: Bool) = g < 62 ? (1 << g).multipliedReportingOverflow(by: s * e) : (0, true)
        if product.overflow || product.partialValue > limit {
            let count = product.overflow ? "2^\(g) × \(s * e)" : "\(product.partialValue)"
            throw MultiverseError("\(count) specifications (2^\(g) control subsets × \(s) subsamples × \(e) estimators): more than the limit of \(limit) (2^16); fix some controls with --fixed, use --controls-from groups, or fewer subsamples or estimators")
        }

        var specs: [MultiverseSpecification] = []
        let full = UInt64((1 << g) - 1)
        for sub in 0..<s {
            for kind in request.estimators {
                for mask in 0...full {
                    let on = (0..<g).filter { mask & (1 << UInt64($0)) != 0 }
                    specs.append(MultiverseSpecification(
                        id: specs.count + 1, mask: mask, controls: on.map { units[$0].label },
                        terms: on.flatMap { units[$0].terms }, subsample: sub, estimator: kind,
                        isBase: mask == full && sub == 0 && kind == request.estimators[0]))
                }
            }
        }
        specifications = specs
    }

    /// Every variable any specification uses: the rows of one subsample are the same for all of them.
    public var sampleVariables: [String] {
        var names = [request.y, request.x] + [request.m].compactMap { $0 }
        for t in request.fixed + units.flatMap(\.terms) {
            for v in FormulaTerms.variables(of: t) where !names.contains(v) { names.append(v) }
        }
        if case .cluster(let v) = request.vce, !names.contains(v) { names.append(v) }
        for v in request.design?.variables ?? [] where !names.contains(v) { names.append(v) }
        return names
    }

    /// The `if` condition of subsample `index`, with `--if` (both must hold).
    public func condition(subsample index: Int) -> String? {
        let parts = [request.condition, request.subsamples[index].condition].compactMap { $0 }
        switch parts.count {
        case 0: return nil
        case 1: return parts[0]
        default: return parts.map { "(\($0))" }.joined(separator: " & ")
        }
    }

    /// The model of subsample `index` with `formula`: its `if` rows, or under a survey design the
    /// subsample as a subpopulation of the design (`--if` alone restricting the design), as
    /// `fit --svy … --subpop …` estimates it.
    public func modelSpec(_ kind: ModelKind, formula: String, subsample index: Int) -> ModelSpec {
        guard let design = request.design else {
            return ModelSpec(kind: kind, formula: formula, condition: condition(subsample: index), vce: request.vce,
                             sampleVariables: sampleVariables)
        }
        var spec = ModelSpec(kind: kind, formula: formula, condition: request.condition, vce: .oim,
                             sampleVariables: sampleVariables)
        spec.design = design
        spec.subpop = request.subsamples[index].condition
        return spec
    }

    /// The outcome formula of a specification.
    public func formula(_ spec: MultiverseSpecification) -> String {
        "\(request.y) ~ " + ([keyTerm] + request.fixed + spec.terms).joined(separator: " + ")
    }

    /// The index of the base specification.
    public var baseIndex: Int? { specifications.firstIndex(where: \.isBase) }

    /// Order-free identity of a term text (`i.a#i.b` = `i.b#i.a`), the text itself when it does not parse.
    static func termKey(_ term: String) -> String {
        guard let f = try? Formula.parse("_ ~ " + term) else { return term }
        return f.terms.map(\.key).joined(separator: "+")
    }
}
