import ArgumentParser
import Estimation
import Mediation
import SurveyData

/// `mediate`'s `--vce`, `--pweight` and `--fweight`: the variance and weights every model of the
/// analysis shares, as `fit` takes them (Stata's CR1 for `cluster:VAR`; sampling weights imply
/// the robust variance). With a cluster variable the bootstrap resamples clusters.
struct MediationVarianceOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Variance of the paths: oim, robust or cluster:VAR (the bootstrap then resamples clusters).", valueName: "vce"))
    var vce: String = "oim"

    @Option(parsing: .unconditional, help: ArgumentHelp("Sampling-weight variable (implies robust variance).", valueName: "var"))
    var pweight: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Frequency-weight variable (non-negative integers).", valueName: "var"))
    var fweight: String?

    /// Sets `spec.vce` and `spec.weights` after checking the variables exist; refuses them with a design.
    func apply(to spec: inout MediationSpec, dataset: Dataset, language: Language) throws {
        guard let variance = VarianceType(argument: vce) else {
            throw CLIError("invalid value '\(vce)' for --vce (expected oim, robust or cluster:VAR)")
        }
        if fweight != nil && pweight != nil { throw CLIError("--fweight and --pweight cannot be combined") }
        let named: [(String, String?)] = [("--pweight", pweight), ("--fweight", fweight)]
        for case let (option, name?) in named where dataset.column(name) == nil {
            throw CLIError("unknown variable '\(name)' in \(option) (dataset \(dataset.name))")
        }
        if case .cluster(let v) = variance, dataset.column(v) == nil {
            throw CLIError("unknown variable '\(v)' in --vce cluster (dataset \(dataset.name))")
        }
        let weights: Weighting = fweight.map { .frequency($0) } ?? pweight.map { .sampling($0) } ?? .none
        if spec.design != nil {
            if variance != .oim { throw CLIError(SurveyCLIText.vceWithDesign.text(language)) }
            if weights != .none { throw CLIError(SurveyCLIText.weightWithDesign.text(language)) }
        }
        spec.vce = variance
        spec.weights = weights
    }
}
