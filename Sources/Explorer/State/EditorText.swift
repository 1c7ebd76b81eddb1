import SurveyData

/// The words of the variable editor, the variance and weight choices and the role refusals, in
/// English and Chinese (kept together so they can move into the project's string table).
enum EditorText: Sendable, Equatable {
    case title(String)
    case fieldMeasure, fieldRole, fieldEntry
    case measure(VariableType)
    case role(EditorRole)
    case entryBare
    case cursorFirst
    case unchanged(String)
    case noSuchValue(Int, Int)
    case outcomeStays, keyStays
    case isOutcome(String, wanted: EditorRole)
    case isKey(String, wanted: EditorRole)
    case isMediator(String, wanted: EditorRole)
    case crosstabTooMany(String, Int)
    case varianceTitle, clusterBy, weightsTitle, noWeights, weightOf(SpecWeight.Kind)
    case clusterPrompt, weightPrompt(SpecWeight.Kind)
    case unknownVariable(String)
    case roleVariable(String, EditorRole)
    case oddsRatios(Bool), paren(ParenContent)
    case mediationIgnores(String)
    case exportNote(vce: String, weight: String?)

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case let .title(v): return zh ? "编辑变量 \(v)" : "Edit \(v)"
        case .fieldMeasure: return zh ? "测量类型" : "Measure"
        case .fieldRole: return zh ? "角色" : "Role"
        case .fieldEntry: return zh ? "作为控制变量" : "As control"
        case let .measure(t):
            switch t {
            case .continuous: return zh ? "连续" : "continuous"
            case .binary: return zh ? "二分" : "binary"
            case .ordinal: return zh ? "有序" : "ordinal"
            case .categorical: return zh ? "无序分类" : "categorical"
            }
        case let .role(r):
            switch r {
            case .none: return zh ? "无" : "none"
            case .outcome: return zh ? "因变量" : "outcome"
            case .keyRegressor: return zh ? "核心自变量" : "key regressor"
            case .mediator: return zh ? "中介变量" : "mediator"
            case .control: return zh ? "控制变量" : "control"
            }
        case .entryBare: return zh ? "按测量类型" : "as measured"
        case .cursorFirst:
            return zh ? "请先把光标移到变量栏中的变量上" : "move the cursor to a variable in the variables pane first"
        case let .unchanged(v): return zh ? "\(v)：未改变" : "\(v): unchanged"
        case let .noSuchValue(n, count):
            return zh ? "没有第 \(n) 个取值（共 \(count) 个）" : "no value \(n) here (\(count) values)"
        case .outcomeStays:
            return zh ? "因变量必须存在：请把另一个变量设为因变量" : "there is always an outcome: make another variable the outcome"
        case .keyStays:
            return zh ? "核心自变量必须存在：请把另一个变量设为核心自变量"
                : "there is always a key regressor: make another variable the key regressor"
        case let .isOutcome(v, wanted): return EditorText.conflict(v, .outcome, wanted, language)
        case let .isKey(v, wanted): return EditorText.conflict(v, .keyRegressor, wanted, language)
        case let .isMediator(v, wanted): return EditorText.conflict(v, .mediator, wanted, language)
        case let .crosstabTooMany(v, limit):
            return zh ? "\(v) 的取值超过 \(limit) 个，不能做交叉表"
                : "\(v) has more than \(limit) distinct values; not cross-tabulated"
        case .varianceTitle: return zh ? "方差" : "Variance"
        case .clusterBy: return zh ? "按变量聚类..." : "cluster by a variable..."
        case .weightsTitle: return zh ? "权重" : "Weights"
        case .noWeights: return zh ? "不加权" : "no weights"
        case let .weightOf(kind):
            switch kind {
            case .fweight: return zh ? "频数权重（fweight）..." : "frequency weights (fweight)..."
            case .pweight: return zh ? "抽样权重（pweight，稳健方差）..." : "sampling weights (pweight, robust variance)..."
            }
        case .clusterPrompt: return zh ? "聚类变量" : "Cluster by variable"
        case let .weightPrompt(kind): return zh ? "\(kind.rawValue) 权重变量" : "\(kind.rawValue) variable"
        case let .unknownVariable(v): return zh ? "没有变量 '\(v)'" : "no variable '\(v)' in the dataset"
        case let .roleVariable(v, role):
            return zh ? "\(v) 是\(EditorText.role(role).text(language))" : "\(v) is the \(EditorText.role(role).text(language))"
        case let .mediationIgnores(what):
            return zh ? "中介分析引擎不支持 \(what)：a、b、c、c' 及其区间为不加权、观测信息矩阵（oim）标准误，与 pathlens mediate 相同；模型视图的 m、ym 列使用 \(what)。"
                : "The mediation engine does not use \(what): a, b, c, c' and their intervals are unweighted with observed-information (oim) SEs, as pathlens mediate gives them; the Models view's m and ym columns use \(what)."
        case let .exportNote(vce, weight):
            let w = weight ?? (zh ? "无" : "none")
            return zh ? "模型方差：\(vce)；权重：\(w)（描述统计与交叉表不加权）。" : "Models' variance: \(vce); weights: \(w) (Describe and crosstabs are unweighted)."
        case let .oddsRatios(on):
            return zh ? (on ? "logit / ologit 显示比值比" : "显示原始系数") : (on ? "odds ratios for logit / ologit" : "coefficients (not exponentiated)")
        case let .paren(p):
            switch p {
            case .t: return zh ? "括号内：t / z 统计量" : "in parentheses: t / z statistics"
            case .se: return zh ? "括号内：标准误" : "in parentheses: standard errors"
            case .ci: return zh ? "括号内：95% 置信区间" : "in parentheses: 95% confidence intervals"
            }
        }
    }

    /// "union is the key regressor; pick another outcome" / "...; it cannot also be a control".
    static func conflict(_ v: String, _ has: EditorRole, _ wanted: EditorRole, _ language: Language) -> String {
        let hasText = EditorText.role(has).text(language), wantedText = EditorText.role(wanted).text(language)
        if language == .zh {
            return wanted == .control ? "\(v) 是\(hasText)，不能同时作为控制变量" : "\(v) 是\(hasText)，请另选\(wantedText)"
        }
        return wanted == .control ? "\(v) is the \(hasText); it cannot also be a control" : "\(v) is the \(hasText); pick another \(wantedText)"
    }
}
