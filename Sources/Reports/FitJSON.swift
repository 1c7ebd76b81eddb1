import Estimation
import SurveyData

/// The JSON object `pathlens fit --format json` prints — an interface other tools depend on.
/// Field names are fixed: model, n, converged, iterations, loglik, loglik_null, lr_chi2,
/// pseudo_r2, r2, aic, bic, coefficients[{term, estimate, se, z, p, ci_low, ci_high, b_std_x,
/// b_std_y, b_std_xy}], cutpoints[{term, estimate, se}], omitted[{term, reason}],
/// margins[{term, outcome, at, effect, se}]; more fields may be added, none renamed.
/// Absent and non-finite numbers are `null`.
public enum FitJSON {
    public static func value(_ r: ModelResult, codebook: Codebook? = nil, language: Language = .en,
                             notice: String? = nil) -> JSONValue {
        let labeler = TermLabeler(codebook: codebook, language: language)
        var members: [(String, JSONValue)] = [
            ("model", .string(r.model.rawValue)),
            ("outcome", .string(r.outcome)),
            ("formula", .string(r.spec.formula)),
            ("if", .string(r.spec.condition)),
            ("vce", .string(r.survey == nil ? r.spec.vce.description : "linearized")),
            ("weights", weights(r.spec.weights)),
            ("n", .integer(r.n)),
            ("converged", .bool(r.converged)),
            ("iterations", .integer(r.iterations)),
            ("loglik", .number(r.loglik)),
            ("loglik_null", .number(r.loglikNull)),
            ("lr_chi2", .number(r.lrChi2)),
            ("lr_df", .integer(r.lrDF)),
            ("lr_p", .number(r.lrP)),
            ("pseudo_r2", .number(r.pseudoR2)),
            ("r2", .number(r.r2)),
            ("adj_r2", .number(r.adjR2)),
            ("f", .number(r.fStat)),
            ("f_df1", .integer(r.fDF1)),
            ("f_df2", .integer(r.fDF2)),
            ("f_p", .number(r.fP)),
            ("aic", .number(r.aic)),
            ("bic", .number(r.bic)),
            ("sd_y", .number(r.sdY)),
        ]
        let generalized = r.model.isGeneralizedOrdered
        if let survey = r.survey { members.append(contentsOf: design(survey)) }
        let t = r.survey != nil
        members.append(("coefficients", .array(r.coefficients.map { c in
            .object((generalized ? [("equation", JSONValue.string(c.equation))] : []) + [
                ("term", .string(c.term)),
                ("label", .string(labeler.label(term: c.term, variable: c.variable, level: c.level))),
                ("variable", .string(c.variable)),
                ("level", .number(c.level)),
            ] + inference(c, t: t) + [
                ("b_std_x", .number(c.bStdX)),
                ("b_std_y", .number(c.bStdY)),
                ("b_std_xy", .number(c.bStdXY)),
            ])
        })))
        members.append(("cutpoints", .array(r.cutpoints.map { c in
            .object([("term", .string(c.term))] + inference(c, t: t))
        })))
        members.append(("omitted", .array(r.omitted.map {
            .object([("term", .string($0.term)), ("reason", .string($0.reason.text(.en)))])
        })))
        members.append(("dropped", .array(r.dropped.map {
            .object([("reason", .string($0.reason.text(.en))), ("count", .integer($0.count))])
        })))
        members.append(("margins", .array(r.margins.map { m in
            // `at`: "average"/"means", or the `--at` setting ("age=30"); `over` only with `--over`.
            var row: [(String, JSONValue)] = [
                ("term", .string(m.term)),
                ("outcome", .string(m.outcome)),
                ("at", .string(m.atValue ?? m.at.rawValue)),
            ]
            if let over = m.over { row.append(("over", .string(over))) }
            row += [("effect", .number(m.effect)), ("se", .number(m.se)), ("z", .number(m.z))]
                + (t ? [("t", .number(m.z))] : []) + [("p", .number(m.p))]
            return .object(row)
        })))
        if !r.contrasts.isEmpty {
            members.append(("contrasts", .array(r.contrasts.map { c in
                .object([("term", .string(c.term)), ("outcome", .string(c.outcome)), ("at", .string(c.at)),
                         ("effect", .number(c.effect)), ("se", .number(c.se)), ("z", .number(c.z)), ("p", .number(c.p))])
            })))
        }
        members.append(("predicted", .array(r.predicted.map {
            .object([("outcome", .string($0.outcome)), ("probability", .number($0.probability))])
        })))
        members += ParallelLinesJSON.members(r)
        members.append(("notes", .array(r.diagnostics.map { .string($0.text(.en)) })))
        members.append(("notice", .string(notice)))
        return .object(members)
    }

    /// The fields coefficients and cutpoints share, in interface order.
    /// `t`: a design-based fit, whose statistics are t on the design df — given as `t` beside `z`.
    private static func inference(_ c: Coefficient, t: Bool = false) -> [(String, JSONValue)] {
        [
            ("estimate", .number(c.estimate)),
            ("se", .number(c.se)),
            ("z", .number(c.z)),
        ] + (t ? [("t", .number(c.z))] : []) + [
            ("p", .number(c.p)),
            ("ci_low", .number(c.ciLow)),
            ("ci_high", .number(c.ciHigh)),
        ]
    }

    /// `subpop`, `design{psu strata weight fpc singleunit n_strata n_psu df population
    /// subpop_population singleton_strata}` of a linearized fit (Stata's svy header).
    private static func design(_ s: SurveySummary) -> [(String, JSONValue)] {
        [
            ("subpop", .string(s.subpop)),
            ("design", .object([
                ("psu", .string(s.design.psu)),
                ("strata", .string(s.design.strata)),
                ("weight", .string(s.design.weight)),
                ("fpc", .string(s.design.fpc)),
                ("singleunit", .string(s.design.singleUnit.rawValue)),
                ("n_strata", .integer(s.strataCount)),
                ("n_psu", .integer(s.psuCount)),
                ("df", .integer(s.df)),
                ("population", .number(s.population)),
                ("subpop_population", .number(s.subpopPopulation)),
                ("singleton_strata", .array(s.singletonStrata.map { .string($0) })),
            ])),
        ]
    }

    private static func weights(_ w: Weighting) -> JSONValue {
        switch w {
        case .none: return .null
        case .frequency(let v): return .object([("type", .string("fweight")), ("variable", .string(v))])
        case .sampling(let v): return .object([("type", .string("pweight")), ("variable", .string(v))])
        }
    }
}
