// ReadStat (Debian libreadstat-dev): Stata .dta and SPSS .sav with value labels.
#include <readstat.h>
