import Foundation
import SurveyData
import Estimation

/// Moderated mediation (Hayes' PROCESS models 7, 14 and 58) on the analysis's common sample:
///   model 7  (W on a):    M = a₁X + a₂W + a₃XW (+ controls);   Y = c′X + bM (+ controls)
///   model 14 (W on b):    M = aX (+ controls);                 Y = c′X + b₁M + b₂W + b₃MW (+ controls)
///   model 58 (both):      M = a₁X + a₂W + a₃XW;                Y = c′X + b₁M + b₂W + b₃MW
/// The conditional indirect effect at w is a(w)·b(w); its interval and the index's are bootstrap
/// percentile intervals over the same resamples (`ReplicationGenerator`, the run's seed), the W
/// values fixed. Conditional causal effects set W = w for every case.
enum ModeratedMediation {
    /// Whether W enters as a factor: binary and categorical variables (or, without a codebook
    /// type, a 0/1 variable); everything else by its value.
    static func isFactor(_ w: String, in data: Dataset) -> Bool {
        if let type = data.info(w)?.type { return type == .binary || type == .categorical }
        let values = Set(data.column(w)?.values.filter { !$0.isNaN } ?? [])
        return values.isSubset(of: [0, 1])
    }

    /// The refusals that need only the spec and the full data (before the common sample).
    static func validate(_ spec: MediationSpec, data: Dataset) throws(MediationError) {
        guard let mod = spec.moderation else { return }
        let w = mod.moderator
        guard data.column(w) != nil else {
            throw .invalidSpec("--moderator: unknown variable '\(w)' in dataset \(data.name)")
        }
        let roles = [("key regressor (--x)", spec.x)] + spec.mediators.map { ("mediator (--m)", $0) }
            + [("outcome (--y)", spec.y)]
        for (role, v) in roles where v == w {
            throw .invalidSpec("--moderator '\(w)' is the \(role); the moderator must be another variable")
        }
        guard spec.mediators.count == 1 else {
            throw .invalidSpec("--moderator takes one mediator (got \(spec.mediators.joined(separator: ",")))")
        }
        if !spec.controls.isEmpty,
           let controls = try? Formula.parse("\(spec.y) ~ \(spec.controls.joined(separator: " + "))"),
           controls.terms.contains(where: { $0.factors.contains { $0.variable == w } }) {
            throw .invalidSpec("--moderator '\(w)' is also a control; remove it from --controls (the moderated models enter it themselves)")
        }
        if spec.design != nil {
            throw .invalidSpec("--moderator under a survey design is not available yet (the conditional effects need the design bootstrap; or use --svy none)")
        }
        // The conditional effects' bootstrap resamples observations; cluster or weighted
        // resampling for them is not written yet, so those settings are refused, not ignored.
        if spec.vce != .oim || spec.weights != .none {
            throw .invalidSpec("--moderator with --vce, --fweight or --pweight is not available yet (the conditional indirect effects use an unweighted case bootstrap)")
        }
        if let values = mod.wValues, values.isEmpty || values.contains(where: { !$0.isFinite }) {
            throw .invalidSpec("--w-values: expected finite numbers such as 30,40,50")
        }
    }
}

extension MediationRun {
    private func moderatedFormula(_ outcome: String, _ terms: [String]) -> String {
        "\(outcome) ~ \((terms + spec.controls).joined(separator: " + "))"
    }

    /// The moderator values: `--w-values` (a factor's must be levels), a factor's levels, or a
    /// continuous W's mean and ±1 SD (n − 1) on the common sample.
    private func moderatorValues(_ mod: ModerationSpec, factor: Bool) throws(MediationError) -> (ModeratorProbe, [Double]) {
        let w = mod.moderator
        let values = sample.data.column(w)?.values.filter { !$0.isNaN } ?? []
        if factor {
            let levels = Set(values).sorted()
            guard levels.count >= 2 else {
                throw .invalidSpec("--moderator '\(w)' takes a single value in the estimation sample; nothing to condition on")
            }
            if let given = mod.wValues {
                for v in given where !levels.contains(v) {
                    throw .invalidSpec("--w-values: \(formatCode(v)) is not a level of '\(w)' (levels \(levels.map(formatCode).joined(separator: ", ")))")
                }
                return (.given, given)
            }
            return (.levels, levels)
        }
        if let given = mod.wValues { return (.given, given) }
        let mean = values.reduce(0, +) / Double(max(1, values.count))
        let sd = sampleVariance(values).squareRoot()
        guard sd.isFinite, sd > 0 else {
            throw .invalidSpec("--moderator '\(w)' does not vary in the estimation sample")
        }
        return (.meanSD, [mean - sd, mean, mean + sd])
    }

