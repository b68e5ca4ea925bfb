/*
 * Reading a core's data image: the header (DataImage.read), the SYSTEM region (SystemRegion.of)
 * and each kind's regions with every count checked against the words that remain (CoreRegions),
 * and the invariants the Java kernel's constructors check (LifParameters, SynapticMatrix,
 * StdpParameters, SpikeTimes), so that a running core never reads or writes outside its arrays.
 */
#include "engram_core.h"
#include "engram_fixed.h"
#include "engram_internal.h"

/* one region's words, read in order */
typedef struct reader {
    engram_core_t *core;
    int32_t region;
    uint32_t *words;
    uint32_t size;
    uint32_t next;
} reader_t;

static int fail(engram_core_t *core, const char *message, int32_t region, uint32_t value) {
    core->error = message;
    core->error_region = region;
    core->error_value = value;
    return -1;
}

static int reader_fail(reader_t *r, const char *message) {
    return fail(r->core, message, r->region, r->next);
}

/* the table entry of region k: pointer, checksum, words */
static const uint32_t *table_entry(const engram_core_t *core, uint32_t k) {
    return core->image + 2 + 3 * k;
}

/* the words of region k, which must be present */
static uint32_t *region_words(const engram_core_t *core, uint32_t k) {
    return core->image + (table_entry(core, k)[0] - core->image_address) / 4;
}

static int region_present(const engram_core_t *core, uint32_t k) {
    return table_entry(core, k)[0] != 0;
}

static int region_is_output(const engram_core_t *core, uint32_t k) {
    return (table_entry(core, k)[2] & ENGRAM_OUTPUT_FLAG) != 0;
}

static uint32_t region_size(const engram_core_t *core, uint32_t k) {
    return table_entry(core, k)[2] & ~ENGRAM_OUTPUT_FLAG;
}

static int reader_open(reader_t *r, engram_core_t *core, uint32_t k) {
    r->core = core;
    r->region = (int32_t) k;
    r->next = 0;
    if (!region_present(core, k) || region_is_output(core, k)) {
        return fail(core, "the core needs this input region", (int32_t) k, 0);
    }
    r->words = region_words(core, k);
    r->size = region_size(core, k);
    return 0;
}

static int reader_next(reader_t *r, uint32_t *out) {
    if (r->next >= r->size) {
        return reader_fail(r, "the region ends; expected more words");
    }
    *out = r->words[r->next++];
    return 0;
}

/* a count of things of at least per words each: no more than the words left allow */
static int reader_count(reader_t *r, uint32_t per, uint32_t *out) {
    uint32_t n;
    if (reader_next(r, &n) != 0) {
        return -1;
    }
    if ((int32_t) n < 0 || (uint64_t) n * per > r->size - r->next) {
        r->next--;
        return reader_fail(r, "a count does not fit the words left");
    }
    *out = n;
    return 0;
}

/* the next n words, in place */
static int reader_array(reader_t *r, uint32_t n, uint32_t **out) {
    if ((int32_t) n < 0 || n > r->size - r->next) {
        return reader_fail(r, "an array does not fit the words left");
    }
    *out = r->words + r->next;
    r->next += n;
    return 0;
}

static int reader_expect(reader_t *r, uint32_t found, uint32_t expected) {
    if (found != expected) {
        r->next--;
        return reader_fail(r, "a count differs from the SYSTEM region's");
    }
    return 0;
}

static int reader_end(reader_t *r) {
    return r->next == r->size ? 0 : reader_fail(r, "words left over at the region's end");
}

static void *alloc_words(uint32_t words) {
    return engram_platform_alloc(words == 0 ? 4 : 4 * words);
}

/* ------------------------------------------------------------ header */

