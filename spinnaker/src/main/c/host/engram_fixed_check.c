/*
 * engram-fixed-check: the kernel's exponential and derived constants for arguments read from
 * standard input, so that a test can compare them with the Java kernel's word for word.
 *
 * Each input line "S16.15-word" gives one output line "expk expulr" (decimal, expulr unsigned).
 */
#include <stdio.h>

#include "../kernel/engram_fixed.h"

int main(void) {
    long x;
    while (scanf("%ld", &x) == 1) {
        printf("%ld %lu\n", (long) fx_expk((int32_t) x), (unsigned long) fx_expulr((int32_t) x));
    }
    return 0;
}
