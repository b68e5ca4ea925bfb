/*
 * The part of SpiNNaker's runtime (spinnaker_tools: the spin1 event API and SARK) that Engram's
 * core application calls, declared from the library's documented interface so that the
 * application compiles without the SpiNNaker tools; linking it needs them (libspin1_api.a, the
 * SARK start-up and link script): spinnaker/docs/core-runtime.md, "Building for SpiNNaker".
 */
#ifndef ENGRAM_SPINNAKER_RUNTIME_H
#define ENGRAM_SPINNAKER_RUNTIME_H

typedef unsigned int uint;

/* ------------------------------------------------------------ SARK */

/** The VCPU blocks in System RAM: 128 bytes per virtual core; user0-user3 at bytes 112-127. */
#define SV_VCPU 0xE5007000u
#define VCPU_SIZE 128u
#define VCPU_USER0 112u

/** A heap block's header, just before the bytes sark_alloc or CMD_ALLOC hands out. */
typedef struct block {
    struct block *next;
    struct block *free;
} block_t;

/** Run-time error codes (rt_error's first argument): a fatal software error. */
#define RTE_SWERR 13u

/** io_printf's stream for the core's I/O buffer in SDRAM. */
#define IO_BUF ((char *) 2)

/** This core's virtual core number. */
uint sark_core_id(void);

/** count blocks of size bytes from the DTCM heap, or 0 if there is no room. */
void *sark_alloc(uint count, uint size);

/** Stops the core in a run-time error state. */
void rt_error(uint code, ...) __attribute__((noreturn));

/** printf into a stream (IO_BUF: the buffer the host reads with iobuf). */
void io_printf(char *stream, char *format, ...);

/* ------------------------------------------------------------ spin1 event API */

/** Events a callback may be registered for. */
#define MC_PACKET_RECEIVED 0u
#define TIMER_TICK 2u
#define USER_EVENT 4u

/** spin1_start's argument: wait for the host's SYNC0 signal before the first tick. */
#define SYNC_WAIT 1

/** Transmission control for a multicast packet without payload. */
#define PKT_MC 0x00000000u

typedef void (*callback_t)(uint, uint);

/**
 * Registers a callback: priority -1 runs it in the fast interrupt, 0 in the interrupt, above 0
 * queues it for the scheduler, which runs queued callbacks one at a time.
 */
void spin1_callback_on(uint event_id, callback_t cback, int priority);

/** The timer's period, microseconds. */
void spin1_set_timer_tick_and_phase(uint time, uint phase);

/** Runs the scheduler until spin1_exit; with SYNC_WAIT the timer starts at the host's SYNC0. */
uint spin1_start(int sync);

/** Makes spin1_start return. */
void spin1_exit(uint error);

/** Queues a packet; 0 when the output queue is full. */
uint spin1_send_packet(uint key, uint data, uint tcr);

/** Triggers the USER_EVENT callback; 0 when one is already pending. */
uint spin1_trigger_user_event(uint arg0, uint arg1);

/** The application's entry point, which SARK calls. */
void c_main(void);

#endif