static int check_header(engram_core_t *core, uint32_t limit_bytes) {
    uint32_t k;
    uint32_t offset = ENGRAM_HEADER_BYTES;
    int pass;
    if (limit_bytes < ENGRAM_HEADER_BYTES) {
        return fail(core, "the block cannot hold the header", -1, limit_bytes);
    }
    if (core->image[0] != ENGRAM_IMAGE_MAGIC) {
        return fail(core, "bad magic", -1, core->image[0]);
    }
    if (core->image[1] != ENGRAM_IMAGE_VERSION) {
        return fail(core, "unknown version", -1, core->image[1]);
    }
    for (k = 0; k < ENGRAM_MAX_REGIONS; k++) {
        const uint32_t *e = table_entry(core, k);
        uint64_t end = (uint64_t) e[0] + 4 * (uint64_t) (e[2] & ~ENGRAM_OUTPUT_FLAG);
        if (e[0] == 0) {
            continue;
        }
        if ((uint64_t) e[0] < (uint64_t) core->image_address + ENGRAM_HEADER_BYTES
                || end > (uint64_t) core->image_address + limit_bytes
                || (e[0] & 3) != 0 || (region_is_output(core, k) && region_size(core, k) == 0)) {
            return fail(core, "a region lies outside the image's block", (int32_t) k, e[0]);
        }
        if (!region_is_output(core, k)) {
            uint32_t sum = 0;
            uint32_t i;
            uint32_t *w = region_words(core, k);
            for (i = 0; i < region_size(core, k); i++) {
                sum += w[i];
            }
            if (sum != e[1]) {
                return fail(core, "a region's words do not sum to its checksum", (int32_t) k, sum);
            }
        }
    }
    /* input regions first, then output space, each in region order and without gaps */
    for (pass = 0; pass < 2; pass++) {
        for (k = 0; k < ENGRAM_MAX_REGIONS; k++) {
            if (!region_present(core, k) || region_is_output(core, k) != pass) {
                continue;
            }
            if (table_entry(core, k)[0] != core->image_address + offset) {
                return fail(core, "a region is not where the regions before it place it", (int32_t) k,
                        table_entry(core, k)[0]);
            }
            offset += 4 * region_size(core, k);
        }
    }
    return 0;
}

/* ------------------------------------------------------------ SYSTEM and RECORDING */

static int read_system(engram_core_t *core) {
    reader_t r;
    uint32_t *w;
    if (reader_open(&r, core, REGION_SYSTEM) != 0) {
        return -1;
    }
    if (r.size != 6 || (r.words[5] & ~(RECORD_SPIKES | RECORD_V)) != 0) {
        return fail(core, "the SYSTEM region has 6 words, recording flags in bits 0-1", REGION_SYSTEM, r.size);
    }
    w = r.words;
    core->kind = w[0];
    core->timestep_us = w[1];
    core->run_ticks = w[2];
    core->first_key = w[3];
    core->size = w[4];
    core->recording_flags = w[5];
    if (core->kind > KIND_POISSON) {
        return fail(core, "unknown core kind", REGION_SYSTEM, core->kind);
    }
    if ((int32_t) core->timestep_us <= 0 || (int32_t) core->run_ticks < 0 || (int32_t) core->size <= 0) {
        return fail(core, "expected a positive step, run ticks >= 0 and at least one neuron", REGION_SYSTEM, 0);
    }
    if ((core->recording_flags & RECORD_V) != 0 && core->kind != KIND_NEURON) {
        return fail(core, "a spike source has no v to record", REGION_SYSTEM, core->recording_flags);
    }
    return 0;
}

static int check_recording(engram_core_t *core) {
    uint32_t s = (core->recording_flags & RECORD_SPIKES) ? (core->size + 31) / 32 : 0;
    uint32_t v = (core->recording_flags & RECORD_V) ? core->size : 0;
    uint64_t needed = 3 + (uint64_t) core->run_ticks * (s + v);
    uint32_t words;
    if (!region_present(core, REGION_RECORDING) || !region_is_output(core, REGION_RECORDING)) {
        return fail(core, "the RECORDING output region is absent", REGION_RECORDING, 0);
    }
    words = region_size(core, REGION_RECORDING);
    if (needed > 0x7FFFFFFFu || words < needed) {
        return fail(core, "the RECORDING region is too small for the run", REGION_RECORDING, words);
    }
    core->recording = region_words(core, REGION_RECORDING);
    core->record_spike_words = s;
    core->record_v_words = v;
    core->record_capacity = s + v == 0 ? 0xFFFFFFFFu : (words - 3) / (s + v);
    return 0;
}

