import SurveyData

/// The variable editor, the variance and weight menus and the role refusals (`E`, `v`, `w`,
/// `o`/`r`/`m`/Space). Part of the string table: `UITextTests` checks every entry here too.
extension UIText {
    // MARK: variable editor
    public static let editorTitle = Phrase("Edit {0}", "编辑变量 {0}")
    public static let editorMeasure = Phrase("Measure", "测量类型")
    public static let editorRole = Phrase("Role", "角色")
    public static let editorEntry = Phrase("As control", "作为控制变量")
    public static let editorAsMeasured = Phrase("as measured", "按测量类型")
    public static let measureContinuous = Phrase("continuous", "连续")
    public static let measureBinary = Phrase("binary", "二分")
    public static let measureOrdinal = Phrase("ordinal", "有序")
    public static let measureCategorical = Phrase("categorical", "无序分类")
    public static let roleNone = Phrase("none", "无")
    public static let roleOutcome = Phrase("outcome", "因变量")
    public static let roleKeyRegressor = Phrase("key regressor", "核心自变量")
    public static let roleMediator = Phrase("mediator", "中介变量")
    public static let roleControl = Phrase("control", "控制变量")

    /// A measurement type's name in the editor's Measure row.
    public static func measure(_ type: VariableType) -> Phrase {
        switch type {
        case .continuous: return measureContinuous
        case .binary: return measureBinary
        case .ordinal: return measureOrdinal
        case .categorical: return measureCategorical
        }
    }

    // MARK: role refusals and editor messages (status line)
    public static let cursorFirst = Phrase("move the cursor to a variable in the variables pane first", "请先把光标移到变量栏中的变量上")
    public static let unchanged = Phrase("{0}: unchanged", "{0}：未改变")
    public static let noSuchValue = Phrase("no value {0} here ({1} values)", "没有第 {0} 个取值（共 {1} 个）")
    public static let outcomeStays = Phrase("there is always an outcome: make another variable the outcome", "因变量必须存在：请把另一个变量设为因变量")
    public static let keyStays = Phrase("there is always a key regressor: make another variable the key regressor",
                                        "核心自变量必须存在：请把另一个变量设为核心自变量")
    public static let roleTakenForControl = Phrase("{0} is the {1}; it cannot also be a control", "{0} 是{1}，不能同时作为控制变量")
    public static let roleTaken = Phrase("{0} is the {1}; pick another {2}", "{0} 是{1}，请另选{2}")
    public static let crosstabTooMany = Phrase("{0} has more than {1} distinct values; not cross-tabulated", "{0} 的取值超过 {1} 个，不能做交叉表")

    // MARK: variance and weights (`v`, `w`, `e`, `t`)
    public static let varianceTitle = Phrase("Variance", "方差")
    public static let clusterBy = Phrase("cluster by a variable...", "按变量聚类...")
    public static let weightsTitle = Phrase("Weights", "权重")
    public static let noWeights = Phrase("no weights", "不加权")
    public static let frequencyWeights = Phrase("frequency weights (fweight)...", "频数权重（fweight）...")
    public static let samplingWeights = Phrase("sampling weights (pweight, robust variance)...", "抽样权重（pweight，稳健方差）...")
    public static let clusterPrompt = Phrase("Cluster by variable", "聚类变量")
    public static let weightPrompt = Phrase("{0} variable", "{0} 权重变量")
    public static let unknownVariable = Phrase("no variable '{0}' in the dataset", "没有变量 '{0}'")
    public static let variableHasRole = Phrase("{0} is the {1}", "{0} 是{1}")
    public static let oddsRatiosOn = Phrase("odds ratios for logit / ologit", "logit / ologit 显示比值比")
    public static let oddsRatiosOff = Phrase("coefficients (not exponentiated)", "显示原始系数")
    public static let parenT = Phrase("in parentheses: t / z statistics", "括号内：t / z 统计量")
    public static let parenSE = Phrase("in parentheses: standard errors", "括号内：标准误")
    public static let parenCI = Phrase("in parentheses: 95% confidence intervals", "括号内：95% 置信区间")
    public static let exportNote = Phrase("Models' variance: {0}; weights: {1} (Describe and crosstabs are unweighted).",
                                          "模型方差：{0}；权重：{1}（描述统计与交叉表不加权）。")
}
