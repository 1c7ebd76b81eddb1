/// The multiverse report's and view 7's words (`pathlens multiverse`, the explorer's
/// specification curve). Part of the string table: `UITextTests` checks every entry here too.
extension UIText {
    public static let multiverseTitle = Phrase("Multiverse: {0} on {1} — {2} specifications ({3} control subsets × {4} subsamples × {5} estimators)",
                                               "多元宇宙分析：{0} 对 {1} 的效应——{2} 个设定（{3} 个控制变量组合 × {4} 个子样本 × {5} 个估计量）")
    public static let multiverseCurveTitle = Phrase("{0}: {1} estimates sorted, {2} % intervals; {3} marks the base specification (every control, {4}, {5})",
                                                    "{0}：{1} 个估计值排序，{2}% 区间；{3} 标出基准设定（全部控制变量，{4}，{5}）")
    public static let multiverseSummaryTitle = Phrase("Summary across specifications ({0} % level)", "各设定汇总（{0}% 水平）")
    public static let multiverseEffect = Phrase("Effect", "效应")
    public static let multiverseSpecs = Phrase("Specs", "设定数")
    public static let multiverseMedian = Phrase("Median", "中位数")
    public static let multiversePositive = Phrase("Positive", "为正")
    public static let multiverseSigPositive = Phrase("Sig. +", "显著为正")
    public static let multiverseSigNegative = Phrase("Sig. −", "显著为负")
    public static let multiverseMin = Phrase("Min", "最小值")
    public static let multiverseMax = Phrase("Max", "最大值")
    public static let multiverseFailed = Phrase("Not estimated", "未能估计")
    public static let multiverseFailedNote = Phrase("{0}: {1} specifications not estimated (kept in the JSON/CSV rows with their reason, left out of the summary); first: #{2} {3}",
                                                    "{0}：{1} 个设定未能估计（保留在 JSON/CSV 中并注明原因，不计入汇总）；第一个：#{2} {3}")
    public static let multiverseNoCurve = Phrase("{0}: no specification estimated", "{0}：没有可估计的设定")
    public static let multiverseSpecTitle = Phrase("Specifications", "设定")
    public static let multiverseID = Phrase("ID", "编号")
    public static let multiverseControls = Phrase("Controls", "控制变量")
    public static let multiverseSubsample = Phrase("Subsample", "子样本")
    public static let multiverseEstimator = Phrase("Estimator", "估计量")
    public static let multiverseNoControls = Phrase("(none)", "（无）")
    public static let multiverseEffectCoef = Phrase("coefficient of {0}", "{0} 的系数")
    public static let multiverseEffectAME = Phrase("AME of {0}", "{0} 的平均边际效应")
    public static let multiverseEffectIndirect = Phrase("indirect effect a·b (Sobel)", "间接效应 a·b（Sobel）")
    public static let multiverseEffectKHB = Phrase("KHB difference", "KHB 差值")
    public static let multiverseEffectACME = Phrase("ACME (average)", "平均因果中介效应")
}

/// View 7 (the explorer's specification curve).
extension UIText {
    public static let viewMultiverse = Phrase("Multiverse", "多元宇宙")
    public static let multiverseViewTitle = Phrase("Specification curve: {0} of {1} on {2}, {3} specifications ({4} control-group subsets × {5} estimators), {6}",
                                                   "设定曲线：{1} 对 {2} 的{0}，{3} 个设定（{4} 个控制变量组组合 × {5} 个估计量），{6}")
    public static let multiverseViewProgress = Phrase("{0} of {1} fitted…", "已估计 {0} / {1}…")
    public static let multiverseViewDone = Phrase("{0} fitted: median {1}, {2} % positive, {3} % significantly positive, {4} % significantly negative ({5} % intervals); {6} not estimated",
                                                  "已估计 {0} 个：中位数 {1}，{2}% 为正，{3}% 显著为正，{4}% 显著为负（{5}% 区间）；{6} 个未能估计")
    /// An effect without an interval (the ACME without simulations).
    public static let multiverseViewCurrentPoint = Phrase("{0} current specification: {1} (point estimate, no interval)", "{0} 当前设定：{1}（点估计，无区间）")
    public static let multiverseViewDonePoint = Phrase("{0} fitted: median {1}, {2} % positive (point estimates, no intervals); {3} not estimated",
                                                       "已估计 {0} 个：中位数 {1}，{2}% 为正（点估计，无区间）；{3} 个未能估计")
    public static let multiverseViewCurrent = Phrase("{0} current specification: {1} [{2}, {3}]", "{0} 当前设定：{1} [{2}, {3}]")
    public static let multiverseViewWeights = Phrase("The specification curve does not take weights yet (W: no weights).", "设定曲线暂不支持权重（W：不加权）。")
    public static let multiverseViewWaiting = Phrase("Fitting the specifications…", "正在估计各设定…")
    public static let multiverseViewExportHint = Phrase("x exports the rows (md/tex/csv) and the curve as SVG beside them.", "x 导出各行（md/tex/csv），并在旁边导出 SVG 曲线图。")
    public static let multiverseExported = Phrase("{0} and the curve {1}", "{0}，曲线图 {1}")
    public static let multiverseCoefficient = Phrase("the coefficient", "系数")
    public static let multiverseAME = Phrase("the AME", "平均边际效应")
    public static let multiverseIndirect = Phrase("the indirect effect a·b (Sobel)", "间接效应 a·b（Sobel）")
    public static let multiverseKHB = Phrase("the KHB difference", "KHB 差值")
    public static let multiverseACME = Phrase("the ACME", "平均因果中介效应")
    /// The status line after `a`: the effect view 7 now draws.
    public static let multiverseEffectShown = Phrase("view 7 draws {0} ({1}: next effect)", "视图 7 显示{0}（{1}：下一个效应）")
}
