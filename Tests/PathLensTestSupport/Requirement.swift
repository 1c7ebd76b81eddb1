import Foundation
import Testing

/// What a test needs from its surroundings (the built binary, tmux, the embedded data, a working
/// estimator). Locally an unmet requirement skips the test with its reason; with `CI=true` in the
/// environment (as CI runs `make test`) it fails the test with that reason instead, so nothing the
/// suite depends on can go missing unnoticed.
public enum Requirement {
    /// `CI` is `true` or `1`.
    public static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }

    /// The failure an unmet requirement becomes under CI.
    public struct Unmet: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "CI=true: required but missing: \(reason) (without CI=true this test is skipped)" }
    }

    /// Inside a test body: carries on when `condition` holds; otherwise fails the test with
    /// `reason` under CI, or skips (cancels) it locally.
    public static func requireOrSkip(_ condition: Bool, _ reason: @autoclosure () -> String,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        if condition { return }
        try unmet(reason(), sourceLocation: sourceLocation)
    }

    /// `missing` is nil when everything is there, else what is missing; see `requireOrSkip`.
    public static func require(_ missing: String?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let missing { try unmet(missing, sourceLocation: sourceLocation) }
    }

    static func unmet(_ reason: String, sourceLocation: SourceLocation) throws -> Never {
        if isCI {
            let error = Unmet(reason: reason)
            Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
            throw error
        }
        try Test.cancel(Comment(rawValue: "skipped: " + reason), sourceLocation: sourceLocation)
    }
}

extension Trait where Self == ConditionTrait {
    /// `@Test(.requires(X.missing))` / `@Suite(.requires(…))`: `missing` is nil when the test can
    /// run, else the reason it cannot (evaluated once, when the tests are listed). Locally the test is skipped with that reason; under
    /// `CI=true` it fails with it.
    /// (`ci` overrides the environment, for the helper's own tests.)
    public static func requires(_ missing: String?, ci: Bool? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled(Comment(rawValue: "skipped: " + (missing ?? "")), sourceLocation: sourceLocation) {
            guard let missing else { return true }
            if ci ?? Requirement.isCI { throw Requirement.Unmet(reason: missing) }
            return false
        }
    }

    /// `@Test(.requires(condition, "reason"))`.
    public static func requires(_ condition: Bool, _ reason: String,
                                sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .requires(condition ? nil : reason, sourceLocation: sourceLocation)
    }

    /// An optional cross-check against a tool PathLens does not install (R's haven): skipped with
    /// `missing` as the reason whenever the tool is absent, under CI too.
    public static func whenAvailable(_ missing: String?, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled(if: missing == nil, Comment(rawValue: "optional cross-check skipped: " + (missing ?? "")),
                 sourceLocation: sourceLocation)
    }
}
