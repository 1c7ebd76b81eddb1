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
    /// The spec bar's interaction item: every control term with `#` (the `i` key's work).
    public static let specInteractions = Phrase("Inter: {0}", "交互：{0}")
    /// The mediation's moderator and the path it acts on (the `I` key's work).
    public static let specModerator = Phrase("Mod: {0} on {1} ({2})", "调节：{0} 于 {1}（{2}）")
    public static let specLesson = Phrase("Lesson {0}", "课程 {0}")
    public static let specLessonLeft = Phrase("T: lesson {0}", "T：课程 {0}")
    public static let sampleAll = Phrase("all", "全部")
    public static let samplePerModel = Phrase(" per model", " 各模型样本")

    public static let appTitle = Phrase("PathLens: {0}", "PathLens：{0}")
    public static let languageName = Phrase("EN", "中文")
    public static let listSeparator = Phrase(", ", "，")
    public static let checking = Phrase("checking...", "检查中……")
    public static let openParen = Phrase("  (", "（")
    public static let closeParen = Phrase(")", "）")
    public static let enumerationSeparator = Phrase(", ", "、")
    public static let clauseSeparator = Phrase("; ", "；")

    // MARK: variables pane
    public static let editorNotAControl = Phrase("  (not a control now)", "（未作为控制变量）")
    public static let sectionVariables = Phrase("Variables", "变量")
    public static let sectionOther = Phrase("Other variables", "其他变量")
    public static let typeBinary = Phrase("bin", "二分")
    public static let typeContinuous = Phrase("cont", "连续")
    public static let typeCategorical = Phrase("cat", "分类")
    public static let typeOrdinal = Phrase("ord", "有序")

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
    public static let notComputed = Phrase("not computed", "未计算")
    public static let noModels = Phrase("no models", "没有模型")
    public static let noObservations = Phrase("no observations in this subsample", "该子样本中没有观测")
    public static let perModelNote = Phrase("each column on its own sample (see its N): columns are not comparable", "各列在各自的样本上估计（见各列 N），不可直接比较")
    public static let commonSample = Phrase("common sample N = {0}", "共同样本 N = {0}")
    public static let rowsDropped = Phrase(": {0} rows dropped ({1})", "：去掉 {0} 行（{1}）")

    // MARK: Crosstab, Describe and Margins views
    public static let noCrosstab = Phrase("no crosstab chosen: press C / c on two variables", "未选择交叉表：在两个变量上按 C / c")
    public static let crosstabTotal = Phrase("Total", "合计")
    public static let colPercent = Phrase("col %", "列%")
    public static let rowPercent = Phrase("row %", "行%")
    public static let crosstabChi2 = Phrase("chi2({0}) = {1}  p = {2}  Cramer's V = {3}", "χ²({0}) = {1}  p = {2}  Cramér V = {3}")
    public static let crosstabOrdinal = Phrase("gamma = {0} (ASE {1})  tau-b = {2} (ASE {3})", "γ = {0}（ASE {1}）  τ-b = {2}（ASE {3}）")
    public static let crosstabMissing = Phrase("{0} rows with a missing value left out", "去掉 {0} 个含缺失值的行")
    public static let describeTitle = Phrase("Descriptive statistics (N = {0})", "描述统计（N = {0}）")
    public static let describeN = Phrase("N", "N")
    public static let describeMean = Phrase("% / mean", "比例/均值")
    public static let describeSD = Phrase("SD", "标准差")
    public static let describeMin = Phrase("Min", "最小值")
    public static let describeMax = Phrase("Max", "最大值")
    public static let marginsTitle = Phrase("{0}: average marginal effects", "{0}：平均边际效应")
    public static let marginsAME = Phrase("AME", "AME")
    public static let conditionalTitle = Phrase("{0}: effect of {1} at each value of {2}", "{0}：{1} 在 {2} 各取值处的平均边际效应")
    public static let conditionalMeanSD = Phrase("{0} at its mean - 1 SD, mean, mean + 1 SD in the sample (as PROCESS)",
                                                 "{0} 取样本均值减 1 个标准差、均值、均值加 1 个标准差（同 PROCESS）")
    public static let moderatorHasRole = Phrase("'{0}' is the {1}: the moderator must be another variable",
                                                "“{0}”是{1}：调节变量须为其他变量")
    public static let moderatorNeedsMediator = Phrase("a moderator needs a mediator: press m on one first",
                                                      "调节变量需要先有中介变量：先在一个变量上按 m")
    public static let moderatedDiagram = Phrase("(with the moderator {0}: the paths of the models without it; its conditional effects below)",
                                                "（设有调节变量 {0}：以下路径来自不含它的模型；条件效应见后）")
    public static let moderationRefused = Phrase("moderator not analysed: {0}", "未分析调节变量：{0}")
    public static let noMargins = Phrase("no marginal effects for {0} in these models", "这些模型中没有 {0} 的边际效应")

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
    public static let pathRunsOff = Phrase("not estimable (quasi-complete separation)", "无法估计（准完全分离）")
    public static let verdictNotAssessed = Phrase("not assessed (a or b is not estimable)", "无法判断（a 或 b 无法估计）")
    public static let naiveProduct = Phrase("naive product; scales differ across logit models", "朴素乘积；各模型尺度不同")
    public static let mediatorNotInModels = Phrase("(mediator not in the Models view's columns: M adds them)", "（中介变量未加入模型视图的列：按 M 加入）")
    public static let noMediator = Phrase("No mediator chosen: press m on a variable in the variables pane.", "未选择中介变量：在变量栏按 m 选择中介变量。")
    public static let varianceNamed = Phrase("vce {0}", "方差 {0}")
    public static let mediationFailed = Phrase("mediation analysis failed: {0}", "中介分析失败：{0}")
    public static let baronKenny = Phrase("Baron-Kenny ({0}%): ", "Baron-Kenny（{0}%）：")
    public static let aNotSignificant = Phrase(" (a not significant)", "（a 不显著）")
    public static let bNotSignificant = Phrase(" (b not significant)", "（b 不显著）")
    public static let cPrimeSignificant = Phrase(" (c′ still significant)", "（c′ 仍显著）")
    public static let cPrimeNotSignificant = Phrase(" (c′ not significant)", "（c′ 不显著）")
    public static let bootstrapNotStarted = Phrase("Bootstrap, KHB, causal: not started (g starts them)", "自助法、KHB、因果中介：未开始（按 g 开始）")
    public static let mediationRunning = Phrase("Mediation engine ({0}): ", "中介分析（{0}）：")
    public static let starting = Phrase("starting", "启动")
    public static let stageFitting = Phrase("fitting the models", "估计模型")
    public static let stageBootstrap = Phrase("bootstrap replications", "自助法重复")
    public static let stageJackknife = Phrase("jackknife for BCa", "BCa 刀切法")
    public static let stageCausal = Phrase("causal effects and sensitivity", "因果效应与敏感性")
    public static let escCancels = Phrase("Esc cancels", "Esc 取消")
    public static let bootstrapCancelled = Phrase("Bootstrap: cancelled at {0}/{1} (g restarts it)", "自助法：已在 {0}/{1} 取消（按 g 重新开始）")
    public static let bootstrapFailed = Phrase("Bootstrap: {0}", "自助法：{0}")
    public static let bootstrapDone = Phrase("Bootstrap: {0} replications", "自助法：{0} 次重复")

    // MARK: help: what the screen shows (`?`)
    public static let helpTitle = Phrase("Keys", "按键")
    public static let legendHeading = Phrase("On screen:", "屏幕上的符号：")
    public static let legendReferenceSymbol = Phrase("(ref.: …)", "（参照组：…）")
    public static let legendCutpointSymbol = Phrase("Cutpoint k", "切点 k")
    public static let legendChangeSymbol = Phrase("change +* -* +-", "变化 +* -* +-")
    public static let legendRoles = Phrase("outcome, key regressor", "因变量、核心自变量")
    public static let legendMediator = Phrase("mediator, in the Models view's columns (M) or not (m)", "中介变量：已加入模型视图的列（M）或未加入（m）")
    public static let legendControls = Phrase("control (or group) in the models, partly in, out", "控制变量（或变量组）：已加入、部分加入、未加入")
    public static let legendTypes = Phrase("binary, continuous, categorical, ordinal variable", "二分、连续、分类、有序变量")
    public static let legendModels = Phrase("least squares, logit, ordered logit (probit, oprobit likewise)", "最小二乘、logit、有序 logit（probit、oprobit 同理）")
    public static let legendStd = Phrase("x-standardized coefficients, b·sd(x) (\"ologit std\")", "x 标准化系数 b·sd(x)（\"ologit std\"）")
    public static let legendWithMediator = Phrase("the outcome model with the mediator added", "加入中介变量后的结果模型")
    public static let legendStars = Phrase("p < 0.1, 0.05, 0.01", "p < 0.1、0.05、0.01")
    public static let legendParen = Phrase("t (OLS) or z statistic under a coefficient", "系数下方括号内为 t（OLS）或 z 统计量")
    public static let legendReference = Phrase("the reference category a factor's levels are compared with", "分类变量各水平所比较的参照组")
    public static let legendCutpoints = Phrase("thresholds of an ordered model, its z below", "有序模型的切点，下方为 z 值")
    public static let legendChange = Phrase("current minus baseline: more stars, fewer stars, sign changed", "当前减基准：星号增加、减少、符号改变")
    public static let legendPaths = Phrase("X → M, M → Y, X → Y total, X → Y direct", "X → M、M → Y、X → Y 总效应、X → Y 直接效应")
    public static let legendN = Phrase("observations in the screen's common sample", "共同样本的观测数")
    public static let legendLesson = Phrase("a row the lesson points at", "课程所指的行")

    /// The `?` legend: each symbol with its meaning (`ScreenLegend`).
    public static let legend: [(symbol: Phrase, meaning: Phrase)] = [
        (Phrase("Y X", "Y X"), legendRoles), (Phrase("M m", "M m"), legendMediator),
        (Phrase("[x] [-] [ ]", "[x] [-] [ ]"), legendControls),
        (Phrase("bin cont cat ord", "二分 连续 分类 有序"), legendTypes),
        (Phrase("OLS logit ologit", "OLS logit ologit"), legendModels), (Phrase("std bStdX", "std bStdX"), legendStd),
        (Phrase("+m +training", "+m +training"), legendWithMediator), (Phrase("* ** ***", "* ** ***"), legendStars),
        (Phrase("(2.29)", "(2.29)"), legendParen), (legendReferenceSymbol, legendReference),
        (legendCutpointSymbol, legendCutpoints), (legendChangeSymbol, legendChange),
        (Phrase("a b c c′", "a b c c′"), legendPaths), (Phrase("N", "N"), legendN), (Phrase(">>", ">>"), legendLesson),
    ]

    // MARK: lesson frame
    public static let lessonKeysHint = Phrase("in the lesson: {0}", "课程中：{0}")
    public static let openingLesson = Phrase("opening the lesson...", "正在打开课程……")
    public static let lastStep = Phrase("this is the last step ({0} explores freely)", "已是最后一步（{0} 自由探索）")
    public static let firstStep = Phrase("this is the first step", "已是第一步")
    public static let chineseNeedsUTF8 = Phrase("Chinese needs a UTF-8 locale; showing English", "中文需要 UTF-8 区域设置；显示英文")
    public static let exploringFreely = Phrase("exploring freely: {0} returns to step {1}", "自由探索：{0} 回到第 {1} 步")
    public static let lessonUnreadable = Phrase("the lesson cannot be read", "无法读取课程")
    public static let lessonOtherData = Phrase("the shipped lesson is written for the embedded {0} data; for other lessons use pathlens teach FILE",
                                               "内置课程是为内置的 {0} 数据编写的；其他课程请用 pathlens teach FILE")
    public static let lookAtList = Phrase("Look at: {0}", "请看：{0}")
    public static let question = Phrase("Question: {0}", "问题：{0}")
    public static let lessonPaneHint = Phrase("n next · p previous · l 中文 · Esc explore freely", "n 下一步 · p 上一步 · l English · Esc 自由探索")

    // MARK: the lesson handout (`pathlens teach --print`)
    public static let handoutStep = Phrase("Step {0} of {1}: ", "第 {0} 步（共 {1} 步）：")
    public static let handoutLookAt = Phrase("Look at:", "请看：")
    public static let handoutMarked = Phrase(" (marked `>>` in the tables)", "（表中以 `>>` 标出）")
    public static let handoutQuestion = Phrase("Question for the class:", "课堂问题：")
    public static let summaryView = Phrase("view {0}", "视图 {0}")
    public static let summaryEstimators = Phrase("estimators {0}", "估计量 {0}")
    public static let summaryDefault = Phrase("default", "默认")
    public static let summaryMediationModels = Phrase("mediation models {0}", "中介分析模型 {0}")
    public static let summaryFullSample = Phrase("full sample", "全样本")
    public static let summaryBaseline = Phrase("baseline pinned: {0}", "基准固定为 {0}")
    /// Readable names of the mediation quantities a lesson step may highlight, by highlight name.
    public static let mediationNames: [String: Phrase] = [
        "a": Phrase("path a", "a 路径"), "b": Phrase("path b", "b 路径"), "c": Phrase("path c (total)", "c 路径（总效应）"),
        "cprime": Phrase("path c′ (direct)", "c′ 路径（直接效应）"), "indirect": Phrase("a·b", "a·b"),
        "share": Phrase("the shares mediated", "中介比例"), "khb": Phrase("KHB", "KHB"), "acme": Phrase("ACME", "ACME"),
        "ade": Phrase("ADE", "ADE"), "total": Phrase("total effect", "总效应"), "propmed": Phrase("proportion mediated", "中介比例"),
        "rho": Phrase("ρ at which the ACME vanishes", "使 ACME 为零的 ρ"), "verdict": Phrase("the Baron–Kenny verdict", "Baron–Kenny 结论"),
    ]
    public static let stepUnrendered = Phrase("the step could not be rendered", "无法显示这一步")
    public static let stepTables = Phrase("This step's tables (Esc live views, z wide)", "本步的表格（Esc 实时视图，z 全宽）")
    public static let stepOf = Phrase("Step {0}/{1}", "第 {0}/{1} 步")
    public static let lookAt = Phrase("Look at", "请看")
    public static let lookAtTitle = Phrase("Look at: {0}", "请看：{0}")
    public static let stepMediationTitle = Phrase("Mediation", "中介分析")
    public static let stepBasePrefix = Phrase("base {0}", "基准 {0}")
    public static let stepOddsRatio = Phrase("odds ratio exp(b): {0}", "优势比 exp(b)：{0}")
    public static let stepBaseline = Phrase("baseline: {0}", "基准：{0}")
    public static let stepComputing = Phrase("computing this step's numbers...", "正在计算本步的数字……")

    // MARK: command-line checks
    /// The role a variable plays in a `fit`/`mediate` refusal ("outcome 'x' holds text …").
    public static let cliRoleOutcome = Phrase("outcome", "结果变量")
    public static let cliRoleMediator = Phrase("mediator", "中介变量")
}
