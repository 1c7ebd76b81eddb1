import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// The only code that touches ncurses: takes the terminal over, copies a `CellGrid` to it,
/// decodes keys, and restores the terminal. Everything else works on values.
final class NcursesBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let colors: Bool
    private var restored = false
    /// What the window holds (the last grid drawn); nil forces a full repaint.
    private var shown: CellGrid?

    /// Opens the terminal with `newterm` (unlike `initscr`, it returns an error instead of
    /// exiting), so a missing terminal is reported as one line before anything is drawn.
    init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ExplorerError("the explorer needs a terminal (stdin and stdout must be a TTY); use 'pathlens fit' for scripts")
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw ExplorerError("TERM is \(term.isEmpty ? "not set" : "'dumb'"): the explorer needs a terminal type such as xterm-256color")
        }
        // The modes to give back should the process crash (FatalSignal).
        var modes = termios()
        _ = tcgetattr(STDIN_FILENO, &modes)
        // Own FILE streams: Swift 6 rejects the global `stdout`/`stdin` as shared mutable state.
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input) else {
            throw ExplorerError("cannot open terminal type '\(term)'")
        }
        self.screen = screen
        _ = set_term(screen)
        guard let window = stdscr_window() else {
            endwin()
            throw ExplorerError("cannot open the terminal screen")
        }
        self.window = window
        FatalSignal.holdTerminal(modes: modes, restoreSequence: Self.capabilities(["sgr0", "cnorm", "rmkx", "rmcup"]))
        cbreak()
        noecho()
        nonl()
        _ = keypad(window, true)
        _ = curs_set(0)
        set_escdelay(25)
        wtimeout(window, 50)
        if has_colors() {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_GREEN), -1)
            init_pair(2, Int16(COLOR_RED), -1)
            init_pair(3, Int16(COLOR_YELLOW), -1)
            init_pair(4, Int16(COLOR_CYAN), -1)
            colors = true
        } else {
            colors = false
        }
    }

    /// The terminal's size, at most `ExplorerApp.maximumScreenSide` a side: a larger screen is
    /// drawn in its top-left corner rather than allocating a grid for every cell.
    var size: (width: Int, height: Int) {
        (min(Int(getmaxx(window)), ExplorerApp.maximumScreenSide), min(Int(getmaxy(window)), ExplorerApp.maximumScreenSide))
    }

    /// The terminal's strings for `names` (terminfo capability names), concatenated.
    private static func capabilities(_ names: [String]) -> String {
        names.map { name -> String in
            guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return "" }
            return String(cString: value)
        }.joined()
    }

    /// Copies the grid to the window. Only the cells that changed since the last frame are
    /// written (ncurses then sends only those to the terminal); the first frame, a resize, or a
    /// grid of another size repaints everything.
    func draw(_ grid: CellGrid) {
        if let shown, shown.width == grid.width, shown.height == grid.height {
            for y in 0..<grid.height { repaintChanges(row: y, was: shown, now: grid) }
        } else {
            werase(window)
            for y in 0..<grid.height { paint(grid, row: y, from: 0, to: grid.width) }
        }
        shown = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// Repaints the changed stretch of row `y`, widened so that a wide character (in the old
    /// or the new frame) is always rewritten whole.
    private func repaintChanges(row y: Int, was old: CellGrid, now new: CellGrid) {
        var first = -1, last = -1
        for x in 0..<new.width where new[x, y] != old[x, y] {
            if first < 0 { first = x }
            last = x
        }
        guard first >= 0 else { return }
        while first > 0 && (new[first, y].isContinuation || old[first, y].isContinuation) { first -= 1 }
        while last + 1 < new.width && (new[last + 1, y].isContinuation || old[last + 1, y].isContinuation) { last += 1 }
        paint(new, row: y, from: first, to: last + 1)
    }

    /// Writes cells [from, to) of row `y`; a wide character's continuation cell is its own.
    private func paint(_ grid: CellGrid, row y: Int, from: Int, to: Int) {
        var cc = cchar_t()
        for x in from..<to {
            let cell = grid[x, y]
            if cell.isContinuation { continue }
            let (attributes, pair) = attributes(for: cell.style)
            var wide = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            _ = wide.withUnsafeBufferPointer { setcchar(&cc, $0.baseAddress, attributes, pair, nil) }
            _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
        }
    }

    private func attributes(for style: CellStyle) -> (attr_t, Int16) {
        var a = attr_t(pl_a_normal())
        var pair: Int16 = 0
        if style.contains(.bold) { a |= attr_t(pl_a_bold()) }
        if style.contains(.reverse) { a |= attr_t(pl_a_reverse()) }
        if style.contains(.underline) { a |= attr_t(pl_a_underline()) }
        if style.contains(.dim) && colors { a |= attr_t(pl_a_dim()) }
        if colors {
            if style.contains(.accent) { pair = 4 }
            if style.contains(.positive) { pair = 1 }
            if style.contains(.negative) { pair = 2; a |= attr_t(pl_a_bold()) }
            if style.contains(.flagged) { pair = 3; a |= attr_t(pl_a_bold()) | attr_t(pl_a_underline()) }
        } else {
            // Without colours the distinctions survive as bold / underline / reverse.
            if style.contains(.accent) || style.contains(.negative) { a |= attr_t(pl_a_bold()) }
            if style.contains(.flagged) { a |= attr_t(pl_a_reverse()) | attr_t(pl_a_underline()) }
        }
        return (a, pair)
    }

    /// Waits up to 50 ms for input: a key, a resize, or nil for a quiet tick.
    func nextEvent() -> Event? {
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE:
                shown = nil // ncurses resized the window: repaint everything next frame
                let s = size
                return .resize(width: s.width, height: s.height)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            default: return nil
            }
        }
        return KeyDecoder.decode(UInt32(ch)).map(Event.key)
    }

    /// Gives the terminal back (idempotent: quit, Ctrl-C and SIGTERM all end here).
    func restore() {
        guard !restored else { return }
        restored = true
        FatalSignal.releaseTerminal()
        _ = curs_set(1)
        endwin()
        delscreen(screen)
    }

    deinit { restore() }
}

/// Decodes a character code from the terminal into a key.
enum KeyDecoder {
    static func decode(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            return Unicode.Scalar(code + 96).map { .ctrl(Character($0)) }
        default:
            guard code >= 32, let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}

public struct ExplorerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}
