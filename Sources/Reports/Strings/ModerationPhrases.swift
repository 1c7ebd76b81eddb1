/// The moderated-mediation tables' words (`ModerationTables`): `mediate --moderator`, the
/// Mediation view under a moderator. Part of the string table (`UITextTests`).
extension UIText {
    public static let moderationTitle = Phrase("Moderated mediation: PROCESS model {0}, {1} moderates {2}",
                                               "有调节的中介：PROCESS 模型 {0}，{1} 调节{2}")
    public static let moderatedPathA = Phrase("the a path (X → M)", "a 路径（X → M）")
    public static let moderatedPathB = Phrase("the b path (M → Y)", "b 路径（M → Y）")
    public static let moderatedPathBoth = Phrase("the a and b paths", "a 与 b 路径")
    public static let bootSEColumn = Phrase("Boot SE", "自助标准误")
    public static let percentCIColumn = Phrase("{0} % CI", "{0}% 置信区间")
    public static let meanMinusSD = Phrase("{0} (mean − 1 SD)", "{0}（均值 − 1 个标准差）")
    public static let meanValue = Phrase("{0} (mean)", "{0}（均值）")
    public static let meanPlusSD = Phrase("{0} (mean + 1 SD)", "{0}（均值 + 1 个标准差）")
    public static let moderationIndexProduct = Phrase("Index of moderated mediation ({0})", "有调节的中介指数（{0}）")
    public static let moderationIndexDifference = Phrase("Index: a·b at {0} − a·b at {1}", "指数：{0} 处 a·b − {1} 处 a·b")
    public static let moderationModelsNote = Phrase("Mediator model: {0}; outcome model: {1}.", "中介变量模型：{0}；因变量模型：{1}。")
    public static let moderationBootstrapNote = Phrase("Bootstrap: {0} replications (seed {1}, {2} failed), percentile intervals, the moderator values fixed across replications; c′ = {3} (SE {4}) is not moderated.",
                                                       "自助法：{0} 次重复（种子 {1}，失败 {2} 次），百分位区间，各次重复中调节变量取值固定；c′ = {3}（标准误 {4}）不受调节。")
    public static let moderationNoBootstrap = Phrase("No bootstrap replications (--method without bootstrap): no intervals; c′ = {0} (SE {1}) is not moderated.",
                                                     "未做自助法重复（--method 不含 bootstrap）：无区间；c′ = {0}（标准误 {1}）不受调节。")
    public static let conditionalCausalTitle = Phrase("Conditional causal mediation ({0} set to each value for every case; effects on {1})",
                                                      "条件因果中介（对每个个案把 {0} 设为各取值；效应尺度：{1}）")
    public static let conditionalCausalNote = Phrase("ACME and ADE averaged over control and treated; intervals as the causal-mediation table's.",
                                                     "ACME 与 ADE 为控制组与处理组的平均；区间与因果中介表相同。")
}
