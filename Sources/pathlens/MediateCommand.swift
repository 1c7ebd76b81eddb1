import ArgumentParser
import Foundation
import Estimation
import Mediation
import Reports
import SurveyData

/// `pathlens mediate`: Baron–Kenny, Sobel, bootstrap, KHB and causal mediation in one run.
struct Mediate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediate",
        abstract: "Mediation analysis: Baron–Kenny, Sobel, bootstrap, KHB, causal mediation.",
        discussion: """
        Examples:
          pathlens mediate --x union --m training --y skill \\
              --controls "male + age + i.educ + married + party + i.occ + i.industry"
          pathlens mediate --x union --m training --y skill --method bootstrap --reps 2000 --ci bca
          pathlens mediate --x union --m training --y skill --if "industry == 2" --format json
          pathlens mediate --x union --m training --y skill --vce cluster:firm --method bootstrap
          pathlens mediate --x union --m training --y skill --lang zh --format md
          pathlens mediate --x union --m training --y skill --moderator male --moderate a
          pathlens mediate --x union --m training --y skill --y-model gologit --autofit
        """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Key regressor (treatment). Default: the codebook's key regressor.", valueName: "var"))
    var x: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Mediator(s), comma-separated. Default: the codebook's mediator.", valueName: "m[,m2…]"))
    var m: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Outcome. Default: the codebook's outcome.", valueName: "var"))
    var y: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Control terms, e.g. 'age + i.educ + married'.", valueName: "terms"))
    var controls: String?

    @Option(name: .customLong("m-model"), parsing: .unconditional, help: ArgumentHelp("Mediator model: ols, logit or probit (default from the codebook).", valueName: "model"))
    var mModel: String?

    @Option(name: .customLong("y-model"), parsing: .unconditional, help: ArgumentHelp("Outcome model: ols, logit, probit, ologit, oprobit, gologit or goprobit (default from the codebook).", valueName: "model"))
    var yModel: String?

    /// `--autofit` alone means α = 0.05 (inserted by `AutofitArgument.normalized`).
    @Option(name: .customLong("autofit"), parsing: .unconditional, help: ArgumentHelp("--y-model gologit/goprobit: gologit2's stepwise parallel-lines constraints at level ALPHA (default 0.05).", valueName: "alpha"))
    var autofit: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("all, bk, sobel, bootstrap, khb or causal (comma-separated).", valueName: "method"))
    var method: String = "all"

    @Option(parsing: .unconditional, help: ArgumentHelp("Bootstrap replications and causal-mediation simulations.", valueName: "n"))
    var reps: Int = 1000

    @Option(parsing: .unconditional, help: ArgumentHelp("Random seed (results do not depend on the number of threads).", valueName: "n"))
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: ArgumentHelp("Headline bootstrap interval: percentile, bc or bca.", valueName: "type"))
    var ci: String = "percentile"

    @Option(parsing: .unconditional, help: ArgumentHelp("Significance level of the Baron–Kenny verdict (the paper's reading: 0.1).", valueName: "p"))
    var alpha: Double = 0.05

    @Option(parsing: .unconditional, help: ArgumentHelp("Confidence level of the intervals.", valueName: "level"))
    var level: Double = 0.95

    @Option(name: .customLong("causal-ci"), parsing: .unconditional, help: ArgumentHelp("Causal-mediation intervals: quasi-bayesian or bootstrap.", valueName: "type"))
    var causalCI: String = "quasi-bayesian"

    @OptionGroup var dataOptions: DataOptions

    @OptionGroup var surveyOptions: MediationSurveyOptions

    @OptionGroup var moderationOptions: ModerationOptions
    @OptionGroup var varianceOptions: MediationVarianceOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("text, md, latex, csv or json.", valueName: "format"))
    var format: String = "text"

    func run() throws {
        try reportingErrors { try execute() }
    }

    private func execute() throws {
        let format = try parseFormat(self.format, allowed: [.text, .md, .latex, .csv, .json])
        let interval: BootstrapInterval = try parseChoice(ci, option: "--ci")
        let causalInterval: CausalInterval = try parseChoice(causalCI, option: "--causal-ci")
        var methods = Set<MediationMethod>()
        for part in method.split(separator: ",") {
            methods.insert(try parseChoice(part.trimmingCharacters(in: .whitespaces), option: "--method"))
        }
        if methods.isEmpty { throw CLIError("--method is empty (expected all, bk, sobel, bootstrap, khb or causal)") }
        let mKind = try modelKind(mModel, option: "--m-model", allowed: [.ols, .logit, .probit])
        let yKind = try modelKind(yModel, option: "--y-model", allowed: ModelKind.allCases)
        if let autofit {
            guard yKind?.isGeneralizedOrdered == true else { throw CLIError("--autofit applies to --y-model gologit or goprobit only") }
            guard autofit > 0, autofit < 1 else { throw CLIError("--autofit: alpha must be between 0 and 1 (got \(autofit))") }
        }
        guard reps >= 1, reps <= 1_000_000 else { throw CLIError("invalid value '\(reps)' for --reps (expected 1 to 1000000)") }
        guard alpha > 0, alpha < 1 else { throw CLIError("--alpha must be between 0 and 1 (got \(alpha))") }
        guard level > 0, level < 1 else { throw CLIError("--level must be between 0 and 1 (got \(level))") }
        let language = try dataOptions.language

        let dataset = try dataOptions.load()
        let roles = dataset.codebook.roles
        guard let xName = x ?? roles?.keyRegressor else { throw CLIError("no key regressor: pass --x VAR") }
        guard let yName = y ?? roles?.outcome else { throw CLIError("no outcome: pass --y VAR") }
        guard let mText = m ?? roles?.mediator else { throw CLIError("no mediator: pass --m VAR") }
        let mediators = mText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        try dataOptions.requireVariables([xName, yName] + mediators, in: dataset)
        if let controls { try Self.checkControlsSyntax(controls) }
        // A text outcome or mediator without an order is refused as `fit` refuses it, for the
        // model given or the one the engine would default to.
        for (name, role, given, modelled) in [(yName, UIText.cliRoleOutcome, yKind, ModelledRole.outcome)]
            + mediators.map({ ($0, UIText.cliRoleMediator, mKind, ModelledRole.mediator) }) {
            guard let kind = given ?? dataset.info(name).flatMap({ ModelKind.defaultKind(for: $0.type, role: modelled) }) else { continue }
            try TextOrderCheck.check(name, role: role, kind: kind, dataset: dataset, dataPath: dataOptions.path,
                                     language: language)
        }
        var spec = MediationSpec(x: xName, mediators: mediators, y: yName,
                                 controls: controls.map(MediationSpec.controlTerms) ?? [],
                                 mediatorModel: mKind, outcomeModel: yKind, condition: dataOptions.condition)
        spec.moderation = try moderationOptions.spec(in: dataset)
        spec.parallelLines = autofit.map { .autofit(alpha: $0) }
        // A survey design (--svy or the codebook's): every model weighted and linearized, the
        // bootstrap over PSUs within strata.
        if let design = try surveyOptions.design(for: dataset) {
            spec.design = design
            spec.subpop = surveyOptions.subpop
            printError(SurveyCLIText.mediateUnderDesign(design.argument, subpop: surveyOptions.subpop).text(language))
            if dataOptions.condition != nil { printError("note: " + EstimationNote.ifChangesDesign.text(language)) }
        }
        try varianceOptions.apply(to: &spec, dataset: dataset, language: language)
        let options = MediationOptions(methods: methods, reps: reps, seed: seed, interval: interval,
                                       alpha: alpha, level: level, causalInterval: causalInterval)
        let meter = ProgressMeter()
        var progress: (@Sendable (MediationProgress) -> Void)?
        if meter.isActive { progress = { meter.update($0) } }
        let result = try Mediation.analyze(spec: spec, data: dataset, options: options, progress: progress)
        meter.finish()
        // Chinese tables name the variables by their codebook labels; English keeps the names.
        let labeler = language == .zh ? TermLabeler(codebook: dataset.codebook, language: .zh) : nil
        let tableOptions = MediationTableOptions(language: language, labeler: labeler, interval: interval, level: level)
        emit(try MediateReport.render(result, format: format, options: tableOptions,
                                      notice: try dataOptions.notice(dataset)))
    }

    /// The controls are pasted after `y ~ ` in the formulas the engine builds; a syntax error is
    /// reported against the user's own `--controls` text, with the column in that text.
    static func checkControlsSyntax(_ controls: String) throws {
        guard !controls.allSatisfy(\.isWhitespace) else {
            throw CLIError("--controls is empty (expected terms such as 'age + i.educ')")
        }
        let prefix = "y ~ "
        do { _ = try Formula.parse(prefix + controls) } catch {
            guard case let .formula(_, column, message) = error else { throw CLIError("--controls: \(error)") }
            let userColumn = max(1, column - prefix.count)
            throw CLIError("--controls, column \(userColumn): \(message) in '\(controls)'")
        }
    }

    private func modelKind(_ text: String?, option: String, allowed: [ModelKind]) throws -> ModelKind? {
        guard let text else { return nil }
        let kind: ModelKind = try parseChoice(text, option: option)
        guard allowed.contains(kind) else {
            throw CLIError("invalid value '\(text)' for \(option) (expected one of: \(allowed.map(\.rawValue).joined(separator: ", ")))")
        }
        return kind
    }
}

/// A one-line progress display on stderr when it is a terminal (replications take seconds).
final class ProgressMeter: @unchecked Sendable {
    let isActive = isatty(2) != 0
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    func update(_ p: MediationProgress) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard p.completed == p.total || now.timeIntervalSince(last) > 0.1 else { return }
        last = now
        shown = true
        Output.rawError("\r\(p.stage.rawValue) \(p.completed)/\(p.total)   ")
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { Output.rawError("\r\u{1B}[K") }
    }
}
