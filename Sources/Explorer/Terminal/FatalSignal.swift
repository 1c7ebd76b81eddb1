#if canImport(Glibc)
import Glibc
#endif

/// What a crash prints and restores. A trap (a failed allocation, a Swift runtime check), a
/// segmentation fault or an abort would otherwise end the process with the Swift runtime's
/// 30-line backtrace and, in the explorer, with the terminal still in raw mode on the alternate
/// screen. The handler — async-signal-safe: `tcsetattr`, `write`, `signal`, `raise` only, on
/// bytes prepared beforehand — puts the terminal back (saved modes, the sequences `endwin`
/// would send) when the explorer holds it, makes sure one line says what happened (the
/// runtime's "Fatal error: …" line, or an `Error:` line of its own), and re-raises the signal
/// with its default action, so the exit status still says what happened (134, 139…).
public enum FatalSignal {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// The line for each signal, prepared at install time (a handler must not allocate).
    nonisolated(unsafe) private static var messages = [UnsafeMutablePointer<CChar>?](repeating: nil, count: 65)
    nonisolated(unsafe) private static var terminalBytes: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var terminalModes = termios()
    nonisolated(unsafe) private static var holdsTerminal = false

    /// Installs the handler for the fatal signals (after the Swift runtime's own, which it
    /// replaces); call once at start-up.
    public static func install() {
        // After a trap or an abort the Swift runtime has already said why in one line ("Fatal
        // error: failed to allocate 12000000 bytes of memory"); a second line would only repeat
        // it. A segmentation fault, bus error or arithmetic fault comes with no message.
        for sig in [SIGSEGV, SIGBUS, SIGFPE] {
            let name = String(cString: strsignal(sig))
            messages[Int(sig)] = strdup("Error: pathlens stopped: \(name.lowercased()) (out of memory or an internal error; signal \(sig))\n")
        }
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in FatalSignal.handle(sig) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND)) | Int32(SA_NODEFER)
            sigaction(sig, &action, nil)
        }
    }

    /// While the explorer holds the terminal: its modes before ncurses changed them and the
    /// bytes that leave the alternate screen and show the cursor again.
    static func holdTerminal(modes: termios, restoreSequence: String) {
        terminalModes = modes
        if let old = terminalBytes { free(old) }
        terminalBytes = strdup(restoreSequence)
        holdsTerminal = true
    }

    static func releaseTerminal() { holdsTerminal = false }

    private static func handle(_ sig: Int32) {
        if holdsTerminal {
            holdsTerminal = false
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &terminalModes)
            if let bytes = terminalBytes { _ = write(STDOUT_FILENO, bytes, strlen(bytes)) }
        }
        if sig > 0, sig < 65, let line = messages[Int(sig)] { _ = write(STDERR_FILENO, line, strlen(line)) }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}
