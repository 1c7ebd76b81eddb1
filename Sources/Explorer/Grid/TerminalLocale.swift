#if canImport(Glibc)
import Glibc
#endif

/// Process locale set-up before `initscr`: ncursesw draws every Chinese character blank and
/// `wcwidth` answers −1 for CJK unless a UTF-8 locale is active. Widths themselves come from
/// `Reports.TextWidth` (glibc `wcwidth`, the function ncursesw and tmux use).
public enum TerminalLocale {
    /// Sets the locale from the environment. When that is not UTF-8 it switches to `C.UTF-8`
    /// for measurement and returns false: the explorer then shows English labels and ASCII only.
    @discardableResult
    public static func configure() -> Bool {
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) } ?? ""
        if isUTF8(chosen) { return true }
        _ = setlocale(LC_ALL, "C.UTF-8")
        return false
    }

    static func isUTF8(_ locale: String) -> Bool {
        let l = locale.lowercased()
        return l.contains("utf-8") || l.contains("utf8")
    }
}
