// ncursesw with wide-character API. NCURSES_WIDECHAR must precede the include, otherwise
// cchar_t, setcchar, wget_wch and mvwaddwstr are missing.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift cannot import the attribute macros; wrap them.
static inline int pl_a_bold(void) { return A_BOLD; }
static inline int pl_a_reverse(void) { return A_REVERSE; }
static inline int pl_a_underline(void) { return A_UNDERLINE; }
static inline int pl_a_dim(void) { return A_DIM; }
static inline int pl_a_normal(void) { return A_NORMAL; }
static inline int pl_color_pair(int n) { return COLOR_PAIR(n); }
static inline int pl_key_code_yes(void) { return KEY_CODE_YES; }
// `stdscr` is global mutable C state that Swift 6 rejects; the explorer reads it once through
// this accessor right after `newterm`/`set_term`.
static inline WINDOW *stdscr_window(void) { return stdscr; }
