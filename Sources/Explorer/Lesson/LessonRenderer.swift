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
/// `BackgroundWorker`, work starts with `Task.detached` (a plain `Task {}` never runs inside the
/// blocking ncurses loop) and a newer request cancels the older one.
public final class LessonRenderer: Sendable {
    private let current = Mutex<Task<Void, Never>?>(nil)
    private let active = Mutex(0)

    public init() {}

    /// Starts rendering `step`; `deliver` is called from the background task when done.
    public func render(_ runner: LessonRunner, step: Int, language: Language, generation: Int, spec: Specification,
                       env: ExplorerEnvironment, cache: FitCache,
                       deliver: @escaping @Sendable (LessonRenderResult) -> Void) {
        let task = Task.detached(priority: .userInitiated) { [self] in
            active.withLock { $0 += 1 }
            defer { active.withLock { $0 -= 1 } }
            let result = LessonRenderer.renderNow(runner, step: step, language: language, generation: generation,
                                                  spec: spec, env: env, cache: cache)
            guard !Task.isCancelled else { return }
            deliver(result)
        }
        current.withLock { old in
            old?.cancel()
            old = task
        }
    }

    /// Reads the shipped lesson (file and dataset) off the input thread.
    public func loadShipped(deliver: @escaping @Sendable (LessonLoadResult) -> Void) {
        let task = Task.detached(priority: .userInitiated) { [self] in
            active.withLock { $0 += 1 }
            defer { active.withLock { $0 -= 1 } }
            do {
                deliver(LessonLoadResult(runner: try LessonRunner.load(), error: nil, renderer: self))
            } catch {
                deliver(LessonLoadResult(runner: nil, error: "\(error)", renderer: self))
            }
        }
        current.withLock { old in
            old?.cancel()
            old = task
        }
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

    /// Cancels the render under way and waits (up to `timeout`) for it to stop, so the process
    /// never exits while a fit is still running on another thread.
    public func shutdown(timeout: Duration = .seconds(3)) {
        current.withLock { $0?.cancel() }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while active.withLock({ $0 }) > 0 && clock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}
