/// The fixed words of the report tables (Describe, Crosstab, Margins, the mediation tables'
/// notes) that `describe`, `crosstab`, `margins`, `mediate` and the explorer's views and exports
/// print. Part of the string table: `UITextTests` checks every entry here too. Only characters
/// of unambiguous width: these strings end up in aligned columns.
extension UIText {
    // MARK: Describe
    public static let describeTableTitle = Phrase("Descriptive statistics", "描述性统计")
    public static let describeVariable = Phrase("Variable", "变量")
    public static let describeCount = Phrase("N", "样本量/频数")
    public static let describeMeanPercent = Phrase("Mean / %", "均值/百分比")
    public static let describeMissing = Phrase("Missing values: {0}", "缺失值：{0}")
    public static let systemMissing = Phrase(". (system missing)", ".（系统缺失）")
    public static let userMissing = Phrase(" (user-missing)", "（用户缺失）")

    // MARK: Crosstab
    public static let columnPercentages = Phrase("Column percentages.", "百分比为列百分比。")
    public static let rowPercentages = Phrase("Row percentages.", "百分比为行百分比。")
    public static let crosstabExcluded = Phrase("{0} observations with missing values excluded.", "剔除缺失值 {0} 个。")
    public static let pearsonChi2 = Phrase("Pearson chi2({0}) = {1}, p {2}", "Pearson卡方({0}) = {1}, p {2}")
    public static let cramersV = Phrase("Cramer's V = {0}", "Cramer's V = {0}")
    public static let gammaASE = Phrase("Goodman-Kruskal gamma = {0} (ASE {1})", "Goodman-Kruskal gamma = {0} (ASE {1})")
    public static let tauBASE = Phrase("Kendall's tau-b = {0} (ASE {1})", "Kendall's tau-b = {0} (ASE {1})")

    // MARK: Margins
    public static let percentagePoints = Phrase("Effects in percentage points.", "边际效应以百分点表示。")

    // MARK: mediation tables' words (`MediationText`); the scale caveats' English is the engine's
    // (`BaronKenny.scaleWarnings`), which `MediationText` passes through
    public static let parenthesized = Phrase(" ({0})", "（{0}）")
    public static let intervalPercentile = Phrase("percentile", "百分位")
    public static let intervalBC = Phrase("BC", "BC")
    public static let intervalBCa = Phrase("BCa", "BCa")
    public static let causalQuasiBayesian = Phrase("quasi-bayesian", "准贝叶斯")
    public static let causalBootstrap = Phrase("bootstrap", "自助法")
    public static let sensitivityAnalytic = Phrase("analytic", "解析法")
    public static let sensitivityAnalyticLatent = Phrase("analytic (latent normal errors)", "解析法（潜变量正态误差）")
    public static let sensitivitySimulation = Phrase("simulation", "模拟法")
    public static let mediationStarsNote = Phrase("*** p < .01, ** p < .05, * p < .1", "***、**、* 分别表示在 1%、5% 和 10% 的水平上显著。")
    public static let verdictRule = Phrase("Verdict: a and b significant → partial if c′ is significant, full if not; otherwise none.",
                                           "结论：a 与 b 均显著时，c′ 显著为部分中介，c′ 不显著为完全中介；否则无中介效应。")
    public static let expectedCategory = Phrase("E({0}) (expected category code)", "E({0})（期望等级代码）")
    public static let missingVariable = Phrase("missing {0}", "缺失 {0}")
    public static let scaleMixedModels = Phrase("a is a {0} coefficient, b and c′ are {1} coefficients: a·b and the proportions mix the scales of different models (see the y*-standardized indirect effect and the causal estimates)",
                                                "a 是 {0} 系数，b 和 c′ 是 {1} 系数：a·b 及各比例混合了不同模型的尺度（参见 y* 标准化的间接效应和因果中介估计）")
    public static let scaleLatentProduct = Phrase("a·b multiplies coefficients of two {0} models, each on its own latent scale (see the y*-standardized indirect effect)",
                                                  "a·b 是两个 {0} 模型系数之积，两者各在自己的潜变量尺度上（参见 y* 标准化的间接效应）")
    public static let scaleRescaled = Phrase("c and c′ come from different {0} models whose latent scales differ (rescaling): c − c′ is not the indirect effect (see KHB)",
                                             "c 与 c′ 来自两个不同的 {0} 模型，潜变量尺度不同（重标度）：c − c′ 不是间接效应（参见 KHB）")

