/*
 * A slice of IF_curr_exp or IF_curr_delta neurons, in the order and rounding of the Java kernel's
 * NeuronCore (simulator/docs/fixed-point.md, "A step", "Delivery", "STDP").
 */
#include "engram_fixed.h"
#include "engram_internal.h"

#define RING_MAX 0xFFFFu

/* ------------------------------------------------------------ STDP helpers */

/* the decay over steps steps: the table's entry, or 0 beyond it and for negative steps */
static int32_t lut_decay(const int32_t *lut, uint32_t size, int32_t steps) {
    return steps >= 0 && (uint32_t) steps < size ? lut[steps] : 0;
}

static void add_post_spike(engram_neurons_t *nr, uint32_t i, int32_t t) {
    uint32_t base = i * POST_HISTORY;
    uint32_t last = nr->post_count[i];
    int32_t decayed = stdp_mul(nr->post_trace[base + last],
            lut_decay(nr->lut_minus, nr->lut_minus_size, t - nr->post_time[base + last]));
    int16_t trace = (int16_t) (decayed + STDP_ONE);
    if (last < POST_HISTORY - 1) {
        last++;
        nr->post_count[i] = last;
    } else {
        /* the placeholder at entry 0 stays; the oldest real entry goes */
        uint32_t e;
        for (e = 1; e < POST_HISTORY - 1; e++) {
            nr->post_time[base + e] = nr->post_time[base + e + 1];
            nr->post_trace[base + e] = nr->post_trace[base + e + 1];
        }
    }
    nr->post_time[base + last] = t;
    nr->post_trace[base + last] = trace;
}

static int32_t potentiate(const engram_neurons_t *nr, int32_t w, uint32_t r, int32_t decayed) {
    int32_t change = nr->multiplicative
            ? (int32_t) (((int64_t) fx_sub(nr->w_max[r], w) * nr->a_plus[r] * decayed) >> (15 + STDP_FRACTION_BITS))
            : stdp_mul(nr->a_plus[r], decayed);
    int32_t sum = fx_add(w, change);
    return sum < nr->w_max[r] ? sum : nr->w_max[r];
}

static int32_t depress(const engram_neurons_t *nr, int32_t w, uint32_t r, int32_t decayed) {
    int32_t change = nr->multiplicative
            ? (int32_t) (((int64_t) fx_sub(w, nr->w_min[r]) * nr->a_minus[r] * decayed) >> (15 + STDP_FRACTION_BITS))
            : stdp_mul(nr->a_minus[r], decayed);
    int32_t difference = fx_sub(w, change);
    return difference > nr->w_min[r] ? difference : nr->w_min[r];
}

/*
 * The weight w of a plastic synapse after the pair rule for a pre spike at time, the row's previous
 * one at last_pre_time with trace last_pre_trace: potentiation for each post spike that reached
 * the synapse since, then depression by the latest one (even at a zero interval).
 */
static uint32_t updated(const engram_neurons_t *nr, int32_t w, uint32_t control, int32_t time,
        int32_t last_pre_time, int32_t last_pre_trace) {
    int32_t d = (int32_t) engram_synapse_delay(nr, control);
    uint32_t r = engram_synapse_receptor(nr, control);
    uint32_t post = engram_synapse_index(nr, control);
    int32_t begin = last_pre_time >= d ? last_pre_time - d : 0;
    int32_t end = time >= d ? time - d : 0;
    uint32_t base = post * POST_HISTORY;
    uint32_t count = nr->post_count[post];
    uint32_t e = count;
    uint32_t k;
    int valid;
    int32_t prev_time, prev_trace;
    while (e > 0 && nr->post_time[base + e] > begin) {
        e--;
    }
    valid = e != 0;
    prev_time = nr->post_time[base + e];
    prev_trace = nr->post_trace[base + e];
    for (k = e + 1; k <= count && nr->post_time[base + k] <= end; k++) {
        int32_t since_last_pre = nr->post_time[base + k] + d - last_pre_time;
        if (since_last_pre != 0) {
            w = potentiate(nr, w, r,
                    stdp_mul(last_pre_trace, lut_decay(nr->lut_plus, nr->lut_plus_size, since_last_pre)));
        }
        prev_time = nr->post_time[base + k];
        prev_trace = nr->post_trace[base + k];
        valid = 1;
    }
    if (valid) {
        w = depress(nr, w, r,
                stdp_mul(prev_trace, lut_decay(nr->lut_minus, nr->lut_minus_size, time - prev_time - d)));
    }
    return (uint32_t) w & RING_MAX;
}

/* ------------------------------------------------------------ the step */

/* moves one receptor's entries of a slot into the currents (or delta jumps) and clears them */
static void transfer(engram_neurons_t *nr, uint32_t base, uint32_t receptor, int32_t *isyn, const uint32_t *init) {
    uint32_t shift = nr->shift[receptor];
    uint16_t *slot = nr->ring + base;
    uint32_t i;
    for (i = 0; i < nr->n; i++) {
        uint32_t w = slot[i];
        if (w != 0) {
            int32_t input = (int32_t) (w << shift);
            slot[i] = 0;
            isyn[i] = fx_add(isyn[i], nr->delta ? input : fx_decay(input, init[i]));
        }
    }
}

