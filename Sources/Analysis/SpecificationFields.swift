import Foundation
import Estimation
import SurveyData

/// The weights of a specification: `"weight": {"kind": "fweight" | "pweight", "variable": VAR}`,
/// Stata's `[fweight=VAR]` / `[pweight=VAR]`.
public struct SpecWeight: Codable, Sendable, Equatable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Frequency weights: N = Σw.
        case fweight
        /// Sampling weights: robust (or clustered) variance.
        case pweight
    }
    public var kind: Kind
    public var variable: String
    public init(kind: Kind, variable: String) { self.kind = kind; self.variable = variable }

    /// As the specification bar and exports say it: `pweight=w`.
    public var description: String { "\(kind.rawValue)=\(variable)" }
}

/// What the Models view puts in parentheses under a coefficient: the t/z statistic, the standard
/// error, or the 95 % confidence interval.
public enum ParenContent: String, Codable, Sendable, CaseIterable {
    case t, se, ci

    public var next: ParenContent {
        let all = ParenContent.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

/// The data file a saved specification was made on: `"data": {"path": …, "bytes": …, "sha256": …}`.
/// The path is relative to the specification file where possible; a hand-written specification
/// may give the path alone (then nothing is checked but that the file opens).
public struct DataReference: Codable, Sendable, Equatable, Hashable {
    public var path: String
    public var bytes: Int?
    public var sha256: String?
    public init(path: String, bytes: Int? = nil, sha256: String? = nil) {
        self.path = path; self.bytes = bytes; self.sha256 = sha256
    }
}

/// Facts about a variable's values that defaults depend on.
public enum VariableFacts {
    /// Crosstabs of variables with more distinct values than this are refused (a table of
    /// thousands of cells with a meaningless χ²).
    public static let crosstabLimit = 50

    /// An id: every non-missing value an integer, all distinct, and more than `crosstabLimit` of
    /// them (a person or household number). Never a default role or crosstab variable.
    public static func isIdentifier(_ name: String, in dataset: Dataset) -> Bool {
        guard let column = dataset.column(name) else { return false }
        let missing = Set(dataset.info(name)?.missingCodes ?? [])
        var seen = Set<Double>()
        for v in column.values where !v.isNaN && !missing.contains(v) {
            guard v == v.rounded(), seen.insert(v).inserted else { return false }
        }
        return seen.count > crosstabLimit
    }

    /// Distinct non-missing values, counted up to `limit + 1` (enough to refuse).
    public static func distinctCount(_ name: String, in dataset: Dataset, limit: Int = crosstabLimit) -> Int {
        guard let column = dataset.column(name) else { return 0 }
        let missing = Set(dataset.info(name)?.missingCodes ?? [])
        var seen = Set<Double>()
        for v in column.values where !v.isNaN && !missing.contains(v) {
            seen.insert(v)
            if seen.count > limit { break }
        }
        return seen.count
    }
}
