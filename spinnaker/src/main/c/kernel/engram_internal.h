/* What the kernel's files share and a platform does not see. */
#ifndef ENGRAM_INTERNAL_H
#define ENGRAM_INTERNAL_H

#include "engram_core.h"

/* a synapse or control word: [ weight:16 | delay:D | receptor:1 | index:I ] */
static inline uint32_t engram_synapse_index(const engram_neurons_t *nr, uint32_t word) {
    return word & ((1u << nr->index_bits) - 1);
}

static inline uint32_t engram_synapse_receptor(const engram_neurons_t *nr, uint32_t word) {
    return (word >> nr->index_bits) & 1;
}

static inline uint32_t engram_synapse_delay(const engram_neurons_t *nr, uint32_t word) {
    return (word >> (nr->index_bits + 1)) & ((1u << nr->delay_bits) - 1);
}

/** Reads and checks the image (core->image, image_address, image_words set) into the core. */
int engram_image_read(engram_core_t *core, uint32_t limit_bytes);

/** The neuron update of step t (NeuronCore.update). */
void engram_neurons_update(engram_core_t *core, int32_t t);

/** A key sent in step time reaches the neuron core (NeuronCore.receive). */
void engram_neurons_receive(engram_core_t *core, uint32_t key, int32_t time);

/** Step t of a spike source. */
void engram_array_update(engram_core_t *core, int32_t t);
void engram_poisson_update(engram_core_t *core, int32_t t);

/** Neuron i fires in the step being run: its bit is set and its key sent. */
void engram_core_send(engram_core_t *core, uint32_t i);

#endif