/* step 3: reset, refractory counter, record and send, post-synaptic history */
static void spike(engram_core_t *core, engram_neurons_t *nr, uint32_t i, int32_t t) {
    /* v >= v_thresh, so v - v_thresh + v_reset lies in [v_reset, v) */
    nr->v[i] = nr->subtracts ? fx_add(fx_sub(nr->v[i], nr->v_thresh[i]), nr->v_reset[i]) : nr->v_reset[i];
    nr->refract[i] = nr->refract_steps[i];
    engram_core_send(core, i);
    if (nr->plastic_count > 0) {
        add_post_spike(nr, i, t);
    }
}

void engram_neurons_update(engram_core_t *core, int32_t t) {
    engram_neurons_t *nr = &core->u.neurons;
    uint32_t slot = ((uint32_t) t & nr->slot_mask) << (nr->index_bits + 1);
    uint32_t i;
    transfer(nr, slot, 0, nr->isyn_e, nr->init_e);
    transfer(nr, slot | 1u << nr->index_bits, 1, nr->isyn_i, nr->init_i);
    if (nr->delta) {
        for (i = 0; i < nr->n; i++) {
            if (nr->refract[i] <= 0) {
                int32_t alpha = fx_add(fx_mul(nr->i_offset[i], nr->r_membrane[i]), nr->v_rest[i]);
                int32_t leaked = fx_sub(alpha, fx_mul(nr->exp_tc[i], fx_sub(alpha, nr->v[i])));
                nr->v[i] = fx_sub(fx_add(leaked, nr->isyn_e[i]), nr->isyn_i[i]);
            } else {
                nr->refract[i]--;
            }
            if (nr->v[i] >= nr->v_thresh[i]) {
                spike(core, nr, i, t);
            }
            nr->isyn_e[i] = 0;
            nr->isyn_i[i] = 0;
        }
        return;
    }
    for (i = 0; i < nr->n; i++) {
        if (nr->refract[i] <= 0) {
            int32_t input = fx_add(fx_sub(nr->isyn_e[i], nr->isyn_i[i]), nr->i_offset[i]);
            int32_t alpha = fx_add(fx_mul(input, nr->r_membrane[i]), nr->v_rest[i]);
            nr->v[i] = fx_sub(alpha, fx_mul(nr->exp_tc[i], fx_sub(alpha, nr->v[i])));
        } else {
            nr->refract[i]--;
        }
        if (nr->v[i] >= nr->v_thresh[i]) {
            spike(core, nr, i, t);
        }
        nr->isyn_e[i] = fx_decay(nr->isyn_e[i], nr->decay_e[i]);
        nr->isyn_i[i] = fx_decay(nr->isyn_i[i], nr->decay_i[i]);
    }
}

/* ------------------------------------------------------------ delivery */

/* the row of a key: binary search of the table (unsigned keys), or -1 */
static int32_t row_of(const engram_neurons_t *nr, uint32_t key) {
    int32_t lo = 0;
    int32_t hi = (int32_t) nr->entries - 1;
    const uint32_t *entry;
    uint32_t neuron;
    while (lo <= hi) {
        int32_t mid = (int32_t) ((uint32_t) (lo + hi) >> 1);
        if (nr->table[4 * mid] <= key) {
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (hi < 0) {
        return -1;
    }
    entry = nr->table + 4 * hi;
    if ((key & entry[1]) != entry[0]) {
        return -1;
    }
    neuron = key & ~entry[1];
    return neuron < entry[3] ? (int32_t) (entry[2] + neuron) : -1;
}

/* adds a weight to a ring-buffer entry, saturating at 0xFFFF */
static void add(engram_core_t *core, engram_neurons_t *nr, int32_t at, uint32_t receptor, uint32_t neuron,
        uint32_t w) {
    uint32_t index = ((uint32_t) at & nr->slot_mask) << (nr->index_bits + 1) | receptor << nr->index_bits | neuron;
    uint32_t sum = nr->ring[index] + w;
    if (sum > RING_MAX) {
        sum = RING_MAX;
        core->saturations++;
    }
    nr->ring[index] = (uint16_t) sum;
}

void engram_neurons_receive(engram_core_t *core, uint32_t key, int32_t time) {
    engram_neurons_t *nr = &core->u.neurons;
    int32_t row = row_of(nr, key);
    uint32_t s, first, end;
    if (row < 0) {
        core->unknown_keys++;
        return;
    }
    for (s = nr->static_start[row], end = nr->static_start[row + 1]; s < end; s++) {
        uint32_t word = nr->static_words[s];
        add(core, nr, time + (int32_t) engram_synapse_delay(nr, word), engram_synapse_receptor(nr, word),
                engram_synapse_index(nr, word), word >> 16);
    }
    core->synaptic_events += end - nr->static_start[row];
    first = nr->plastic_start[row];
    end = nr->plastic_start[row + 1];
    if (first < end) {
        int32_t last_pre_time = nr->pre_time[row];
        int32_t last_pre_trace = nr->pre_trace[row];
        int32_t decayed = stdp_mul(last_pre_trace, lut_decay(nr->lut_plus, nr->lut_plus_size, time - last_pre_time));
        nr->pre_time[row] = time;
        nr->pre_trace[row] = (int16_t) (decayed + STDP_ONE);
        for (s = first; s < end; s++) {
            uint32_t control = nr->plastic_words[s] & 0xFFFF;
            uint32_t w = updated(nr, (int32_t) (nr->plastic_words[s] >> 16), control, time, last_pre_time,
                    last_pre_trace);
            nr->plastic_words[s] = w << 16 | control;
            add(core, nr, time + (int32_t) engram_synapse_delay(nr, control), engram_synapse_receptor(nr, control),
                    engram_synapse_index(nr, control), w);
        }
        core->synaptic_events += end - first;
    }
}
