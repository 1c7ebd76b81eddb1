import Reports
import SurveyData

/// Where a binding applies. The reducer looks a key up in the contexts that are live (an open
/// dialog's alone; otherwise the lesson's, then the focused pane's, then the global ones).
public enum KeyContext: String, Sendable, CaseIterable {
    case global, variablesPane, viewPane, help, menu, prompt, editor, lesson, lessonPane

    public func title(_ language: Language) -> String {
        let phrase: Phrase
        switch self {
        case .global: phrase = UIText.contextGlobal
        case .variablesPane: phrase = UIText.contextVariablesPane
        case .viewPane: phrase = UIText.contextViewPane
        case .help: phrase = UIText.contextHelp
        case .menu: phrase = UIText.contextMenu
        case .prompt: phrase = UIText.contextPrompt
        case .editor: phrase = UIText.contextEditor
        case .lesson: phrase = UIText.contextLesson
        case .lessonPane: phrase = UIText.contextLessonPane
        }
        return phrase.text(language)
    }
}

/// What a binding matches: one key, any printable character (typing), or every key the
/// context binds no other way.
public enum KeyPattern: Sendable, Hashable {
    case key(Key)
    case anyCharacter
    case anyOtherKey
}

/// What a key does. The reducer switches over these (exhaustively), never over raw keys.
public enum KeyAction: String, Sendable, CaseIterable {
    // everywhere
    case switchView, switchPane, page, scrollLeft, scrollRight, toggleLanguage
    case setOutcome, setKeyRegressor, setMediator, marginsTerm, crosstabRows, crosstabColumns
    case mediatorOnOff, subsample, estimators, variance, varianceMenu, weights, oddsRatios, parenContent
    /// `D`: declare a survey design (or none).
    case surveyDesign
    /// `a`: view 7's effect (coefficient, AME, indirect, KHB, ACME).
    case multiverseEffect
    case sampling, pinBaseline, clearBaseline, bootstrap, cancelBootstrap
    case zoom, undo, redo, find, saveSpec, export, lesson, help, quit
    // variables pane
    case cursorMove, cursorEnds, toggleControl, toggleInteraction, toggleModerator, variableMenu, variableEditor
    // view pane
    case scrollRows, scrollEnds, viewMenu
    // dialogs
    case helpScroll, closeOverlay, menuMove, menuPick, promptConfirm, promptCancel, promptDelete, promptClear, promptType
    // variable editor
    case editorField, editorValue, editorPick
    // lesson
    case lessonNext, lessonPrevious, lessonLanguage, lessonLeave, lessonLeaveToView, lessonHint, lessonPassThrough, lessonScroll
}

/// One key binding: its keys, where it applies, what it does, and its help text in both languages.
public struct KeyBinding: Sendable {
    public let context: KeyContext
    public let keys: [KeyPattern]
    public let action: KeyAction
    public let en: String
    public let zh: String

    public func text(_ language: Language) -> String { language == .zh ? zh : en }

    /// The keys as `?` shows them (a run of digits as `1-7`).
    public func label(_ language: Language = .en) -> String { KeyNames.label(keys, language) }

    public func matches(_ key: Key) -> Bool { keys.contains(.key(key)) }
}

/// The one table of key bindings: the reducer dispatches from it, the `?` screen, menu titles
/// and hints are generated from it, and tests check the README's key list against it.
public enum KeyTable {
    private static func b(_ context: KeyContext, _ keys: [Key], _ action: KeyAction, _ en: String, _ zh: String) -> KeyBinding {
        KeyBinding(context: context, keys: keys.map(KeyPattern.key), action: action, en: en, zh: zh)
    }
    private static func c(_ s: String) -> [Key] { s.map(Key.char) }

