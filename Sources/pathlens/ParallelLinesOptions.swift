import ArgumentParser
import Foundation
import Estimation
import Reports
import SurveyData

/// `pathlens fit` options of issue 15: the parallel-lines tests after ologit/oprobit and the
/// constraints of gologit/goprobit (gologit2's `pl()`, `npl()`, `autofit`).
struct ParallelLinesOptions: ParsableArguments {
    @Flag(help: "ologit: Brant test of the parallel-lines assumption (omnibus and per term).")
    var brant = false

    @Flag(name: .customLong("lr-parallel"), help: "ologit/oprobit: likelihood-ratio test against the generalized model.")
    var lrParallel = false

    @Option(name: .customLong("pl"), parsing: .unconditional, help: ArgumentHelp("gologit/goprobit: terms with one coefficient in every equation.", valueName: "var,..."))
    var pl: String?

    @Option(name: .customLong("npl"), parsing: .unconditional, help: ArgumentHelp("gologit/goprobit: the only terms whose coefficients vary.", valueName: "var,..."))
    var npl: String?

    /// `--autofit` alone means α = 0.05 (inserted by `AutofitArgument.normalized`).
    @Option(name: .customLong("autofit"), parsing: .unconditional, help: ArgumentHelp("gologit/goprobit: gologit2's stepwise constraints at level ALPHA (default 0.05).", valueName: "alpha"))
    var autofit: Double?

    /// Checks the combination against the model and returns the generalized model's constraints.
    func validated(_ kind: ModelKind, weights: Weighting, vce: VarianceType) throws -> ParallelLines? {
        if brant {
            guard kind == .ologit else { throw CLIError("--brant applies to ologit only (got \(kind.rawValue))") }
            if case .sampling = weights { throw CLIError("--brant cannot be combined with --pweight (the test uses the binary logits' model-based variance)") }
        }
        if lrParallel {
            guard kind.isOrdered else { throw CLIError("--lr-parallel applies to ologit and oprobit only (got \(kind.rawValue))") }
            if case .sampling = weights { throw CLIError("--lr-parallel cannot be combined with --pweight (a likelihood-ratio test needs a true likelihood)") }
            guard vce == .oim else { throw CLIError("--lr-parallel needs --vce oim (a likelihood-ratio test is not valid with robust or clustered variance)") }
        }
        let given = [("--pl", pl != nil), ("--npl", npl != nil), ("--autofit", autofit != nil)].filter(\.1).map(\.0)
        guard !given.isEmpty else { return nil }
        guard kind.isGeneralizedOrdered else {
            throw CLIError("\(given[0]) applies to gologit and goprobit only (got \(kind.rawValue))")
        }
        guard given.count == 1 else { throw CLIError("\(given.joined(separator: " and ")) cannot be combined") }
        func names(_ text: String, _ option: String) throws -> [String] {
            let list = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !list.isEmpty else { throw CLIError("\(option) needs at least one term") }
            return list
        }
        if let pl { return .constrained(try names(pl, "--pl")) }
        if let npl { return .free(try names(npl, "--npl")) }
        let alpha = autofit ?? 0.05
        guard alpha > 0, alpha < 1 else { throw CLIError("--autofit: alpha must be between 0 and 1 (got \(alpha))") }
        return .autofit(alpha: alpha)
    }
}

/// `--autofit` takes an optional value (gologit2's `autofit[(alpha)]`): before parsing, a bare
/// `--autofit` (last, or followed by something that is not a number) gets the default 0.05.
enum AutofitArgument {
    static func normalized(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (i, a) in arguments.enumerated() {
            out.append(a)
            if a == "--autofit", i + 1 >= arguments.count || Double(arguments[i + 1]) == nil {
                out.append("0.05")
            }
        }
        return out
    }
}

extension Fit {
    /// gologit/goprobit: the per-equation table, then margins, in the requested format.
    func renderGeneralized(_ result: ModelResult, dataset: Dataset, format: OutputFormat, paren: ParenStatistic,
                           language: Language, notice: String?, title: String) -> String {
        let table = GeneralizedOrderedTable.build(result, codebook: dataset.codebook, language: language,
                                                  paren: paren, title: title)
        var output = renderWithNotice(table, format: format, notice: notice)
        for at in [MarginalEffect.At.average, .means] where result.margins.contains(where: { $0.at == at }) {
            output += "\n" + format.render(MarginsTable.build(result, codebook: dataset.codebook, language: language, at: at))
        }
        return output
    }
}
