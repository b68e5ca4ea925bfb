/*
 * The fixed-point formats and operations of Engram's core application, on plain 32-bit words
 * (spinnaker/docs/core-runtime.md; the rounding of every operation is that of
 * simulator/docs/fixed-point.md and of the Java class FixedPoint).
 *
 *   S16.15  signed 32-bit word, value = word / 2^15 (potentials, currents, times, R, exp_TC)
 *   U0.32   unsigned 32-bit word, value = word / 2^32 (synaptic decay and arrival factors)
 *   STDP    signed 16-bit word, value = word / 2^11 (traces and decay tables)
 *
 * Signed right shifts are arithmetic and conversions to a narrower signed type keep the low bits:
 * GCC defines both so on every target, and the Java twin does the same.
 */
#ifndef ENGRAM_FIXED_H
#define ENGRAM_FIXED_H

#include <stdint.h>

/** 1.0 in S16.15. */
#define FX_ONE 32768
/** The largest U0.32 word, just under 1.0 (GCC's 1.0ulr). */
#define FX_U032_ALMOST_ONE 0xFFFFFFFFu
/** 1.0 in the STDP format, and its fraction bits. */
#define STDP_ONE 2048
#define STDP_FRACTION_BITS 11

/** a + b and a - b with two's-complement wrap-around, as Java's int arithmetic. */
static inline int32_t fx_add(int32_t a, int32_t b) {
    return (int32_t) ((uint32_t) a + (uint32_t) b);
}

static inline int32_t fx_sub(int32_t a, int32_t b) {
    return (int32_t) ((uint32_t) a - (uint32_t) b);
}

/** S16.15 a * b: the 64-bit product shifted right by 15, toward minus infinity (GCC's mulsa3). */
static inline int32_t fx_mul(int32_t a, int32_t b) {
    return (int32_t) (((int64_t) a * b) >> 15);
}

/** S16.15 x * U0.32 f, rounded to nearest, ties up. */
static inline int32_t fx_decay(int32_t x, uint32_t f) {
    return (int32_t) (((int64_t) x * (int64_t) f + ((int64_t) 1 << 31)) >> 32);
}

/** Positive S16.15 x * U0.32 f as U0.32: the unsigned product shifted right by 15, truncated. */
static inline uint32_t fx_u032_product(int32_t x, uint32_t f) {
    return (uint32_t) (((uint64_t) (uint32_t) x * f) >> 15);
}

/** The smallest integer not below an S16.15 value (sPyNNaker's lif_ceil_accum). */
static inline int32_t fx_ceil(int32_t x) {
    int32_t integer = x >> 15;
    return (x & 0x7FFF) > 0 ? integer + 1 : integer;
}

/**
 * S16.15 a / b as sPyNNaker's kdivk: the unsigned 64-bit quotient of a << 15 by b, truncated, cut
 * to 32 bits. Returns 0 and sets *failed when b is 0.
 */
int32_t fx_div(int32_t a, int32_t b, int *failed);

/** spinn_common's expk: e^x of an S16.15 word as S16.15. */
int32_t fx_expk(int32_t x);

/** spinn_common's expulr: e^x of an S16.15 word as U0.32 (0 for x = 0, which overflows). */
uint32_t fx_expulr(int32_t x);

/** The STDP product: both cut to 16 signed bits, multiplied, shifted right by 11 (ARM SMULBB). */
static inline int32_t stdp_mul(int32_t a, int32_t b) {
    return ((int32_t) (int16_t) a * (int32_t) (int16_t) b) >> STDP_FRACTION_BITS;
}

#endif
