/*
 * The core's life: start from the image, steps with their recording, the queue of keys that
 * arrived, and the state words a finished core reports.
 */
#include "engram_internal.h"

#define RECORDING_TICKS 0
#define RECORDING_HEADER_WORDS 3

int engram_core_init(engram_core_t *core, uint32_t *image, uint32_t image_address, uint32_t limit_bytes,
        uint32_t queue_capacity, void *platform) {
    unsigned char *bytes = (unsigned char *) core;
    uint32_t b;
    for (b = 0; b < sizeof *core; b++) {
        bytes[b] = 0;
    }
    core->image = image;
    core->image_address = image_address;
    core->image_words = limit_bytes / 4;
    core->platform = platform;
    if (engram_image_read(core, limit_bytes) != 0) {
        return -1;
    }
    if (queue_capacity == 0 || (queue_capacity & (queue_capacity - 1)) != 0) {
        core->error = "the key queue's capacity must be a power of two";
        core->error_region = -1;
        core->error_value = queue_capacity;
        return -1;
    }
    core->spike_bit_words = (core->size + 31) / 32;
    core->spike_bits = engram_platform_alloc(4 * core->spike_bit_words);
    core->queue = engram_platform_alloc(4 * queue_capacity);
    if (!core->spike_bits || !core->queue) {
        core->error = "no memory for the spike bits and the key queue";
        core->error_region = -1;
        core->error_value = queue_capacity;
        return -1;
    }
    core->queue_mask = queue_capacity - 1;
    core->recording[RECORDING_TICKS] = 0;
    core->recording[1] = core->record_spike_words;
    core->recording[2] = core->record_v_words;
    return 0;
}

void engram_core_send(engram_core_t *core, uint32_t i) {
    core->spike_bits[i >> 5] |= 1u << (i & 31);
    core->sent++;
    engram_platform_send(core, core->first_key + i);
}

/* the step's spike bits and v after the step, then the tick count */
static void record(engram_core_t *core) {
    uint32_t t = core->tick;
    uint32_t *words = core->recording + RECORDING_HEADER_WORDS;
    uint32_t k;
    if (t >= core->record_capacity) {
        return; /* init checked the region against the run ticks */
    }
    for (k = 0; k < core->record_spike_words; k++) {
        words[t * core->record_spike_words + k] = core->spike_bits[k];
    }
    if (core->record_v_words > 0) {
        uint32_t *v = words + core->record_capacity * core->record_spike_words + t * core->record_v_words;
        for (k = 0; k < core->record_v_words; k++) {
            v[k] = (uint32_t) core->u.neurons.v[k];
        }
    }
    core->recording[RECORDING_TICKS] = t + 1;
}

uint32_t engram_core_step(engram_core_t *core) {
    uint32_t k;
    int32_t t = (int32_t) core->tick;
    for (k = 0; k < core->spike_bit_words; k++) {
        core->spike_bits[k] = 0;
    }
    core->sent = 0;
    switch (core->kind) {
    case KIND_NEURON:
        engram_neurons_update(core, t);
        break;
    case KIND_SPIKE_ARRAY:
        engram_array_update(core, t);
        break;
    default:
        engram_poisson_update(core, t);
        break;
    }
    record(core);
    core->tick++;
    return core->sent;
}

void engram_core_receive(engram_core_t *core, uint32_t key) {
    if (core->kind == KIND_NEURON) {
        engram_neurons_receive(core, key, (int32_t) core->tick - 1);
    }
}

/* one producer (the packet callback) and one consumer (the drain): each writes only its own index */
void engram_queue_push(engram_core_t *core, uint32_t key) {
    uint32_t head = core->queue_head;
    if (head - core->queue_tail > core->queue_mask) {
        core->queue_overflows++;
        return;
    }
    core->queue[head & core->queue_mask] = key;
    core->queue_head = head + 1;
}

int engram_queue_full(const engram_core_t *core) {
    return core->queue_head - core->queue_tail > core->queue_mask;
}

void engram_queue_drain(engram_core_t *core) {
    uint32_t tail = core->queue_tail;
    while (tail != core->queue_head) {
        engram_core_receive(core, core->queue[tail & core->queue_mask]);
        tail++;
        core->queue_tail = tail;
    }
}

/* ------------------------------------------------------------ state words */

typedef struct words {
    uint32_t *out;
    uint32_t capacity;
    uint32_t count;
} words_t;

static void put(words_t *w, uint32_t word) {
    if (w->out != 0 && w->count < w->capacity) {
        w->out[w->count] = word;
    }
    w->count++;
}

static void put_array(words_t *w, const int32_t *a, uint32_t n) {
    uint32_t i;
    for (i = 0; i < n; i++) {
        put(w, (uint32_t) a[i]);
    }
}

uint32_t engram_core_state(const engram_core_t *core, uint32_t *out, uint32_t capacity) {
    words_t w;
    uint32_t i;
    w.out = out;
    w.capacity = capacity;
    w.count = 0;
    put(&w, core->kind);
    put(&w, core->tick);
    if (core->kind == KIND_NEURON) {
        const engram_neurons_t *nr = &core->u.neurons;
        uint32_t ring = 1u << (nr->delay_bits + 1 + nr->index_bits);
        put(&w, nr->n);
        put_array(&w, nr->v, nr->n);
        put_array(&w, nr->isyn_e, nr->n);
        put_array(&w, nr->isyn_i, nr->n);
        put_array(&w, nr->refract, nr->n);
        put(&w, ring);
        for (i = 0; i < ring; i++) {
            put(&w, nr->ring[i]);
        }
        put(&w, core->saturations);
        put(&w, core->unknown_keys);
        put(&w, core->synaptic_events);
        put(&w, nr->plastic_count);
        if (nr->plastic_count > 0) {
            for (i = 0; i < nr->plastic_count; i++) {
                put(&w, nr->plastic_words[i] >> 16);
            }
            put_array(&w, nr->pre_time, nr->rows);
            put_array(&w, nr->pre_trace, nr->rows);
            for (i = 0; i < nr->n; i++) {
                put(&w, nr->post_count[i]);
            }
            put_array(&w, nr->post_time, nr->n * POST_HISTORY);
            for (i = 0; i < nr->n * POST_HISTORY; i++) {
                put(&w, (uint32_t) (int32_t) nr->post_trace[i]);
            }
        }
    } else if (core->kind == KIND_SPIKE_ARRAY) {
        put(&w, core->u.array.cursor);
    } else {
        put(&w, core->u.poisson.x);
        put(&w, core->u.poisson.y);
        put(&w, core->u.poisson.z);
        put(&w, core->u.poisson.c);
    }
    return w.count;
}
