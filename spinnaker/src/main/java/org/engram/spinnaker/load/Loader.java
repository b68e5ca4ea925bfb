package org.engram.spinnaker.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.engram.spinnaker.image.DataImage;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.Signal;
import org.engram.spinnaker.transceiver.CoreStatus;
import org.engram.spinnaker.transceiver.Transceiver;

/**
 * Runs a {@link LoadPlan} on a machine, in the order SpiNNaker's host tools use:
 * <ol>
 *   <li>per core: allocate its SDRAM block, write its image
 *       (pipelined through the transceiver's window), read the region table back and compare it
 *       with what was written (pointers, checksums, sizes), write the block's address to the
 *       core's {@code user0};</li>
 *   <li>load every chip's multicast table for the app id;</li>
 *   <li>set an IP tag towards this host for the application's results;</li>
 *   <li>flood the core application to every chip and start its cores waiting at SYNC0;</li>
 *   <li>wait until every core is at SYNC0 (a core in an error state ends the run), send the start
 *       signal, and poll the core states until every core is FINISHED;</li>
 *   <li>read each core's output region back through its image's region table;</li>
 *   <li>stop the application (SCAMP frees its SDRAM and routes), free what is left, clear the tag.</li>
 * </ol>
 * A failure at any step stops the application and frees what was allocated before the exception
 * leaves, and the exception names the step and the chip or core.
 */
public final class Loader {
    /** The IP tag the application's results go to. */
    public static final int RESULT_TAG = 1;
    /** Offset of {@code user0} in a core's VCPU block. */
    static final int VCPU_USER0 = 112;
    /** How often the core states are polled while cores start and run. */
    static final long POLL_MS = 20;

    private final Transceiver tx;
    private final Consumer<String> progress;
    /** Time spent writing images, in this run. */
    private long writeNanos;

    public Loader(Transceiver tx, Consumer<String> progress) {
        this.tx = tx;
        this.progress = progress;
    }

    /** Loads, runs and reads back the plan; frees everything it allocated, whatever happens. */
    public LoadResult run(LoadPlan plan) throws InterruptedException {
        Set<ChipLocation> chips = new TreeSet<>();
        plan.cores().forEach(c -> chips.add(c.core().chip()));
        chips.addAll(plan.routes().keySet());
        boolean tagSet = false;
        writeNanos = 0;
        try (DatagramSocket results = resultSocket()) {
            long t0 = System.nanoTime();
            progress.accept("loading " + plan.cores().size() + " cores on " + chips.size() + " chips");
            Map<CoreLocation, DataImage> images = loadImages(plan);
            long bytes = images.values().stream().mapToLong(DataImage::writtenBytes).sum();
            int entries = plan.routes().values().stream().mapToInt(List::size).sum();
            if (!plan.routes().isEmpty()) {
                step("loading " + entries + " routes", plan.routes().size() + " chips",
                        () -> tx.loadRoutes(plan.routes(), plan.appId()));
            }
            InetSocketAddress local = (InetSocketAddress) results.getLocalSocketAddress();
            step("setting IP tag " + RESULT_TAG, "board " + tx.scpAddress(),
                    () -> tx.setIpTag(RESULT_TAG, local.getAddress().getHostAddress(), local.getPort(), true));
            tagSet = true;
            Map<ChipLocation, Set<Integer>> cores = new TreeMap<>();
            plan.cores().forEach(c -> cores.computeIfAbsent(c.core().chip(), k -> new TreeSet<>()).add(c.core().p()));
            step("loading the core application (" + plan.binary().length + " bytes)", "board " + tx.scpAddress(),
                    () -> tx.executeFlood(cores, plan.binary(), plan.appId(), true));
            awaitState(plan, CpuState.SYNC0, java.time.Duration.ofSeconds(30), "starting");
            double loadS = (System.nanoTime() - t0) / 1e9;

            long t1 = System.nanoTime();
            progress.accept("running");
            step("sending the start signal", "board " + tx.scpAddress(), () -> tx.sendSignal(plan.appId(), Signal.SYNC0));
            awaitState(plan, CpuState.FINISHED, plan.runTimeout(), "running");
            double runS = (System.nanoTime() - t1) / 1e9;

            long t2 = System.nanoTime();
            progress.accept("reading the recordings");
            Map<CoreLocation, int[]> outputs = readOutputs(plan, images);
            double readS = (System.nanoTime() - t2) / 1e9;
            return new LoadResult(outputs, bytes, entries, writeNanos / 1e9, loadS, runS, readS);
        } finally {
            release(plan, chips, tagSet);
        }
    }

