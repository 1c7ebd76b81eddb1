import Estimation

/// `pathlens sensitivity --format json`: field names as psacalc and sensemakr name them (data
/// keys, not words for the screen, hence outside the string table).
extension SensitivityReport {
    /// The JSON report: inputs (`rmax`, `r2max`, `estimate`, `se`, `dof`, `r2_short`, `r2_long`…),
    /// Oster's `delta` and `beta_star`, sensemakr's `r2yd_x`, `rv_q`, `rv_qa` and `bounds[]`.
    public static func json(_ s: OmittedVariableSensitivity, controls: String, condition: String?, data: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("command", .string("sensitivity")), ("data", .string(data)),
            ("y", .string(s.outcome)), ("x", .string(s.treatment)), ("controls", .string(controls)),
            ("condition", .string(condition)),
            ("n", .integer(s.n)), ("dof", .integer(s.dof)),
            ("estimate", .number(s.estimate)), ("se", .number(s.se)), ("t_statistic", .number(s.t)),
            ("estimate_short", .number(s.estimateShort)), ("r2_short", .number(s.r2Short)), ("r2_long", .number(s.r2Long)),
            ("rmax", .number(s.rmax)), ("r2max", .number(s.r2max)),
            ("var_y", .number(s.varY)), ("var_x", .number(s.varX)), ("var_x_resid", .number(s.varXResidual)),
            ("delta", .number(s.delta)), ("beta_star", .number(s.betaStar)), ("beta_star_alt", .number(s.betaStarAlternative)),
            ("q", .number(s.q)), ("alpha", .number(s.alpha)),
            ("r2yd_x", .number(s.r2ydx)), ("rv_q", .number(s.rvQ)), ("rv_qa", .number(s.rvQA)),
            ("benchmark", .string(s.benchmark)), ("r2dxj_x", .number(s.r2dxjx)), ("r2yxj_dx", .number(s.r2yxjdx)),
        ]
        members.append(("bounds", .array(s.bounds.map { b in
            .object([("bound_label", .string(b.label)), ("kd", .number(b.kd)), ("ky", .number(b.ky)),
                     ("r2dz_x", .number(b.r2dzx)), ("r2yz_dx", .number(b.r2yzdx)),
                     ("adjusted_estimate", .number(b.adjustedEstimate)), ("adjusted_se", .number(b.adjustedSE)),
                     ("adjusted_t", .number(b.adjustedT)), ("adjusted_lower_CI", .number(b.adjustedLower)),
                     ("adjusted_upper_CI", .number(b.adjustedUpper))])
        })))
        members.append(("impossible_kd", .array(s.impossibleMultipliers.map { .number($0) })))
        members.append(("notes", .array(s.notes.map { .string($0) })))
        return .object(members)
    }
}
