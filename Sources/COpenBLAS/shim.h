// OpenBLAS's CBLAS interface (Debian libopenblas-dev installs cblas.h on the default include path).
#include <cblas.h>
