/*
 * engram-host: Engram's core application on a desktop. Runs every core of a deployment in
 * lock-step from the images the loader writes, delivering multicast keys through the chips'
 * routing tables as the board's routers do, and writes what each core recorded and its final
 * state words (spinnaker/docs/core-runtime.md, "The host build").
 *
 *   engram-host [--ticks N] MANIFEST OUTDIR
 *
 * MANIFEST is a text file; '#' starts a comment:
 *
 *   engram-deployment 1
 *   machine W H                       chip coordinates wrap modulo W and H
 *   chip X Y LINKS                    the links (bits 0-5: E, NE, N, W, SW, S) that lead to a chip
 *   core X Y P ADDRESS BLOCK FILE     FILE (beside the manifest) holds the image written at ADDRESS
 *                                     into a block of BLOCK bytes on core P of chip (X, Y)
 *   route X Y KEY MASK ROUTE          chip (X, Y)'s table, in order: bits 0-5 links, 6-23 cores
 *
 * Numbers are decimal or 0x-prefixed hexadecimal. Each step every core that has ticks left steps;
 * then each key is routed from its core's chip: the first entry with key & MASK == KEY gives its
 * route, a packet that matches nothing leaves straight on (one from a core is dropped), and a core
 * that has finished takes nothing; then every core drains its keys. Cores stop after their run
 * ticks (or N). OUTDIR receives core-X-Y-P.recording (the RECORDING region's words) and
 * core-X-Y-P.state (the state words), little-endian, and sent.txt: one line per core and step
 * with keys sent, "STEP X Y P KEY...", keys in hexadecimal in the order sent.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../kernel/engram_core.h"

#define QUEUE_CAPACITY 4096u
#define LINKS 6
#define HOPS_PER_CHIP 16

typedef struct chip {
    uint32_t x, y, links;
    uint32_t first_route, routes;
} chip_t;

typedef struct route {
    uint32_t key, mask, route;
} route_t;

typedef struct host_core {
    uint32_t x, y, p;
    uint32_t address, block_bytes;
    char file[1024];
    uint32_t *memory;
    uint32_t ticks;         /* steps it runs */
    uint32_t *sent;         /* keys sent in the step being run */
    uint32_t sent_count, sent_capacity;
    uint64_t spikes;
    engram_core_t core;
} host_core_t;

static const char *program = "engram-host";
static chip_t *chips;
static uint32_t chip_count;
static route_t *routes;
static uint32_t route_count;
static host_core_t *cores;
static uint32_t core_count;
static uint32_t width, height;
static uint64_t dropped_unrouted, dropped_no_link, dropped_at_core, dropped_aged;

static void die(const char *format, ...) {
    va_list args;
    fprintf(stderr, "%s: ", program);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    exit(2);
}

static void *allocate(size_t bytes) {
    void *p = calloc(1, bytes == 0 ? 1 : bytes);
    if (!p) {
        die("out of memory (%lu bytes)", (unsigned long) bytes);
    }
    return p;
}

void *engram_platform_alloc(uint32_t bytes) {
    return calloc(1, bytes == 0 ? 4 : bytes);
}

void engram_platform_send(engram_core_t *core, uint32_t key) {
    host_core_t *h = core->platform;
    if (h->sent_count == h->sent_capacity) {
        h->sent_capacity = h->sent_capacity == 0 ? 256 : 2 * h->sent_capacity;
        h->sent = realloc(h->sent, 4 * (size_t) h->sent_capacity);
        if (!h->sent) {
            die("out of memory for the keys sent");
        }
    }
    h->sent[h->sent_count++] = key;
}

/* ------------------------------------------------------------ the manifest */

static int parse_number(const char *text, uint32_t *out) {
    char *end;
    unsigned long long v;
    errno = 0;
    v = strtoull(text, &end, 0);
    if (errno != 0 || *end != '\0' || text[0] == '-' || v > 0xFFFFFFFFull) {
        return -1;
    }
    *out = (uint32_t) v;
    return 0;
}

/* the array with room for one more element than count holds */
static void *grow(void *array, uint32_t count, uint32_t *capacity, size_t element) {
    if (count < *capacity) {
        return array;
    }
    *capacity = *capacity ? 2 * *capacity : 64;
    array = realloc(array, *capacity * element);
    if (!array) {
        die("out of memory for the manifest");
    }
    return array;
}

/* n numbers from n fields */
static int parse_numbers(char **field, uint32_t n, uint32_t *out) {
    uint32_t k;
    for (k = 0; k < n; k++) {
        if (parse_number(field[k], &out[k]) != 0) {
            return -1;
        }
    }
    return 0;
}

static chip_t *chip_at(uint32_t x, uint32_t y) {
    uint32_t c;
    for (c = 0; c < chip_count; c++) {
        if (chips[c].x == x && chips[c].y == y) {
            return &chips[c];
        }
    }
    return 0;
}

