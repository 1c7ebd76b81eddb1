import ArgumentParser
import Estimation
import SurveyData

/// `--svy` and `--subpop`: the survey design a command uses (Stata's `svyset` and `subpop()`).
/// Without `--svy` the codebook's `design` object applies; `--svy none` switches it off.
struct SurveyOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Survey design: 'psu=VAR strata=VAR weight=VAR [fpc=VAR] [singleunit=missing|certainty|scaled|centered] [nest]', or none.",
        discussion: "Default: the codebook's design object, if any. Variances are linearized (Stata's svy).",
        valueName: "design"))
    var svy: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Estimate on the rows where EXPR holds, keeping the full design for the variance (Stata's subpop()).",
        valueName: "expr"))
    var subpop: String?

    /// The design in force (nil = none), its variables checked against the dataset.
    func design(for dataset: Dataset) throws -> SurveyDesign? {
        try Self.design(svy: svy, subpop: subpop, for: dataset)
    }

    /// `--svy` text (nil: the codebook's design) resolved on `dataset`; `subpop` needs a design.
    static func design(svy: String?, subpop: String?, for dataset: Dataset) throws -> SurveyDesign? {
        let design: SurveyDesign?
        if let svy {
            do { design = try SurveyDesign.parse(svy) } catch { throw CLIError(error.description) }
        } else {
            design = dataset.codebook.design
        }
        guard let design else {
            if let subpop { throw CLIError(SurveyCLIText.subpopNeedsDesign(subpop).text(.en)) }
            return nil
        }
        if let (key, name) = design.unknownVariable(in: dataset) {
            throw CLIError(SurveyCLIText.unknownVariable(key: key, name: name, dataset: dataset.name).text(.en))
        }
        return design
    }
}

/// `mediate`'s `--svy` and `--subpop` (Stata's `subpop()`; no `--moderator` with it).
struct MediationSurveyOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Survey design: 'psu=VAR strata=VAR weight=VAR [fpc=VAR] [singleunit=…] [nest]', or none (bootstrap: PSUs within strata).",
        valueName: "design"))
    var svy: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Estimate on the rows where EXPR holds, keeping the full design for the variance and the bootstrap (Stata's subpop()).",
        valueName: "expr"))
    var subpop: String?

    func design(for dataset: Dataset) throws -> SurveyDesign? {
        try SurveyOptions.design(svy: svy, subpop: subpop, for: dataset)
    }
}

/// The words the survey options add on the command line (en/zh), kept together.
enum SurveyCLIText {
    case subpopNeedsDesign(String)
    case unknownVariable(key: String, name: String, dataset: String)
    case vceWithDesign
    case weightWithDesign
    case generalizedOrderedWithDesign
    case mediateUnderDesign(String, subpop: String?)

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .subpopNeedsDesign(let expr):
            return zh ? "--subpop '\(expr)' 需要调查设计（--svy 或码本中的 design）；没有设计时请用 --if"
                      : "--subpop '\(expr)' needs a survey design (--svy or the codebook's design); without one use --if"
        case let .unknownVariable(key, name, dataset):
            return zh ? "--svy \(key)=\(name)：数据集 \(dataset) 中没有变量 '\(name)'"
                      : "unknown variable '\(name)' in --svy \(key)= (dataset \(dataset))"
        case .generalizedOrderedWithDesign:
            return zh ? "gologit、goprobit 以及 --brant、--lr-parallel 暂不支持调查设计（--svy none 可关闭设计）"
                      : "gologit, goprobit, --brant and --lr-parallel do not take a survey design yet (--svy none switches it off)"
        case .vceWithDesign:
            return zh ? "--vce 不能与调查设计同用：设计给出线性化方差（--svy none 可关闭设计）"
                      : "--vce cannot be combined with a survey design: the design gives the linearized variance (--svy none switches it off)"
        case let .mediateUnderDesign(design, subpop):
            let sub = subpop.map { zh ? "；子总体 \($0)" : "; subpopulation \($0)" } ?? ""
            return zh ? "注意：svy：\(design)\(sub)；路径系数按设计加权，线性化标准误，p 值基于设计自由度的 t 分布"
                      : "note: svy: \(design)\(sub); paths weighted by the design, linearized SEs, p from t on the design df"
        case .weightWithDesign:
            return zh ? "--fweight/--pweight 不能与调查设计同用：权重在 --svy weight= 中声明"
                      : "--fweight/--pweight cannot be combined with a survey design: declare the weight as --svy weight="
        }
    }
}
