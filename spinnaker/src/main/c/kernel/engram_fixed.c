/*
 * Division and the exponential of spinn_common (stdfix-exp.c), reproduced bit for bit because
 * sPyNNaker derives its decays with it on the core (simulator/docs/fixed-point.md, "The
 * exponential"). For x = z - f / 2^15 (z an integer, 0 <= f < 2^15) the result is built with 32
 * fraction bits from E[z] = round(2^32 e^z), times e^(-j/16) for the top four bits j of f, times
 * e^(-y) for the low eleven bits, each product rounding its low word up at 2^31 - 1.
 */
#include "engram_fixed.h"

/* arguments outside this range saturate */
#define EXP_MIN_ARGUMENT (-340695)
#define EXP_MAX_ARGUMENT 363408

/* round(2^32 e^z) for z = -13 ... 12 */
static const uint64_t exp_powers[26] = {
    9708ull, 26389ull, 71733ull, 194991ull, 530041ull, 1440801ull, 3916503ull, 10646160ull, 28939262ull,
    78665070ull, 213833830ull, 581260615ull, 1580030169ull, 4294967296ull, 11674931555ull, 31735754293ull,
    86266724208ull, 234497268814ull, 637429664642ull, 1732713474316ull, 4710003551159ull,
    12803117065094ull, 34802480465680ull, 94602950235157ull, 257157480542844ull, 699026506411923ull
};

/* round(2^32 (1 - e^(-j/16))) for j = 0 ... 15 */
static const uint32_t exp_sixteenths[16] = {
    0u, 260218914u, 504671961u, 734314346u, 950043403u, 1152702096u, 1343082321u, 1521927990u,
    1689937949u, 1847768698u, 1996036966u, 2135322113u, 2266168400u, 2389087112u, 2504558555u,
    2613033936u
};

/* spinn_common's quadratic for 2^32 (1 - e^(-y / 2^32)), y below 2^28 */
#define SERIES_0 5294u
#define SERIES_1 4293434720u
#define SERIES_2 2081624032u

int32_t fx_div(int32_t a, int32_t b, int *failed) {
    if (b == 0) {
        *failed = 1;
        return 0;
    }
    return (int32_t) (uint32_t) (((uint64_t) (uint32_t) a << 15) / (uint32_t) b);
}

/* the top word of the product of two unsigned 32-bit numbers */
static uint32_t high_product(uint32_t a, uint32_t b) {
    return (uint32_t) (((uint64_t) a * b) >> 32);
}

static uint32_t series(uint32_t y) {
    uint32_t t = SERIES_1 - high_product(SERIES_2, y);
    return high_product(t, y) + SERIES_0;
}

/* x times the U0.32 fraction y (spinn_common's scale64) */
static uint64_t scale(uint64_t x, uint32_t y) {
    uint64_t low = (x & 0xFFFFFFFFull) * y;
    uint64_t rounded = (low >> 32) + ((low & 0xFFFFFFFFull) >= 0x7FFFFFFFull ? 1 : 0);
    return rounded + (x >> 32) * y;
}

/* e^x with 32 fraction bits, x inside the argument range */
static uint64_t exp_wide(int32_t x) {
    int32_t z = x >> 15;
    int32_t f = x - (int32_t) ((uint32_t) z << 15);
    uint64_t v;
    if (f == 0) {
        return exp_powers[z + 13];
    }
    z++;
    f = FX_ONE - f;
    v = exp_powers[z + 13];
    v -= scale(v, exp_sixteenths[f >> 11]);
    return v - scale(v, series((uint32_t) (f & 0x7FF) << 17));
}

int32_t fx_expk(int32_t x) {
    if (x > EXP_MAX_ARGUMENT) {
        return INT32_MAX;
    }
    if (x < EXP_MIN_ARGUMENT) {
        return 0;
    }
    return (int32_t) (uint32_t) (exp_wide(x) >> 17);
}

uint32_t fx_expulr(int32_t x) {
    if (x > EXP_MAX_ARGUMENT) {
        return INT32_MAX;
    }
    if (x < EXP_MIN_ARGUMENT) {
        return 0;
    }
    return (uint32_t) exp_wide(x);
}
