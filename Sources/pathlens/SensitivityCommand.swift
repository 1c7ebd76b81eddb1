import ArgumentParser
import Foundation
import Estimation
import Reports
import SurveyData

/// `pathlens sensitivity`: how strong an omitted confounder would have to be to explain an OLS
/// coefficient away — Oster's δ and β* (psacalc) and Cinelli–Hazlett's robustness values and
/// benchmark bounds (sensemakr). The numbers come from `OmittedVariableBias` (Estimation), the
/// tables and JSON from `SensitivityReport` (Reports); this is the thin shell.
struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Sensitivity of an OLS coefficient to omitted confounders (Oster δ, robustness values).",
        discussion: """
        Examples:
          pathlens sensitivity --x union --y skill --controls "male + age + i.educ + married"
          pathlens sensitivity --x union --y skill --controls "male + age + i.educ" --benchmark age --format json
          pathlens sensitivity --data cps.csv --x union --y lwage --controls "education + experience" --rmax 2
        """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Treatment: one numeric or binary variable.", valueName: "var"))
    var x: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Outcome (numeric; the model is OLS).", valueName: "var"))
    var y: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Control terms, e.g. 'age + i.educ + married'.", valueName: "terms"))
    var controls: String

    @Option(parsing: .unconditional, help: ArgumentHelp("R²max = min(rmax·R̃², 1), as Oster (2019); must exceed 1.", valueName: "k"))
    var rmax: Double = 1.3

    @Option(parsing: .unconditional, help: ArgumentHelp("A control to bound the confounder by (kd = ky = 1, 2, 3).", valueName: "var"))
    var benchmark: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Confidence level for RV_{q,α} (α = 1 − level) and the bounds' intervals.", valueName: "level"))
    var level: Double = 0.95

    @OptionGroup var dataOptions: DataOptions

    // Parsed only to be refused in words (rather than "unknown option"): the formulas are
    // those of unweighted OLS with classical variance (see `SensitivityCLIText`).
    @Option(parsing: .unconditional, help: .hidden) var svy: String?
    @Option(parsing: .unconditional, help: .hidden) var vce: String?
    @Option(parsing: .unconditional, help: .hidden) var pweight: String?
    @Option(parsing: .unconditional, help: .hidden) var fweight: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("text, md, csv or json.", valueName: "format"))
    var format: String = "text"

    func run() throws {
        try reportingErrors {
            let format = try parseFormat(self.format, allowed: [.text, .md, .csv, .json])
            let language = try dataOptions.language
            let refused: [(String, String?)] = [("--svy", svy.flatMap { $0.lowercased() == "none" ? nil : $0 }), ("--vce", vce.flatMap { $0 == "oim" ? nil : $0 }),
                                                ("--pweight", pweight), ("--fweight", fweight)]
            if let (option, _) = refused.first(where: { $0.1 != nil }) {
                throw CLIError(SensitivityCLIText.refused(option).text(language))
            }
            guard rmax > 1, rmax.isFinite else {
                throw CLIError("--rmax must be greater than 1 (R²max = rmax·R̃²), not \(rmax)")
            }
            guard level > 0, level < 1 else { throw CLIError("--level must lie strictly between 0 and 1, not \(level)") }
            try Mediate.checkControlsSyntax(controls)
            let dataset = try dataOptions.load()
            try dataOptions.requireVariables([y, x], in: dataset)
            if let info = dataset.info(x), info.textEncoded || info.type == .categorical {
                throw CLIError("--x '\(x)' is \(info.textEncoded ? "text" : "categorical"): the treatment must be numeric or binary")
            }
            if let info = dataset.info(y), info.textEncoded || info.type == .categorical {
                throw CLIError("--y '\(y)' is \(info.textEncoded ? "text" : "categorical"): the outcome model is OLS and needs a numeric outcome")
            }
            let terms = try Formula.parse("y ~ \(controls)").terms.flatMap { $0.factors.map(\.variable) }
            if terms.contains(x) { throw CLIError("--controls contains the treatment '\(x)'") }
            if terms.contains(y) { throw CLIError("--controls contains the outcome '\(y)'") }
            if let benchmark {
                try dataOptions.requireVariables([benchmark], in: dataset)
                guard terms.contains(benchmark) else {
                    throw CLIError("--benchmark '\(benchmark)' is not among the controls ('\(controls)')")
                }
            }
            _ = try dataOptions.subsample(dataset) // checks the condition and that rows remain
            let spec = ModelSpec(kind: .ols, formula: "\(y) ~ \(x) + \(controls)", condition: dataOptions.condition)
            let result = try OmittedVariableBias.analyze(spec: spec, data: dataset, treatment: x, rmax: rmax,
                                                         benchmark: benchmark, level: level)
            let notice = try dataOptions.notice(dataset)
            if dataset.codebook.design != nil, svy == nil { printError(SensitivityCLIText.codebookDesignIgnored.text(language)) }
            for note in result.notes { printError("note: \(note)") }
            switch format {
            case .json:
                if let notice { printError("note: \(notice)") }
                emit(SensitivityReport.json(result, controls: controls, condition: dataOptions.condition,
                                            data: dataOptions.path).serialized() + "\n")
            case .csv:
                if let notice { printError("note: \(notice)") }
                emit(SensitivityReport.tables(result, language: language).map { t in
                    (t.title.map { CSVRenderer.line([$0]) + "\n" } ?? "") + format.render(t)
                }.joined(separator: "\n"))
            default:
                var parts = [format == .md ? "## " : ""].map { $0 + UIText.ovbSensitivityTitle.text(language, y, x) + "\n" }
                if let condition = dataOptions.condition { parts[0] += "if \(condition)\n" }
                if let notice { parts.insert(format == .md ? "> \(notice)\n" : notice + "\n", at: 0) }
                parts += SensitivityReport.tables(result, language: language).map { format.render($0) }
                emit(parts.joined(separator: "\n"))
            }
        }
    }
}

/// What `sensitivity` says about weights, variance types and survey designs (en/zh): Oster's δ
/// and Cinelli–Hazlett's robustness values are closed forms in the R²s, t and dof of unweighted
/// OLS with classical variance; PathLens does not approximate them for other variances.
enum SensitivityCLIText {
    case refused(String)
    case codebookDesignIgnored

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .refused(let option):
            return zh ? "sensitivity 不接受 \(option)：psacalc 的 δ 与 sensemakr 的稳健性值是不加权、经典方差 OLS 的公式（按设计或加权估计系数请用 fit）"
                      : "sensitivity does not take \(option): psacalc's δ and sensemakr's robustness values are formulas of unweighted OLS with classical variance (use fit for the weighted or design-based coefficient)"
        case .codebookDesignIgnored:
            return zh ? "注意：未使用码本中的调查设计：sensitivity 为经典（不加权）OLS；--svy none 可关闭此提示"
                      : "note: the codebook's survey design is not used: sensitivity is classical (unweighted) OLS; --svy none silences this note"
        }
    }
}
