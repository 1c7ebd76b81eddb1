import Foundation

/// Runs replications on every core. Results come back in replication order; the work a
/// replication does depends only on its index (it seeds its own generator), so the output is the
/// same for any number of threads. Cancellation is checked between replications.
enum ReplicationRunner {
    static func run<T: Sendable>(count: Int, threads: Int? = nil,
                                 isCancelled: (@Sendable () -> Bool)? = nil,
                                 progress: (@Sendable (_ completed: Int) -> Void)? = nil,
                                 body: @Sendable (Int) -> T) throws(MediationError) -> [T] {
        guard count > 0 else { return [] }
        let state = RunnerState<T>(count: count)
        let workers = max(1, min(count, threads ?? ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = state.claim() {
                if let isCancelled, isCancelled() { state.cancel(); return }
                let value = body(i)
                let done = state.store(value, at: i)
                progress?(done)
            }
        }
        guard let results = state.finished() else { throw .cancelled }
        return results
    }
}

/// Shared bookkeeping of one run, guarded by a lock (replications are far costlier than locking).
private final class RunnerState<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [T?]
    private var next = 0
    private var done = 0
    private var cancelled = false

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard !cancelled, next < results.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at i: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        results[i] = value
        done += 1
        return done
    }

    func cancel() {
        lock.lock(); cancelled = true; lock.unlock()
    }

    func finished() -> [T]? {
        lock.lock(); defer { lock.unlock() }
        guard !cancelled else { return nil }
        return results.compactMap { $0 }
    }
}