static void read_image(host_core_t *h, const char *manifest, uint32_t line) {
    FILE *f = fopen(h->file, "rb");
    unsigned char *bytes;
    long size;
    uint32_t w;
    if (!f) {
        die("%s:%u: cannot open the image %s: %s", manifest, line, h->file, strerror(errno));
    }
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        die("%s:%u: cannot read the image %s", manifest, line, h->file);
    }
    if ((uint64_t) size > h->block_bytes || (h->block_bytes & 3) != 0 || (h->address & 3) != 0) {
        die("%s:%u: the image %s has %ld bytes; the block at 0x%08x has %u (both aligned to words expected)",
                manifest, line, h->file, size, h->address, h->block_bytes);
    }
    bytes = allocate(h->block_bytes);
    if (fread(bytes, 1, (size_t) size, f) != (size_t) size) {
        die("%s:%u: cannot read the image %s", manifest, line, h->file);
    }
    fclose(f);
    h->memory = allocate(h->block_bytes);
    for (w = 0; w < h->block_bytes / 4; w++) {
        const unsigned char *b = bytes + 4 * w;
        h->memory[w] = (uint32_t) b[0] | (uint32_t) b[1] << 8 | (uint32_t) b[2] << 16 | (uint32_t) b[3] << 24;
    }
    free(bytes);
}

static void read_manifest(const char *manifest) {
    FILE *f = fopen(manifest, "r");
    char text[4096];
    char directory[1024];
    const char *slash = strrchr(manifest, '/');
    uint32_t line = 0, k;
    int header = 0;
    uint32_t chip_capacity = 0, route_capacity = 0, core_capacity = 0;
    if (!f) {
        die("cannot open the manifest %s: %s", manifest, strerror(errno));
    }
    if (slash) {
        size_t n = (size_t) (slash - manifest) + 1;
        if (n >= sizeof directory) {
            die("%s: the path is too long", manifest);
        }
        memcpy(directory, manifest, n);
        directory[n] = '\0';
    } else {
        directory[0] = '\0';
    }
    while (fgets(text, sizeof text, f)) {
        char *field[8];
        uint32_t n = 0, v[6];
        char *hash = strchr(text, '#');
        line++;
        if (hash) {
            *hash = '\0';
        }
        for (field[n] = strtok(text, " \t\r\n"); field[n] && n < 7; field[n] = strtok(0, " \t\r\n")) {
            n++;
        }
        if (n == 0) {
            continue;
        }
        if (!header) {
            if (n != 2 || strcmp(field[0], "engram-deployment") != 0 || strcmp(field[1], "1") != 0) {
                die("%s:%u: expected the first line 'engram-deployment 1'", manifest, line);
            }
            header = 1;
            continue;
        }
        if (strcmp(field[0], "machine") == 0 && n == 3 && parse_number(field[1], &width) == 0
                && parse_number(field[2], &height) == 0 && width > 0 && height > 0) {
            continue;
        }
        if (strcmp(field[0], "chip") == 0 && n == 4) {
            if (parse_numbers(field + 1, 3, v) == 0 && v[2] <= 0x3F) {
                if (chip_at(v[0], v[1])) {
                    die("%s:%u: chip %u,%u listed twice", manifest, line, v[0], v[1]);
                }
                chips = grow(chips, chip_count, &chip_capacity, sizeof *chips);
                chips[chip_count].x = v[0];
                chips[chip_count].y = v[1];
                chips[chip_count].links = v[2];
                chips[chip_count].routes = 0;
                chip_count++;
                continue;
            }
        }
        if (strcmp(field[0], "route") == 0 && n == 6) {
            chip_t *c;
            if (parse_numbers(field + 1, 5, v) == 0 && v[4] <= 0xFFFFFF) {
                c = chip_at(v[0], v[1]);
                if (!c) {
                    die("%s:%u: route for chip %u,%u, which no chip line lists", manifest, line, v[0], v[1]);
                }
                if (c->routes == 0) {
                    c->first_route = route_count;
                } else if (c->first_route + c->routes != route_count) {
                    die("%s:%u: chip %u,%u's routes must be consecutive lines", manifest, line, v[0], v[1]);
                }
                routes = grow(routes, route_count, &route_capacity, sizeof *routes);
                routes[route_count].key = v[2];
                routes[route_count].mask = v[3];
                routes[route_count].route = v[4];
                route_count++;
                c->routes++;
                continue;
            }
        }
        if (strcmp(field[0], "core") == 0 && n == 7) {
            host_core_t *h;
            if (parse_numbers(field + 1, 5, v) == 0 && v[2] >= 1 && v[2] <= 17) {
                cores = grow(cores, core_count, &core_capacity, sizeof *cores);
                h = &cores[core_count];
                memset(h, 0, sizeof *h);
                h->x = v[0];
                h->y = v[1];
                h->p = v[2];
                h->address = v[3];
                h->block_bytes = v[4];
                if (strlen(directory) + strlen(field[6]) >= sizeof h->file) {
                    die("%s:%u: the image's path is too long", manifest, line);
                }
                strcpy(h->file, field[6][0] == '/' ? "" : directory);
                strcat(h->file, field[6]);
                read_image(h, manifest, line);
                core_count++;
                continue;
            }
        }
        die("%s:%u: expected 'machine W H', 'chip X Y LINKS', 'route X Y KEY MASK ROUTE' or "
                "'core X Y P ADDRESS BLOCK FILE' (P 1-17); read '%s'", manifest, line, field[0]);
    }
    fclose(f);
    if (!header || width == 0 || core_count == 0) {
        die("%s: expected the header, a machine line and at least one core", manifest);
    }
    for (k = 0; k < core_count; k++) {
        if (!chip_at(cores[k].x, cores[k].y)) {
            die("%s: core %u,%u,%u is on a chip no chip line lists", manifest, cores[k].x, cores[k].y, cores[k].p);
        }
    }
}

