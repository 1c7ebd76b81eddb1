import Foundation
import Estimation
import Mediation
import Reports
import SurveyData

/// A placeholder with the number it was filled with: `value` is the unrounded result (nil for
/// words such as the verdict), `text` what the lesson shows.
public struct FilledPlaceholder: Sendable, Equatable {
    public var placeholder: Placeholder
    public var value: Double?
    public var text: String
}

/// Fills placeholders from a step's results (and its pinned baseline's).
struct PlaceholderResolver {
    let results: StepResults
    let baseline: StepResults?
    let language: Language
    let reference: ReferenceStudy?

    func fill(_ p: Placeholder) throws(PlaceholderFailure) -> FilledPlaceholder {
        let digits = p.effectiveDigits
        func number(_ v: Double, scale: Double = 1) -> FilledPlaceholder {
            FilledPlaceholder(placeholder: p, value: v * scale, text: NumberFormat.fixed(v * scale, digits))
        }
        func word(_ s: String) -> FilledPlaceholder { FilledPlaceholder(placeholder: p, value: nil, text: s) }
        let args = p.arguments

        if [.delta, .betastar, .rv, .rva, .r2yd].contains(p.kind) {
            let s = try sensitivity(args[0])
            switch p.kind {
            case .delta:
                guard let v = s.delta else { throw PlaceholderFailure("Oster's δ is undefined for \(args[0])") }
                return number(v)
            case .betastar:
                guard let v = s.betaStar else { throw PlaceholderFailure("β* has no real root for \(args[0])") }
                return number(v)
            case .rv: return number(s.rvQ, scale: 100)
            case .rva: return number(s.rvQA, scale: 100)
            default: return number(s.r2ydx, scale: 100)
            }
        }
        if p.kind.usesModel {
            let model = try self.model(args[0])
            switch p.kind {
            case .sdy:
                guard let v = model.sdY else { throw PlaceholderFailure("\(args[0]) has no sd(y*)") }
                return number(v)
            case .pseudor2:
                guard let v = model.pseudoR2 else { throw PlaceholderFailure("\(args[0]) has no pseudo R2") }
                return number(v)
            case .r2:
                guard let v = model.r2 else { throw PlaceholderFailure("\(args[0]) has no R2") }
                return number(v)
            case .nmodel:
                return number(Double(model.n))
            case .cut:
                guard let c = model.cutpoints.first(where: { $0.term == "cut" + args[1] }) else {
                    throw PlaceholderFailure("\(args[0]) has no cutpoint \(args[1])")
                }
                return number(c.estimate)
            case .ame, .mem:
                let at: MarginalEffect.At = p.kind == .ame ? .average : .means
                guard let m = model.margins.first(where: { $0.term == args[1] && $0.outcome == args[2] && $0.at == at }) else {
                    throw PlaceholderFailure("no marginal effect of '\(args[1])' on outcome \(args[2]) in \(args[0])")
                }
                return number(m.effect, scale: 100)
            default:
                let c = try coefficient(model, args[1], modelID: args[0])
                switch p.kind {
                case .coef: return number(c.estimate)
                case .se: return number(c.se)
                case .z: return number(c.z)
                case .p: return number(c.p)
                case .stars:
                    let stars = NumberFormat.stars(c.p)
                    return word(stars.isEmpty ? "n.s." : stars)
                case .or: return number(exp(c.estimate))
                case .sig: return word(Self.significance(c.p, language))
                case .bstdx:
                    guard let v = c.bStdX else { throw PlaceholderFailure("no bStdX for '\(args[1])'") }
                    return number(v)
                case .bstdxy:
                    guard let v = c.bStdXY else { throw PlaceholderFailure("no bStdXY for '\(args[1])'") }
                    return number(v)
                default: break
                }
            }
        }

        switch p.kind {
        case .n:
            return number(Double(results.n))
        case .pct, .count:
            let (variable, code) = split(args[0])
            guard let d = results.descriptions.first(where: { $0.variable == variable }),
                  let c = d.categories.first(where: { $0.code == code }) else {
                throw PlaceholderFailure("no category \(formatCode(code)) of '\(variable)' in the sample")
            }
            if p.kind == .count {
                return number(c.count)
            }
            return number(c.percent)
        case .mean, .sd:
            guard let d = results.descriptions.first(where: { $0.variable == args[0] }) else {
                throw PlaceholderFailure("'\(args[0])' is not described")
            }
            return number(p.kind == .mean ? d.mean : d.sd)
        case .colpct:
            let (row, rowCode) = split(args[0]), (column, columnCode) = split(args[1])
            guard let t = results.crosstabs[LessonCrosstab(row: row, column: column)],
                  let i = t.rowCodes.firstIndex(of: rowCode), let j = t.columnCodes.firstIndex(of: columnCode) else {
                throw PlaceholderFailure("no cell \(args[0]), \(args[1]) in the crosstab")
            }
            return number(t.columnPercent(i, j))
        case .chi2, .cramersv, .gamma:
            guard let t = results.crosstabs[LessonCrosstab(row: args[0], column: args[1])] else {
                throw PlaceholderFailure("no crosstab \(args[0]) x \(args[1])")
            }
            return number(p.kind == .chi2 ? t.chi2 : p.kind == .cramersv ? t.cramersV : t.gamma)
        case .paper:
            guard let reference else { throw PlaceholderFailure("no reference study's figures are available") }
            return number(reference.publishedIndirectShare, scale: 100)
        default: break
        }

        // Mediation.
        guard let result = results.mediation, let first = result.mediators.first else {
            throw PlaceholderFailure("the mediation analysis failed: \(results.mediationError ?? "no result")")
        }
        let paths = first.paths
        func path(_ name: String) -> PathEstimate {
            switch name {
            case "a": return paths.a
            case "b": return paths.b
            case "c": return paths.c
            default: return paths.cPrime
            }
        }
        switch p.kind {
        case .path: return number(path(args[0]).estimate)
        case .pathz: return number(path(args[0]).estimate / path(args[0]).se)
        case .verdict: return word(Self.verdict(paths.verdict, language))
        case .alpha: return number(paths.alpha)
        case .indirect: return number(first.indirect.estimate)
        case .sobelz: return number(first.indirect.sobelZ)
        case .share: return number(args[0] == "sum" ? paths.proportionOfSum : paths.proportionOfTotal, scale: 100)
        case .khb:
            guard let k = result.khb else { throw PlaceholderFailure("KHB did not run") }
            switch args[0] {
            case "reduced": return number(k.reduced.estimate)
            case "full": return number(k.full.estimate)
            case "naive": return number(k.naive.estimate)
            case "diff": return number(k.diff.estimate)
            case "pct": return number(k.confPct)
            default: return number(k.rescFact)
            }
        default: break
        }
        guard let causal = first.causal else { throw PlaceholderFailure("causal mediation did not run") }
        let e = causal.effects
        switch p.kind {
        case .acme: return number(e.acmeAverage.estimate)
        case .ade: return number(e.adeAverage.estimate)
        case .totaleffect: return number(e.total.estimate)
        case .propmed: return number(e.propMediatedAverage.estimate, scale: 100)
        case .acmelow, .acmehigh:
            guard let ci = e.acmeAverage.ci else { throw PlaceholderFailure("the ACME has no interval") }
            return number(p.kind == .acmelow ? ci.low : ci.high)
        case .rho0:
            guard let rho = causal.sensitivity?.rhoAtZero else { throw PlaceholderFailure("no sensitivity analysis") }
            return number(rho)
        default:
            throw PlaceholderFailure("cannot fill")
        }
    }

