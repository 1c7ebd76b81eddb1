/// The project's string table: every phrase a view, dialog, status line, help screen, export
/// header or lesson frame shows, in English and Chinese, one line each (`Phrase(en, zh)`;
/// `{0}`… are arguments). Explorer, Teaching and Reports all read it from here (Reports is the
/// lowest module the three share). `UITextTests` fails on a user-facing string literal in the
/// covered source folders that is not here, naming its file and line.
public enum UIText {
    // MARK: chrome (title bar, spec bar, status line)
    public static let help = Phrase("help", "帮助")
    public static let columnsOffRight = Phrase("{0} more columns: {1}", "还有 {0} 列：{1}")
    public static let columnOffRight = Phrase("1 more column: {0}", "还有 1 列：{0}")
    public static let columnsOffLeft = Phrase("{0} columns left: {1}", "左侧 {0} 列：{1}")
    public static let columnOffLeft = Phrase("1 column left: {0}", "左侧 1 列：{0}")
    public static let columnsOffBoth = Phrase("{0} columns off-screen: {1} / {2}", "{0} 列在屏幕外：{1} / {2}")
    public static let tooSmall = Phrase("Terminal too small: {0}x{1}, need {2}x{3}", "终端太小：{0}x{1}，至少需要 {2}x{3}")
    public static let enlarge = Phrase("Enlarge the window, or press q to quit.", "请放大窗口，或按 q 退出。")
    public static let fittingModels = Phrase("fitting {0} models...", "正在估计 {0} 个模型……")
    public static let fittingMargins = Phrase("computing marginal effects...", "正在计算边际效应……")
    public static let ready = Phrase("ready ({0} ms)", "就绪（{0} 毫秒）")
    public static let perModelStatus = Phrase("columns are estimated on their own samples and are not comparable (S: one common sample)",
                                              "各列在各自的样本上估计，不可直接比较（按 S 使用共同样本）")
    public static let specEstimators = Phrase("Est: {0}", "估计：{0}")
    public static let specSample = Phrase("Sample: {0}", "样本：{0}")
    public static let specVCE = Phrase("VCE: {0}", "方差：{0}")
    public static let specLabels = Phrase("Labels: {0}", "Labels: {0}")
    public static let specMediatorOn = Phrase("Med: {0} on", "中介：{0} 开")
    public static let specMediatorOff = Phrase("Med: {0} off", "中介：{0} 关")
    public static let specBaseline = Phrase("baseline", "基准")
    public static let specLesson = Phrase("Lesson {0}", "课程 {0}")
    public static let specLessonLeft = Phrase("T: lesson {0}", "T：课程 {0}")
    public static let sampleAll = Phrase("all", "全部")
    public static let samplePerModel = Phrase(" per model", " 各模型样本")

    // MARK: views
    public static let viewModels = Phrase("Models", "模型")
    public static let viewMediation = Phrase("Mediation", "中介")
    public static let viewMargins = Phrase("Margins", "边际")
    public static let viewCrosstab = Phrase("Crosstab", "交叉表")
    public static let viewDescribe = Phrase("Describe", "描述")
    public static let viewData = Phrase("Data", "数据")
    public static let computing = Phrase("computing...", "计算中……")
    public static let computingModels = Phrase("fitting the models...", "正在估计模型……")
    public static let updating = Phrase("(updating...)", "（更新中……）")
    public static let notEstimated = Phrase("not estimated", "未估计")

    // MARK: Models view with a baseline
    public static let changeColumn = Phrase("change", "变化")
    public static let baseColumn = Phrase("base {0}", "基准 {0}")
    public static let baselineLegend = Phrase("change: current minus baseline; +* more stars, -* fewer stars, +- sign changed",
                                              "变化：当前减基准；+* 星号增加，-* 星号减少，+- 符号改变")
    public static let changeNew = Phrase("new", "新增")
    public static let changeDropped = Phrase("dropped", "已删除")

    // MARK: Mediation view
    public static let pathDiagram = Phrase("Path diagram", "路径图")
    public static let total = Phrase("total", "总效应")
    public static let direct = Phrase("direct", "直接效应")
    public static let naiveProduct = Phrase("naive product; scales differ across logit models", "朴素乘积；各模型尺度不同")
    public static let mediatorNotInModels = Phrase("(mediator not in the Models view's columns: M adds them)", "（中介变量未加入模型视图的列：按 M 加入）")
    public static let noMediator = Phrase("No mediator chosen: press m on a variable in the variables pane.", "未选择中介变量：在变量栏按 m 选择中介变量。")
    public static let mediationFailed = Phrase("mediation analysis failed: {0}", "中介分析失败：{0}")
    public static let baronKenny = Phrase("Baron-Kenny ({0}%): ", "Baron-Kenny（{0}%）：")
    public static let aNotSignificant = Phrase(" (a not significant)", "（a 不显著）")
    public static let bNotSignificant = Phrase(" (b not significant)", "（b 不显著）")
    public static let cPrimeSignificant = Phrase(" (c′ still significant)", "（c′ 仍显著）")
    public static let cPrimeNotSignificant = Phrase(" (c′ not significant)", "（c′ 不显著）")
    public static let bootstrapNotStarted = Phrase("Bootstrap, KHB, causal: not started (g starts them)", "自助法、KHB、因果中介：未开始（按 g 开始）")
    public static let mediationRunning = Phrase("Mediation engine ({0}): ", "中介分析（{0}）：")
    public static let starting = Phrase("starting", "启动")
    public static let escCancels = Phrase("Esc cancels", "Esc 取消")
    public static let bootstrapCancelled = Phrase("Bootstrap: cancelled at {0}/{1} (g restarts it)", "自助法：已在 {0}/{1} 取消（按 g 重新开始）")
    public static let bootstrapFailed = Phrase("Bootstrap: {0}", "自助法：{0}")
    public static let bootstrapDone = Phrase("Bootstrap: {0} replications", "自助法：{0} 次重复")

    // MARK: lesson frame
    public static let stepTables = Phrase("This step's tables (Esc live views, z wide)", "本步的表格（Esc 实时视图，z 全宽）")
    public static let stepOf = Phrase("Step {0}/{1}", "第 {0}/{1} 步")
    public static let lookAt = Phrase("Look at", "请看")
    public static let lookAtTitle = Phrase("Look at: {0}", "请看：{0}")
    public static let stepComputing = Phrase("computing this step's numbers...", "正在计算本步的数字……")
}
