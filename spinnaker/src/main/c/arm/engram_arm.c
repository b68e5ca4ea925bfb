/*
 * Engram's core application on a SpiNNaker ARM968 core: the kernel driven by the spin1 event API.
 *
 *   start     user0 of the core's VCPU block holds its image's address; the SDRAM block holding
 *             it (its heap header lies just before) bounds it. A bad image stops the core with
 *             RTE_SWERR and a line in its I/O buffer; a run of 0 ticks exits at once.
 *   packet    (fast interrupt) the key joins the queue, and a user event is triggered
 *   user      (queued) the keys are drained as sent in the last step run
 *   timer     (queued, as the user event: they never interrupt each other) drains what is
 *             left, runs the next step and sends its keys; after the run ticks the core exits
 *   exit      recordings are in SDRAM already (each step writes its words, then the tick count);
 *             the core reports in user1-user3: steps run, keys no row listens to, and ring-buffer
 *             saturations plus keys lost to a full queue, and prints a line to its I/O buffer
 */
#include "spinnaker_runtime.h"
#include "../kernel/engram_core.h"

/* keys that may wait between two drains */
#define QUEUE_CAPACITY 512u
/* tries to queue a packet before it is counted as lost */
#define SEND_TRIES 1000u

static engram_core_t core;
static uint lost_packets;

static volatile uint *user_registers(void) {
    return (volatile uint *) (SV_VCPU + VCPU_SIZE * sark_core_id() + VCPU_USER0);
}

void *engram_platform_alloc(uint32_t bytes) {
    uint32_t *p = sark_alloc((bytes + 3) / 4, 4);
    uint32_t w;
    if (p) {
        for (w = 0; w < (bytes + 3) / 4; w++) {
            p[w] = 0;
        }
    }
    return p;
}

void engram_platform_send(engram_core_t *c, uint32_t key) {
    uint tries;
    (void) c;
    for (tries = 0; tries < SEND_TRIES; tries++) {
        if (spin1_send_packet(key, 0, PKT_MC)) {
            return;
        }
    }
    lost_packets++;
}

static void packet_received(uint key, uint payload) {
    (void) payload;
    engram_queue_push(&core, key);
    spin1_trigger_user_event(0, 0);
}

static void drain(uint arg0, uint arg1) {
    (void) arg0;
    (void) arg1;
    if (core.tick > 0) {
        engram_queue_drain(&core);
    }
}

static void timer_tick(uint arg0, uint arg1) {
    drain(arg0, arg1);
    if (core.tick < core.run_ticks) {
        engram_core_step(&core);
    }
    if (core.tick == core.run_ticks) {
        spin1_exit(0);
    }
}

void c_main(void) {
    volatile uint *user = user_registers();
    uint address = user[0];
    block_t *block = (block_t *) address - 1;
    uint limit = (uint) block->next - address;
    if (engram_core_init(&core, (uint32_t *) address, address, limit, QUEUE_CAPACITY, 0) != 0) {
        io_printf(IO_BUF, "engram: image at 0x%08x: region %d word %u: %s\n", address, core.error_region,
                core.error_value, (char *) core.error);
        rt_error(RTE_SWERR);
    }
    if (core.run_ticks > 0) {
        spin1_set_timer_tick_and_phase(core.timestep_us, 0);
        spin1_callback_on(MC_PACKET_RECEIVED, packet_received, -1);
        spin1_callback_on(USER_EVENT, drain, 1);
        spin1_callback_on(TIMER_TICK, timer_tick, 1);
        spin1_start(SYNC_WAIT);
    }
    user[1] = core.tick;
    user[2] = core.unknown_keys;
    user[3] = core.saturations + core.queue_overflows + lost_packets;
    io_printf(IO_BUF, "engram: %u steps of %u neurons (kind %u), %u keys without a row, %u saturations, "
            "%u keys lost to a full queue, %u packets not sent\n", core.tick, core.size, core.kind,
            core.unknown_keys, core.saturations, core.queue_overflows, lost_packets);
}
