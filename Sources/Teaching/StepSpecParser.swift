import Mediation
import Foundation
import Analysis
import Estimation
import SurveyData

/// Reads a step's ```spec block. Each step starts from the previous step's specification (the
/// first from the dataset's default roles with every control group on) and changes only the keys
/// it lists; `highlight` and `pin` apply to their own step only. Variables are checked against
/// the dataset, each error naming the key's line.
enum StepSpecParser {
    static let keys = ["view", "outcome", "x", "mediator", "controls", "drop", "if", "subsample",
                       "estimators", "std", "crosstab", "describe", "margins", "margins_term", "margins_of",
                       "mediation", "mediator_model", "outcome_model", "sims", "highlight", "pin",
                       "moderator", "moderate"]

    /// Mediation quantities a step may highlight besides model terms.
    static let mediationHighlights = ["a", "b", "c", "cprime", "indirect", "share", "khb", "acme", "ade",
                                      "total", "propmed", "rho", "verdict"]

    static func initialSpecification(_ dataset: Dataset) -> LessonSpecification {
        let codebook = dataset.codebook
        let names = dataset.variableNames
        let outcome = codebook.roles?.outcome ?? names.first ?? ""
        let key = codebook.roles?.keyRegressor ?? names.first { $0 != outcome } ?? ""
        return LessonSpecification(analysis: Specification(
            outcome: outcome, keyRegressor: key, mediator: codebook.roles?.mediator,
            controls: codebook.controlGroups.flatMap(\.terms), crosstabs: [LessonCrosstab(row: outcome, column: key)]))
    }

    static func parse(_ lines: [SourceLine], previous: LessonSpecification, dataset: Dataset,
                      file: String) throws(LessonError) -> (LessonSpecification, [String: Int]) {
        var spec = previous
        spec.highlights = []
        spec.pinStep = nil
        var keyLines: [String: Int] = [:]
        func fail(_ line: Int, _ message: String) -> LessonError { LessonError(file: file, line: line, message) }
        func variable(_ name: String, _ line: Int, _ key: String) throws(LessonError) -> String {
            guard dataset.column(name) != nil else {
                throw fail(line, "unknown variable '\(name)' in '\(key):' (dataset \(dataset.name))")
            }
            return name
        }
        func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ line: Int, _ key: String) throws(LessonError) -> T
        where T.RawValue == String {
            if let v = T(rawValue: text) { return v }
            throw fail(line, "invalid value '\(text)' for '\(key):' (expected one of: "
                       + T.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }

        for source in lines {
            let trimmed = source.text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let line = source.line
            guard let (key, value) = LessonParser.keyValue(trimmed) else {
                throw fail(line, "bad spec line '\(LessonParser.clip(trimmed))' (expected 'key: value')")
            }
            guard keys.contains(key) else {
                throw fail(line, "unknown spec key '\(key)' (known: \(keys.joined(separator: ", ")))")
            }
            guard keyLines[key] == nil else { throw fail(line, "spec key '\(key)' given twice in one step") }
            keyLines[key] = line
            guard !value.isEmpty else { throw fail(line, "'\(key):' has no value") }

            switch key {
            case "view":
                guard let v = LessonView(name: value) else {
                    throw fail(line, "invalid value '\(value)' for 'view:' (expected one of: "
                               + LessonView.allCases.map(\.name).joined(separator: ", ") + ")")
                }
                spec.view = v
            case "outcome": spec.outcome = try variable(value, line, key)
            case "x": spec.keyRegressor = try variable(value, line, key)
            case "mediator":
                if value == "off" { spec.mediatorOn = false } else {
                    spec.mediator = try variable(value, line, key); spec.mediatorOn = true
                }
            case "moderator":
                spec.moderator = value == "none" ? nil : try variable(value, line, key)
            case "moderate":
                spec.moderate = try choice(value, line, key) as ModeratedPath
            case "controls":
                spec.controls = try controlTerms(value, line: line, dataset: dataset, file: file)
            case "drop":
                for term in termList(value) {
                    let name = FormulaTerms.variable(of: term)
                    _ = try variable(name, line, key)
                    let before = spec.controls.count
                    spec.controls.removeAll { FormulaTerms.variable(of: $0) == name }
                    if spec.controls.count == before {
                        throw fail(line, "'drop: \(term)': '\(name)' is not among the controls")
                    }
                }
            case "if":
                if value == "none" { spec.subsample = nil } else {
                    do { _ = try Filter(value, dataset: dataset) } catch {
                        throw fail(line, "bad 'if:' condition: \(error)")
                    }
                    spec.subsample = Subsample(condition: value)
                }
            case "subsample":
                if value == "none" { spec.subsample = nil } else {
                    guard let preset = dataset.codebook.subsamples.first(where: { $0.name == value }) else {
                        let known = dataset.codebook.subsamples.map(\.name).joined(separator: ", ")
                        throw fail(line, "unknown subsample '\(value)' (codebook presets: \(known.isEmpty ? "none" : known))")
                    }
                    spec.subsample = Subsample(name: preset.name, condition: preset.condition)
                }
            case "estimators": spec.estimators = try choice(value, line, key)
            case "std":
                let scales = LessonParser.splitList(value)
                for s in scales where !["bStdX", "bStdXY", "none"].contains(s) {
                    throw fail(line, "invalid value '\(s)' for 'std:' (expected bStdX, bStdXY or none)")
                }
                spec.standardizations = scales.filter { $0 != "none" }
            case "crosstab":
                spec.crosstabs = []
                for pair in LessonParser.splitList(value) {
                    let parts = pair.split(separator: " ").map(String.init).filter { $0 != "x" && $0 != "×" }
                    guard parts.count == 2 else {
                        throw fail(line, "bad crosstab '\(pair)' (expected 'ROW x COLUMN')")
                    }
                    spec.crosstabs.append(LessonCrosstab(row: try variable(parts[0], line, key),
                                                         column: try variable(parts[1], line, key)))
                }
            case "describe":
                var names: [String] = []
                for name in LessonParser.splitList(value) { names.append(try variable(name, line, key)) }
                spec.describe = names
            case "margins": spec.margins = try choice(value, line, key)
            case "margins_term":
                spec.marginsTerm = value == "none" ? nil : try variable(FormulaTerms.variable(of: value), line, key)
            case "margins_of":
                spec.marginsModels = value == "all" ? [] : LessonParser.splitList(value)
            case "mediation":
                var methods: [LessonMediationMethod] = []
                if value != "none" {
                    for m in LessonParser.splitList(value) { methods.append(try choice(m, line, key)) }
                }
                spec.mediation = methods
            case "mediator_model":
                spec.mediatorModel = value == "default" ? nil : try choice(value, line, key) as ModelKind
            case "outcome_model":
                spec.outcomeModel = value == "default" ? nil : try choice(value, line, key) as ModelKind
            case "sims":
                guard let n = Int(value), (0...5000).contains(n) else {
                    throw fail(line, "invalid value '\(value)' for 'sims:' (expected 0 … 5000)")
                }
                spec.simulations = n
            case "highlight":
                for item in LessonParser.splitList(value) {
                    try checkHighlight(item, line: line, dataset: dataset, file: file)
                }
                spec.highlights = LessonParser.splitList(value)
            case "pin":
                guard let n = Int(value.hasPrefix("step ") ? String(value.dropFirst(5)) : value), n >= 1 else {
                    throw fail(line, "invalid value '\(value)' for 'pin:' (expected an earlier step's number)")
                }
                spec.pinStep = n
            default: break
            }
        }
        if spec.outcome == spec.keyRegressor {
            throw fail(keyLines["x"] ?? keyLines["outcome"] ?? lines.first?.line ?? 0,
                       "the outcome and the key regressor are the same variable '\(spec.outcome)'")
        }
        if spec.activeMediator != nil, spec.activeMediator == spec.outcome || spec.activeMediator == spec.keyRegressor {
            throw fail(keyLines["mediator"] ?? lines.first?.line ?? 0, "the mediator must differ from the outcome and the key regressor")
        }
        if let w = spec.moderator, [spec.outcome, spec.keyRegressor, spec.mediator].contains(w) {
            throw fail(keyLines["moderator"] ?? lines.first?.line ?? 0,
                       "the moderator '\(w)' must differ from the outcome, the key regressor and the mediator")
        }
        if let line = keyLines["moderate"], spec.moderator == nil {
            throw fail(line, "'moderate:' needs a moderator (add 'moderator: VAR' to the step)")
        }
        return (spec, keyLines)
    }

