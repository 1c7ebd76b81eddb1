import Estimation
import SurveyData

/// Hand-made model results and codebook for renderer tests: no estimation involved, so the
/// numbers are arbitrary but fixed (loosely shaped like the paper's Table 3).
enum Sample {
    static let codebook = Codebook(dataset: "sample", variables: [
        VariableInfo(name: "skill", labelEN: "Skill grade", labelZH: "技能水平", type: .ordinal,
                     values: [ValueLabel(code: 1, labelEN: "none", labelZH: "无技术等级"),
                              ValueLabel(code: 2, labelEN: "junior", labelZH: "初级工"),
                              ValueLabel(code: 3, labelEN: "intermediate", labelZH: "中级工")]),
        VariableInfo(name: "union", labelEN: "Union member", labelZH: "加入工会", type: .binary,
                     values: [ValueLabel(code: 0, labelEN: "no", labelZH: "否"),
                              ValueLabel(code: 1, labelEN: "yes", labelZH: "是")]),
        VariableInfo(name: "age", labelEN: "Age", labelZH: "年龄", type: .continuous),
        VariableInfo(name: "educ", labelEN: "Education", labelZH: "受教育程度", type: .categorical,
                     values: [ValueLabel(code: 1, labelEN: "primary", labelZH: "小学及以下"),
                              ValueLabel(code: 2, labelEN: "secondary", labelZH: "中学"),
                              ValueLabel(code: 3, labelEN: "tertiary", labelZH: "大学")]),
    ])

    static func coefficient(_ term: String, _ variable: String?, _ level: Double? = nil,
                            _ b: Double, _ se: Double, _ p: Double,
                            std: (Double, Double, Double)? = nil) -> Coefficient {
        Coefficient(term: term, variable: variable, level: level, estimate: b, se: se, z: b / se, p: p,
                    ciLow: b - 1.96 * se, ciHigh: b + 1.96 * se,
                    bStdX: std?.0, bStdY: std?.1, bStdXY: std?.2)
    }

    static var ols: ModelResult {
        var r = ModelResult(
            spec: ModelSpec(kind: .ols, formula: "skill ~ union + age + i.educ"), outcome: "skill",
            n: 3067, converged: true, iterations: 0,
            coefficients: [
                coefficient("union", "union", nil, 0.084, 0.0523, 0.1086),
                coefficient("age", "age", nil, 0.030, 0.0035, 0.0000001),
                coefficient("educ=2", "educ", 2, 0.113, 0.1689, 0.5034),
                coefficient("educ=3", "educ", 3, -0.516, 0.1852, 0.0054),
                coefficient("_cons", nil, nil, 0.512, 0.2001, 0.0105),
            ])
        r.r2 = 0.229; r.adjR2 = 0.2261; r.fStat = 91.2; r.fDF1 = 4; r.fDF2 = 3062
        r.loglik = -4210.337; r.aic = 8430.674; r.bic = 8460.82
        return r
    }

    static var ologit: ModelResult {
        var r = ModelResult(
            spec: ModelSpec(kind: .ologit, formula: "skill ~ union + age + i.educ"), outcome: "skill",
            outcomeLevels: [1, 2, 3], n: 3067, converged: true, iterations: 4,
            coefficients: [
                coefficient("union", "union", nil, 0.262, 0.1191, 0.0278, std: (0.09, 0.14, 0.05)),
                coefficient("age", "age", nil, 0.061, 0.0071, 0.0000001, std: (0.52, 0.03, 0.28)),
                coefficient("educ=2", "educ", 2, 0.201, 0.3911, 0.6073, std: (0.08, 0.11, 0.04)),
            ],
            cutpoints: [
                coefficient("cut1", nil, nil, 3.514, 0.4411, 0.0000001),
                coefficient("cut2", nil, nil, 4.222, 0.4438, 0.0000001),
            ],
            omitted: [OmittedTerm(term: "educ=3", reason: "collinearity")],
            dropped: [DroppedRows(reason: "missing values", count: 12)],
            margins: [
                MarginalEffect(term: "union", outcome: "1", at: .average, effect: -0.0504, se: 0.0231, z: -2.18, p: 0.029),
                MarginalEffect(term: "union", outcome: "2", at: .average, effect: 0.0081, se: 0.0037, z: 2.19, p: 0.0285),
                MarginalEffect(term: "union", outcome: "3", at: .average, effect: 0.0423, se: 0.0195, z: 2.17, p: 0.030),
                MarginalEffect(term: "age", outcome: "1", at: .average, effect: -0.0121, se: 0.0014, z: -8.6, p: 0.0000001),
                MarginalEffect(term: "age", outcome: "2", at: .average, effect: 0.0020, se: 0.0004, z: 5.0, p: 0.0000006),
                MarginalEffect(term: "age", outcome: "3", at: .average, effect: 0.0101, se: 0.0012, z: 8.4, p: 0.0000001),
            ])
        r.loglik = -3120.456; r.loglikNull = -3480.1; r.lrChi2 = 719.288; r.lrDF = 3; r.lrP = 0
        r.pseudoR2 = 0.1033; r.aic = 6250.91; r.bic = .nan
        r.notes = ["convergence achieved"]
        return r
    }
}
