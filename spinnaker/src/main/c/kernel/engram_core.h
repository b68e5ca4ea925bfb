/*
 * Engram's core application, the platform-independent kernel: one SpiNNaker core running one slice
 * of a population from its data image (spinnaker/docs/data-image.md), computing word for word what
 * the Java kernel computes (org.engram.simulator.engine.fixed: NeuronCore, SpikeArrayCore,
 * PoissonCore) and the emulator runs. spinnaker/docs/core-runtime.md describes the runtime.
 *
 * A platform (arm/ for SpiNNaker, host/ for a desktop) drives it:
 *
 *   engram_core_init    reads and checks the image, derives the constants, writes the RECORDING
 *                       region's header; a bad image leaves a message and changes nothing else
 *   engram_core_step    runs the next timestep: the neurons (or the source), each spike's key
 *                       handed to engram_platform_send, the tick's spikes (and v) recorded
 *   engram_queue_push   a multicast key that arrived, from the packet callback
 *   engram_queue_drain  the queued keys, attributed to the last step run: rows found through the
 *                       population table, weights added to the ring buffers, STDP applied
 *
 * Every key sent in step t must be drained by its receivers after their step t and before their
 * step t + 1 (the minimum delay is one step), as the emulator's board timer guarantees.
 */
#ifndef ENGRAM_CORE_H
#define ENGRAM_CORE_H

#include <stdint.h>

/* image format (ImageFormat, DataImage) */
#define ENGRAM_IMAGE_MAGIC 0xAD130AD6u
#define ENGRAM_IMAGE_VERSION 0x00010000u
#define ENGRAM_MAX_REGIONS 32
#define ENGRAM_HEADER_BYTES (8 + ENGRAM_MAX_REGIONS * 12)
#define ENGRAM_OUTPUT_FLAG 0x80000000u

enum engram_region {
    REGION_SYSTEM = 0,
    REGION_NEURON = 1,
    REGION_SYNAPSE = 2,
    REGION_POPULATION_TABLE = 3,
    REGION_SYNAPTIC_MATRIX = 4,
    REGION_STDP = 5,
    REGION_SPIKE_ARRAY = 6,
    REGION_POISSON = 7,
    REGION_RECORDING = 8
};

enum engram_kind { KIND_NEURON = 0, KIND_SPIKE_ARRAY = 1, KIND_POISSON = 2 };

#define RECORD_SPIKES 1u
#define RECORD_V 2u
#define MODEL_IF_CURR_EXP 0u
#define MODEL_IF_CURR_DELTA 1u
#define RESET_SET 0u
#define RESET_SUBTRACT 1u
#define STDP_MULTIPLICATIVE 1u
/** Entries of a neuron's post-synaptic history, the placeholder at entry 0 included. */
#define POST_HISTORY 16
#define NEURON_ARRAYS 13

/** A neuron slice: parameters and derived constants per neuron, state, ring buffers, STDP. */
typedef struct engram_neurons {
    uint32_t n;
    uint32_t delta;          /* IF_curr_delta */
    uint32_t subtracts;      /* subtractive reset */
    /* state, per neuron */
    int32_t *v;
    int32_t *isyn_e;         /* current (exp) or the step's jump (delta) */
    int32_t *isyn_i;
    int32_t *refract;
    /* parameters the step reads, per neuron */
    int32_t *i_offset;
    int32_t *v_rest;
    int32_t *v_thresh;
    int32_t *v_reset;
    /* derived at start (LifConstants), per neuron */
    int32_t *r_membrane;
    int32_t *exp_tc;
    int32_t *refract_steps;
    uint32_t *decay_e;       /* exponential synapses only */
    uint32_t *decay_i;
    uint32_t *init_e;
    uint32_t *init_i;
    /* ring buffers: entry slot << (I + 1) | receptor << I | neuron */
    uint16_t *ring;
    uint32_t index_bits;
    uint32_t delay_bits;
    uint32_t slot_mask;
    uint32_t shift[2];
    /* the population table, the synaptic matrix and the STDP rows, in the image */
    uint32_t entries;
    const uint32_t *table;          /* key, mask, first row, rows per entry */
    uint32_t rows;
    const uint32_t *static_start;   /* rows + 1 offsets */
    const uint32_t *static_words;
    const uint32_t *plastic_start;  /* rows + 1 offsets */
    uint32_t *plastic_words;        /* weight << 16 | control, updated in place */
    uint32_t plastic_count;
    /* STDP (plastic_count > 0) */
    uint32_t multiplicative;
    int32_t w_min[2];
    int32_t w_max[2];
    int32_t a_plus[2];
    int32_t a_minus[2];
    uint32_t lut_plus_size;
    const int32_t *lut_plus;
    uint32_t lut_minus_size;
    const int32_t *lut_minus;
    int32_t *pre_time;              /* per row, in the image, updated in place */
    int32_t *pre_trace;
    uint32_t *post_count;           /* per neuron: index of the last history entry */
    int32_t *post_time;             /* neuron i's entry e at i * POST_HISTORY + e */
    int16_t *post_trace;
} engram_neurons_t;

