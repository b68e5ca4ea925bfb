package org.engram.simulator.record;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.record.RecordingLayout.PopulationLayout;
import org.engram.simulator.record.RecordingLayout.ProjectionLayout;

/**
 * Streams what a run records into a run directory as the run goes ({@link RecordingFiles} describes
 * the files), so that its memory stays bounded whatever the run's length: spikes and weights go
 * through buffered writers; v is buffered in blocks of at most {@value #V_BLOCK_BYTES} bytes per
 * population, each written to {@code v-POP.npy} as it fills and, column by column, to a scratch
 * file from which {@link #finish} writes {@code v.csv} neuron after neuron, as that file is laid
 * out.
 *
 * <p>Every file is written under a {@code .part} name; {@link #finish} completes them and moves
 * them into place, and {@link #close} without it removes them, so a failed run leaves no
 * half-written file. An I/O failure while recording is thrown as {@link UncheckedIOException}
 * naming the file.
 */
public final class RecordingWriter implements RecordingSink, Closeable {
    /** The most bytes of v one population holds before writing them out. */
    static final int V_BLOCK_BYTES = 4 << 20;
    private static final String PART = ".part";

    private final Path dir;
    private final RecordingLayout layout;
    private final SpikeFile spikes;
    private final MembraneFile[] membranes;
    private final WeightFile[] weights;
    private final long[] spikeCount;
    private final List<Path> parts = new ArrayList<>();
    private boolean finished;