    public static let bindings: [KeyBinding] = [
        b(.global, c("1234567"), .switchView, "views: Models, Mediation, Margins, Crosstab, Describe, Data, Multiverse",
          "视图：模型、中介、边际效应、交叉表、描述统计、数据、多元宇宙"),
        b(.global, [.tab, .backTab], .switchPane, "switch pane (variables / view)", "切换窗格（变量 / 视图）"),
        b(.global, [.pageUp, .pageDown], .page, "move a page (cursor or view)", "翻页（光标或视图）"),
        b(.global, [.left, .char("h")], .scrollLeft, "scroll the view left", "视图左移"),
        b(.global, [.right], .scrollRight, "scroll the view right", "视图右移"),
        b(.global, c("L"), .toggleLanguage, "Chinese / English labels", "中文 / 英文标签"),
        b(.global, c("o"), .setOutcome, "set the variable under the cursor as outcome", "把光标处的变量设为因变量"),
        b(.global, c("r"), .setKeyRegressor, "set it as key regressor", "设为核心自变量"),
        b(.global, c("m"), .setMediator, "set it as mediator (again: mediator off)", "设为中介变量（再按：关闭中介）"),
        b(.global, c("t"), .marginsTerm, "show its margins beside the key regressor's", "在核心自变量旁显示其边际效应"),
        b(.global, c("C"), .crosstabRows, "crosstab rows variable", "交叉表的行变量"),
        b(.global, c("c"), .crosstabColumns, "crosstab columns variable", "交叉表的列变量"),
        b(.global, c("M"), .mediatorOnOff, "switch the mediator on / off", "开启 / 关闭中介变量"),
        b(.global, c("s"), .subsample, "subsample: presets or a typed if expression", "子样本：预设或输入 if 条件"),
        b(.global, c("e"), .estimators, "cycle estimators", "切换估计方法"),
        b(.global, c("v"), .variance, "switch variance oim / robust", "切换方差类型（oim / robust）"),
        b(.global, c("V"), .varianceMenu, "variance: oim, robust, or clustered by a variable",
          "方差：oim、robust 或按变量聚类"),
        b(.global, c("W"), .weights, "weights: none, frequency (fweight) or sampling (pweight)",
          "权重：无、频数权重（fweight）或抽样权重（pweight）"),
        b(.global, c("D"), .surveyDesign, "survey design: psu= strata= weight= [fpc=], or none (subsamples become subpopulations)",
          "调查设计：psu= strata= weight= [fpc=]，或 none（子样本按子总体估计）"),
        b(.global, c("O"), .oddsRatios, "Models view: odds ratios for logit / ologit (exp(b))",
          "模型视图：logit / ologit 显示比值比（exp(b)）"),
        b(.global, c("P"), .parenContent, "Models view: parentheses show t/z, SE or 95% CI",
          "模型视图：括号内为 t/z、标准误或 95% 置信区间"),
        b(.global, c("a"), .multiverseEffect, "Multiverse view: effect shown: coefficient, AME, and with a mediator indirect, KHB, ACME",
          "多元宇宙视图：显示的效应：系数、平均边际效应，有中介变量时还有间接效应、KHB、ACME"),
        b(.global, c("S"), .sampling, "one common sample for every model / each model on its own rows",
          "所有模型用共同样本 / 各模型用各自的样本"),
        b(.global, c("b"), .pinBaseline, "pin the current models as baseline", "把当前模型固定为基准"),
        b(.global, c("B"), .clearBaseline, "clear the baseline", "清除基准"),
        b(.global, c("g"), .bootstrap, "(re)start the mediation bootstrap", "（重新）开始中介效应自助法"),
        b(.global, [.escape], .cancelBootstrap, "cancel the bootstrap", "取消自助法"),
        b(.global, c("z"), .zoom, "zoom: hide the variables pane", "放大：隐藏变量窗格"),
        b(.global, c("u"), .undo, "undo", "撤销"),
        b(.global, [.ctrl("r")], .redo, "redo", "重做"),
        b(.global, c("/"), .find, "find a variable", "查找变量"),
        b(.global, c("w"), .saveSpec, "save the specification (JSON)", "保存设定（JSON）"),
        b(.global, c("x"), .export, "export the current view (Markdown, LaTeX, CSV)", "导出当前视图（Markdown、LaTeX、CSV）"),
        b(.global, c("T"), .lesson, "lesson: open the shipped one / return to its step", "课程：打开内置课程 / 回到其步骤"),
        b(.global, c("?"), .help, "this help", "本帮助"),
        b(.global, c("q"), .quit, "quit", "退出"),

        b(.variablesPane, [.up, .down, .char("k"), .char("j")], .cursorMove, "move the cursor", "移动光标"),
        b(.variablesPane, [.home, .end], .cursorEnds, "first / last row", "第一行 / 最后一行"),
        b(.variablesPane, c(" "), .toggleControl, "switch the control (or group) under the cursor", "开关光标处的控制变量（或变量组）"),
        b(.variablesPane, c("i"), .toggleInteraction, "interact the key regressor with the control under the cursor (again: plain control)",
          "核心自变量与光标处控制变量交互（再按：取消交互）"),
        b(.variablesPane, c("I"), .toggleModerator,
          "moderator of the mediation: W on the a path; again: b path, both paths, off (PROCESS 7, 14, 58)",
          "中介的调节变量：调节 a 路径；再按：b 路径、两条路径、取消（PROCESS 模型 7、14、58）"),
        b(.variablesPane, [.enter], .variableMenu, "open a choice for the row under the cursor", "打开光标处变量的操作菜单"),
        b(.variablesPane, c("E"), .variableEditor, "edit the variable: measure, entry as control, role",
          "编辑变量：测量类型、作为控制变量的进入方式、角色"),
        b(.variablesPane, c("l"), .toggleLanguage, "Chinese / English labels", "中文 / 英文标签"),

        b(.viewPane, [.up, .down, .char("k"), .char("j")], .scrollRows, "scroll the view", "上下滚动视图"),
        b(.viewPane, [.home, .end], .scrollEnds, "top / bottom of the view", "视图顶部 / 底部"),
        b(.viewPane, [.enter], .viewMenu, "choose a view", "选择视图"),
        b(.viewPane, c("l"), .scrollRight, "scroll the view right", "视图右移"),

        b(.help, [.down, .char("j"), .up, .char("k")], .helpScroll, "scroll", "滚动"),
        KeyBinding(context: .help, keys: [.anyOtherKey], action: .closeOverlay, en: "close", zh: "关闭"),

        b(.menu, [.down, .char("j"), .tab, .up, .char("k"), .backTab], .menuMove, "move", "移动"),
        b(.menu, [.enter], .menuPick, "pick", "选定"),
        b(.menu, [.escape, .char("q")], .closeOverlay, "close", "关闭"),

        b(.prompt, [.enter], .promptConfirm, "confirm", "确认"),
        b(.prompt, [.escape], .promptCancel, "cancel", "取消"),
        b(.prompt, [.backspace], .promptDelete, "delete a character", "删除一个字符"),
        b(.prompt, [.ctrl("u")], .promptClear, "clear the input", "清空输入"),
        KeyBinding(context: .prompt, keys: [.anyCharacter], action: .promptType,
                   en: "type (an if expression is checked as you type)", zh: "输入（if 条件边输入边检查）"),

        b(.editor, [.down, .char("j"), .tab, .up, .char("k"), .backTab], .editorField, "next / previous field", "下一项 / 上一项"),
        b(.editor, [.right, .char("l"), .left, .char("h")], .editorValue, "next / previous value (applied at once)",
          "下一个 / 上一个取值（立即生效）"),
        b(.editor, c("123456789"), .editorPick, "pick the field's value by its number", "按编号选择该项的取值"),
        b(.editor, c("u"), .undo, "undo", "撤销"),
        b(.editor, [.ctrl("r")], .redo, "redo", "重做"),
        b(.editor, [.escape, .enter, .char("q")], .closeOverlay, "close", "关闭"),

        b(.lesson, [.char("n"), .pageDown], .lessonNext, "next step (PgDn pages the tables after Tab)", "下一步（Tab 之后 PgDn 翻动表格）"),
        b(.lesson, [.char("p"), .pageUp], .lessonPrevious, "previous step (PgUp likewise)", "上一步（PgUp 同理）"),
        b(.lesson, c("lL"), .lessonLanguage, "English / Chinese (lesson and labels)", "英文 / 中文（课程与标签）"),
        b(.lesson, [.escape], .lessonLeave, "explore freely (T returns to the step)", "自由探索（T 回到该步骤）"),
        b(.lesson, c("123456"), .lessonLeaveToView, "explore freely in that view", "在该视图中自由探索"),
        b(.lesson, c("T"), .lessonHint, "show the lesson keys", "显示课程按键"),
        b(.lesson, c("q?") + [.tab, .backTab, .left, .right] + c("hz") + [.end, .up, .down] + c("kj") + [.home],
          .lessonPassThrough, "as outside", "同课程外"),
        KeyBinding(context: .lesson, keys: [.anyOtherKey], action: .lessonHint, en: "show the lesson keys", zh: "显示课程按键"),

        b(.lessonPane, [.up, .down, .char("k"), .char("j"), .home], .lessonScroll, "scroll the lesson pane", "滚动课程窗格"),
    ]

