#include "VectorMath.h"

#include <math.h>

#if defined(__x86_64__) && defined(__GLIBC__)
#include <immintrin.h>

// glibc's vector ABI names (libmvec, glibc >= 2.35 for log1p and tanh): four doubles in one AVX register.
__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_exp(__m256d);
__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_log1p(__m256d);
__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_tanh(__m256d);

#define VECTOR_LOOP(name, vector)                                                   \
    __attribute__((target("avx2,fma"))) static void name(const double *x, double *y, long count) { \
        long i = 0;                                                                         \
        for (; i + 4 <= count; i += 4) _mm256_storeu_pd(y + i, vector(_mm256_loadu_pd(x + i))); \
        if (i < count) {                                                                    \
            double rest[4] = {0, 0, 0, 0};                                                  \
            for (long j = 0; i + j < count; j++) rest[j] = x[i + j];                        \
            __m256d done = vector(_mm256_loadu_pd(rest));                                   \
            _mm256_storeu_pd(rest, done);                                                   \
            for (long j = 0; i + j < count; j++) y[i + j] = rest[j];                        \
        }                                                                                   \
    }

VECTOR_LOOP(exp_avx2, _ZGVdN4v_exp)
VECTOR_LOOP(log1p_avx2, _ZGVdN4v_log1p)
VECTOR_LOOP(tanh_avx2, _ZGVdN4v_tanh)

// The processor's features, read once at start-up by the compiler's runtime; the same answer for every call.
static int vectorised(void) { return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"); }
#else
static int vectorised(void) { return 0; }
#endif

int lessons_vector_math_is_vectorised(void) { return vectorised(); }

void lessons_vector_exp(const double *x, double *y, long count) {
#if defined(__x86_64__) && defined(__GLIBC__)
    if (vectorised()) { exp_avx2(x, y, count); return; }
#endif
    for (long i = 0; i < count; i++) y[i] = exp(x[i]);
}

void lessons_vector_log1p(const double *x, double *y, long count) {
#if defined(__x86_64__) && defined(__GLIBC__)
    if (vectorised()) { log1p_avx2(x, y, count); return; }
#endif
    for (long i = 0; i < count; i++) y[i] = log1p(x[i]);
}

void lessons_vector_tanh(const double *x, double *y, long count) {
#if defined(__x86_64__) && defined(__GLIBC__)
    if (vectorised()) { tanh_avx2(x, y, count); return; }
#endif
    for (long i = 0; i < count; i++) y[i] = tanh(x[i]);
}
