#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C and SIGTERM only set a flag; the main loop sees it within one tick and leaves
/// through the same path as `q`, so the terminal is always restored.
enum SignalFlag {
    static let received = Atomic<Int32>(0)

    static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { number in SignalFlag.received.store(number, ordering: .relaxed) }
        }
    }

    static var pending: Int32 { received.load(ordering: .relaxed) }
}
