/*
 * Spike sources: a SpikeSourceArray sends the keys its region lists for each step (SpikeArrayCore);
 * a SpikeSourcePoisson draws each neuron's count by Knuth's product method from spinn_common's
 * JKISS generator (PoissonCore, Kiss64).
 */
#include "engram_internal.h"

void engram_array_update(engram_core_t *core, int32_t t) {
    engram_array_t *a = &core->u.array;
    if (a->cursor < a->steps && a->ticks[a->cursor] == t) {
        uint32_t e;
        for (e = a->first[a->cursor]; e < a->first[a->cursor + 1]; e++) {
            engram_core_send(core, a->neurons[e]);
        }
        a->cursor++;
    }
}

/* the next uniform word of JKISS (mars_kiss64_seed) */
static uint32_t kiss_next(engram_poisson_t *p) {
    uint64_t t;
    p->x = 314527869u * p->x + 1234567u;
    p->y ^= p->y << 5;
    p->y ^= p->y >> 7;
    p->y ^= p->y << 22;
    t = 4294584393ull * p->z + p->c;
    p->c = (uint32_t) (t >> 32);
    p->z = (uint32_t) t;
    return p->x + p->y + p->z;
}

/* a Poisson count: p = u_1; while p > e^-lambda: k++, p = p u_(k+1) >> 32 */
static uint32_t draw(engram_poisson_t *p, uint32_t limit) {
    uint64_t product = kiss_next(p);
    uint32_t k = 0;
    while (product > limit) {
        k++;
        product = (product * kiss_next(p)) >> 32;
    }
    return k;
}

void engram_poisson_update(engram_core_t *core, int32_t t) {
    engram_poisson_t *p = &core->u.poisson;
    uint32_t i, k;
    for (i = 0; i < core->size; i++) {
        if (t >= p->start_tick[i] && t < p->end_tick[i]) {
            for (k = draw(p, p->exp_minus_lambda[i]); k > 0; k--) {
                engram_core_send(core, i);
            }
        }
    }
}
