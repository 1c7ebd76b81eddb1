/// The explorer's survey-design words (key `D`, the specification bar). Part of the string
/// table: `UITextTests` checks every entry here too.
extension UIText {
    public static let designPrompt = Phrase("Survey design: psu=VAR strata=VAR weight=VAR [fpc=VAR] [nest], or none",
                                            "调查设计：psu=变量 strata=变量 weight=变量 [fpc=变量] [nest]，或 none")
    public static let designSet = Phrase("survey design {0}: linearized variance; subsamples are subpopulations",
                                         "调查设计 {0}：线性化方差；子样本按子总体估计")
    public static let designOff = Phrase("survey design off", "已关闭调查设计")
    public static let designUnknownVariable = Phrase("{0}=: no variable '{1}' in the data", "{0}=：数据中没有变量 '{1}'")
    /// The sample item of the specification bar when a design is declared: the subsample is a
    /// subpopulation (Stata's `subpop()`), the design's PSUs all stay in the variance.
    /// The note under every export (`x`) under a declared design (instead of `exportNote`).
    public static let exportNoteDesign = Phrase("Survey design {0}: linearized variance, subsamples as subpopulations (crosstab counts are the sample's rows).",
                                                "调查设计 {0}：线性化方差，子样本按子总体估计（交叉表频数为样本行数）。")
    public static let specSubpop = Phrase("subpop {0}", "子总体 {0}")
}
