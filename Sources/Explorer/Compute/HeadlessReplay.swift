import Foundation

/// Replays a key sequence without a terminal: reducer, compute and render into the cell grid,
/// timing each key press until the redraw that shows its results (`pathlens bench ui`, tests).
public struct HeadlessReplay {
    public struct Redraw: Sendable {
        public var key: String
        /// Key press to the redraw showing the new models (coefficients, standardized).
        public var milliseconds: Double
        /// Key press to the redraw that also has every marginal effect.
        public var completeMilliseconds: Double
        /// True when the key posted a new specification (models were recomputed or cached).
        public var recomputed: Bool
        /// One more redraw with nothing new to show (what a progress tick or a quiet loop
        /// iteration costs): the median of a few.
        public var idleMilliseconds: Double = 0
    }

    public let env: ExplorerEnvironment
    public private(set) var state: AppState
    public let cache = FitCache()
    /// Built content reused between redraws, as in the terminal's main loop.
    let renderCache = RenderCache()

    public init(env: ExplorerEnvironment, spec: Specification, width: Int = 80, height: Int = 24) {
        self.env = env
        state = AppState(spec: spec, width: width, height: height)
    }

    /// The first computation (opening the dataset), timed like a key press.
    public mutating func open() -> Redraw {
        state.generation = 1
        return timed("open") { replay in [.compute(replay.state.spec, generation: 1)] }
    }

    public mutating func press(_ key: Key, label: String) -> Redraw {
        timed(label) { replay in Reducer.reduce(&replay.state, .key(key), env: replay.env) }
    }

    /// Runs `action`, performs the compute effects it asked for synchronously, renders.
    private mutating func timed(_ label: String, _ action: (inout HeadlessReplay) -> [Effect]) -> Redraw {
        let clock = ContinuousClock()
        let start = clock.now
        var effects = action(&self)
        var recomputed = false
        var pending: [(Specification, Int)] = []
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            if case let .compute(spec, generation) = effect {
                recomputed = true
                let output = ComputeEngine.run(spec, generation: generation, env: env, cache: cache, margins: false)
                effects += Reducer.reduce(&state, .computed(output), env: env)
                if !output.marginsIncluded { pending.append((spec, generation)) }
            }
        }
        _ = Screen.render(state, env: env, cache: renderCache)
        let models = clock.now - start
        for (spec, generation) in pending {
            let output = ComputeEngine.run(spec, generation: generation, env: env, cache: cache, margins: true)
            _ = Reducer.reduce(&state, .computed(output), env: env)
        }
        if !pending.isEmpty { _ = Screen.render(state, env: env, cache: renderCache) }
        let complete = clock.now - start
        return Redraw(key: label, milliseconds: Self.ms(models), completeMilliseconds: Self.ms(complete),
                      recomputed: recomputed, idleMilliseconds: idleRedraw())
    }

    /// Median time of a few redraws of the unchanged state.
    private func idleRedraw(times: Int = 5) -> Double {
        let clock = ContinuousClock()
        let samples = (0..<times).map { _ in
            let start = clock.now
            _ = Screen.render(state, env: env, cache: renderCache)
            return Self.ms(clock.now - start)
        }.sorted()
        return samples[samples.count / 2]
    }

    static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// The grid as it stands (tests read it).
    public var screen: CellGrid { Screen.render(state, env: env) }
}

/// Key scripts: space-separated tokens — single characters, or `space enter tab esc up down
/// left right pgup pgdn bs ctrl-X`.
public enum KeyScript {
    public static func parse(_ text: String) throws -> [(Key, String)] {
        try text.split(separator: " ").map { token in
            let t = String(token)
            switch t {
            case "space": return (.char(" "), t)
            case "enter": return (.enter, t)
            case "tab": return (.tab, t)
            case "esc": return (.escape, t)
            case "up": return (.up, t)
            case "down": return (.down, t)
            case "left": return (.left, t)
            case "right": return (.right, t)
            case "pgup": return (.pageUp, t)
            case "pgdn": return (.pageDown, t)
            case "bs": return (.backspace, t)
            default:
                if t.hasPrefix("ctrl-"), t.count == 6, let c = t.last { return (.ctrl(Character(c.lowercased())), t) }
                guard t.count == 1, let c = t.first else { throw ExplorerError("key script: unknown key '\(t)'") }
                return (.char(c), t)
            }
        }
    }

    /// The default `bench ui` sequence on the embedded data: controls, groups, estimators,
    /// variance, mediator, a subsample preset, undo/redo, labels and every view.
    public static let benchDefault = "space space j space space j j space space e e e e e v v M s down enter u u ctrl-r ctrl-r l l 2 3 4 5 6 1 b j space u"
}
