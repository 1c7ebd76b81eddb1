import Estimation
import Mediation
import Reports
import SurveyData

/// Bridge to the Mediation engine: Baron–Kenny on the common sample, Sobel, the bootstrap of
/// the indirect effect, KHB and causal mediation, with progress and cancellation.
enum MediationRunner {
    static let replications = 500

    static func run(_ spec: Specification, env: ExplorerEnvironment,
                    progress: @escaping @Sendable (String, Int, Int) -> Void,
                    isCancelled: @escaping @Sendable () -> Bool) -> Result<MediationOutput, FitFailure> {
        guard let m = spec.activeMediator else { return .failure(FitFailure(message: "no mediator")) }
        let roles = Set([spec.outcome, spec.keyRegressor, m])
        let controls = spec.controls.filter { !roles.contains(FormulaTerms.variable(of: $0)) }
        let mediationSpec = MediationSpec(x: spec.keyRegressor, mediators: [m], y: spec.outcome,
                                          controls: controls, condition: spec.subsample?.condition)
        // Every core: a key press that needs new models cancels the run (checked between
        // replications), so the cores are free again within one replication; the numbers do
        // not depend on the thread count.
        let options = MediationOptions(methods: [.bk, .sobel, .bootstrap, .khb, .causal],
                                       reps: replications, seed: 1, threads: nil)
        do {
            let result = try Mediation.analyze(spec: mediationSpec, data: env.dataset, options: options,
                                               progress: { p in progress(p.stage.rawValue, p.completed, p.total) },
                                               isCancelled: isCancelled)
            return .success(output(result))
        } catch {
            return .failure(FitFailure(message: "\(error)"))
        }
    }

    static func output(_ result: MediationResult) -> MediationOutput {
        var out = MediationOutput(notes: result.notes)
        guard let first = result.mediators.first else { return out }
        let f = { (x: Double) in NumberFormat.fixed(x, 3) }
        let paths = first.paths
        out.indirect = first.indirect.estimate
        out.verdict = "\(paths.verdict.rawValue) mediation (engine, N = \(result.n))"
        if let boot = first.bootstrap {
            out.ciLow = boot.indirect.percentile.low
            out.ciHigh = boot.indirect.percentile.high
            out.replications = boot.reps - boot.failed
        }
        out.lines.append(("indirect a*b (Sobel z)", f(first.indirect.estimate) + " (z=" + NumberFormat.fixed(first.indirect.sobelZ, 2) + ")",
                          result.khb.map { f($0.diff.estimate) + NumberFormat.stars($0.diff.p) + " KHB" } ?? ""))
        out.lines.append(("total c", f(paths.c.estimate) + NumberFormat.stars(paths.c.p), result.khb.map { f($0.reduced.estimate) + " KHB" } ?? ""))
        out.lines.append(("direct c'", f(paths.cPrime.estimate) + NumberFormat.stars(paths.cPrime.p), result.khb.map { f($0.full.estimate) + " KHB" } ?? ""))
        out.lines.append(("share mediated", NumberFormat.fixed(100 * paths.proportionOfTotal, 1) + "%",
                          result.khb.map { NumberFormat.fixed($0.confPct, 1) + "% KHB" } ?? ""))
        if let causal = first.causal {
            func effect(_ e: EffectEstimate) -> String {
                f(e.estimate) + (e.ci.map { " [" + f($0.low) + ", " + f($0.high) + "]" } ?? "")
            }
            out.notes.append("causal (Imai-Keele-Tingley) effects on \(causal.scale)")
            out.lines.append(("ACME", "", effect(causal.effects.acmeAverage)))
            out.lines.append(("ADE", "", effect(causal.effects.adeAverage)))
            out.lines.append(("total effect", "", effect(causal.effects.total)))
            out.lines.append(("prop. mediated", "", effect(causal.effects.propMediatedAverage)))
        }
        return out
    }
}