/* ------------------------------------------------------------ routing */

static host_core_t *core_at(uint32_t x, uint32_t y, uint32_t p) {
    uint32_t k;
    for (k = 0; k < core_count; k++) {
        if (cores[k].x == x && cores[k].y == y && cores[k].p == p) {
            return &cores[k];
        }
    }
    return 0;
}

typedef struct hop {
    chip_t *chip;
    int arrival; /* the link it arrived on, or -1 from a core of the chip */
} hop_t;

static const int link_dx[LINKS] = {1, 1, 0, -1, -1, 0};
static const int link_dy[LINKS] = {0, 1, 1, 0, -1, -1};

static void deliver(host_core_t *target, uint32_t key) {
    if (target == 0 || target->core.tick >= target->ticks) {
        /* no core there, or it has exited after its last step */
        dropped_at_core++;
        return;
    }
    if (engram_queue_full(&target->core)) {
        engram_queue_drain(&target->core);
    }
    engram_queue_push(&target->core, key);
}

/* routes one key from the chip of the core that sent it; every copy of it shares one hop budget */
static void route_key(host_core_t *from, uint32_t key, hop_t *queue, uint32_t queue_size) {
    uint32_t head = 0, tail = 0;
    uint64_t hops_left = (uint64_t) HOPS_PER_CHIP * width * height;
    queue[tail].chip = chip_at(from->x, from->y);
    queue[tail++].arrival = -1;
    while (head != tail) {
        hop_t h = queue[head++ % queue_size];
        uint32_t r, word = 0, d, p;
        int matched = 0;
        if (hops_left-- == 0) {
            dropped_aged++;
            continue;
        }
        for (r = 0; r < h.chip->routes; r++) {
            const route_t *e = &routes[h.chip->first_route + r];
            if ((key & e->mask) == e->key) {
                word = e->route;
                matched = 1;
                break;
            }
        }
        if (!matched) {
            if (h.arrival < 0) {
                dropped_unrouted++;
                continue;
            }
            word = 1u << ((h.arrival + 3) % LINKS);
        }
        for (d = 0; d < LINKS; d++) {
            if ((word >> d & 1) == 0) {
                continue;
            }
            if ((h.chip->links >> d & 1) == 0) {
                dropped_no_link++;
                continue;
            }
            if (tail - head >= queue_size) {
                die("routing key 0x%08x: more than %u copies in flight", key, queue_size);
            }
            queue[tail % queue_size].chip = chip_at((h.chip->x + width + (uint32_t) link_dx[d]) % width,
                    (h.chip->y + height + (uint32_t) link_dy[d]) % height);
            if (!queue[tail % queue_size].chip) {
                die("chip %u,%u's link %u leads to no chip of the manifest", h.chip->x, h.chip->y, d);
            }
            queue[tail++ % queue_size].arrival = (int) ((d + 3) % LINKS);
        }
        for (p = 0; p < 18; p++) {
            if ((word >> (6 + p) & 1) != 0) {
                deliver(core_at(h.chip->x, h.chip->y, p), key);
            }
        }
    }
}

/* ------------------------------------------------------------ output */

