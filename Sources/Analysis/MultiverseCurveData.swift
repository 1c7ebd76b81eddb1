import Estimation

/// What a specification curve draws for one effect, as plain values (the renderers in Reports and
/// the SVG writer take these): each estimated specification's estimate and interval, whether it
/// is the base specification, and which indicator rows (units, subsamples, estimators) it uses.
public struct MultiverseCurveData: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var specification: Int
        public var estimate: Double
        public var low: Double
        public var high: Double
        public var isBase: Bool
        public var indicators: [Bool]
    }

    public var effect: MultiverseEffect
    public var points: [Point]
    public var indicatorLabels: [String]
    /// First row of each block: units, then subsamples (when more than one), then estimators (likewise).
    public var blockStarts: [Int]

    public init(result: MultiverseResult, effect: MultiverseEffect) {
        self.effect = effect
        let plan = result.plan
        let request = plan.request
        var labels = plan.units.map(\.label)
        var starts = [0]
        let showSubsamples = request.subsamples.count > 1, showEstimators = request.estimators.count > 1
        if showSubsamples { starts.append(labels.count); labels += request.subsamples.map(\.label) }
        if showEstimators { starts.append(labels.count); labels += request.estimators.map(\.rawValue) }
        indicatorLabels = labels
        blockStarts = starts
        points = result.rows.filter { $0.effect == effect && $0.isEstimated }.map { row in
            let spec = plan.specifications[row.specification]
            var on = plan.units.indices.map { spec.mask & (1 << UInt64($0)) != 0 }
            if showSubsamples { on += request.subsamples.indices.map { $0 == spec.subsample } }
            if showEstimators { on += request.estimators.map { $0 == spec.estimator } }
            return Point(specification: row.specification, estimate: row.estimate, low: row.ciLow, high: row.ciHigh,
                         isBase: spec.isBase, indicators: on)
        }.sorted { ($0.estimate, $0.specification) < ($1.estimate, $1.specification) }
    }
}
