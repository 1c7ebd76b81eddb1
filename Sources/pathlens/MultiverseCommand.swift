import ArgumentParser
import Foundation
import Analysis
import Estimation
import Reports
import SurveyData

/// `pathlens multiverse`: every specification at once — each subset of the codebook's control
/// groups (or terms) × subsamples × estimators, the key regressor's coefficient, AME, indirect
/// effect, KHB difference or ACME per specification, and their summary. The work is in the
/// Analysis layer (`MultiversePlan`, `Multiverse.run`); this is the option parsing and output.
struct MultiverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multiverse",
        abstract: "Specification curve: an effect over every subset of the control groups, subsamples and estimators.",
        discussion: """
        Examples:
          pathlens multiverse --x union --y skill --estimators ols,ologit --effects coef,ame
          pathlens multiverse --x union --y skill --controls-from variables --subsamples all,secondary
          pathlens multiverse --x union --m training --y skill --estimators ologit --effects indirect,khb --format json
        """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Key regressor. Default: the codebook's key regressor.", valueName: "var"))
    var x: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Outcome. Default: the codebook's outcome.", valueName: "var"))
    var y: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Mediator (indirect, khb, acme). Default: the codebook's mediator.", valueName: "var"))
    var m: String?

    @Option(name: .customLong("controls-from"), parsing: .unconditional,
            help: ArgumentHelp("Units switched on and off: the codebook's control groups, or each of their terms.", valueName: "groups|variables"))
    var controlsFrom: String = "groups"

    @Option(parsing: .unconditional, help: ArgumentHelp("Terms in every specification, e.g. 'c.tenure + i.region'.", valueName: "terms"))
    var fixed: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Subsamples, comma-separated: all, codebook presets, \"if EXPR\".", valueName: "list"))
    var subsamples: String = "all"

    @Option(parsing: .unconditional, help: ArgumentHelp("ols, logit, probit, ologit, oprobit (comma-separated). Default: the outcome's.", valueName: "list"))
    var estimators: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("coef, ame, indirect, khb, acme (comma-separated).", valueName: "list"))
    var effects: String = "coef"

    @Option(parsing: .unconditional, help: ArgumentHelp("oim, robust or cluster:VAR.", valueName: "vce"))
    var vce: String = "oim"

    @Option(parsing: .unconditional, help: ArgumentHelp("Confidence level of the intervals (significance in the summary: 1 − level).", valueName: "level"))
    var level: Double = 0.95

    @Option(name: .customLong("ame-outcome"), parsing: .unconditional,
            help: ArgumentHelp("Ordered models: the AME's category (first, last or a code).", valueName: "first|last|code"))
    var ameOutcome: String = "last"

    @Option(parsing: .unconditional, help: ArgumentHelp("Quasi-Bayesian simulations for the ACME interval (0: point estimate only).", valueName: "n"))
    var reps: Int = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Oster's δ (β = 0) of each OLS coefficient with R²max = min(rmax·R̃², 1), as `sensitivity --rmax`; must exceed 1.", valueName: "k"))
    var rmax: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Random seed of the ACME simulations.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Survey design: 'psu=VAR strata=VAR weight=VAR [fpc=VAR] [singleunit=…] [nest]', or none (subsamples become subpopulations).",
        discussion: "Default: the codebook's design object, if any. Variances are linearized (Stata's svy).",
        valueName: "design"))
    var svy: String?

    @OptionGroup var dataOptions: DataOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("text, md, csv or json.", valueName: "format"))
    var format: String = "text"

    func run() throws {
        try reportingErrors { try execute() }
    }

    private func execute() throws {
        let format = try parseFormat(self.format, allowed: [.text, .md, .csv, .json])
        let language = try dataOptions.language
        let dataset = try dataOptions.load()
        let request = try makeRequest(dataset)
        let plan = try MultiversePlan(request, dataset: dataset)
        let result = try Multiverse.run(plan, dataset: dataset)
        let notice = try dataOptions.notice(dataset)
        let report = MultiverseReport(result: result, language: language)
        switch format {
        case .json: emit(report.json(notice: notice).serialized() + "\n")
        case .csv:
            if let notice { printError("note: \(notice)") }
            emit(CSVRenderer.render(report.specificationTable()))
        case .md: emit(report.markdown(notice: notice))
        default:
            emit(report.text(notice: notice, width: 100, ascii: MultiverseCommand.asciiTerminal))
        }
    }

    /// A terminal whose locale cannot show the curve's block and line characters.
    static var asciiTerminal: Bool { isatty(1) == 1 && !TerminalText.localeIsUTF8 }

    func makeRequest(_ dataset: Dataset) throws -> MultiverseRequest {
        let roles = dataset.codebook.roles
        guard let xName = x ?? roles?.keyRegressor else { throw CLIError("no key regressor: pass --x VAR") }
        guard let yName = y ?? roles?.outcome else { throw CLIError("no outcome: pass --y VAR") }
        var effectList: [MultiverseEffect] = []
        for part in list(effects) {
            let e: MultiverseEffect = try parseChoice(part, option: "--effects")
            if !effectList.contains(e) { effectList.append(e) }
        }
        if effectList.isEmpty { throw CLIError("--effects is empty (expected coef, ame, indirect, khb or acme)") }
        let mName = m ?? (effectList.contains(where: \.isMediated) ? roles?.mediator : nil)
        var kinds: [ModelKind] = []
        if let estimators {
            for part in list(estimators) {
                let k: ModelKind = try parseChoice(part, option: "--estimators")
                guard !k.isGeneralizedOrdered else {
                    throw CLIError("invalid value '\(part)' for --estimators (expected one of: ols, logit, probit, ologit, oprobit)")
                }
                if !kinds.contains(k) { kinds.append(k) }
            }
            if kinds.isEmpty { throw CLIError("--estimators is empty (expected ols, logit, probit, ologit or oprobit)") }
        } else {
            guard dataset.column(yName) != nil else { throw CLIError("unknown variable '\(yName)' in --y (dataset \(dataset.name))") }
            let type = dataset.info(yName)?.type ?? .continuous
            kinds = [ModelKind.defaultKind(for: type, role: .outcome) ?? .ols]
        }
        let source: MultiverseControlSource = try parseChoice(controlsFrom, option: "--controls-from")
        guard let variance = VarianceType(argument: vce) else {
            throw CLIError("invalid value '\(vce)' for --vce (expected oim, robust or cluster:VAR)")
        }
        guard let outcome = AMEOutcome(argument: ameOutcome) else {
            throw CLIError("invalid value '\(ameOutcome)' for --ame-outcome (expected first, last or a category code)")
        }
        var fixedTerms: [String] = []
        if let fixed {
            guard !fixed.allSatisfy(\.isWhitespace) else { throw CLIError("--fixed is empty (expected terms such as 'c.tenure + i.region')") }
            let prefix = "y ~ "
            do { _ = try Formula.parse(prefix + fixed) } catch {
                guard case let .formula(_, column, message) = error else { throw CLIError("--fixed: \(error)") }
                throw CLIError("--fixed, column \(max(1, column - prefix.count)): \(message) in '\(fixed)'")
            }
            fixedTerms = FormulaTerms.split(fixed)
        }
        let subs = try MultiverseSubsample.parse(subsamples, codebook: dataset.codebook)
        // The design `fit --svy` uses (the codebook's unless `--svy none`), checked the same way.
        let design = try SurveyOptions.design(svy: svy, subpop: nil, for: dataset)
        var request = MultiverseRequest(x: xName, y: yName, m: mName, controlsFrom: source, fixed: fixedTerms,
                                 subsamples: subs, estimators: kinds, effects: effectList, vce: variance,
                                 condition: dataOptions.condition, level: level, ameOutcome: outcome,
                                 reps: reps, seed: seed, design: design)
        request.rmax = rmax
        return request
    }

    private func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
