import Estimation

/// How bootstrap replicates of a weighted, clustered or survey-design mediation analysis are
/// drawn. Every replicate is a set of weights on the common sample (the design's own weight times
/// a replicate factor per resampling unit), so all models of a replicate see the same resample:
/// - survey design: Rao & Wu's (1988) rescaling bootstrap with m_h = n_h − 1 — in each stratum
///   n_h − 1 of its n_h PSUs are drawn with replacement and a PSU drawn r times gets the factor
///   r · n_h/(n_h − 1) (R's `as.svrepdesign(type = "subbootstrap")`; like R it ignores the fpc).
///   A stratum with a single PSU keeps factor 1: it adds no variance (`singleunit=certainty`);
/// - clusters (`--vce cluster:VAR`): G of the G clusters drawn with replacement, factor r (Stata's
///   `bootstrap, cluster()`);
/// - otherwise (weights without clusters): the rows themselves, drawn n of n.
struct DesignResampling: Sendable {
    /// Per row of the common sample: its resampling unit.
    let unitOfRow: [Int]
    /// Units of each stratum.
    let strata: [[Int]]
    /// Rao–Wu: draw n_h − 1 and rescale by n_h/(n_h − 1); else draw n_h, no rescaling.
    let rescale: Bool
    /// The design's weights (nil = 1).
    let baseWeights: [Double]?

    var unitCount: Int { strata.reduce(0) { $0 + $1.count } }

    /// The resampling a design calls for; nil for an unweighted design without clusters or survey
    /// (the ordinary case bootstrap of `MediationRun.bootstrap`).
    init?(design: DesignMatrix) {
        baseWeights = design.weights
        if let survey = design.survey {
            unitOfRow = survey.psuOfRow
            var strata = [[Int]](repeating: [], count: survey.strataCount)
            for (u, h) in survey.psuStratum.enumerated() { strata[h].append(u) }
            self.strata = strata
            rescale = true
        } else if let clusters = design.clusters {
            unitOfRow = clusters
            strata = [Array(0..<design.clusterCount)]
            rescale = false
        } else if design.weights != nil {
            unitOfRow = Array(0..<design.rowCount)
            strata = [Array(0..<design.rowCount)]
            rescale = false
        } else {
            return nil
        }
    }

    /// Strata whose single PSU keeps its weight in every replicate (notes name them).
    var singletonStrata: [Int] { rescale ? strata.indices.filter { strata[$0].count == 1 } : [] }

    /// One bootstrap replicate's weights.
    func replicateWeights(using g: inout ReplicationGenerator) -> [Double] {
        var factor = [Double](repeating: 0, count: unitCount)
        for units in strata where !units.isEmpty {
            let n = units.count
            if rescale && n == 1 { factor[units[0]] = 1; continue }
            let draws = rescale ? n - 1 : n
            let scale = rescale ? Double(n) / Double(n - 1) : 1
            for _ in 0..<draws { factor[units[g.index(below: n)]] += scale }
        }
        return weights(factor)
    }

    /// Jackknife weights for BCa: the units, in stratum order, are dealt into `groups` groups
    /// (unit k of that order into group k mod groups, so a stratum with at most `groups` PSUs
    /// loses one at a time) and group `group` is deleted; under Rao–Wu the PSUs left in a stratum
    /// are rescaled by n_h/(n_h − d_h) (the JKn jackknife). Single-PSU strata are never deleted.
    func jackknifeWeights(group: Int, of groups: Int) -> [Double] {
        var factor = [Double](repeating: 1, count: unitCount)
        var position = 0
        for units in strata {
            if rescale && units.count == 1 { continue }
            var deleted = 0
            for u in units {
                if position % groups == group { factor[u] = 0; deleted += 1 }
                position += 1
            }
            if rescale, deleted > 0, deleted < units.count {
                let scale = Double(units.count) / Double(units.count - deleted)
                for u in units where factor[u] != 0 { factor[u] = scale }
            }
        }
        return weights(factor)
    }

    /// Jackknife groups: leave-one-unit-out up to `limit` units, else `limit` delete-d groups.
    func jackknifeGroups(limit: Int) -> Int {
        let deletable = strata.reduce(0) { $0 + (rescale && $1.count == 1 ? 0 : $1.count) }
        return max(2, min(deletable, limit))
    }

    private func weights(_ factor: [Double]) -> [Double] {
        unitOfRow.enumerated().map { i, u in
            (u >= 0 ? factor[u] : 0) * (baseWeights?[i] ?? 1)
        }
    }
}

/// The mediator and outcome models of one analysis, refitted together on bootstrap replicates
/// (the causal-mediation bootstraps of ordinary and gologit/goprobit outcomes): each replicate
/// is one resample for both — replicate weights under a design, clusters or weights
/// (`DesignResampling`), else n of the n rows drawn — and the refits start at `starts`.
struct ReplicateRefits: Sendable {
    let mediator: DesignMatrix
    let outcome: DesignMatrix
    let mediatorKind: ModelKind
    let outcomeKind: ModelKind
    let mediatorStart: FitOptions
    let outcomeStart: FitOptions
    let resampling: DesignResampling?

    init(mediator: DesignMatrix, outcome: DesignMatrix, mediatorKind: ModelKind, outcomeKind: ModelKind,
         mediatorStart: FitOptions, outcomeStart: FitOptions = FitOptions()) {
        self.mediator = mediator; self.outcome = outcome
        self.mediatorKind = mediatorKind; self.outcomeKind = outcomeKind
        self.mediatorStart = mediatorStart; self.outcomeStart = outcomeStart
        resampling = DesignResampling(design: mediator)
    }

    /// One replicate's pair of designs, on the same resample.
    func designs(using g: inout ReplicationGenerator) -> (mediator: DesignMatrix, outcome: DesignMatrix) {
        if let resampling {
            // Clusters or PSUs within strata: replicate weights, also in the averages.
            let w = resampling.replicateWeights(using: &g)
            return (mediator.replicate(weights: w), outcome.replicate(weights: w))
        }
        let rows = g.resample(mediator.rowCount)
        return (mediator.subset(rows: rows), outcome.subset(rows: rows))
    }

    /// Both models refitted on one replicate; nil when either fails or does not converge.
    func refit(using g: inout ReplicationGenerator)
        -> (mediator: ModelResult, mediatorDesign: DesignMatrix, outcome: ModelResult, outcomeDesign: DesignMatrix)? {
        let (ad, fd) = designs(using: &g)
        guard let ra = try? estimate(mediatorKind, design: ad, options: mediatorStart),
              let rf = try? estimate(outcomeKind, design: fd, options: outcomeStart),
              ra.converged, rf.converged else { return nil }
        return (ra, ad, rf, fd)
    }
}

extension DesignMatrix {
    /// This design with `weights` as frequency-type replicate weights and no variance machinery
    /// (no survey structure, clusters or sandwich): a replicate needs point estimates only, and
    /// estimates do not depend on whether weights count copies or sampling probabilities.
    func replicate(weights: [Double]) -> DesignMatrix {
        var copy = self
        copy.weights = weights
        copy.weighting = .frequency("(replicate)")
        copy.survey = nil
        copy.clusters = nil
        copy.clusterCount = 0
        copy.spec.design = nil
        copy.spec.subpop = nil
        copy.spec.vce = .oim
        copy.spec.weights = .frequency("(replicate)")
        return copy
    }
}
