import Foundation
import Reports

/// Replays a key sequence without a terminal: reducer, compute and render into the cell grid,
/// timing each key press until the redraw that shows its results (`pathlens bench ui`, tests).
public struct HeadlessReplay {
    public struct Redraw: Sendable {
        public var key: String
        /// Key press to the redraw showing the new models (coefficients, standardized).
        public var milliseconds: Double
        /// Key press to the first redraw with new numbers: the least-squares columns while the
        /// likelihood models are still being estimated (= `milliseconds` when nothing streams).
        public var firstMilliseconds: Double = 0
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
        let early = EarlyResult()
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            if case let .compute(spec, generation) = effect {
                recomputed = true
                let output = ComputeEngine.run(spec, generation: generation, env: env, cache: cache, margins: false,
                                               partial: { output in
                                                   if early.output == nil { early.output = output; early.at = clock.now }
                                               })
                effects += Reducer.reduce(&state, .computed(output), env: env)
                if !output.marginsIncluded { pending.append((spec, generation)) }
            } else if case let .checkCondition(check) = effect {
                // Headless: the debounced check runs at once, so the prompt shows its feedback.
                effects += Reducer.reduce(&state, .conditionChecked(check.run(env: env)), env: env)
            }
        }
        _ = Screen.render(state, env: env, cache: renderCache)
        let models = clock.now - start
        var first = models
        if let output = early.output, let at = early.at {
            // What the first redraw costs on the early result (drawn apart, after the fact).
            var shown = state
            _ = Reducer.reduce(&shown, .computed(output), env: env)
            let drawStart = clock.now
            _ = Screen.render(shown, env: env)
            first = (at - start) + (clock.now - drawStart)
        }
        for (spec, generation) in pending {
            let output = ComputeEngine.run(spec, generation: generation, env: env, cache: cache, margins: true)
            _ = Reducer.reduce(&state, .computed(output), env: env)
        }
        if !pending.isEmpty { _ = Screen.render(state, env: env, cache: renderCache) }
        let complete = clock.now - start
        return Redraw(key: label, milliseconds: Self.ms(models), firstMilliseconds: Self.ms(first),
                      completeMilliseconds: Self.ms(complete), recomputed: recomputed, idleMilliseconds: idleRedraw())
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

    /// The first early result of a compute and when it came.
    private final class EarlyResult {
        var output: ComputeOutput?
        var at: ContinuousClock.Instant?
    }

    static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// The grid as it stands (tests read it).
    public var screen: CellGrid { Screen.render(state, env: env) }
}

/// Key scripts (`bench ui --keys`, `explore --keys`, `teach --keys`): space-separated tokens —
/// single characters (case matters: `m` and `M` differ), or key names in any case: `space enter
/// tab s-tab esc up down left right pgup pgdn home end bs ctrl-X` (and `return`, `escape`,
/// `backtab`, `backspace`, `pageup`, `pagedown`). A token in double quotes types its characters
/// one by one (`w "out/spec.json" enter`); inside quotes `\"` is a quote and `\\` a backslash.
public enum KeyScript {
    public static func parse(_ text: String) throws -> [(Key, String)] {
        var keys: [(Key, String)] = []
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == " " || c == "\t" || c == "\n" { index = text.index(after: index); continue }
            if c == "\"" && text[index...].count > 1 {
                var i = text.index(after: index)
                var closed = false
                while i < text.endIndex {
                    var ch = text[i]
                    if ch == "\"" { closed = true; break }
                    if ch == "\\", text.index(after: i) < text.endIndex { i = text.index(after: i); ch = text[i] }
                    keys.append((.char(ch), String(ch)))
                    i = text.index(after: i)
                }
                guard closed else { throw ExplorerError(UIText.keyScriptUnclosed.text(.en, String(text[index...]).prefix(40))) }
                index = text.index(after: i)
                continue
            }
            var end = index
            while end < text.endIndex, !" \t\n".contains(text[end]) { end = text.index(after: end) }
            let token = String(text[index..<end])
            keys.append((try key(token), token))
            index = end
        }
        return keys
    }

    /// One unquoted token.
    public static func key(_ token: String) throws -> Key {
        if token.count == 1, let c = token.first { return .char(c) }
        let lower = token.lowercased()
        if let named = KeyNames.script[lower] { return named }
        if lower.hasPrefix(KeyNames.scriptCtrlPrefix), lower.count == KeyNames.scriptCtrlPrefix.count + 1, let c = lower.last, c.isLetter { return .ctrl(c) }
        throw ExplorerError(UIText.keyScriptUnknown.text(.en, token))
    }
}
