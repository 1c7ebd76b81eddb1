// LAPACKE + OpenBLAS (Debian liblapacke-dev, libopenblas-dev).
#include <lapacke.h>
#include <cblas.h>
// OpenBLAS threading control: small problems must not pay for thread start-up.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