    private RecordingWriter(Path dir, RecordingLayout layout, int vBlockBytes) throws IOException {
        this.dir = dir;
        this.layout = layout;
        List<PopulationLayout> pops = layout.populations();
        spikeCount = new long[pops.size()];
        try {
            spikes = new SpikeFile();
            membranes = new MembraneFile[pops.size()];
            for (int k = 0; k < pops.size(); k++) {
                if (pops.get(k).v()) {
                    membranes[k] = new MembraneFile(pops.get(k), vBlockBytes);
                }
            }
            weights = new WeightFile[layout.projections().size()];
            for (int k = 0; k < weights.length; k++) {
                if (layout.projections().get(k).weights()) {
                    weights[k] = new WeightFile(layout.projections().get(k), k);
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts a run directory in {@code dir} (created if needed) for what {@code layout} records. */
    public static RecordingWriter open(Path dir, RecordingLayout layout) throws IOException {
        return open(dir, layout, V_BLOCK_BYTES);
    }

    static RecordingWriter open(Path dir, RecordingLayout layout, int vBlockBytes) throws IOException {
        Files.createDirectories(dir);
        return new RecordingWriter(dir, layout, vBlockBytes);
    }

    /** The directory written into. */
    public Path dir() {
        return dir;
    }

    @Override
    public String toString() {
        return "the run directory " + dir;
    }

    @Override
    public void spike(int population, int neuron, double timeMs) {
        spikeCount[population]++;
        try {
            spikes.add(population, neuron, timeMs);
        } catch (IOException e) {
            throw failed(RecordingFiles.SPIKES, e);
        }
    }

    @Override
    public void membrane(int population, double timeMs, double[] v) {
        try {
            membranes[population].add(timeMs, v);
        } catch (IOException e) {
            throw failed(membranes[population].npyName, e);
        }
    }

    @Override
    public void weights(int projection, double timeMs, double[] w) {
        try {
            weights[projection].add(timeMs, w);
        } catch (IOException e) {
            throw failed(RecordingFiles.WEIGHTS, e);
        }
    }

    private UncheckedIOException failed(String file, IOException e) {
        return new UncheckedIOException(dir.resolve(file) + ": cannot write (" + e.getMessage() + ")", e);
    }

    /**
     * Completes the files and moves them into place: spikes.csv, v.csv and a v-POP.npy per
     * population recording v, weights.csv, and summary.json with {@code stats}; returns them in
     * that order. Nothing more may be recorded afterwards.
     */
    public List<Path> finish(RunStats stats) throws IOException {
        if (finished) {
            throw new IllegalStateException("the recording in " + dir + " is finished already");
        }
        List<String> names = new ArrayList<>();
        spikes.finish();
        names.add(RecordingFiles.SPIKES);
        if (Arrays.stream(membranes).anyMatch(m -> m != null)) {
            Path csv = part(RecordingFiles.MEMBRANES);
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                w.write(RecordingFiles.MEMBRANES_HEADER + "\n");
                for (MembraneFile m : membranes) {
                    if (m != null) {
                        m.finish(w);
                    }
                }
            }
            names.add(RecordingFiles.MEMBRANES);
            for (MembraneFile m : membranes) {
                if (m != null) {
                    names.add(m.npyName);
                }
            }
        }
        if (Arrays.stream(weights).anyMatch(w -> w != null)) {
            Path csv = part(RecordingFiles.WEIGHTS);
            try (OutputStream out = Files.newOutputStream(csv)) {
                out.write((RecordingFiles.WEIGHTS_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
                for (WeightFile w : weights) {
                    if (w != null) {
                        w.appendTo(out);
                    }
                }
            }
            names.add(RecordingFiles.WEIGHTS);
        }
        names.add(RecordingFiles.SUMMARY);
        Files.writeString(part(RecordingFiles.SUMMARY),
                RecordingFiles.summaryJson(RecordingFiles.summary(layout, stats, spikeCount, names)),
                StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>();
        for (String name : names) {
            Path target = dir.resolve(name);
            Files.move(dir.resolve(name + PART), target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            parts.remove(dir.resolve(name + PART));
            written.add(target);
        }
        finished = true;
        close();
        return written;
    }

    /** Removes what an unfinished recording wrote; after {@link #finish}, nothing is left to do. */
    @Override
    public void close() {
        if (spikes != null) {
            spikes.out.closeQuietly();
        }
        for (MembraneFile m : membranes == null ? new MembraneFile[0] : membranes) {
            if (m != null) {
                m.closeQuietly();
            }
        }
        for (WeightFile w : weights == null ? new WeightFile[0] : weights) {
            if (w != null) {
                w.out.closeQuietly();
            }
        }
        for (Path p : parts) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort: the run has failed already, and its error is the one to report
            }
        }
        parts.clear();
    }

    /** A scratch or unfinished file in the directory, removed unless finished. */
    private Path part(String name) {
        Path p = dir.resolve(name + PART);
        parts.add(p);
        return p;
    }

    /** A buffered text file that can be closed without a second failure. */
    private static final class Text {
        final BufferedWriter w;
        private boolean open = true;

        Text(Path file) throws IOException {
            w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        void close() throws IOException {
            open = false;
            w.close();
        }

        void closeQuietly() {
            if (open) {
                try {
                    close();
                } catch (IOException e) {
                    // the file is removed next
                }
            }
        }
    }

    /**
     * spikes.csv: rows in time order, and at one time in population order, each population's spikes
     * as they came; the spikes of one time wait in a group until a later time arrives.
     */
    private final class SpikeFile {
        final Text out;
        private double groupTime = Double.NaN;
        private int[] groupPopulation = new int[64];
        private int[] groupNeuron = new int[64];
        private int groupSize;

        SpikeFile() throws IOException {
            out = new Text(part(RecordingFiles.SPIKES));
            out.w.write(RecordingFiles.SPIKES_HEADER + "\n");
        }

        void add(int population, int neuron, double t) throws IOException {
            if (groupSize > 0 && t != groupTime) {
                if (t < groupTime) {
                    throw new IllegalStateException("spike at " + t + " ms after one at " + groupTime
                            + " ms: spikes must come in time order");
                }
                writeGroup();
            }
            if (groupSize == groupPopulation.length) {
                groupPopulation = Arrays.copyOf(groupPopulation, groupSize * 2);
                groupNeuron = Arrays.copyOf(groupNeuron, groupSize * 2);
            }
            groupTime = t;
            groupPopulation[groupSize] = population;
            groupNeuron[groupSize++] = neuron;
        }

        private void writeGroup() throws IOException {
            String t = Double.toString(groupTime);
            int last = -1;
            boolean ordered = true;
            for (int i = 0; i < groupSize && ordered; i++) {
                ordered = groupPopulation[i] >= last;
                last = groupPopulation[i];
            }
            if (ordered) {
                for (int i = 0; i < groupSize; i++) {
                    row(groupPopulation[i], groupNeuron[i], t);
                }
            } else {
                // population by population, each in arrival order
                for (int p = 0; p < layout.populations().size(); p++) {
                    for (int i = 0; i < groupSize; i++) {
                        if (groupPopulation[i] == p) {
                            row(p, groupNeuron[i], t);
                        }
                    }
                }
            }
            groupSize = 0;
        }

        private void row(int population, int neuron, String t) throws IOException {
            BufferedWriter w = out.w;
            w.write(layout.populations().get(population).label());
            w.write(',');
            w.write(Integer.toString(neuron));
            w.write(',');
            w.write(t);
            w.write('\n');
        }

        void finish() throws IOException {
            writeGroup();
            out.close();
        }
    }

    /**
     * One population's v: a block of rows {@code (time, v of each recorded neuron)} in memory; a
     * full block is appended to the .npy file as it is, and to the scratch file column by column
     * (the block's times, then each neuron's values), so that a neuron's samples are a run of
     * values in every block. v.csv, neuron after neuron, then reads one run per block.
     */
    private final class MembraneFile {
        final String npyName;
        private final String label;
        private final int[] neurons;
        private final int columns;
        /** Rows of a full block. */
        private final int blockRows;
        private double[] block;
        private int rows;
        private long totalRows;
        private int spilledBlocks;
        private final FileChannel npy;
        private FileChannel scratch;
        private final ByteBuffer io = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private final List<FileChannel> open = new ArrayList<>();

        MembraneFile(PopulationLayout p, int vBlockBytes) throws IOException {
            label = p.label();
            npyName = RecordingFiles.npyName(label);
            neurons = p.vNeurons();
            columns = neurons.length + 1;
            blockRows = Math.max(1, vBlockBytes / (columns * Double.BYTES));
            block = new double[Math.min(blockRows, 64) * columns];
            npy = channel(part(npyName));
            write(npy, Npy.header(0, columns));
        }

        private FileChannel channel(Path file) throws IOException {
            FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            open.add(c);
            return c;
        }

        void add(double t, double[] v) throws IOException {
            if (v.length != neurons.length) {
                throw new IllegalArgumentException(label + ": a v sample of " + v.length + " neurons; "
                        + neurons.length + " are recorded");
            }
            if ((rows + 1) * columns > block.length) {
                block = Arrays.copyOf(block, Math.min(blockRows, 2 * rows) * columns);
            }
            block[rows * columns] = t;
            System.arraycopy(v, 0, block, rows * columns + 1, v.length);
            rows++;
            totalRows++;
            if (rows == blockRows) {
                spill();
            }
        }

        /** Writes the block out: to the .npy file, and column by column to the scratch file. */
        private void spill() throws IOException {
            for (int i = 0; i < rows * columns; i++) {
                put(npy, block[i]);
            }
            drain(npy);
            if (scratch == null) {
                scratch = channel(part(label + ".v-columns"));
            }
            for (int c = 0; c < columns; c++) {
                for (int r = 0; r < rows; r++) {
                    put(scratch, block[r * columns + c]);
                }
            }
            drain(scratch);
            spilledBlocks++;
            rows = 0;
        }

        private void put(FileChannel to, double x) throws IOException {
            if (!io.hasRemaining()) {
                drain(to);
            }
            io.putDouble(x);
        }

        private void drain(FileChannel to) throws IOException {
            io.flip();
            write(to, io);
            io.clear();
        }

        private void write(FileChannel to, ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                to.write(b);
            }
        }

        /** Writes this population's rows of v.csv, completes the .npy file and drops the scratch file. */
        void finish(Writer csv) throws IOException {
            if (spilledBlocks == 0) {
                for (int r = 0; r < rows * columns; r++) {
                    put(npy, block[r]);
                }
                drain(npy);
                for (int k = 0; k < neurons.length; k++) {
                    String prefix = label + "," + neurons[k] + ",";
                    for (int r = 0; r < rows; r++) {
                        csvRow(csv, prefix, block[r * columns], block[r * columns + 1 + k]);
                    }
                }
            } else {
                int lastRows = rows;
                if (rows > 0) {
                    spill();
                } else {
                    lastRows = blockRows;
                }
                block = null; // the scratch file has it all; read buffers take its place
                csvFromScratch(csv, lastRows);
            }
            ByteBuffer header = Npy.header(totalRows, columns);
            while (header.hasRemaining()) {
                npy.write(header, header.position());
            }
            closeQuietly();
        }

        private void csvFromScratch(Writer csv, int lastRows) throws IOException {
            ByteBuffer times = ByteBuffer.allocate(blockRows * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer values = ByteBuffer.allocate(blockRows * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < neurons.length; k++) {
                String prefix = label + "," + neurons[k] + ",";
                for (int b = 0; b < spilledBlocks; b++) {
                    int n = b == spilledBlocks - 1 ? lastRows : blockRows;
                    long start = (long) b * blockRows * columns * Double.BYTES;
                    read(times, start, n);
                    read(values, start + (long) (1 + k) * n * Double.BYTES, n);
                    for (int r = 0; r < n; r++) {
                        csvRow(csv, prefix, times.getDouble(r * Double.BYTES), values.getDouble(r * Double.BYTES));
                    }
                }
            }
        }

        private void read(ByteBuffer into, long at, int values) throws IOException {
            into.clear().limit(values * Double.BYTES);
            while (into.hasRemaining()) {
                if (scratch.read(into, at + into.position()) < 0) {
                    throw new IOException(label + ": the scratch file of v ends early");
                }
            }
        }

        private void csvRow(Writer csv, String prefix, double t, double v) throws IOException {
            csv.write(prefix);
            csv.write(Double.toString(t));
            csv.write(',');
            csv.write(Double.toString(v));
            csv.write('\n');
        }

        void closeQuietly() {
            for (FileChannel c : open) {
                try {
                    c.close();
                } catch (IOException e) {
                    // the files are removed or complete already
                }
            }
            open.clear();
        }
    }

    /** One projection's rows of weights.csv, time after time, in their own file until the end. */
    private final class WeightFile {
        final Text out;
        private final Path file;
        private final ProjectionLayout projection;
        private final int[] pre;
        private final int[] post;

        WeightFile(ProjectionLayout p, int index) throws IOException {
            projection = p;
            pre = p.pre();
            post = p.post();
            file = part(RecordingFiles.WEIGHTS + "." + index);
            out = new Text(file);
        }

        void add(double t, double[] w) throws IOException {
            if (w.length != pre.length) {
                throw new IllegalArgumentException(projection.label() + ": a weight sample of " + w.length
                        + " connections; it has " + pre.length);
            }
            String time = Double.toString(t);
            BufferedWriter o = out.w;
            for (int c = 0; c < pre.length; c++) {
                o.write(projection.label());
                o.write(',');
                o.write(Integer.toString(pre[c]));
                o.write(',');
                o.write(Integer.toString(post[c]));
                o.write(',');
                o.write(time);
                o.write(',');
                o.write(Double.toString(w[c]));
                o.write('\n');
            }
        }

        void appendTo(OutputStream to) throws IOException {
            out.close();
            Files.copy(file, to);
            Files.delete(file);
            parts.remove(file);
        }
    }
}
