/// The seven views of a screen, one number key each; lesson steps name them (`view: mediation`).
public enum ViewKind: Int, Sendable, CaseIterable, Codable {
    case models = 1, mediation, margins, crosstab, describe, data
    /// The specification curve over every subset of the control groups (issue 16).
    case multiverse

    /// The name lesson files use.
    public var name: String {
        switch self {
        case .models: return "models"
        case .mediation: return "mediation"
        case .margins: return "margins"
        case .crosstab: return "crosstab"
        case .describe: return "describe"
        case .data: return "data"
        case .multiverse: return "multiverse"
        }
    }

    public init?(name: String) {
        guard let v = ViewKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = v
    }

    public var title: String {
        switch self {
        case .models: return "Models"
        case .mediation: return "Mediation"
        case .margins: return "Margins"
        case .crosstab: return "Crosstab"
        case .describe: return "Describe"
        case .data: return "Data"
        case .multiverse: return "Multiverse"
        }
    }
}