    // MARK: regression tables' fixed words (`ReportText`)
    public static let modelOLS = Phrase("OLS", "OLS")
    public static let modelLogit = Phrase("Logit", "Logit")
    public static let modelProbit = Phrase("Probit", "Probit")
    public static let modelOrderedLogit = Phrase("Ordered logit", "有序Logit")
    public static let latexAdjustedR2 = Phrase("Adjusted $R^2$", "调整$R^2$")
    public static let latexLRChi2 = Phrase("LR $\\chi^2$", "LR $\\chi^2$")
    public static let latexPseudoR2 = Phrase("Pseudo $R^2$", "伪$R^2$")
    public static let oddsRatioNote = Phrase("logit / ologit columns: odds ratios exp(b), standard errors exp(b)*se (delta method), tests on the untransformed coefficients; cutpoints untransformed.",
                                             "logit / ologit 列为比值比 exp(b)，标准误按 delta 法为 exp(b)·se，显著性检验基于未变换的系数；切点未变换。")
    public static let contrastsTitle = Phrase("Contrasts of marginal effects (--contrast)", "边际效应之差（--contrast）")
    public static let contrastOutcome = Phrase("Outcome", "结果")
    public static let contrastComparison = Phrase("Contrast", "比较")
    public static let contrastDifference = Phrase("Difference", "差")
    public static let contrastSE = Phrase("SE", "标准误")
    public static let modelGeneralizedOrderedLogit = Phrase("Generalized ordered logit", "广义有序Logit")
    public static let modelGeneralizedOrderedProbit = Phrase("Generalized ordered probit", "广义有序Probit")
    public static let modelOrderedProbit = Phrase("Ordered probit", "有序Probit")
    public static let constantTerm = Phrase("Constant", "常数项")
    public static let cutpointTerm = Phrase("Cutpoint {0}", "阈值点 {0}")
    public static let observationsStat = Phrase("Observations", "样本量")
    public static let r2Stat = Phrase("R2", "R2")
    public static let adjR2Stat = Phrase("Adjusted R2", "调整R2")
    public static let pseudoR2Stat = Phrase("Pseudo R2", "伪R2")
    public static let logLikelihoodStat = Phrase("Log likelihood", "对数似然值")
    public static let lrChi2Stat = Phrase("LR chi2", "LR卡方")
    public static let fStat = Phrase("F", "F值")
    public static let aicStat = Phrase("AIC", "AIC")
    public static let bicStat = Phrase("BIC", "BIC")
    public static let omittedCell = Phrase("(omitted)", "（省略）")
    public static let referenceCategory = Phrase(" (ref.: {0})", "（参照组：{0}）")
    public static let starsNote = Phrase("* p<0.1, ** p<0.05, *** p<0.01", "***、**、* 分别表示在 1%、5% 和 10% 的水平上显著。")
    public static let seInParentheses = Phrase("Standard errors in parentheses.", "括号中数据为标准误。")
    public static let ciInBrackets = Phrase("95% confidence intervals in brackets.", "括号中数据为95%置信区间。")
    public static let tOrZStatistics = Phrase("t statistics (OLS) or z statistics", "t值（OLS）或z值")
    public static let tStatistics = Phrase("t statistics", "t值")
    public static let zStatistics = Phrase("z statistics", "z值")
    public static let statInParentheses = Phrase("{0} in parentheses.", "括号中数据为{0}。")
    public static let scaleStdX = Phrase("x-standardized", "X标准化")
    public static let scaleStdY = Phrase("y-standardized", "Y标准化")
    public static let scaleStdXY = Phrase("fully standardized", "完全标准化")
    public static let omittedNote = Phrase("{0} omitted ({1})", "{0} 被省略（{1}）")
    public static let droppedNote = Phrase("{0} observations dropped ({1})", "剔除 {0} 个观测（{1}）")
    public static let robustNote = Phrase("robust (Huber-White) standard errors", "稳健标准误")
    public static let clusterNote = Phrase("standard errors clustered by {0}", "按 {0} 聚类的标准误")
    public static let frequencyWeightsNote = Phrase("frequency weights: {0}", "频数权重：{0}")
    public static let samplingWeightsNote = Phrase("sampling weights: {0}", "抽样权重：{0}")
    public static let averageMarginalEffects = Phrase("Average marginal effects", "平均边际效应")
    public static let marginalEffectsAtMeans = Phrase("Marginal effects at means", "均值处的边际效应")
    public static let deltaMethodNote = Phrase("Delta-method standard errors in parentheses.", "括号中数据为标准误（delta方法）。")
    public static let labelSeparator = Phrase(": ", "：")
}
