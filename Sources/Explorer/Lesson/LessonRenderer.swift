import Foundation
import Synchronization
import SurveyData
import Teaching

/// A rendered step (or why it failed) and the pinned baseline it asks for, tagged with the
/// request's generation so the reducer drops renders of steps already left.
public struct LessonRenderResult: Sendable {
    public var generation: Int
    public var step: Int
    public var rendered: RenderedStep?
    public var error: String?
    public var baseline: Baseline?
}

/// The shipped lesson read on a background task (`T` in a plain `pathlens` session), with the
/// renderer that will draw its steps.
public struct LessonLoadResult: Sendable {
    public var runner: LessonRunner?
    public var error: String?
    public var renderer: LessonRenderer
}

/// Renders lesson steps off the input thread: a step's live numbers can take seconds (causal
/// mediation, sensitivity), and the screen must keep answering keys meanwhile. Like
/// `BackgroundWorker`, work runs on `Task.detached` (a plain `Task {}` never runs inside the
/// blocking ncurses loop). One job runs at a time and only the latest request waits: a teacher
/// pressing `n` five times renders the step shown, not four steps already left (each render
/// fills the runner's cache, so walking back is immediate).
public final class LessonRenderer: Sendable {
    private typealias Job = @Sendable () -> Void
    private let pending = Mutex<Job?>(nil)
    private let busy = Mutex(false)
    private let stopped = Mutex(false)
    private let active = Mutex(0)

    public init() {}

    /// Renders `step` when the job under way (if any) is done; `deliver` is called from the
    /// background task.
    public func render(_ runner: LessonRunner, step: Int, language: Language, generation: Int, spec: Specification,
                       env: ExplorerEnvironment, cache: FitCache,
                       deliver: @escaping @Sendable (LessonRenderResult) -> Void) {
        submit {
            deliver(LessonRenderer.renderNow(runner, step: step, language: language, generation: generation,
                                             spec: spec, env: env, cache: cache))
        }
    }

    /// Reads the shipped lesson (file and dataset) off the input thread.
    public func loadShipped(deliver: @escaping @Sendable (LessonLoadResult) -> Void) {
        submit { [self] in
            do {
                deliver(LessonLoadResult(runner: try LessonRunner.load(reference: .dalian2022), error: nil, renderer: self))
            } catch {
                deliver(LessonLoadResult(runner: nil, error: "\(error)", renderer: self))
            }
        }
    }

    /// Replaces the waiting job and starts a runner task unless one is running.
    private func submit(_ job: @escaping Job) {
        pending.withLock { $0 = job }
        let start = busy.withLock { running -> Bool in
            if running { return false }
            running = true
            return true
        }
        guard start else { return }
        active.withLock { $0 += 1 }
        Task.detached(priority: .userInitiated) { [self] in
            defer { active.withLock { $0 -= 1 } }
            while !stopped.withLock({ $0 }), let next = pending.withLock({ job -> Job? in defer { job = nil }; return job }) {
                next()
            }
            busy.withLock { $0 = false }
            // A job submitted between the last look and clearing `busy` would wait forever.
            if !stopped.withLock({ $0 }), pending.withLock({ $0 != nil }) { submitPending() }
        }
    }

    private func submitPending() {
        guard let job = pending.withLock({ job -> Job? in defer { job = nil }; return job }) else { return }
        submit(job)
    }

    /// True when no render or load is running or waiting (headless replays wait for it).
    public var isIdle: Bool {
        !busy.withLock { $0 } && pending.withLock { $0 == nil } && active.withLock { $0 } == 0
    }

    /// The same work, synchronously (tests, headless replays). The step's pinned baseline is
    /// fitted with the explorer's own planner, so its columns line up with the live models.
    public static func renderNow(_ runner: LessonRunner, step: Int, language: Language, generation: Int,
                                 spec: Specification, env: ExplorerEnvironment, cache: FitCache) -> LessonRenderResult {
        var result = LessonRenderResult(generation: generation, step: step)
        do {
            let rendered = try runner.render(step: step, language: language)
            result.rendered = rendered
            if let pinned = rendered.baselineSpec {
                let baseSpec = LessonSpecMapping.specification(pinned, language: language, current: spec)
                let output = ComputeEngine.run(baseSpec, generation: 0, env: env, cache: cache, margins: false)
                result.baseline = Baseline(spec: baseSpec, models: output.models)
            }
        } catch {
            result.error = "\(error)"
        }
        return result
    }

    /// Drops waiting work and waits (up to `timeout`) for the job under way to finish, so the
    /// process never exits while a fit is still running on another thread.
    /// Returns whether everything stopped within `timeout`.
    @discardableResult
    public func shutdown(timeout: Duration = .seconds(3)) -> Bool {
        stopped.withLock { $0 = true }
        pending.withLock { $0 = nil }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while active.withLock({ $0 }) > 0 && clock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        return active.withLock({ $0 }) == 0
    }
}
