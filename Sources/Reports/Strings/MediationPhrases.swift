/// The mediation tables' titles, headers, row labels and notes (`MediationTables`), as
/// `mediate`, the Mediation view and its export print them. Part of the string table:
/// `UITextTests` checks every entry here too.
extension UIText {
    // MARK: overview
    public static let mediationTitle = Phrase("Mediation: {0}", "中介分析：{0}")
    public static let outcomeModel = Phrase("Outcome model", "因变量模型")
    public static let mediatorModel = Phrase("Mediator model", "中介变量模型")
    public static let controls = Phrase("Controls", "控制变量")
    public static let rowsDroppedLabel = Phrase("Rows dropped", "剔除的观测")

    // MARK: Baron–Kenny paths and the indirect effect
    public static let pathsTitle = Phrase("Baron–Kenny paths", "Baron–Kenny 路径")
    public static let pathColumn = Phrase("Path", "路径")
    public static let modelColumn = Phrase("Model", "模型")
    public static let coefColumn = Phrase("Coef.", "系数")
    public static let seColumn = Phrase("SE", "标准误")
    public static let pColumn = Phrase("p", "p值")
    public static let zColumn = Phrase("z", "z值")
    public static let verdictWithAlpha = Phrase("{0} (α = {1})", "{0}（α = {1}）")
    public static let verdictLabel = Phrase("Verdict", "结论")
    public static let indirectTitle = Phrase("Indirect effect a·b", "间接效应 a·b")
    public static let scaleColumn = Phrase("Scale", "尺度")
    public static let sobelSE = Phrase("Sobel SE", "Sobel标准误")
    public static let aroianSE = Phrase("Aroian SE", "Aroian标准误")
    public static let goodmanSE = Phrase("Goodman SE", "Goodman标准误")
    public static let coefficientsScale = Phrase("coefficients", "原始系数")
    public static let standardizedScale = Phrase("y*-standardized", "y*标准化")
    public static let standardizedNote = Phrase("y*-standardized (MacKinnon & Dwyer 1993): a / sd({0}*) = a / {1}, b / sd({2}*) = b / {3}.",
                                                "y* 标准化（MacKinnon & Dwyer 1993）：a / sd({0}*) = a / {1}，b / sd({2}*) = b / {3}。")

    // MARK: bootstrap
    public static let bootstrapTitle = Phrase("Bootstrap ({0} replications, seed {1}, {2} failed)", "自助法（{0} 次重复，种子 {1}，失败 {2} 次）")
    public static let statisticColumn = Phrase("Statistic", "统计量")
    public static let estimateColumn = Phrase("Estimate", "估计值")
    public static let biasColumn = Phrase("Bias", "偏差")
    public static let percentileColumn = Phrase("Percentile", "百分位")
    public static let bootstrapNote = Phrase("{0} % intervals; cases resampled within the estimation sample; BCa acceleration from the jackknife. Headline interval: {1}.",
                                             "{0}% 置信区间；在估计样本内对个案重抽样；BCa 的加速因子来自刀切法。主要报告的区间：{1}。")

