import Foundation
import Synchronization

/// Runs computations off the input thread and hands finished results back through a
/// lock-protected mailbox that the main loop drains every tick. In a blocking ncurses loop a
/// plain `Task {}` from the main actor never runs, so work starts with `Task.detached`.
/// Superseded work is cancelled; its late results are dropped by generation in the reducer.
public final class BackgroundWorker: Sendable {
    private let mailbox = Mutex<[Event]>([])
    private let running = Mutex<[String: Task<Void, Never>]>([:])
    private let env: ExplorerEnvironment
    public let cache = FitCache()

    public init(env: ExplorerEnvironment) { self.env = env }

    /// Everything finished since the last call, oldest first.
    public func drain() -> [Event] {
        mailbox.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }

    func post(_ event: Event) { mailbox.withLock { $0.append(event) } }

    /// Starts computing `spec`, cancelling the computation it supersedes.
    public func compute(_ spec: Specification, generation: Int) {
        let env = self.env, cache = self.cache
        let task = Task.detached(priority: .userInitiated) { [self] in
            let output = ComputeEngine.run(spec, generation: generation, env: env, cache: cache,
                                           isCancelled: { Task.isCancelled })
            guard !Task.isCancelled else { return }
            self.post(.computed(output))
        }
        replace("compute", with: task)
    }

    /// Starts the mediation bootstrap; progress and the result arrive as events.
    public func bootstrap(_ spec: Specification, generation: Int) {
        let env = self.env
        let task = Task.detached(priority: .utility) { [self] in
            let finished = MediationRunner.run(spec, env: env, progress: { done, total in
                self.post(.bootstrapProgress(generation: generation, done: done, total: total))
            }, isCancelled: { Task.isCancelled })
            guard !Task.isCancelled else { return }
            switch finished {
            case let .success(output): self.post(.bootstrapFinished(generation: generation, output))
            case let .failure(f): self.post(.bootstrapFailed(generation: generation, message: f.message))
            }
        }
        replace("bootstrap", with: task)
    }

    public func cancelBootstrap() {
        running.withLock { $0.removeValue(forKey: "bootstrap")?.cancel() }
    }

    public func cancelAll() {
        running.withLock { tasks in
            for t in tasks.values { t.cancel() }
            tasks.removeAll()
        }
    }

    private func replace(_ key: String, with task: Task<Void, Never>) {
        running.withLock { tasks in
            tasks[key]?.cancel()
            tasks[key] = task
        }
    }
}