    /// `@group` expands a codebook control group, `all` every group, `none` nothing; other items
    /// are formula terms (`male`, `c.age`, `i.educ`).
    static func controlTerms(_ value: String, line: Int, dataset: Dataset, file: String) throws(LessonError) -> [String] {
        if value == "none" { return [] }
        var terms: [String] = []
        for item in termList(value) {
            if item == "all" {
                terms += dataset.codebook.controlGroups.flatMap(\.terms)
            } else if item.hasPrefix("@") {
                let name = String(item.dropFirst())
                guard let group = dataset.codebook.controlGroups.first(where: { $0.name == name }) else {
                    let known = dataset.codebook.controlGroups.map { "@" + $0.name }.joined(separator: ", ")
                    throw LessonError(file: file, line: line, "unknown control group '\(item)' (codebook groups: \(known.isEmpty ? "none" : known))")
                }
                terms += group.terms
            } else {
                for name in FormulaTerms.variables(of: item) where dataset.column(name) == nil {
                    throw LessonError(file: file, line: line, "unknown variable '\(name)' in 'controls:' (dataset \(dataset.name))")
                }
                terms.append(item)
            }
        }
        var seen = Set<String>()
        return terms.filter { seen.insert($0).inserted }
    }

    static func checkHighlight(_ item: String, line: Int, dataset: Dataset, file: String) throws(LessonError) {
        if mediationHighlights.contains(item) || item == "_cons" { return }
        if item.hasPrefix("cut"), Int(item.dropFirst(3)) != nil { return }
        let name = item.split(separator: "=").first.map(String.init) ?? item
        guard dataset.column(name) != nil else {
            throw LessonError(file: file, line: line, "unknown variable '\(name)' in 'highlight:' (dataset \(dataset.name))")
        }
    }

    static func termList(_ value: String) -> [String] {
        FormulaTerms.split(value, at: [",", "+"])
    }
}