    /// The binding for `key` in `context`: a named key first, then typing, then the catch-all.
    public static func binding(for key: Key, in context: KeyContext) -> KeyBinding? {
        let inContext = bindings.filter { $0.context == context }
        if let exact = inContext.first(where: { $0.matches(key) }) { return exact }
        if case let .char(c) = key, !c.isNewline,
           let typing = inContext.first(where: { $0.keys.contains(.anyCharacter) }) { return typing }
        return inContext.first { $0.keys.contains(.anyOtherKey) }
    }

    /// The first of `contexts` (in order) that binds `key`.
    public static func binding(for key: Key, in contexts: [KeyContext]) -> KeyBinding? {
        for context in contexts { if let found = binding(for: key, in: context) { return found } }
        return nil
    }

    /// The bindings performing `action` (in `context`, if given).
    public static func bindings(for action: KeyAction, in context: KeyContext? = nil) -> [KeyBinding] {
        bindings.filter { $0.action == action && (context == nil || $0.context == context) }
    }

    /// The keys of `action` as the help shows them (`o`, `Enter`, `Esc q`).
    public static func label(_ action: KeyAction, in context: KeyContext? = nil, _ language: Language = .en) -> String {
        bindings(for: action, in: context).map { $0.label(language) }.joined(separator: " ")
    }

