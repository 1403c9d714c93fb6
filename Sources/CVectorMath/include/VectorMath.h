#ifndef LESSONS_VECTOR_MATH_H
#define LESSONS_VECTOR_MATH_H

/// Elementwise transcendental functions over arrays of doubles, four at a time with glibc's vector math library
/// (libmvec's AVX2 variants) where the processor has AVX2 and FMA, one at a time with libm elsewhere.
///
/// The choice is made once per process, so one machine always gives the same bits. The vector variants are
/// within 4 ulp of the exact result (glibc's stated bound), the scalar ones within 1 ulp.

/// y[i] = exp(x[i]) for 0 <= i < count; `x` and `y` may be the same array.
void lessons_vector_exp(const double *x, double *y, long count);

/// y[i] = log1p(x[i]) for 0 <= i < count; `x` and `y` may be the same array.
void lessons_vector_log1p(const double *x, double *y, long count);

/// y[i] = tanh(x[i]) for 0 <= i < count; `x` and `y` may be the same array.
void lessons_vector_tanh(const double *x, double *y, long count);

/// Whether the vector variants are in use (AVX2 and FMA present); otherwise libm's scalar functions are.
int lessons_vector_math_is_vectorised(void);

#endif
