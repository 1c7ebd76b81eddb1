// Swift's Glibc module does not expose wcwidth/wcswidth; ncursesw and terminals measure with
// glibc's wcwidth, so the renderers measure with the same function.
#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <locale.h>
int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);
