import Estimation
import SurveyData

/// The one estimation sample of a screen: the `if` rows with no missing value in any variable
/// any of its models or its mediation analysis uses. The screen reports its N once, with the
/// rows it dropped and why (Stata's `e(sample)` for nested models, chosen up front).
public struct PanelSample: Sendable, Equatable {
    /// Rows in the `if` subsample (every row without a condition).
    public var subsampleN: Int
    /// Rows of the common sample.
    public var n: Int
    /// Rows left out, by reason, in the order the checks ran: the condition, then each variable
    /// (outcome, key regressor, mediator, controls, cluster variable, weight variable).
    public var dropped: [DroppedRows]
    /// Per dataset row: in the `if` subsample.
    public var subsampleMask: [Bool]
    /// Per dataset row: in the common sample.
    public var mask: [Bool]

    /// The variables whose missing rows leave the common sample, in counting order.
    public static func variables(_ spec: Specification) -> [String] {
        var names = spec.modelVariables
        if case .cluster(let v) = spec.vce, !names.contains(v) { names.append(v) }
        if let w = spec.weight?.variable, !names.contains(w) { names.append(w) }
        for v in spec.design?.variables ?? [] where !names.contains(v) { names.append(v) }
        return names
    }

    public init(_ spec: Specification, dataset unmeasured: Dataset) throws {
        try self.init(spec, measured: spec.measured(unmeasured))
    }

    /// The sample on a dataset already measured (`Specification.measured`): the condition is
    /// evaluated once, its rows then lose those with a missing value.
    init(_ spec: Specification, measured dataset: Dataset) throws {
        let variables = PanelSample.variables(spec)
        for v in variables where dataset.column(v) == nil {
            throw AnalysisError.unknownVariable(v, dataset: dataset.name)
        }
        let ifOnly = try EstimationSample(data: dataset, condition: spec.condition, variables: [])
        let complete = ifOnly.deletingMissing(in: variables, data: dataset)
        subsampleMask = ifOnly.keep
        subsampleN = ifOnly.keep.lazy.filter { $0 }.count
        mask = complete.keep
        n = complete.keep.lazy.filter { $0 }.count
        dropped = complete.dropped
    }

    /// Rows of the subsample the common sample dropped for a missing value.
    public var droppedForMissing: Int { subsampleN - n }
}

/// Why a specification could not be analysed at all (the models then are not estimated).
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownVariable(String, dataset: String)

    public var description: String {
        switch self {
        case let .unknownVariable(v, dataset): return "unknown variable '\(v)' in dataset \(dataset)"
        }
    }
}
