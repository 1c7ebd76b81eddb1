/// The Models view's parallel-lines words (issue 15): the Brant footer row of ologit columns, its
/// short reasons when no p is given, the violation marker's legend, and the condensed gologit
/// column's `varies` cell and legend.
public enum ParallelLinesPhrases {
    /// The footer row's label; its cells hold the omnibus p of each ologit column.
    public static let brantRow = Phrase("Brant p", "Brant 检验 p")
    /// After a coefficient whose own Brant test rejects at 5 %.
    public static let marker = "†"
    public static let legend = Phrase("Brant p: SPost's test of parallel lines (all terms); † the term's own Brant test rejects them at 5 %",
                                      "Brant 检验 p：SPost 平行线假设检验（全部项）；† 该项自身的 Brant 检验在 5% 水平上拒绝平行线假设")
    /// Short reasons in the footer cell when no Brant p is given.
    public static let emptySplit = Phrase("empty cell", "空单元格")
    public static let twoCategories = Phrase("2 categories", "仅两类")
    public static let samplingWeights = Phrase("pweight", "抽样权重")
    public static let surveyDesign = Phrase("svy", "调查设计")
    public static let notComputable = Phrase("n/a", "无法计算")
    /// A gologit term's row when its coefficient varies by equation (the `y > c` rows follow).
    public static let variesCell = Phrase("varies", "分方程")
    public static let gologitLegend = Phrase("{0}: a term with rows y > c has one coefficient per equation (P(y > c)); a term without them keeps one coefficient (parallel lines)",
                                             "{0}：带有 y > c 行的项在各方程（P(y > c)）中系数不同；没有这些行的项只有一个系数（平行线约束）")
}

extension ParallelLinesPhrases {
    /// The `?` legend's entries for these marks (after `UIText.legend`).
    public static let helpLegend: [(symbol: Phrase, meaning: Phrase)] = [
        (Phrase("Brant p †", "Brant 检验 p †"),
         Phrase("ologit: test of parallel lines (footer row); † a term whose own test rejects at 5 %",
                "ologit：平行线假设检验（表尾一行）；† 该项自身的检验在 5% 水平上拒绝")),
        (Phrase("varies y > c", "分方程 y > c"),
         Phrase("gologit: a term with one coefficient per equation P(y > c), in the rows below it",
                "gologit：该项在各方程 P(y > c) 中系数不同，见其下方各行")),
    ]
}
