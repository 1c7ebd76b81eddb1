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

/// Key scripts: space-separated tokens — single characters, or the names `space enter tab
/// backtab esc up down left right pgup pgdn home end bs ctrl-X` (any case; `Enter`, `Escape`
/// too); a token in double quotes types its characters one by one (`w "out/spec.json" enter`).
public enum KeyScript {
    static let names: [String: Key] = [
        "space": .char(" "), "enter": .enter, "return": .enter, "tab": .tab, "backtab": .backTab,
        "esc": .escape, "escape": .escape, "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end, "bs": .backspace, "backspace": .backspace,
    ]

    public static func parse(_ text: String) throws -> [(Key, String)] {
        var keys: [(Key, String)] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " }
            guard let first = rest.first else { break }
            if first == "\"" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: "\"") else {
                    throw ExplorerError("key script: unterminated quoted text \(String(rest).debugDescription)")
                }
                for c in body[..<close] { keys.append((.char(c), String(c))) }
                rest = body[body.index(after: close)...]
                continue
            }
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            let t = String(rest[..<end])
            rest = rest[end...]
            if let key = names[t.lowercased()], t.count > 1 {
                keys.append((key, t))
            } else if t.lowercased().hasPrefix("ctrl-"), t.count == 6, let c = t.last {
                keys.append((.ctrl(Character(c.lowercased())), t))
            } else if t.count == 1, let c = t.first {
                keys.append((.char(c), t))
            } else {
                throw ExplorerError("key script: unknown key '\(t)' (names: \(names.keys.sorted().joined(separator: " ")), ctrl-X, one character, or \"text\")")
            }
        }
        return keys
    }

    /// The default `bench ui` sequence on the embedded data: controls, groups, estimators,
    /// variance, mediator, a subsample preset, undo/redo, labels and every view.
    public static let benchDefault = "space space j space space j j space space e e e e e v v M s down enter u u ctrl-r ctrl-r l l 2 3 4 5 6 1 b j space u"
}