    // MARK: causal mediation and sensitivity
    public static let causalTitle = Phrase("Causal mediation ({0}; effects on {1})", "因果中介分析（{0}；效应尺度：{1}）")
    public static let effectColumn = Phrase("Effect", "效应")
    public static let intervalColumn = Phrase("Interval", "区间")
    public static let causalNote = Phrase("Imai, Keele & Tingley (2010); point estimates by exact integration over the mediator; intervals: {0}, {1} draws ({2} failed); control {3}, treated {4}.",
                                          "ACME：平均因果中介效应（间接效应）；ADE：平均直接效应。Imai、Keele 与 Tingley（2010）；点估计由对中介变量的精确积分得到；区间：{0}，{1} 次抽样（失败 {2} 次）；控制组取 {3}，处理组取 {4}。")
    public static let acmeControl = Phrase("ACME (control)", "ACME（控制组）")
    public static let acmeTreated = Phrase("ACME (treated)", "ACME（处理组）")
    public static let acmeAverage = Phrase("ACME (average)", "ACME（平均）")
    public static let adeControl = Phrase("ADE (control)", "ADE（控制组）")
    public static let adeTreated = Phrase("ADE (treated)", "ADE（处理组）")
    public static let adeAverage = Phrase("ADE (average)", "ADE（平均）")
    public static let totalEffect = Phrase("Total effect", "总效应")
    public static let proportionMediatedAverage = Phrase("Proportion mediated (average)", "中介比例（平均）")
    public static let causalByCategoryTitle = Phrase("Causal mediation by outcome category ({0}; effects on Pr(y = k))",
                                                     "因果中介分析：各结果类别（{0}；效应尺度：Pr(y = k)）")
    public static let sensitivityTitle = Phrase("Sensitivity to sequential ignorability ({0})", "序贯可忽略性假设的敏感性分析（{0}）")
    public static let acmeColumn = Phrase("ACME", "ACME")
    public static let acmeZeroAt = Phrase("ACME = 0 at ρ = {0}.", "ρ = {0} 时 ACME = 0。")
    public static let acmeNoCrossing = Phrase("ACME = 0 at ρ = (no crossing).", "ACME 在所给 ρ 范围内不为 0（曲线不穿过 0）。")

    // MARK: KHB
    public static let khbTitle = Phrase("KHB decomposition of {0} ({1}; mediators {2})", "{0} 的 KHB 分解（{1}；中介变量 {2}）")
    public static let khbReduced = Phrase("Reduced", "简化模型（总效应）")
    public static let khbFull = Phrase("Full", "完整模型（直接效应）")
    public static let khbDifference = Phrase("Difference", "差值（间接效应）")
    public static let khbConfoundingRatio = Phrase("Confounding ratio", "混淆比率")
    public static let khbConfoundingPercentage = Phrase("Confounding percentage", "混淆百分比（中介比例，%）")
    public static let khbRescaleFactor = Phrase("Rescale factor", "重标度因子")
    public static let khbShare = Phrase("  {0}: {1} % of difference", "  {0}：占差值的 {1} %")
    public static let khbNote = Phrase("Karlson, Holm & Breen (2012): reduced = X with the mediators' residuals on X and the controls; full = X with the mediators; delta-method SE of the difference.",
                                       "Karlson、Holm 与 Breen（2012）：简化模型 = X 加上中介变量对 X 和控制变量回归的残差；完整模型 = X 加上中介变量；差值的标准误由 delta 方法计算。")
    public static let notesTitle = Phrase("Notes", "注释")

    // MARK: the compact summary (`MediationTables.summary`: the Mediation view, lesson steps)
    public static let labelColon = Phrase("{0}: {1}", "{0}：{1}")
    public static let naiveColumn = Phrase("Naive (Baron–Kenny)", "朴素估计（Baron–Kenny）")
    public static let adjustedColumn = Phrase("Adjusted (KHB / causal)", "调整后（KHB／因果中介）")
    public static let zIntervalColumn = Phrase("z / interval", "z值／区间")
    public static let indirectSobel = Phrase("a·b (Sobel z)", "a·b（Sobel z）")
    public static let paperShare = Phrase("a·b/(a·b+c′) (paper's formula)", "a·b/(a·b+c′)（论文公式）")
    public static let khbShareMediated = Phrase("KHB share mediated", "KHB 中介比例")
    public static let khbRescaling = Phrase("KHB rescaling factor", "KHB 重标度因子")
    public static let verdictAtAlpha = Phrase("Baron–Kenny verdict (α = {0})", "Baron–Kenny 结论（α = {0}）")
    public static let bootstrapInterval = Phrase("a·b {0}% {1} bootstrap interval ({2} reps)", "a·b 的 {0}% {1}自助法区间（{2} 次）")
    public static let causalScaleRow = Phrase("causal mediation ({0} / {1}), scale: {2}", "因果中介（{0} / {1}），尺度：{2}")
    public static let adeColumn = Phrase("ADE", "ADE")
    public static let totalEffectRow = Phrase("total effect", "总效应")
    public static let proportionMediated = Phrase("proportion mediated", "中介比例")
    public static let rhoAtZero = Phrase("ρ at which ACME = 0 (sensitivity)", "ACME = 0 时的 ρ（敏感性分析）")
}