/** A SpikeSourceArray slice: the steps and neurons in the image, and the next step to send. */
typedef struct engram_array {
    uint32_t steps;
    const int32_t *ticks;
    const uint32_t *first;
    const uint32_t *neurons;
    uint32_t cursor;
} engram_array_t;

/** A SpikeSourcePoisson slice: the generator (JKISS) and each neuron's e^-lambda and window. */
typedef struct engram_poisson {
    uint32_t x, y, z, c;
    uint32_t *exp_minus_lambda;
    int32_t *start_tick;
    int32_t *end_tick;
} engram_poisson_t;

/** One core. */
typedef struct engram_core {
    /* the image: its words, where it lies on the machine, the words its block holds */
    uint32_t *image;
    uint32_t image_address;
    uint32_t image_words;
    /* SYSTEM */
    uint32_t kind;
    uint32_t timestep_us;
    uint32_t run_ticks;
    uint32_t first_key;
    uint32_t size;
    uint32_t recording_flags;
    /* the next step to run (0 before the first) */
    uint32_t tick;
    /* the step's spikes, neuron i at bit i % 32 of word i / 32 */
    uint32_t *spike_bits;
    uint32_t spike_bit_words;
    uint32_t sent;
    /* RECORDING */
    uint32_t *recording;
    uint32_t record_spike_words;
    uint32_t record_v_words;
    uint32_t record_capacity;
    /* keys waiting for a drain: a ring of queue_mask + 1 entries */
    uint32_t *queue;
    uint32_t queue_mask;
    volatile uint32_t queue_head;   /* written by the packet callback only */
    volatile uint32_t queue_tail;   /* written by the drain only */
    /* counters */
    uint32_t saturations;
    uint32_t unknown_keys;
    volatile uint32_t queue_overflows;
    uint32_t synaptic_events;
    /* what went wrong, if anything: a message, the region and a word or value */
    const char *error;
    int32_t error_region;
    uint32_t error_value;
    /* the platform's own pointer */
    void *platform;
    union {
        engram_neurons_t neurons;
        engram_array_t array;
        engram_poisson_t poisson;
    } u;
} engram_core_t;

/* ------------------------------------------------------------ what the platform provides */

/** size bytes of zeroed, word-aligned memory for the core's arrays, or 0 if there is none. */
void *engram_platform_alloc(uint32_t bytes);

/** Neuron key sent by the core in the step being run, once per spike. */
void engram_platform_send(engram_core_t *core, uint32_t key);

/* ------------------------------------------------------------ the kernel */

/**
 * Reads and checks the image at image (image_address on the machine) in a block of limit_bytes,
 * sets the core up and writes its RECORDING header. queue_capacity (a power of two) bounds the
 * keys waiting for a drain. Returns 0, or -1 with core->error set (nothing recorded).
 */
int engram_core_init(engram_core_t *core, uint32_t *image, uint32_t image_address, uint32_t limit_bytes,
        uint32_t queue_capacity, void *platform);

/** Runs step core->tick (below run_ticks): update, send, record; returns the keys sent. */
uint32_t engram_core_step(engram_core_t *core);

/** Queues a key; a full queue drops it and counts it. Safe from a packet interrupt against drain. */
void engram_queue_push(engram_core_t *core, uint32_t key);

/** Whether the next push would drop its key. */
int engram_queue_full(const engram_core_t *core);

/** Processes every queued key, as sent in the last step run (tick - 1); needs tick > 0. */
void engram_queue_drain(engram_core_t *core);

/** Processes one key as sent in step tick - 1 (what a drain does per key). */
void engram_core_receive(engram_core_t *core, uint32_t key);

/**
 * The core's state as words (spinnaker/docs/core-runtime.md, "State words"): writes at most
 * capacity words to out (which may be 0) and returns how many there are.
 */
uint32_t engram_core_state(const engram_core_t *core, uint32_t *out, uint32_t capacity);

#endif