    /// Conditional paths, indirect effects (bootstrap), causal effects and the index.
    mutating func moderatedMediation(_ mod: ModerationSpec, mediatorKind mk: ModelKind) throws(MediationError) -> ModerationResult {
        let data = sample.data, x = spec.x, y = spec.y, m = spec.mediators[0], w = mod.moderator
        let factor = ModeratedMediation.isFactor(w, in: data)
        let (probe, values) = try moderatorValues(mod, factor: factor)
        let wTerm = factor ? "i.\(w)" : "c.\(w)"
        let mFormula = moderatedFormula(m, mod.moderate.moderatesA ? ["c.\(x)##\(wTerm)"] : [x])
        let yFormula = moderatedFormula(y, mod.moderate.moderatesB ? [x, "c.\(m)##\(wTerm)"] : [x, m])
        let aFit = try FittedModel(label: "moderated mediator model", kind: mk, formula: mFormula, data: data, settings: spec)
        let yFit = try FittedModel(label: "moderated outcome model", kind: outcomeKind, formula: yFormula, data: data, settings: spec)
        let aCoding = ModeratorCoding(moderator: w, focal: x), bCoding = ModeratorCoding(moderator: w, focal: m)
        let aWeights = values.map { aCoding.slopeWeights(design: aFit.design, w: $0) }
        let bWeights = values.map { bCoding.slopeWeights(design: yFit.design, w: $0) }

        // The index: a₃·b / a·b₃ when the product is linear in W (ols paths, W with one slope).
        let oneSlope = !factor || Set(data.column(w)?.values.filter { !$0.isNaN } ?? []).count == 2
        let linear = mk == .ols && outcomeKind == .ols && mod.moderate != .both && oneSlope
        // The focal#W column of a W with one slope (continuous, or a two-level factor's non-base cell).
        func interactionTerm(_ coding: ModeratorCoding, _ design: DesignMatrix) -> String? {
            design.terms.first { t in
                t.isInteraction && t.components.count == 2
                    && t.components.contains { $0.variable == coding.focal && $0.level == nil }
                    && t.components.contains { $0.variable == w }
            }?.name
        }
        let definition = linear ? (mod.moderate == .a ? "a3*b" : "a*b3") : "difference"
        let aInteraction = interactionTerm(aCoding, aFit.design), bInteraction = interactionTerm(bCoding, yFit.design)

        /// The statistics of one fit pair: indirect effect at each w, then the index.
        @Sendable func statistics(_ ra: ModelResult, _ ry: ModelResult) -> [Double]? {
            var out: [Double] = []
            for k in values.indices {
                guard let a = aCoding.slope(ra, weights: aWeights[k]), let b = bCoding.slope(ry, weights: bWeights[k]) else { return nil }
                out.append(a.estimate * b.estimate)
            }
            if linear {
                let aSlope = ra.coefficient(x)?.estimate, bSlope = ry.coefficient(m)?.estimate
                if mod.moderate == .a {
                    guard let a3 = aInteraction.flatMap({ ra.coefficient($0)?.estimate }), let bSlope else { return nil }
                    out.append(a3 * bSlope)
                } else {
                    guard let b3 = bInteraction.flatMap({ ry.coefficient($0)?.estimate }), let aSlope else { return nil }
                    out.append(aSlope * b3)
                }
            } else {
                out.append(out[out.count - 1] - out[0])
            }
            return out.allSatisfy(\.isFinite) ? out : nil
        }
        guard let point = statistics(aFit.result, yFit.result) else {
            throw .estimation("moderated mediation: a conditional path could not be estimated (a term was omitted)")
        }

        // Causal effects need the fitted models rewritten with W = w.
        let wantCausal = options.runs(.causal)
        let aPredictive = try aFit.predictive(), yPredictive = try yFit.predictive()
        let sigma = mk == .ols ? aPredictive.residualSD() : nil
        var engines: [(engine: CausalEngine, aMap: @Sendable ([Double]) -> [Double], yMap: @Sendable ([Double]) -> [Double])] = []
        if wantCausal {
            for v in values {
                let ca = aCoding.conditional(aPredictive, design: aFit.design, w: v)
                let cy = bCoding.conditional(yPredictive, design: yFit.design, w: v)
                let engine = try CausalEngine(mediator: ca.model, outcome: cy.model, x: x, m: m, control: 0, treat: 1,
                                              mediatorSD: sigma)
                engines.append((engine, ca.transform, cy.transform))
            }
        }
        let fine = GaussHermite(count: max(1, options.quadratureNodes)).standardNormal
        let coarse = GaussHermite(count: max(8, options.quadratureNodes / 3)).standardNormal
        let headline = engines.first.map { $0.engine.scaleCount - 1 } ?? 0
        let causalPoint: [[Double]] = engines.map {
            $0.engine.allEffects(mediatorParams: $0.engine.mediator.parameters, outcomeParams: $0.engine.outcome.parameters,
                                 quadrature: fine)[headline]
        }

        // Bootstrap: both moderated models refitted on each resample (the analysis's resamples).
        let reps = options.bootstrapReplications(for: self)
        let seed = options.seed, n = aFit.design.rowCount
        let aDesign = aFit.design, yDesign = yFit.design, yk = outcomeKind
        let aStart = FitOptions.warm(from: aFit.result), yStart = FitOptions.warm(from: yFit.result)
        let causalByBootstrap = wantCausal && options.causalInterval == .bootstrap
        let progress = self.progress
        let replicates = try ReplicationRunner.run(
            count: reps, threads: options.threads, isCancelled: isCancelled,
            progress: progress.map { p in { @Sendable done in p(MediationProgress(stage: .bootstrap, completed: done, total: reps)) } }
        ) { r -> (stats: [Double], causal: [[Double]])? in
            var g = ReplicationGenerator(seed: seed, replication: r)
            let rows = g.resample(n)
            do {
                let ad = aDesign.subset(rows: rows), yd = yDesign.subset(rows: rows)
                let ra = try estimate(mk, design: ad, options: aStart)
                let ry = try estimate(yk, design: yd, options: yStart)
                guard ra.converged, ry.converged, let stats = statistics(ra, ry) else { return nil }
                var causal: [[Double]] = []
                if causalByBootstrap {
                    let pa = try PredictiveModel(result: ra, design: ad), py = try PredictiveModel(result: ry, design: yd)
                    let s = mk == .ols ? pa.residualSD() : nil
                    for v in values {
                        let ca = aCoding.conditional(pa, design: ad, w: v), cy = bCoding.conditional(py, design: yd, w: v)
                        let e = try CausalEngine(mediator: ca.model, outcome: cy.model, x: x, m: m, control: 0, treat: 1, mediatorSD: s)
                        causal.append(e.allEffects(mediatorParams: e.mediator.parameters, outcomeParams: e.outcome.parameters,
                                                   quadrature: coarse)[headline])
                    }
                }
                return (stats, causal)
            } catch {
                return nil
            }
        }
        let ok = replicates.compactMap { $0 }
        let level = options.level
        func summary(_ k: Int) -> BootstrapSummary {
            guard !ok.isEmpty else { return BootstrapSummary(estimate: point[k], se: .nan, ci: nil) }
            let s = BootstrapIntervals.summarize(replicates: ok.map { $0.stats[k] }, estimate: point[k], jackknife: [], level: level)
            return BootstrapSummary(estimate: point[k], se: s.se, ci: s.percentile)
        }

        // Causal intervals: the bootstrap refits above, or quasi-Bayesian draws of both models'
        // parameters (one draw serves every w, mapped by each w's transform).
        var causalDraws: [[[Double]]] = []   // [draw][w][effects]
        if wantCausal, options.reps > 0 {
            if causalByBootstrap {
                causalDraws = ok.map(\.causal).filter { $0.count == values.count }
            } else {
                guard let mDist = MultivariateNormal(mean: aPredictive.parameters, covariance: aPredictive.vcov),
                      let yDist = MultivariateNormal(mean: yPredictive.parameters, covariance: yPredictive.vcov) else {
                    throw .estimation("moderated causal mediation: a variance matrix is not positive semi-definite")
                }
                let cutStart = yPredictive.coefficientCount, sims = options.reps
                let causalSeed = options.seed ^ 0x5DEE_CE66_D1CE_4E5B
                let list = engines
                let report = progress.map { p in { @Sendable (done: Int) in p(MediationProgress(stage: .causal, completed: done, total: sims)) } }
                causalDraws = try ReplicationRunner.run(count: sims, threads: options.threads, isCancelled: isCancelled,
                                                        progress: report) { s -> [[Double]] in
                    var g = ReplicationGenerator(seed: causalSeed, replication: s)
                    let mp = mDist.draw(using: &g)
                    var yp = yDist.draw(using: &g)
                    if yp.count > cutStart { yp[cutStart...].sort() }
                    return list.map { e in
                        e.engine.allEffects(mediatorParams: e.aMap(mp), outcomeParams: e.yMap(yp), quadrature: coarse)[headline]
                    }
                }
            }
        }

        var conditional: [ConditionalEffect] = []
        let cp = try yFit.path(x)
        for (k, v) in values.enumerated() {
            guard let a = aCoding.slope(aFit.result, weights: aWeights[k]), let b = bCoding.slope(yFit.result, weights: bWeights[k]) else {
                throw .estimation("moderated mediation: a conditional path at \(w) = \(formatCode(v)) could not be estimated")
            }
            let paths = ConditionalPaths(a: conditionalPath(a, result: aFit.result), b: conditionalPath(b, result: yFit.result), cPrime: cp)
            var causal: ConditionalCausal?
            if wantCausal {
                let effects = CausalEngine.assemble(causalPoint[k], draws: causalDraws.map { $0[k] }, level: level)
                causal = ConditionalCausal(acme: effects.acmeAverage, ade: effects.adeAverage, total: effects.total)
            }
            conditional.append(ConditionalEffect(w: v, paths: paths, indirect: summary(k), causal: causal))
        }
        let s = summary(values.count)
        let index = ModerationIndex(estimate: s.estimate, se: s.se, ci: s.ci, definition: definition,
                                    between: linear ? nil : [values[0], values[values.count - 1]])
        return ModerationResult(moderator: w, moderate: mod.moderate, model: mod.moderate.processModel, mediator: m,
                                factor: factor, probe: probe, values: values, conditional: conditional, index: index,
                                mediatorFormula: mFormula, outcomeFormula: yFormula, reps: reps, seed: seed,
                                failed: reps - ok.count, level: level)
    }

    /// A linear combination of one model's coefficients as a path: t(df) p for ols, z otherwise.
    private func conditionalPath(_ s: (estimate: Double, variance: Double), result: ModelResult) -> PathEstimate {
        let se = max(0, s.variance).squareRoot()
        let z = s.estimate / se
        if result.model == .ols, let df = result.fDF2 {
            return PathEstimate(estimate: s.estimate, se: se, p: Distributions.tTwoSidedP(z, df: Double(df)))
        }
        return PathEstimate(estimate: s.estimate, se: se, p: Distributions.normalTwoSidedP(z))
    }
}

extension MediationOptions {
    /// Replications of the moderated bootstrap: `reps` when the bootstrap (or a causal bootstrap)
    /// is asked for, else none (the intervals stay empty).
    func bootstrapReplications(for run: MediationRun) -> Int {
        (runs(.bootstrap) || (runs(.causal) && causalInterval == .bootstrap)) ? reps : 0
    }
}