/* ------------------------------------------------------------ neuron regions */

static int read_neuron_region(engram_core_t *core) {
    engram_neurons_t *nr = &core->u.neurons;
    reader_t r;
    uint32_t model, reset, step, n, i;
    uint32_t *a[NEURON_ARRAYS];
    int failed = 0;
    if (reader_open(&r, core, REGION_NEURON) != 0 || reader_next(&r, &model) != 0 || reader_next(&r, &reset) != 0
            || reader_next(&r, &step) != 0 || reader_count(&r, NEURON_ARRAYS, &n) != 0
            || reader_expect(&r, n, core->size) != 0) {
        return -1;
    }
    for (i = 0; i < NEURON_ARRAYS; i++) {
        if (reader_array(&r, n, &a[i]) != 0) {
            return -1;
        }
    }
    if (reader_end(&r) != 0) {
        return -1;
    }
    if (model > MODEL_IF_CURR_DELTA || reset > RESET_SUBTRACT || (int32_t) step <= 0) {
        return fail(core, "model code 0-1, reset code 0-1 and a positive step expected", REGION_NEURON, 0);
    }
    nr->n = n;
    nr->delta = model == MODEL_IF_CURR_DELTA;
    nr->subtracts = reset == RESET_SUBTRACT;
    nr->v = alloc_words(n);
    nr->isyn_e = alloc_words(n);
    nr->isyn_i = alloc_words(n);
    nr->refract = alloc_words(n);
    nr->i_offset = alloc_words(n);
    nr->v_rest = alloc_words(n);
    nr->v_thresh = alloc_words(n);
    nr->v_reset = alloc_words(n);
    nr->r_membrane = alloc_words(n);
    nr->exp_tc = alloc_words(n);
    nr->refract_steps = alloc_words(n);
    if (!nr->v || !nr->isyn_e || !nr->isyn_i || !nr->refract || !nr->i_offset || !nr->v_rest || !nr->v_thresh
            || !nr->v_reset || !nr->r_membrane || !nr->exp_tc || !nr->refract_steps) {
        return fail(core, "no memory for the neuron arrays", REGION_NEURON, n);
    }
    if (!nr->delta) {
        nr->decay_e = alloc_words(n);
        nr->decay_i = alloc_words(n);
        nr->init_e = alloc_words(n);
        nr->init_i = alloc_words(n);
        if (!nr->decay_e || !nr->decay_i || !nr->init_e || !nr->init_i) {
            return fail(core, "no memory for the synaptic constants", REGION_NEURON, n);
        }
    }
    /* arrays: v, v_rest, cm, tau_m, i_offset, v_reset, tau_refrac, refract, v_thresh,
       tau_syn_E, isyn_exc, tau_syn_I, isyn_inh */
    for (i = 0; i < n; i++) {
        int32_t h = (int32_t) step;
        int32_t cm = (int32_t) a[2][i];
        int32_t tau_m = (int32_t) a[3][i];
        nr->v[i] = (int32_t) a[0][i];
        nr->v_rest[i] = (int32_t) a[1][i];
        nr->i_offset[i] = (int32_t) a[4][i];
        nr->v_reset[i] = (int32_t) a[5][i];
        nr->refract[i] = (int32_t) a[7][i];
        nr->v_thresh[i] = (int32_t) a[8][i];
        nr->isyn_e[i] = (int32_t) a[10][i];
        nr->isyn_i[i] = (int32_t) a[12][i];
        nr->r_membrane[i] = fx_div(tau_m, cm, &failed);
        nr->exp_tc[i] = fx_expk(-fx_div(h, tau_m, &failed));
        nr->refract_steps[i] = fx_ceil(fx_div((int32_t) a[6][i], h, &failed));
        if (!nr->delta) {
            int32_t tau_e = (int32_t) a[9][i];
            int32_t tau_i = (int32_t) a[11][i];
            nr->decay_e[i] = fx_expulr(-fx_div(h, tau_e, &failed));
            nr->decay_i[i] = fx_expulr(-fx_div(h, tau_i, &failed));
            nr->init_e[i] = fx_u032_product(fx_div(tau_e, h, &failed), FX_U032_ALMOST_ONE - nr->decay_e[i]);
            nr->init_i[i] = fx_u032_product(fx_div(tau_i, h, &failed), FX_U032_ALMOST_ONE - nr->decay_i[i]);
        }
        if (failed) {
            return fail(core, "cm or a time constant of a neuron is a zero word", REGION_NEURON, i);
        }
    }
    return 0;
}

