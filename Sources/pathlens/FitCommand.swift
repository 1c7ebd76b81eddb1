import ArgumentParser
import Foundation
import Estimation
import Reports
import SurveyData

/// `pathlens fit MODEL "FORMULA"`: one model, printed as a journal-style table (or JSON).
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit OLS, logit, probit, ordered logit/probit or generalized ordered logit/probit.",
        discussion: """
        Examples:
          pathlens fit ologit "skill ~ union + male + c.age + i.educ"
          pathlens fit logit "training ~ union + male" --if "industry == 2" --margins --format json
          pathlens fit ologit "skill ~ union + male + c.age" --brant --lr-parallel
          pathlens fit gologit "skill ~ union + male + c.age" --autofit
        """)

    @Argument(help: ArgumentHelp("ols, logit, probit, ologit, oprobit, gologit or goprobit.", valueName: "model"))
    var model: String

    @Argument(help: ArgumentHelp("'y ~ x1 + i.factor + ib3.factor + c.age'.", valueName: "formula"))
    var formula: String

    @OptionGroup var dataOptions: DataOptions

    @OptionGroup var weightOption: FrequencyWeightOption

    @OptionGroup var surveyOptions: SurveyOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Variance: oim, robust or cluster:VAR.", valueName: "vce"))
    var vce: String = "oim"

    @Option(parsing: .unconditional, help: ArgumentHelp("Sampling-weight variable (implies robust variance).", valueName: "var"))
    var pweight: String?

    @Flag(help: "Average marginal effects.")
    var margins = false

    @Flag(help: "Marginal effects at the regressor means (implies --margins).")
    var atmeans = false

    @OptionGroup var parallelLines: ParallelLinesOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Marginal effects of these variables only (implies --margins).", valueName: "var[,var]"))
    var dydx: String?

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Effects with VAR set to each value, others as observed (repeatable; implies --margins).", valueName: "VAR=(v1 v2 …)"))
    var at: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Effects averaged within each group of VAR (implies --margins).", valueName: "var"))
    var over: String?

    @Flag(help: "Differences of the effects between the --at values (later minus first, as Stata's r._at).")
    var contrast = false

    @Option(parsing: .unconditional, help: ArgumentHelp("text, md, latex, csv or json.", valueName: "format"))
    var format: String = "text"

    @Option(parsing: .unconditional, help: ArgumentHelp("In parentheses: t (t or z statistic), se, or ci (95% confidence interval).", valueName: "t|se|ci"))
    var paren: String = "t"

    func run() throws {
        try reportingErrors {
            let kind: ModelKind
            do { kind = try parseChoice(model, option: "MODEL") } catch {
                throw CLIError("unknown model '\(model)' (expected ols, logit, probit, ologit, oprobit, gologit or goprobit)")
            }
            let format: OutputFormat = try parseChoice(self.format, option: "--format")
            let paren: ParenStatistic = try parseChoice(self.paren, option: "--paren")
            let language = try dataOptions.language
            guard let variance = VarianceType(argument: vce) else {
                throw CLIError("invalid value '\(vce)' for --vce (expected oim, robust or cluster:VAR)")
            }
            if weightOption.fweight != nil && pweight != nil {
                throw CLIError("--fweight and --pweight cannot be combined")
            }
            let weights: Weighting = weightOption.fweight.map { .frequency($0) } ?? pweight.map { .sampling($0) } ?? .none

            let dataset = try dataOptions.load(fweight: weightOption.fweight)
            if let pweight, dataset.column(pweight) == nil {
                throw CLIError("unknown variable '\(pweight)' in --pweight (dataset \(dataset.name))")
            }
            if case .cluster(let v) = variance, dataset.column(v) == nil {
                throw CLIError("unknown variable '\(v)' in --vce cluster (dataset \(dataset.name))")
            }
            _ = try dataOptions.subsample(dataset) // checks the condition and that rows remain
            try checkOutcome(kind, dataset: dataset, language: language)
            let constraints = try parallelLines.validated(kind, weights: weights, vce: variance)
            var spec = ModelSpec(kind: kind, formula: formula, condition: dataOptions.condition,
                                 vce: variance, weights: weights, parallelLines: constraints)
            if let design = try surveyOptions.design(for: dataset) {
                if vce != "oim" { throw CLIError(SurveyCLIText.vceWithDesign.text(language)) }
                if weights != .none { throw CLIError(SurveyCLIText.weightWithDesign.text(language)) }
                // The generalized ordered models have no linearized variance yet: refused, not ignored.
                if kind.isGeneralizedOrdered || parallelLines.brant || parallelLines.lrParallel {
                    throw CLIError(SurveyCLIText.generalizedOrderedWithDesign.text(language))
                }
                spec.design = design
                spec.subpop = surveyOptions.subpop
            }
            var options = FitOptions(margins: margins || atmeans, atMeans: atmeans)
            options.brant = parallelLines.brant
            options.lrParallel = parallelLines.lrParallel
            options.marginsRequest = try marginsRequest()
            if !options.marginsRequest.isDefault { options.margins = true }
            // The generalized ordered models' margins are per column: refuse what they cannot give.
            if kind.isGeneralizedOrdered, !options.marginsRequest.isDefault || formula.contains("#") {
                throw CLIError(language == .zh ? "gologit/goprobit 暂不支持交互项与 --dydx/--at/--over/--contrast"
                               : "gologit/goprobit do not take interactions or --dydx/--at/--over/--contrast yet")
            }
            var result = try fitModel(spec, data: dataset, options: options)
            // Stata: pweights imply robust variance (the estimator uses it and notes so); the
            // report's variance says so too (`"vce": "robust"`, the robust line of the table).
            if pweight != nil, result.spec.vce == .oim, result.survey == nil { result.spec.vce = .robust }
            let notice = try dataOptions.notice(dataset)
            emit(render(result, dataset: dataset, format: format, paren: paren, language: language, notice: notice))
        }
    }

    /// `--dydx`, `--at`, `--over`, `--contrast` as the estimator's request (checked against the
    /// model's variables when the design is built).
    private func marginsRequest() throws -> MarginsRequest {
        var request = MarginsRequest(over: over, contrast: contrast)
        if let dydx {
            let names = dydx.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else { throw CLIError("--dydx: expected VAR[,VAR]") }
            request.dydx = names
        }
        request.at = try at.map { text in
            do { return try MarginsRequest.AtSetting.parse(text) } catch { throw CLIError("\(error)") }
        }
        return request
    }

    /// OLS on an unordered categorical outcome (a text column encoded 1…k in alphabetical
    /// order) would regress on arbitrary codes: refuse, as a silent wrong number.
    /// A text outcome without an order (its texts numbered alphabetically) would make logit and
    /// the ordered models depend on spelling: refuse, saying how to give the order.
    private func checkOutcome(_ kind: ModelKind, dataset: Dataset, language: Language) throws {
        guard let tilde = formula.firstIndex(of: "~") else { return }
        let outcome = formula[..<tilde].trimmingCharacters(in: .whitespaces)
        try TextOrderCheck.check(outcome, role: UIText.cliRoleOutcome, kind: kind, dataset: dataset,
                                 dataPath: dataOptions.path, language: language)
        guard kind == .ols else { return }
        if let info = dataset.info(outcome), info.type == .categorical, info.nonNumericCell == nil {
            throw CLIError("outcome '\(outcome)' is not numeric (categorical values such as "
                           + "'\(info.values.first?.label(.en) ?? "")'); ols needs a numeric outcome: "
                           + "use logit or ologit, or declare it ordinal or continuous in the codebook")
        }
    }

    private func render(_ result: ModelResult, dataset: Dataset, format: OutputFormat, paren: ParenStatistic,
                        language: Language, notice: String?) -> String {
        if format == .json {
            var json = FitJSON.value(result, codebook: dataset.codebook, language: language, notice: notice)
            if case .object(var members) = json {
                members.append(("data", .string(dataOptions.path)))
                json = .object(members)
            }
            return json.serialized() + "\n"
        }
        var title = ReportText.modelName(result.model, language) + ": " + result.spec.formula
        if let condition = result.spec.condition { title += "  if " + condition }
        if result.model.isGeneralizedOrdered {
            return renderGeneralized(result, dataset: dataset, format: format, paren: paren, language: language,
                                     notice: notice, title: title)
        }
        let table = RegressionTable.build([RegressionColumn(result: result)], codebook: dataset.codebook,
                                          options: RegressionTableOptions(
                                            language: language, paren: paren,
                                            statistics: [.n, .r2, .adjR2, .pseudoR2, .loglik, .lrChi2, .f],
                                            title: title))
        var output = renderWithNotice(table, format: format, notice: notice)
        if let tests = ParallelLinesTable.build(result, codebook: dataset.codebook, language: language) {
            output += "\n" + format.render(tests)
        }
        for at in [MarginalEffect.At.average, .means] where result.margins.contains(where: { $0.at == at }) {
            let margins = MarginsTable.build(result, codebook: dataset.codebook, language: language, at: at)
            output += "\n" + format.render(margins)
        }
        if !result.contrasts.isEmpty {
            output += "\n" + format.render(MarginsTable.contrasts(result, codebook: dataset.codebook, language: language))
        }
        return output
    }
}

