import Estimation
import SurveyData
import Reports

/// A row of the variables pane: a control group header, a variable, or a section header.
public enum PaneRow: Sendable, Equatable {
    case group(Int)
    case variable(String, group: Int?)
    case section(String)

    var variableName: String? {
        if case let .variable(name, _) = self { return name }
        return nil
    }
}

/// What stays fixed while the explorer runs: the dataset and what is derived from its codebook.
/// Reducers and views read it; only the state changes.
public struct ExplorerEnvironment: Sendable {
    public let dataset: Dataset
    public var codebook: Codebook { dataset.codebook }
    /// False when the locale is not UTF-8: English labels and ASCII glyphs only.
    public let unicode: Bool
    public let paneRows: [PaneRow]
    /// Every control term in canonical order: group terms first, then one per other variable.
    let controlOrder: [String]
    /// The term each variable enters as when switched on as a control, as the dataset opens
    /// (a codebook group's term as written, else `ControlEntry.defaultTerm`); `controlTerm(_:_:)`
    /// follows the user's measures.
    let controlTerm: [String: String]
    /// Variables whose term a codebook control group writes.
    let groupedVariables: Set<String>
    /// The data file the user opened (recorded by `w` in the specification); nil for the
    /// embedded dataset.
    public var dataFile: String?
    /// Shown on the status line when the explorer opens (a specification's data file changed).
    public var openingWarning: String?

    public init(dataset: Dataset, unicode: Bool = true) {
        self.dataset = dataset
        self.unicode = unicode
        var rows: [PaneRow] = []
        var order: [String] = []
        var termOf: [String: String] = [:]
        var grouped = Set<String>()
        for (g, group) in dataset.codebook.controlGroups.enumerated() {
            rows.append(.group(g))
            for term in group.terms {
                let v = FormulaTerms.variable(of: term)
                order.append(term)
                termOf[v] = term
                if !grouped.contains(v) { rows.append(.variable(v, group: g)); grouped.insert(v) }
            }
        }
        let others = dataset.variableNames.filter { !grouped.contains($0) }
        if !others.isEmpty {
            rows.append(.section((dataset.codebook.controlGroups.isEmpty ? UIText.sectionVariables : UIText.sectionOther).en))
            for v in others {
                rows.append(.variable(v, group: nil))
                let t = ControlEntry.defaultTerm(v, info: dataset.info(v))
                order.append(t)
                termOf[v] = t
            }
        }
        paneRows = rows
        controlOrder = order
        controlTerm = termOf
        groupedVariables = grouped
    }

    /// The term `name` enters as when switched on as a control under `spec`: a codebook group's
    /// term as written; otherwise from the measure in force, so a binary control enters as
    /// `i.VAR` (its margin a discrete change) unless the user picks another entry.
    func controlTerm(_ name: String, _ spec: Specification) -> String {
        if groupedVariables.contains(name) { return controlTerm[name] ?? name }
        return ControlEntry.defaultTerm(name, in: dataset, spec: spec)
    }

    /// The specification the explorer opens on (`Specification.opening`).
    public func defaultSpecification() -> Specification { Specification.opening(dataset) }

    /// Label of a variable in `language`, or its name.
    func label(_ name: String, _ language: Language) -> String {
        dataset.info(name)?.label(language) ?? name
    }

    func groupLabel(_ index: Int, _ language: Language) -> String {
        guard codebook.controlGroups.indices.contains(index) else { return "" }
        let g = codebook.controlGroups[index]
        return (language == .zh ? g.labelZH : g.labelEN) ?? g.labelEN ?? g.name
    }

    /// Control terms in the pane's order, one per variable; a term keeps its entry (`i.region`
    /// sorts where `region` does).
    func sortControls(_ terms: [String]) -> [String] {
        let rank = Dictionary(controlOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let variableRank = Dictionary(controlOrder.enumerated().map { (FormulaTerms.variable(of: $1), $0) },
                                      uniquingKeysWith: { a, _ in a })
        func position(_ term: String) -> Int { rank[term] ?? variableRank[FormulaTerms.variable(of: term)] ?? Int.max }
        var seen = Set<String>()
        return terms.filter { seen.insert($0).inserted }
            .sorted { position($0) < position($1) }
    }
}