/* a synapse word's target and delay: a neuron of the core, at least one step */
static int check_synapse(engram_core_t *core, uint32_t word, int32_t region) {
    const engram_neurons_t *nr = &core->u.neurons;
    if (engram_synapse_index(nr, word) >= nr->n || engram_synapse_delay(nr, word) == 0) {
        return fail(core, "a synapse's target is outside the core or its delay is 0", region, word);
    }
    return 0;
}

static int check_offsets(engram_core_t *core, const uint32_t *start, uint32_t rows, uint32_t words) {
    uint32_t r;
    if (start[0] != 0 || start[rows] != words) {
        return fail(core, "row offsets must run from 0 to the synapses", REGION_SYNAPTIC_MATRIX, start[rows]);
    }
    for (r = 0; r < rows; r++) {
        if (start[r + 1] < start[r]) {
            return fail(core, "a row ends before it starts", REGION_SYNAPTIC_MATRIX, r);
        }
    }
    return 0;
}

static uint32_t bit_count(uint32_t x) {
    uint32_t n = 0;
    for (; x != 0; x &= x - 1) {
        n++;
    }
    return n;
}

static int read_synapse_regions(engram_core_t *core) {
    engram_neurons_t *nr = &core->u.neurons;
    reader_t r;
    uint32_t e, s, statics, ring_entries;
    uint32_t *w;
    if (reader_open(&r, core, REGION_SYNAPSE) != 0 || reader_next(&r, &nr->index_bits) != 0
            || reader_next(&r, &nr->delay_bits) != 0 || reader_next(&r, &nr->shift[0]) != 0
            || reader_next(&r, &nr->shift[1]) != 0 || reader_end(&r) != 0) {
        return -1;
    }
    if ((int32_t) nr->index_bits < 0 || (int32_t) nr->delay_bits < 1 || nr->index_bits + 1 + nr->delay_bits > 16) {
        return fail(core, "index and delay bits must fit 16 bits with the receptor", REGION_SYNAPSE, 0);
    }
    if (nr->n > 1u << nr->index_bits) {
        return fail(core, "the neurons do not fit the index bits", REGION_SYNAPSE, nr->index_bits);
    }
    if (nr->shift[0] > 15 || nr->shift[1] > 15) {
        return fail(core, "ring-buffer shifts must lie in 0-15", REGION_SYNAPSE, 2);
    }
    nr->slot_mask = (1u << nr->delay_bits) - 1;

    if (reader_open(&r, core, REGION_POPULATION_TABLE) != 0 || reader_count(&r, 4, &nr->entries) != 0
            || reader_array(&r, 4 * nr->entries, &w) != 0 || reader_end(&r) != 0) {
        return -1;
    }
    nr->table = w;

    if (reader_open(&r, core, REGION_SYNAPTIC_MATRIX) != 0 || reader_count(&r, 2, &nr->rows) != 0
            || reader_count(&r, 1, &statics) != 0 || reader_count(&r, 1, &nr->plastic_count) != 0
            || reader_array(&r, nr->rows + 1, &w) != 0) {
        return -1;
    }
    nr->static_start = w;
    if (reader_array(&r, statics, &w) != 0) {
        return -1;
    }
    nr->static_words = w;
    if (reader_array(&r, nr->rows + 1, &w) != 0) {
        return -1;
    }
    nr->plastic_start = w;
    if (reader_array(&r, nr->plastic_count, &nr->plastic_words) != 0 || reader_end(&r) != 0) {
        return -1;
    }
    if (check_offsets(core, nr->static_start, nr->rows, statics) != 0
            || check_offsets(core, nr->plastic_start, nr->rows, nr->plastic_count) != 0) {
        return -1;
    }
    for (e = 0; e < nr->entries; e++) {
        const uint32_t *t = nr->table + 4 * e;
        uint64_t span = (uint64_t) (~t[1]) + 1;
        if ((t[0] & ~t[1]) != 0 || bit_count(~t[1] + 1) > 1
                || (e > 0 && (t[-4] | ~t[-3]) >= t[0]) || (int32_t) t[3] <= 0 || t[3] > span
                || (int32_t) t[2] < 0 || (uint64_t) t[2] + t[3] > nr->rows) {
            return fail(core, "a population table entry is unaligned, out of order, overlaps or points outside "
                    "the rows", REGION_POPULATION_TABLE, e);
        }
    }
    for (s = 0; s < statics; s++) {
        if (check_synapse(core, nr->static_words[s], REGION_SYNAPTIC_MATRIX) != 0) {
            return -1;
        }
    }
    for (s = 0; s < nr->plastic_count; s++) {
        if (check_synapse(core, nr->plastic_words[s] & 0xFFFF, REGION_SYNAPTIC_MATRIX) != 0) {
            return -1;
        }
    }
    ring_entries = 1u << (nr->delay_bits + 1 + nr->index_bits);
    nr->ring = engram_platform_alloc(2 * ring_entries);
    if (!nr->ring) {
        return fail(core, "no memory for the ring buffers", REGION_SYNAPSE, ring_entries);
    }
    return 0;
}