/// The one check `fit` and `mediate` share: a text variable without an order (its texts numbered
/// alphabetically as read) would make logit, probit and the ordered models depend on spelling, so
/// such an outcome (or mediator) is refused, saying how to give the order. OLS is left to the
/// callers' own checks; a mostly numeric column read as text is left to the design matrix, which
/// names its first offending cell.
enum TextOrderCheck {
    static func check(_ variable: String, role: Phrase, kind: ModelKind, dataset: Dataset, dataPath: String,
                      language: Language) throws {
        guard kind != .ols, let info = dataset.info(variable), info.textEncoded, info.nonNumericCell == nil else { return }
        let codebook = dataPath.lowercased().hasSuffix(".csv") ? CodebookFile.sidecarPath(forDataAt: dataPath) : nil
        throw CLIError(FitText.unorderedTextOutcome(variable, kind: kind, texts: info.values.compactMap(\.name),
                                                    codebook: codebook, role: role, language))
    }
}

/// The words `fit` adds for its outcome checks (en/zh).
enum FitText {
    /// `codebook`: the sidecar that would give the order (CSV data), nil for .dta/.sav files.
    /// `role`: what the variable is ("outcome", "mediator").
    static func unorderedTextOutcome(_ outcome: String, kind: ModelKind, texts: [String], codebook: String?,
                                     role: Phrase = UIText.cliRoleOutcome, _ language: Language) -> String {
        let shown = texts.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (texts.count > 3 ? ", …" : "")
        let example = texts.first ?? "low"
        let encode = "encode \(outcome), generate(\(outcome)_n) label(LBL)"
        switch language {
        case .en:
            let sidecar = codebook.map { "give its order in \($0) (value codes, e.g. {\"code\": 1, \"name\": \"\(example)\"}), or " } ?? ""
            return "\(role.en) '\(outcome)' holds text (\(shown)) with no order, so \(kind.rawValue) cannot tell low from high: "
                + sidecar + "store it as numbers labelled in order (Stata: \(encode), with label LBL defined in that order)"
        case .zh:
            let sidecar = codebook.map { "请在 \($0) 中给出取值编码（例如 {\"code\": 1, \"name\": \"\(example)\"}），或" } ?? "请"
            return "\(role.zh) '\(outcome)' 是没有顺序的文本（\(shown)），\(kind.rawValue) 无法区分高低："
                + sidecar + "把它存成按顺序加标签的数值（Stata：\(encode)，标签 LBL 按此顺序定义）"
        }
    }
}