    /// "Enter pick, Esc q close": the keys of `actions` with their help text, for dialog titles.
    public static func hint(_ actions: [KeyAction], in context: KeyContext, _ language: Language) -> String {
        actions.flatMap { bindings(for: $0, in: context) }
            .map { "\($0.label(language)) \($0.text(language))" }
            .joined(separator: UIText.listSeparator.text(language))
    }

    static let keyColumn = 12

    /// The `?` screen: every context's bindings under its title.
    public static func helpLines(_ language: Language) -> [String] {
        var lines: [String] = []
        for context in KeyContext.allCases {
            lines.append(UIText.helpHeading.text(language, context.title(language)))
            for binding in bindings where binding.context == context {
                let keys = binding.label(language)
                let column = TextWidth.width(keys) < keyColumn ? TextWidth.pad(keys, to: keyColumn) : keys + "  "
                lines.append(" " + column + binding.text(language))
            }
        }
        return lines
    }
}

/// Key names as the help, the README and key scripts (`--keys`) spell them: key caps, the same
/// in both languages (with `KeyTable.bindings`, the part of the string table that lives here).
public enum KeyNames {
    /// Key-script tokens (lower case) by key.
    static let script: [String: Key] = [
        "space": .char(" "), "enter": .enter, "return": .enter, "tab": .tab, "s-tab": .backTab, "shift-tab": .backTab,
        "backtab": .backTab, "btab": .backTab, "esc": .escape, "escape": .escape, "up": .up, "down": .down,
        "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "bs": .backspace, "backspace": .backspace,
    ]
    static let scriptCtrlPrefix = "ctrl-"

    public static func name(_ key: Key) -> String {
        switch key {
        case let .char(c): return c == " " ? "Space" : String(c)
        case let .ctrl(c): return "Ctrl-" + c.uppercased()
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        }
    }

    static func label(_ keys: [KeyPattern], _ language: Language) -> String {
        var parts: [String] = []
        var digits: [Character] = []
        func flush() {
            if digits.count > 2 { parts.append("\(digits.first!)-\(digits.last!)") } else { parts += digits.map { String($0) } }
            digits = []
        }
        for pattern in keys {
            if case let .key(.char(c)) = pattern, c.isNumber, digits.last.map({ $0.wholeNumberValue! + 1 == c.wholeNumberValue }) ?? true {
                digits.append(c); continue
            }
            flush()
            switch pattern {
            case let .key(key): parts.append(name(key))
            case .anyCharacter: parts.append(UIText.anyCharacter.text(language))
            case .anyOtherKey: parts.append(UIText.anyOtherKey.text(language))
            }
        }
        flush()
        return parts.joined(separator: " ")
    }
}
