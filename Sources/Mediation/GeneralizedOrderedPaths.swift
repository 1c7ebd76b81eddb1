import SurveyData
import Estimation

/// One Baron–Kenny path of a gologit/goprobit outcome model: the coefficient of the split
/// y > `equation` (fit's `equation`), or the single coefficient of a constrained term (`equation` nil).
public struct EquationPath: Sendable, Equatable, Codable {
    /// "c", "b" or "c_prime".
    public var path: String
    public var equation: String?
    public var estimate: Double
    public var se: Double
    public var p: Double

    public init(path: String, equation: String?, estimate: PathEstimate) {
        self.path = path; self.equation = equation
        self.estimate = estimate.estimate; self.se = estimate.se; self.p = estimate.p
    }
    public var pathEstimate: PathEstimate { PathEstimate(estimate: estimate, se: se, p: p) }
}

/// The Baron–Kenny verdict of one equation (split y > `equation`): a with that equation's b and c′.
public struct EquationVerdict: Sendable, Equatable, Codable {
    public var equation: String
    public var verdict: MediationVerdict
}

/// Baron–Kenny under partial proportional odds: the outcome equations fitted by gologit/goprobit
/// give b and c′ (and the total model c) per split; the verdict is read on each equation with the
/// common a, and the headline verdict is the weakest of them (none < partial < full), so "full"
/// claims full mediation in every equation.
enum GeneralizedOrderedPaths {
    /// The rows of `term` in `result`: one per equation, or one (equation nil) when constrained.
    static func rows(_ path: String, term: String, in result: ModelResult, label: String) throws(MediationError) -> [EquationPath] {
        let rows = result.coefficients.filter { $0.term == term }
        guard !rows.isEmpty else {
            let why = result.omitted.first { $0.term == term }?.reason.text(.en) ?? "not estimated"
            throw .estimation("\(label): '\(term)' omitted (\(why))")
        }
        return rows.map { EquationPath(path: path, equation: $0.equation, estimate: PathEstimate($0)) }
    }

    /// The equations (split codes) of a generalized fit, in order (every equation has `_cons`).
    static func equations(_ result: ModelResult) -> [String] {
        var out: [String] = []
        for c in result.coefficients { if let e = c.equation, !out.contains(e) { out.append(e) } }
        return out
    }

    /// The path of one equation: its own row, or the constrained term's single row.
    static func path(_ rows: [EquationPath], equation: String) -> PathEstimate? {
        (rows.first { $0.equation == equation } ?? rows.first { $0.equation == nil })?.pathEstimate
    }

    /// A path's single headline value: the constrained coefficient, else undefined (JSON null).
    static func headline(_ rows: [EquationPath]) -> PathEstimate {
        rows.count == 1 ? rows[0].pathEstimate : PathEstimate(estimate: .nan, se: .nan, p: .nan)
    }

    static func result(a: PathEstimate, total: ModelResult, full: ModelResult, x: String, m: String,
                       mediatorModel: ModelKind, outcomeModel: ModelKind, alpha: Double) throws(MediationError) -> BaronKennyResult {
        let c = try rows("c", term: x, in: total, label: "total-effect model")
        let b = try rows("b", term: m, in: full, label: "outcome model")
        let cp = try rows("c_prime", term: x, in: full, label: "outcome model")
        var verdicts: [EquationVerdict] = []
        for e in equations(full) {
            guard let be = path(b, equation: e), let ce = path(cp, equation: e) else { continue }
            verdicts.append(EquationVerdict(equation: e, verdict: BaronKenny.verdict(a: a, b: be, cPrime: ce, alpha: alpha)))
        }
        let rank: [MediationVerdict: Int] = [.none: 0, .partial: 1, .full: 2]
        let weakest = verdicts.min { rank[$0.verdict]! < rank[$1.verdict]! }?.verdict ?? .none
        var result = BaronKennyResult(a: a, b: headline(b), c: headline(c), cPrime: headline(cp), verdict: weakest,
                                      alpha: alpha, proportionOfTotal: .nan, proportionOfSum: .nan,
                                      warnings: BaronKenny.scaleWarnings(mediatorModel: mediatorModel, outcomeModel: outcomeModel)
                                        .filter { $0.hasPrefix("c and c′") }) // no a·b is reported
        result.byEquation = c + b + cp
        result.equationVerdicts = verdicts
        return result
    }
}

extension GeneralizedOrderedPaths {
    /// gologit/goprobit outcomes need an ordered outcome with at least 3 categories, and are not
    /// (yet) combined with a moderator or a survey design (gologit refuses designs in `fit` too).
    static func validateOptions(_ spec: MediationSpec, kind: ModelKind) throws(MediationError) {
        let option = "--y-model \(kind.rawValue)"
        if spec.moderation != nil {
            throw .invalidSpec("\(option) cannot be combined with --moderator (moderated mediation needs ologit/oprobit or a binary/ols outcome)")
        }
        if spec.design != nil {
            throw .invalidSpec("\(option) cannot be combined with --svy (gologit/goprobit refuse survey designs; use --svy none)")
        }
    }

    static func validate(_ spec: MediationSpec, kind: ModelKind, data: Dataset) throws(MediationError) {
        try validateOptions(spec, kind: kind)
        let option = "--y-model \(kind.rawValue)"
        let type = data.info(spec.y)?.type
        let levels = Set(data.column(spec.y)?.values.filter { !$0.isNaN } ?? [])
        // An uninferred CSV types a 1–5 scale continuous: integer codes count as ordered categories.
        let nonInteger = levels.contains { $0 != $0.rounded() }
        if type == .binary || type == .categorical || levels.count < 3 || nonInteger {
            let what = nonInteger ? "not integer-coded" : "\(type.map { "\($0)" } ?? "numeric") with \(levels.count) distinct values"
            throw .invalidSpec("\(option) needs an ordinal outcome with at least 3 categories; '\(spec.y)' is \(what)")
        }
    }

    /// The requested methods that do not run under a generalized outcome (Baron–Kenny only, yet).
    static func skipped(_ options: MediationOptions) -> [String] {
        [("sobel", MediationMethod.sobel), ("bootstrap", .bootstrap)]
            .filter { options.runs($0.1) }.map(\.0)
    }
}
