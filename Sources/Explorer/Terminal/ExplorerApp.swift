import Foundation

/// The main loop: draw, wait up to 50 ms for a key, drain finished work, reduce, perform effects.
/// Estimation runs on background tasks, so the screen never waits for a fit.
public enum ExplorerApp {
    public static func run(env: ExplorerEnvironment, spec: Specification) throws {
        let backend = try NcursesBackend()
        defer { backend.restore() }
        SignalFlag.install()
        let size = backend.size
        var state = AppState(spec: spec, width: size.width, height: size.height)
        let worker = BackgroundWorker(env: env)
        defer { worker.cancelAll() }
        state.generation = 1
        var effects: [Effect] = [.compute(state.spec, generation: 1)]
        var needsDraw = true
        while true {
            perform(&effects, state: &state, env: env, worker: worker)
            if state.quitting || SignalFlag.pending != 0 { break }
            if needsDraw {
                backend.draw(Screen.render(state, env: env))
                needsDraw = false
            }
            var events: [Event] = []
            if let event = backend.nextEvent() { events.append(event) }
            events += worker.drain()
            for event in events {
                effects += Reducer.reduce(&state, event, env: env)
                needsDraw = true
            }
        }
    }

    /// Performs effects; file writes report back through the reducer at once.
    static func perform(_ effects: inout [Effect], state: inout AppState, env: ExplorerEnvironment, worker: BackgroundWorker) {
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            var followUp: Event?
            switch effect {
            case let .compute(spec, generation): worker.compute(spec, generation: generation)
            case let .startBootstrap(spec, generation): worker.bootstrap(spec, generation: generation)
            case .cancelBootstrap: worker.cancelBootstrap()
            case let .save(path, spec):
                do {
                    try SpecFile.save(spec, to: path)
                    followUp = .effectFinished(message: "specification saved to \(path)", isError: false)
                } catch {
                    followUp = .effectFinished(message: "\(error)", isError: true)
                }
            case let .export(path, format, _):
                do {
                    followUp = .effectFinished(message: try ViewExport.write(state, env: env, format: format, to: path), isError: false)
                } catch {
                    followUp = .effectFinished(message: "\(error)", isError: true)
                }
            case .quit: break
            }
            if let followUp { effects += Reducer.reduce(&state, followUp, env: env) }
        }
    }
}
