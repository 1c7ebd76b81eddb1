/// Status-line messages, prompts and menus of the explorer's keys (`Explorer/State`), its
/// background checks (`Explorer/Compute`) and its files (`Explorer/Files`), and the key help's
/// frame (`Explorer/Keys`). Part of the string table: `UITextTests` checks every entry here too.
/// The files' and key scripts' errors are read on the command line before any language is
/// chosen and are given in English (`.en`), as the CLI's other errors are.
extension UIText {
    // MARK: global keys
    public static let noMediatorChosen = Phrase("no mediator chosen: press {0} on a variable", "未选择中介变量：在变量上按 {0}")
    public static let nothingToUndo = Phrase("nothing to undo", "没有可撤销的操作")
    public static let nothingToRedo = Phrase("nothing to redo", "没有可重做的操作")
    public static let noResultsToPin = Phrase("no results to pin yet", "还没有可固定的结果")
    public static let baselinePinned = Phrase("baseline pinned: changes are now shown against it", "已固定基准：此后显示相对基准的变化")
    public static let baselineCleared = Phrase("baseline cleared", "已清除基准")
    public static let bootstrapCancelledStatus = Phrase("bootstrap cancelled ({0} restarts it)", "已取消自助法（按 {0} 重新开始）")
    public static let findVariable = Phrase("Find variable", "查找变量")
    public static let saveSpecTo = Phrase("Save specification to", "保存设定到")
    public static let exportAs = Phrase("Export {0} as", "导出 {0} 为")
    public static let exportTo = Phrase("Export to", "导出到")
    /// The file names suggested for a saved specification and an export (view, extension).
    public static let specFileName = Phrase("pathlens-spec.json", "pathlens-spec.json")
    public static let exportFileName = Phrase("pathlens-{0}.{1}", "pathlens-{0}.{1}")
    public static let chineseLabelsNeedUTF8 = Phrase("Chinese labels need a UTF-8 locale; showing English", "中文标签需要 UTF-8 区域设置；显示英文")
    public static let viewMenu = Phrase("View", "视图")
    public static let specSaved = Phrase("specification saved to {0}", "设定已保存到 {0}")
    public static let noVariableMatches = Phrase("no variable matches '{0}'", "没有与 '{0}' 匹配的变量")

    // MARK: subsample menu and the typed condition's check
    public static let subsampleTitle = Phrase("Subsample", "子样本")
    public static let allObservations = Phrase("All observations", "全部观测")
    public static let typeCondition = Phrase("Type an if expression...", "输入 if 条件...")
    public static let allObservationsN = Phrase("all observations: N = {0}", "全部观测：N = {0}")
    public static let noObservationsSatisfy = Phrase("no observations satisfy this condition", "没有观测满足该条件")

    // MARK: the variable menu (Enter on a variable); `{0}` is the key that does the same
    public static let menuOutcome = Phrase("Set as outcome ({0})", "设为因变量 ({0})")
    public static let menuKeyRegressor = Phrase("Set as key regressor ({0})", "设为核心自变量 ({0})")
    public static let menuMediator = Phrase("Set as mediator ({0})", "设为中介变量 ({0})")
    public static let menuControl = Phrase("Switch control on/off ({0})", "开关控制变量 ({0})")
    public static let menuCrosstabRow = Phrase("Crosstab rows ({0})", "交叉表的行 ({0})")
    public static let menuCrosstabColumn = Phrase("Crosstab columns ({0})", "交叉表的列 ({0})")
    public static let menuMargins = Phrase("Show its margins ({0})", "显示其边际效应 ({0})")
    public static let menuEdit = Phrase("Edit measure, entry, role ({0})", "编辑测量类型、进入方式、角色 ({0})")

    // MARK: exports (`x`)
    public static let formatMarkdown = Phrase("Markdown", "Markdown")
    public static let formatLaTeX = Phrase("LaTeX", "LaTeX")
    public static let formatCSV = Phrase("CSV", "CSV")
    public static let nothingToExport = Phrase("nothing to export in the {0} view yet", "{0} 视图中还没有可导出的内容")
    public static let exported = Phrase("exported {0} as {1} to {2}", "已将 {0} 导出为 {1}：{2}")

    // MARK: specification files (`w`, `explore --spec`)
    public static let specCannotReadData = Phrase("{0}: cannot read the data file to record it in the specification",
                                                  "{0}：无法读取数据文件，不能将其记入设定")
    public static let specUnreadable = Phrase("{0}: no such file or not readable", "{0}：文件不存在或无法读取")
    public static let specMissingField = Phrase("{0}: specification is missing '{1}'", "{0}：设定缺少 '{1}'")
    public static let specInvalid = Phrase("{0}: not a valid specification: {1}", "{0}：不是有效的设定：{1}")
    public static let specWrongType = Phrase("{0}: wrong type at '{1}'", "{0}：'{1}' 处类型错误")
    public static let specUnknownVariable = Phrase("{0}: variable '{1}' is not in dataset {2}", "{0}：变量 '{1}' 不在数据集 {2} 中")
    public static let specSubsample = Phrase("{0}: subsample: {1}", "{0}：子样本：{1}")
    public static let dataSizeChanged = Phrase("{0} bytes, saved with {1}", "{0} 字节，保存时为 {1}")
    public static let dataHashChanged = Phrase("its SHA-256 differs", "SHA-256 不同")
    public static let dataChanged = Phrase("{0} changed since {1} was saved ({2})", "{0} 自 {1} 保存以来已改变（{2}）")
    public static let dataVariableGone = Phrase("{0}: variable '{1}' is gone", "{0}：变量 '{1}' 已不存在")
    public static let dataWarning = Phrase("warning: {0}; its variables still match", "警告：{0}；其变量仍然一致")

    // MARK: key scripts (`--keys`)
    public static let keyScriptUnclosed = Phrase("key script: unclosed quote in {0}", "按键脚本：{0} 中引号未闭合")
    public static let keyScriptUnknown = Phrase("key script: unknown key '{0}' (keys: single characters, \"text\", space enter tab s-tab esc up down left right pgup pgdn home end bs ctrl-X)",
                                                "按键脚本：未知按键 '{0}'（按键：单个字符、\"text\"、space enter tab s-tab esc up down left right pgup pgdn home end bs ctrl-X）")

    // MARK: the key help (`?`) and dialog hints
    public static let contextGlobal = Phrase("Everywhere", "任意位置")
    public static let contextVariablesPane = Phrase("Variables pane", "变量窗格")
    public static let contextViewPane = Phrase("View pane (Tab, or z)", "视图窗格（Tab 或 z）")
    public static let contextHelp = Phrase("This help", "本帮助")
    public static let contextMenu = Phrase("Menus (Enter, s, x)", "菜单（Enter、s、x）")
    public static let contextPrompt = Phrase("Text input (/, w, typed if expression)", "文本输入（/、w、if 条件）")
    public static let contextEditor = Phrase("Variable editor (E)", "变量编辑器（E）")
    public static let contextLesson = Phrase("In a lesson (pathlens teach, T)", "课程中（pathlens teach、T）")
    public static let contextLessonPane = Phrase("Lesson pane", "课程窗格")
    public static let helpHeading = Phrase("{0}:", "{0}：")
    public static let anyCharacter = Phrase("chars", "字符")
    public static let anyOtherKey = Phrase("other keys", "其他键")
}