static int read_stdp_region(engram_core_t *core) {
    engram_neurons_t *nr = &core->u.neurons;
    reader_t r;
    uint32_t flags, rows, k;
    uint32_t *bounds[4];
    uint32_t *w;
    if (!region_present(core, REGION_STDP)) {
        return nr->plastic_count == 0 ? 0
                : fail(core, "plastic synapses need the STDP region", REGION_STDP, nr->plastic_count);
    }
    if (nr->plastic_count == 0) {
        return fail(core, "an STDP region without plastic synapses", REGION_STDP, 0);
    }
    if (reader_open(&r, core, REGION_STDP) != 0 || reader_next(&r, &flags) != 0) {
        return -1;
    }
    if ((flags & ~STDP_MULTIPLICATIVE) != 0) {
        return fail(core, "STDP flags other than bit 0", REGION_STDP, flags);
    }
    for (k = 0; k < 4; k++) {
        if (reader_array(&r, 2, &bounds[k]) != 0) {
            return -1;
        }
    }
    if (reader_count(&r, 1, &nr->lut_plus_size) != 0 || reader_array(&r, nr->lut_plus_size, &w) != 0) {
        return -1;
    }
    nr->lut_plus = (const int32_t *) w;
    if (reader_count(&r, 1, &nr->lut_minus_size) != 0 || reader_array(&r, nr->lut_minus_size, &w) != 0) {
        return -1;
    }
    nr->lut_minus = (const int32_t *) w;
    if (reader_count(&r, 2, &rows) != 0 || reader_expect(&r, rows, nr->rows) != 0
            || reader_array(&r, rows, &w) != 0) {
        return -1;
    }
    nr->pre_time = (int32_t *) w;
    if (reader_array(&r, rows, &w) != 0 || reader_end(&r) != 0) {
        return -1;
    }
    nr->pre_trace = (int32_t *) w;
    if (nr->lut_plus_size == 0 || nr->lut_minus_size == 0) {
        return fail(core, "an STDP decay table needs at least one entry", REGION_STDP, 0);
    }
    nr->multiplicative = flags & STDP_MULTIPLICATIVE;
    for (k = 0; k < 2; k++) {
        nr->w_min[k] = (int32_t) bounds[0][k];
        nr->w_max[k] = (int32_t) bounds[1][k];
        nr->a_plus[k] = (int32_t) bounds[2][k];
        nr->a_minus[k] = (int32_t) bounds[3][k];
    }
    nr->post_count = alloc_words(nr->n);
    nr->post_time = alloc_words(nr->n * POST_HISTORY);
    nr->post_trace = engram_platform_alloc(2 * nr->n * POST_HISTORY);
    if (!nr->post_count || !nr->post_time || !nr->post_trace) {
        return fail(core, "no memory for the post-synaptic histories", REGION_STDP, nr->n);
    }
    return 0;
}

