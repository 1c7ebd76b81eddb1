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
        let keys: [(String, String?)] = [("psu", design.psu), ("strata", design.strata), ("weight", design.weight), ("fpc", design.fpc)]
        for case let (key, name?) in keys where dataset.column(name) == nil {
            throw CLIError(SurveyCLIText.unknownVariable(key: key, name: name, dataset: dataset.name).text(.en))
        }
        return design
    }
}

/// The words the survey options add on the command line (en/zh), kept together.
enum SurveyCLIText {
    case subpopNeedsDesign(String)
    case unknownVariable(key: String, name: String, dataset: String)
    case vceWithDesign
    case weightWithDesign
    case mediateIgnoresDesign

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .subpopNeedsDesign(let expr):
            return zh ? "--subpop '\(expr)' 需要调查设计（--svy 或码本中的 design）；没有设计时请用 --if"
                      : "--subpop '\(expr)' needs a survey design (--svy or the codebook's design); without one use --if"
        case let .unknownVariable(key, name, dataset):
            return zh ? "--svy \(key)=\(name)：数据集 \(dataset) 中没有变量 '\(name)'"
                      : "unknown variable '\(name)' in --svy \(key)= (dataset \(dataset))"
        case .vceWithDesign:
            return zh ? "--vce 不能与调查设计同用：设计给出线性化方差（--svy none 可关闭设计）"
                      : "--vce cannot be combined with a survey design: the design gives the linearized variance (--svy none switches it off)"
        case .mediateIgnoresDesign:
            return zh ? "注意：mediate 尚不支持调查设计；码本中的 design 未被使用（结果未加权，方差未按设计计算）"
                      : "note: mediate does not estimate under a survey design yet; the codebook's design is not used (unweighted, no design-based variance)"
        case .weightWithDesign:
            return zh ? "--fweight/--pweight 不能与调查设计同用：权重在 --svy weight= 中声明"
                      : "--fweight/--pweight cannot be combined with a survey design: declare the weight as --svy weight="
        }
    }
}
