import Foundation
import Synchronization
import Analysis
import Reports
import SurveyData

/// The explorer's call into the multiverse engine (`Multiverse.run`) for view 7: plans the
/// current specification's multiverse, streams each fitted specification to `post`, and returns
/// the closing update (finished, or why it could not run).
enum MultiverseRunner {
    static func run(_ spec: Specification, env: ExplorerEnvironment, isCancelled: @escaping @Sendable () -> Bool,
                    post: @escaping @Sendable (MultiverseUpdate) -> Void) -> MultiverseUpdate {
        if spec.weight != nil { return .failed(UIText.multiverseViewWeights.text(spec.language)) }
        let dataset = spec.measured(env.dataset)
        do {
            let screen = try MultiverseScreen(spec, dataset: dataset)
            post(.planned(screen))
            _ = try Multiverse.run(screen.plan, dataset: dataset, first: screen.current,
                                   onRows: { post(.rows($0)) }, isCancelled: isCancelled)
            return .finished
        } catch {
            return .failed(error.description)
        }
    }
}

/// Set once when the task that owns it is cancelled; read by worker threads outside the task.
final class CancelFlag: Sendable {
    private let flag = Mutex(false)
    func set() { flag.withLock { $0 = true } }
    var isSet: Bool { flag.withLock { $0 } }
}