/* ------------------------------------------------------------ sources */

static int read_spike_array(engram_core_t *core) {
    engram_array_t *a = &core->u.array;
    reader_t r;
    uint32_t n, k, e;
    uint32_t *w;
    if (reader_open(&r, core, REGION_SPIKE_ARRAY) != 0 || reader_next(&r, &n) != 0
            || reader_expect(&r, n, core->size) != 0 || reader_count(&r, 2, &a->steps) != 0
            || reader_array(&r, a->steps, &w) != 0) {
        return -1;
    }
    a->ticks = (const int32_t *) w;
    if (reader_array(&r, a->steps + 1, &w) != 0) {
        return -1;
    }
    a->first = w;
    if (reader_array(&r, a->first[a->steps], &w) != 0 || reader_end(&r) != 0) {
        return -1;
    }
    a->neurons = w;
    if (a->first[0] != 0) {
        return fail(core, "the first step's neurons must start at 0", REGION_SPIKE_ARRAY, a->first[0]);
    }
    for (k = 0; k < a->steps; k++) {
        if (a->ticks[k] < 0 || (k > 0 && a->ticks[k] <= a->ticks[k - 1]) || a->first[k + 1] <= a->first[k]) {
            return fail(core, "a step is not after the previous one or has no neuron", REGION_SPIKE_ARRAY, k);
        }
        for (e = a->first[k]; e < a->first[k + 1]; e++) {
            if (a->neurons[e] >= core->size || (e > a->first[k] && a->neurons[e] <= a->neurons[e - 1])) {
                return fail(core, "a step's neurons must increase and lie in the slice", REGION_SPIKE_ARRAY, k);
            }
        }
    }
    return 0;
}

static int read_poisson(engram_core_t *core) {
    engram_poisson_t *p = &core->u.poisson;
    reader_t r;
    uint32_t n, i;
    uint32_t *seed, *lambda, *start, *end;
    if (reader_open(&r, core, REGION_POISSON) != 0 || reader_next(&r, &n) != 0
            || reader_expect(&r, n, core->size) != 0 || reader_array(&r, 4, &seed) != 0
            || reader_array(&r, n, &lambda) != 0 || reader_array(&r, n, &start) != 0
            || reader_array(&r, n, &end) != 0 || reader_end(&r) != 0) {
        return -1;
    }
    /* spinn_common's validate_mars_kiss64_seed */
    p->x = seed[0];
    p->y = seed[1] == 0 ? 13031301u : seed[1];
    p->z = seed[2];
    p->c = seed[3] % 698769068u + 1;
    p->exp_minus_lambda = alloc_words(n);
    p->start_tick = alloc_words(n);
    p->end_tick = alloc_words(n);
    if (!p->exp_minus_lambda || !p->start_tick || !p->end_tick) {
        return fail(core, "no memory for the Poisson arrays", REGION_POISSON, n);
    }
    for (i = 0; i < n; i++) {
        p->exp_minus_lambda[i] = lambda[i];
        p->start_tick[i] = (int32_t) start[i];
        p->end_tick[i] = (int32_t) end[i];
    }
    return 0;
}

/* ------------------------------------------------------------ the core */

int engram_image_read(engram_core_t *core, uint32_t limit_bytes) {
    if (check_header(core, limit_bytes) != 0 || read_system(core) != 0) {
        return -1;
    }
    switch (core->kind) {
    case KIND_NEURON:
        if (read_neuron_region(core) != 0 || read_synapse_regions(core) != 0 || read_stdp_region(core) != 0) {
            return -1;
        }
        break;
    case KIND_SPIKE_ARRAY:
        if (read_spike_array(core) != 0) {
            return -1;
        }
        break;
    default:
        if (read_poisson(core) != 0) {
            return -1;
        }
        break;
    }
    return check_recording(core);
}