    /**
     * Allocates every core's block, writes all images in one pipelined stream, reads each region
     * table back and compares it, and points each core's user0 at its image; each step for all
     * cores at once, so that every board's window is kept full.
     */
    private Map<CoreLocation, DataImage> loadImages(LoadPlan plan) throws InterruptedException {
        List<Transceiver.SdramRequest> blocks = new ArrayList<>();
        long blockBytes = 0;
        for (CoreLoad c : plan.cores()) {
            if (c.sizeBytes() > MemoryRegion.SDRAM.sizeBytes()) {
                throw new DeploymentException("core " + c.core() + ": allocating " + c.sizeBytes() + " bytes of SDRAM "
                        + "failed: a chip has " + MemoryRegion.SDRAM.sizeBytes());
            }
            // untagged: a tag makes the allocation fail when its reply is lost and the request is
            // sent again; untagged, the repeat allocates a second block, freed with the others by app id
            blocks.add(new Transceiver.SdramRequest(c.core().chip(), plan.appId(), c.sizeBytes(), 0));
            blockBytes += c.sizeBytes();
        }
        long[] bases = new long[blocks.size()];
        step("allocating " + blockBytes + " bytes of SDRAM", plan.cores().size() + " cores",
                () -> System.arraycopy(tx.allocateSdram(blocks), 0, bases, 0, bases.length));
        Map<CoreLocation, DataImage> images = new LinkedHashMap<>();
        for (int k = 0; k < bases.length; k++) {
            CoreLoad c = plan.cores().get(k);
            if (bases[k] == 0) { // asked again, alone, for SCAMP's answer and the largest free block
                step("allocating " + c.sizeBytes() + " bytes of SDRAM", "core " + c.core(),
                        () -> tx.allocateSdram(c.core().chip(), plan.appId(), c.sizeBytes(), 0));
            }
            DataImage image = c.imageAt().apply(bases[k]);
            if (image.sizeBytes() != c.sizeBytes()) {
                throw new IllegalStateException("core " + c.core() + ": the image has " + image.sizeBytes() + " bytes; "
                        + c.sizeBytes() + " were allocated");
            }
            images.put(c.core(), image);
        }
        List<Transceiver.MemoryWrite> writes = new ArrayList<>();
        List<Transceiver.MemoryWrite> user0 = new ArrayList<>();
        List<Transceiver.MemoryRead> tables = new ArrayList<>();
        long total = 0;
        for (var e : images.entrySet()) {
            CoreLocation core = e.getKey();
            byte[] bytes = e.getValue().toBytes();
            total += bytes.length;
            writes.add(new Transceiver.MemoryWrite(core.chip(), e.getValue().baseAddress(), bytes));
            tables.add(new Transceiver.MemoryRead(core.chip(), e.getValue().baseAddress(), DataImage.HEADER_BYTES));
            user0.add(new Transceiver.MemoryWrite(core.chip(),
                    MemoryRegion.VCPU_BASE + (long) MemoryRegion.VCPU_SIZE * core.p() + VCPU_USER0,
                    ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) e.getValue().baseAddress())
                            .array()));
        }
        long t0 = System.nanoTime();
        step("writing the images (" + total + " bytes)", images.size() + " cores", () -> tx.writeMemory(writes));
        writeNanos += System.nanoTime() - t0;
        List<byte[]> back = new ArrayList<>();
        step("reading the images' region tables back", images.size() + " cores",
                () -> back.addAll(tx.readMemory(tables)));
        List<CoreLocation> cores = List.copyOf(images.keySet());
        for (int k = 0; k < cores.size(); k++) {
            // the bytes written, not serialised again
            if (!Arrays.equals(back.get(k), Arrays.copyOf(writes.get(k).data(), DataImage.HEADER_BYTES))) {
                throw new DeploymentException("core " + cores.get(k)
                        + ": the region table read back differs from the one written");
            }
        }
        step("writing user0", images.size() + " cores", () -> tx.writeMemory(user0));
        return images;
    }

    /** Reads every core's output region, whose address and size its image's region table gives. */
    private Map<CoreLocation, int[]> readOutputs(LoadPlan plan, Map<CoreLocation, DataImage> images)
            throws InterruptedException {
        List<Transceiver.MemoryRead> ranges = new ArrayList<>();
        long bytes = 0;
        for (CoreLoad c : plan.cores()) {
            DataImage image = images.get(c.core());
            DataImage.Region r = image.region(c.outputRegion());
            if (r == null || !r.isOutput()) {
                throw new IllegalStateException("core " + c.core() + ": region " + c.outputRegion()
                        + " is no output region");
            }
            ranges.add(new Transceiver.MemoryRead(c.core().chip(), image.regionAddress(c.outputRegion()),
                    4 * r.sizeWords()));
            bytes += 4L * r.sizeWords();
        }
        List<byte[]> back = new ArrayList<>();
        step("reading the output regions (" + bytes + " bytes)", plan.cores().size() + " cores",
                () -> back.addAll(tx.readMemory(ranges)));
        Map<CoreLocation, int[]> outputs = new LinkedHashMap<>();
        for (int k = 0; k < ranges.size(); k++) {
            int[] words = new int[ranges.get(k).length() / 4];
            ByteBuffer.wrap(back.get(k)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(words);
            outputs.put(plan.cores().get(k).core(), words);
        }
        return outputs;
    }

    /**
     * Polls until every core of the plan is in {@code state}. A core in an error state (or that
     * has left the application) ends the wait with a message naming it and its state.
     */
    private void awaitState(LoadPlan plan, CpuState state, java.time.Duration timeout, String phase)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int n = plan.cores().size();
        while (true) {
            int[] counts = new int[3];
            step("counting cores in " + state, "board " + tx.scpAddress(), () -> {
                counts[0] = tx.countState(plan.appId(), state);
                counts[1] = tx.countState(plan.appId(), CpuState.RUN_TIME_EXCEPTION);
                counts[2] = tx.countState(plan.appId(), CpuState.WATCHDOG);
            });
            if (counts[1] + counts[2] > 0) {
                throw failedCores(plan, phase);
            }
            if (counts[0] == n) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new DeploymentException(phase + ": " + counts[0] + " of " + n + " cores reached " + state
                        + " within " + timeout.toSeconds() + " s; " + stragglers(plan, state));
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** The exception for cores found in an error state, naming each and its state. */
    private DeploymentException failedCores(LoadPlan plan, String phase) throws InterruptedException {
        List<String> failed = new ArrayList<>();
        for (CoreLoad c : plan.cores()) {
            CoreStatus s = tx.readVcpu(c.core());
            if (s.state() == CpuState.RUN_TIME_EXCEPTION.code || s.state() == CpuState.WATCHDOG.code) {
                failed.add(c.core() + " " + s.stateName());
            }
        }
        String which = failed.size() <= 3 ? String.join(", ", failed)
                : String.join(", ", failed.subList(0, 3)) + " and " + (failed.size() - 3) + " more";
        if (plan.standIn()) {
            return new DeploymentException(phase + ": " + failed.size() + " cores stopped in an error state (" + which
                    + "): this board cannot run the stand-in core application; give the ARM binary with --binary");
        }
        return new DeploymentException(phase + ": " + failed.size() + " cores stopped in an error state (" + which + ")");
    }

    /** Which cores are not yet in {@code state}, for a timeout message. */
    private String stragglers(LoadPlan plan, CpuState state) throws InterruptedException {
        List<String> late = new ArrayList<>();
        for (CoreLoad c : plan.cores()) {
            CoreStatus s = tx.readVcpu(c.core());
            if (s.state() != state.code) {
                late.add(c.core() + " " + s.stateName());
            }
            if (late.size() == 3) {
                break;
            }
        }
        return "not there: " + String.join(", ", late);
    }

    /** Stops the application and frees its SDRAM, routes and tag; failures here are added to the first one. */
    private void release(LoadPlan plan, Set<ChipLocation> chips, boolean tagSet) throws InterruptedException {
        progress.accept("stopping the application and freeing its resources");
        tx.stopApplication(plan.appId());
        for (ChipLocation chip : chips) {
            tx.freeSdramByAppId(chip, plan.appId());
            tx.clearRoutes(chip, plan.appId());
        }
        if (tagSet) {
            tx.clearIpTag(RESULT_TAG);
        }
    }

    private static DatagramSocket resultSocket() {
        try {
            return new DatagramSocket(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket for the application's results", e);
        }
    }

    /** One SCP step that may fail. */
    @FunctionalInterface
    private interface ScpStep {
        void run() throws InterruptedException;
    }

    /** Runs a step, wrapping a failure in a message that names the step and where it failed. */
    private static void step(String what, String where, ScpStep s) throws InterruptedException {
        try {
            s.run();
        } catch (DeploymentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DeploymentException(where + ": " + what + " failed: " + e.getMessage(), e);
        }
    }
}
