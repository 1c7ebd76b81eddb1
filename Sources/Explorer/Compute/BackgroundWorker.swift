import Foundation
import Synchronization

/// Runs computations off the input thread and hands finished results back through a
/// lock-protected mailbox that the main loop drains every tick. In a blocking ncurses loop a
/// plain `Task {}` from the main actor never runs, so work starts with `Task.detached`.
/// Superseded work is cancelled; its late results are dropped by generation in the reducer.
public final class BackgroundWorker: Sendable {
    private let mailbox = Mutex<[Event]>([])
    private let running = Mutex<[String: Task<Void, Never>]>([:])
    /// Background tasks still running (shutdown waits for them).
    private let active = Mutex(0)
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
        active.withLock { $0 += 1 }
        let task = Task.detached(priority: .userInitiated) { [self] in
            defer { active.withLock { $0 -= 1 } }
            // First the models without margins (the Models view redraws at once, its cheap
            // least-squares columns before the rest), then with.
            let quick = ComputeEngine.run(spec, generation: generation, env: env, cache: cache, margins: false,
                                          isCancelled: { Task.isCancelled },
                                          partial: { early in if !Task.isCancelled { self.post(.computed(early)) } })
            guard !Task.isCancelled else { return }
            self.post(.computed(quick))
            guard !quick.marginsIncluded else { return }
            let full = ComputeEngine.run(spec, generation: generation, env: env, cache: cache, margins: true,
                                         isCancelled: { Task.isCancelled })
            guard !Task.isCancelled else { return }
            self.post(.computed(full))
        }
        replace("compute", with: task)
    }

    /// Starts the mediation bootstrap; progress and the result arrive as events.
    public func bootstrap(_ spec: Specification, generation: Int) {
        let env = self.env
        active.withLock { $0 += 1 }
        let task = Task.detached(priority: .utility) { [self] in
            defer { active.withLock { $0 -= 1 } }
            let finished = MediationRunner.run(spec, env: env, progress: { stage, done, total in
                self.post(.bootstrapProgress(generation: generation, done: done, total: total, stage: stage))
            }, isCancelled: { Task.isCancelled })
            guard !Task.isCancelled else { return }
            switch finished {
            case let .success(output): self.post(.bootstrapFinished(generation: generation, output))
            case let .failure(f): self.post(.bootstrapFailed(generation: generation, message: f.message))
            }
        }
        replace("bootstrap", with: task)
    }

    /// Fits view 7's multiverse: the plan, then each specification as it is fitted (the current
    /// one first), then the end, as `.multiverse` events. A newer run cancels this one.
    public func multiverse(_ spec: Specification, generation: Int) {
        let env = self.env
        active.withLock { $0 += 1 }
        let task = Task.detached(priority: .userInitiated) { [self] in
            defer { active.withLock { $0 -= 1 } }
            let stop = CancelFlag()
            await withTaskCancellationHandler {
                let update = MultiverseRunner.run(spec, env: env, isCancelled: { stop.isSet }) { update in
                    self.post(.multiverse(generation: generation, update))
                }
                if !stop.isSet { self.post(.multiverse(generation: generation, update)) }
            } onCancel: {
                stop.set()
            }
        }
        replace("multiverse", with: task)
    }

    /// Checks a typed `if` expression (the main loop calls this once the debounce has passed);
    /// the answer arrives as `.conditionChecked`, a superseded check is cancelled.
    public func checkCondition(_ check: ConditionCheck) {
        let env = self.env
        active.withLock { $0 += 1 }
        let task = Task.detached(priority: .userInitiated) { [self] in
            defer { active.withLock { $0 -= 1 } }
            let result = check.run(env: env)
            guard !Task.isCancelled else { return }
            self.post(.conditionChecked(result))
        }
        replace("condition", with: task)
    }

    /// True when no work is running and nothing waits in the mailbox (counted from the moment
    /// work is started, so a task not yet scheduled is not missed). Headless replays wait for it.
    public var isIdle: Bool {
        active.withLock { $0 } == 0 && mailbox.withLock { $0.isEmpty }
    }

    public func cancelBootstrap() {
        running.withLock { $0.removeValue(forKey: "bootstrap")?.cancel() }
    }

    public func cancelAll() {
        running.withLock { tasks in
            for t in tasks.values { t.cancel() }
        }
    }

    /// Cancels everything and waits (up to `timeout`) for running work to stop, so the process
    /// never exits while a fit is still using the linear-algebra library on another thread.
    /// Returns whether everything stopped within `timeout`.
    @discardableResult
    public func shutdown(timeout: Duration = .seconds(3)) -> Bool {
        cancelAll()
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while active.withLock({ $0 }) > 0 && clock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        return active.withLock({ $0 }) == 0
    }

    private func replace(_ key: String, with task: Task<Void, Never>) {
        running.withLock { tasks in
            tasks[key]?.cancel()
            tasks[key] = task
        }
    }
}
