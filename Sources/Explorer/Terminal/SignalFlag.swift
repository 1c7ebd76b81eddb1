#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C, SIGTERM and SIGHUP only set a flag; the main loop sees it within one tick and leaves
/// through the same path as `q`, so the terminal is always restored. Afterwards `endProcess`
/// ends the process by the same signal with its default action, so the shell sees the status
/// it expects (130, 143, 129) and a script running the explorer stops on Ctrl-C.
enum SignalFlag {
    static let received = Atomic<Int32>(0)

    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { number in SignalFlag.received.store(number, ordering: .relaxed) }
            sigaddset(&set, sig)
        }
        // A write past `ulimit -f` fails with EFBIG (reported on the status line) instead of the
        // default SIGXFSZ, which kills the process with the terminal still taken over.
        signal(SIGXFSZ, SIG_IGN)
        // A parent may start us with these blocked (seen under test runners and tmux); unblocked,
        // Ctrl-C, SIGTERM and a closed terminal always reach the handler.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var pending: Int32 { received.load(ordering: .relaxed) }

    /// Re-raises `sig` with its default action (the terminal is already restored); `_exit` with
    /// 128 + sig should it return.
    static func endProcess(by sig: Int32) -> Never {
        signal(sig, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        _exit(128 + sig)
    }
}
