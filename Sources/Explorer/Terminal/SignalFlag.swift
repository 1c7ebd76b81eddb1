#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C and SIGTERM only set a flag; the main loop sees it within one tick and leaves
/// through the same path as `q`, so the terminal is always restored.
enum SignalFlag {
    static let received = Atomic<Int32>(0)

    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { number in SignalFlag.received.store(number, ordering: .relaxed) }
            sigaddset(&set, sig)
        }
        // A parent may start us with these blocked (seen under test runners and tmux); unblocked,
        // Ctrl-C, SIGTERM and a closed terminal always reach the handler.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var pending: Int32 { received.load(ordering: .relaxed) }
}