    private func model(_ reference: String) throws(PlaceholderFailure) -> ModelResult {
        var id = reference, source = results
        if reference.hasPrefix("base:") {
            id = String(reference.dropFirst(5))
            guard let baseline else { throw PlaceholderFailure("no pinned baseline") }
            source = baseline
        }
        if let r = source.fits[id] { return r }
        throw PlaceholderFailure("model '\(reference)' failed: \(source.fitErrors[id] ?? "not fitted")")
    }

    /// The omitted-variable sensitivity of an OLS model's key regressor (nil for other columns).
    private func sensitivity(_ reference: String) throws(PlaceholderFailure) -> OmittedVariableSensitivity {
        var id = reference, source = results
        if reference.hasPrefix("base:") {
            id = String(reference.dropFirst(5))
            guard let baseline else { throw PlaceholderFailure("no pinned baseline") }
            source = baseline
        }
        _ = try model(reference)
        if let s = source.sensitivity[id] { return s }
        throw PlaceholderFailure("no sensitivity statistics for '\(reference)' (only a classical OLS outcome model has them)")
    }

    private func coefficient(_ model: ModelResult, _ term: String, modelID: String) throws(PlaceholderFailure) -> Coefficient {
        if let c = model.coefficient(term) ?? model.cutpoints.first(where: { $0.term == term }) { return c }
        if let o = model.omitted.first(where: { $0.term == term }) {
            throw PlaceholderFailure("'\(term)' is omitted from \(modelID) (\(o.reason))")
        }
        let known = model.coefficients.map(\.term).joined(separator: ", ")
        throw PlaceholderFailure("no term '\(term)' in \(modelID) (terms: \(known))")
    }

    private func split(_ arg: String) -> (String, Double) {
        let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
        return (parts[0], Double(parts.count > 1 ? parts[1] : "") ?? .nan)
    }

    /// The conventional reading of a p-value against the paper's 1 / 5 / 10 % levels.
    static func significance(_ p: Double, _ language: Language) -> String {
        let level = p < 0.01 ? "1" : p < 0.05 ? "5" : p < 0.1 ? "10" : nil
        switch (level, language) {
        case (let l?, .en): return "significant at the \(l) % level"
        case (nil, .en): return "not significant at the 10 % level"
        case (let l?, .zh): return "在 \(l)% 水平上显著"
        case (nil, .zh): return "在 10% 水平上不显著"
        }
    }

    static func verdict(_ v: MediationVerdict, _ language: Language) -> String { v.text(language) }
}

struct PlaceholderFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