static void write_words(const char *directory, const host_core_t *h, const char *suffix, const uint32_t *words,
        uint32_t count) {
    char path[2048];
    FILE *f;
    uint32_t w;
    snprintf(path, sizeof path, "%s/core-%u-%u-%u.%s", directory, h->x, h->y, h->p, suffix);
    f = fopen(path, "wb");
    if (!f) {
        die("cannot write %s: %s", path, strerror(errno));
    }
    for (w = 0; w < count; w++) {
        unsigned char b[4];
        b[0] = (unsigned char) words[w];
        b[1] = (unsigned char) (words[w] >> 8);
        b[2] = (unsigned char) (words[w] >> 16);
        b[3] = (unsigned char) (words[w] >> 24);
        fwrite(b, 1, 4, f);
    }
    if (fclose(f) != 0) {
        die("cannot write %s: %s", path, strerror(errno));
    }
}

static const char *kind_name(uint32_t kind) {
    return kind == KIND_NEURON ? "neurons" : kind == KIND_SPIKE_ARRAY ? "spike array" : "Poisson";
}

int main(int argc, char **argv) {
    uint32_t limit = 0xFFFFFFFFu;
    uint32_t k, tick, last = 0;
    int a = 1;
    const char *manifest, *out;
    char path[2048];
    FILE *sent;
    hop_t *hops;
    uint32_t hop_capacity;
    if (argc == 5 && strcmp(argv[1], "--ticks") == 0) {
        if (parse_number(argv[2], &limit) != 0) {
            die("--ticks %s: expected a number of steps", argv[2]);
        }
        a = 3;
    }
    if (argc - a != 2) {
        fprintf(stderr, "usage: %s [--ticks N] MANIFEST OUTDIR\n", program);
        return 2;
    }
    manifest = argv[a];
    out = argv[a + 1];
    read_manifest(manifest);
    for (k = 0; k < core_count; k++) {
        host_core_t *h = &cores[k];
        if (engram_core_init(&h->core, h->memory, h->address, h->block_bytes, QUEUE_CAPACITY, h) != 0) {
            if (h->core.error_region >= 0) {
                die("core %u,%u,%u (%s): image at 0x%08x: region %d word %u: %s", h->x, h->y, h->p, h->file,
                        h->address, h->core.error_region, h->core.error_value, h->core.error);
            }
            die("core %u,%u,%u (%s): image at 0x%08x: %s (0x%08x)", h->x, h->y, h->p, h->file, h->address,
                    h->core.error, h->core.error_value);
        }
        h->ticks = h->core.run_ticks < limit ? h->core.run_ticks : limit;
        last = h->ticks > last ? h->ticks : last;
    }
    snprintf(path, sizeof path, "%s/sent.txt", out);
    sent = fopen(path, "w");
    if (!sent) {
        die("cannot write %s: %s", path, strerror(errno));
    }
    hop_capacity = 64 * (chip_count + 1);
    hops = allocate(hop_capacity * sizeof *hops);
    for (tick = 0; tick < last; tick++) {
        for (k = 0; k < core_count; k++) {
            host_core_t *h = &cores[k];
            h->sent_count = 0;
            if (h->core.tick < h->ticks) {
                engram_core_step(&h->core);
                h->spikes += h->sent_count;
            }
        }
        for (k = 0; k < core_count; k++) {
            host_core_t *h = &cores[k];
            uint32_t s;
            if (h->sent_count == 0) {
                continue;
            }
            fprintf(sent, "%u %u %u %u", tick, h->x, h->y, h->p);
            for (s = 0; s < h->sent_count; s++) {
                fprintf(sent, " %x", h->sent[s]);
                route_key(h, h->sent[s], hops, hop_capacity);
            }
            fputc('\n', sent);
        }
        for (k = 0; k < core_count; k++) {
            if (cores[k].core.tick == tick + 1) {
                engram_queue_drain(&cores[k].core);
            }
        }
    }
    if (fclose(sent) != 0) {
        die("cannot write %s: %s", path, strerror(errno));
    }
    for (k = 0; k < core_count; k++) {
        host_core_t *h = &cores[k];
        uint32_t words = engram_core_state(&h->core, 0, 0);
        uint32_t *state = allocate(4 * (size_t) words);
        uint32_t recording_words = h->core.image[2 + 3 * REGION_RECORDING + 2] & ~ENGRAM_OUTPUT_FLAG;
        engram_core_state(&h->core, state, words);
        write_words(out, h, "recording", h->core.recording, recording_words);
        write_words(out, h, "state", state, words);
        free(state);
        printf("core %u,%u,%u: %s, %u neurons, %u steps, %llu spikes, %u keys dropped, %u saturations\n", h->x,
                h->y, h->p, kind_name(h->core.kind), h->core.size, h->core.tick, (unsigned long long) h->spikes,
                h->core.unknown_keys, h->core.saturations);
    }
    printf("%u cores, %u steps; packets dropped: %llu unrouted, %llu on missing links, %llu at cores, "
            "%llu aged\n", core_count, last, (unsigned long long) dropped_unrouted,
            (unsigned long long) dropped_no_link, (unsigned long long) dropped_at_core,
            (unsigned long long) dropped_aged);
    return 0;
}
