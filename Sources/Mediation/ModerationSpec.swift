import Foundation

/// Which path of a single-mediator model a moderator W acts on, as Hayes' PROCESS numbers them:
/// model 7 (the a path X → M), model 14 (the b path M → Y), model 58 (both).
public enum ModeratedPath: String, Sendable, CaseIterable, Codable, Hashable {
    case a, b, both

    /// PROCESS's model number.
    public var processModel: Int {
        switch self {
        case .a: return 7
        case .b: return 14
        case .both: return 58
        }
    }
    var moderatesA: Bool { self != .b }
    var moderatesB: Bool { self != .a }
}

/// Moderated mediation (`mediate --moderator W`): W interacts with X in the mediator model
/// (`moderate` a or both) and with M in the outcome model (b or both). As PROCESS, model 7 leaves W
/// out of the outcome equation and model 14 out of the mediator equation.
public struct ModerationSpec: Sendable, Equatable, Hashable {
    public var moderator: String
    public var moderate: ModeratedPath
    /// Where to evaluate the conditional effects (nil: a factor's levels, a continuous W's mean
    /// and ±1 SD). Fixed across bootstrap replications.
    public var wValues: [Double]?

    public init(moderator: String, moderate: ModeratedPath = .a, wValues: [Double]? = nil) {
        self.moderator = moderator; self.moderate = moderate; self.wValues = wValues
    }
}
