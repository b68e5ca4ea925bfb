package org.engram.simulator.engine.fixed;

import java.util.Arrays;

/**
 * The core application for a slice of {@code IF_curr_exp} or {@code IF_curr_delta} neurons, in
 * sPyNNaker's fixed-point arithmetic (see {@code simulator/docs/fixed-point.md}).
 *
 * <p><b>Start.</b> The core derives its {@link LifConstants} from the parameter words, as
 * sPyNNaker's does.
 *
 * <p><b>Step {@code t}.</b>
 * <ol>
 *   <li>Ring buffers: each non-zero entry of slot {@code t} becomes {@code input = w << shift};
 *       an exponential synapse adds {@code input * init} to its current, a delta synapse adds
 *       {@code input} (mV) to the step's jump; the entry is cleared.</li>
 *   <li>If the refractory counter is positive it is decremented; otherwise
 *       {@code alpha = (I_E - I_I + i_offset) R + v_rest} and
 *       {@code v = alpha - exp_TC (alpha - v)} (delta: {@code alpha = i_offset R + v_rest}, then
 *       {@code v += jump_E - jump_I}; a refractory neuron's jumps are lost).</li>
 *   <li>If {@code v >= v_thresh}: {@code v = v_reset} (a subtractive reset:
 *       {@code v = v - v_thresh + v_reset}, exact in integers, and v may stay at or above
 *       threshold until a later step), the counter is {@code T_refract}, the spike is recorded and
 *       its key sent, and the post-synaptic history gains the step. At most one spike per step.</li>
 *   <li>Exponential currents decay: {@code I = I * decay}; delta jumps are cleared.</li>
 * </ol>
 *
 * <p><b>A key</b> sent at step {@code t} finds its row in the population table. Each static
 * synapse adds its weight to slot {@code t + delay}. A row with plastic synapses first moves its
 * pre trace on ({@code r = r * decay+(t - t_last) + 1}), then updates each plastic synapse from the
 * post-synaptic history of its target, with the synapse's delay {@code d} as dendritic delay:
 * for each post spike {@code p} with {@code t_last - d < p <= t - d} (windows start at 0), in
 * order, potentiation by {@code A+ * r_last * decay+(p + d - t_last)}; then, for the latest post
 * spike {@code p*} at or before the window's end, if any, depression by
 * {@code A- * o(p*) * decay-(t - p* - d)}, even when that interval is 0. Each term is clamped to
 * {@code [w_min, w_max]} as it is applied. The updated weight is written back and added to slot
 * {@code t + d}. Ring-buffer entries saturate at {@code 0xFFFF} (counted).
 *
 * <p>The post-synaptic history of a neuron holds {@value #POST_HISTORY} entries, the first a
 * placeholder at step 0 with trace 0; when full, the oldest real entry is dropped. Traces are
 * 16-bit words in the STDP format and wrap as the core's do.
 */
public final class NeuronCore extends Core {
    /** Entries of a neuron's post-synaptic history, the placeholder included (sPyNNaker's). */
    public static final int POST_HISTORY = 16;
    private static final int RING_MAX = 0xFFFF;

    private final int n;
    private final boolean delta;
    private final boolean subtracts;
    private final LifParameters parameters;
    private final SynapticMatrix matrix;
    private final StdpParameters stdp;
    private final LifConstants constants;
    // state
    private final int[] v;
    private final int[] isynE;
    private final int[] isynI;
    private final int[] refract;
    private final int[] ring;
    private final int slotMask;
    private final int[] postCount;
    private final int[] postTime;
    private final int[] postTrace;
    // counters
    private long saturations;
    private long unknownKeys;
    private long synapticEvents;

    /**
     * A core starting from its image.
     *
     * @param stdp the STDP rule; needed if and only if the matrix has plastic synapses
     * @throws IllegalArgumentException if the regions disagree in size, or a derived constant
     *         divides by a zero word
     */
    public NeuronCore(int firstKey, LifParameters parameters, SynapticMatrix matrix, StdpParameters stdp) {
        super(firstKey, parameters.size());
        this.parameters = parameters;
        this.matrix = matrix;
        this.n = parameters.size();
        this.delta = parameters.delta();
        this.subtracts = parameters.subtracts();
        if (n > 1 << matrix.indexBits) {
            throw new IllegalArgumentException(n + " neurons do not fit the matrix's " + matrix.indexBits
                    + " index bits");
        }
        if ((stdp == null) != (matrix.plasticControl.length == 0)) {
            throw new IllegalArgumentException(stdp == null ? "plastic synapses need an STDP rule"
                    : "an STDP rule without plastic synapses");
        }
        this.stdp = stdp;
        try {
            constants = new LifConstants(parameters);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        v = parameters.vInit.clone();
        isynE = parameters.isynE.clone();
        isynI = parameters.isynI.clone();
        refract = parameters.refractInit.clone();
        ring = new int[1 << (matrix.delayBits + 1 + matrix.indexBits)];
        slotMask = (1 << matrix.delayBits) - 1;
        int tracked = stdp == null ? 0 : n;
        postCount = new int[tracked];
        postTime = new int[tracked * POST_HISTORY];
        postTrace = new int[tracked * POST_HISTORY];
    }

    @Override
    void update(int t) {
        int slot = (t & slotMask) << (matrix.indexBits + 1);
        transfer(slot, 0, isynE, constants.initE);
        transfer(slot | 1 << matrix.indexBits, 1, isynI, constants.initI);
        if (delta) {
            updateDelta(t);
        } else {
            updateExp(t);
        }
    }

    /** Steps 2-4 for exponential synapses. */
    private void updateExp(int t) {
        final int[] v = this.v;
        final int[] isynE = this.isynE;
        final int[] isynI = this.isynI;
        final int[] refract = this.refract;
        final int[] iOffset = parameters.iOffset;
        final int[] vRest = parameters.vRest;
        final int[] vThresh = parameters.vThresh;
        final int[] rMembrane = constants.rMembrane;
        final int[] expTc = constants.expTc;
        final int[] decayE = constants.decayE;
        final int[] decayI = constants.decayI;
        for (int i = 0; i < n; i++) {
            if (refract[i] <= 0) {
                int alpha = FixedPoint.multiply(isynE[i] - isynI[i] + iOffset[i], rMembrane[i]) + vRest[i];
                v[i] = alpha - FixedPoint.multiply(expTc[i], alpha - v[i]);
            } else {
                refract[i]--;
            }
            if (v[i] >= vThresh[i]) {
                spike(i, t);
            }
            isynE[i] = FixedPoint.decay(isynE[i], decayE[i]);
            isynI[i] = FixedPoint.decay(isynI[i], decayI[i]);
        }
    }

    /** Steps 2-4 for delta synapses: the step's jumps follow the membrane update and are then cleared. */
    private void updateDelta(int t) {
        final int[] v = this.v;
        final int[] refract = this.refract;
        final int[] rMembrane = constants.rMembrane;
        final int[] expTc = constants.expTc;
        for (int i = 0; i < n; i++) {
            if (refract[i] <= 0) {
                int alpha = FixedPoint.multiply(parameters.iOffset[i], rMembrane[i]) + parameters.vRest[i];
                v[i] = alpha - FixedPoint.multiply(expTc[i], alpha - v[i]) + isynE[i] - isynI[i];
            } else {
                refract[i]--;
            }
            if (v[i] >= parameters.vThresh[i]) {
                spike(i, t);
            }
            isynE[i] = 0;
            isynI[i] = 0;
        }
    }

    /** Step 3's spike: reset, refractory counter, record, send, post-synaptic history. */
    private void spike(int i, int t) {
        // v >= v_thresh, so v - v_thresh + v_reset lies in [v_reset, v): no overflow
        v[i] = subtracts ? v[i] - parameters.vThresh[i] + parameters.vReset[i] : parameters.vReset[i];
        refract[i] = constants.refractSteps[i];
        send(i);
        if (stdp != null) {
            addPostSpike(i, t);
        }
    }

    /** Moves slot entries of one receptor into the currents (or delta jumps) and clears them. */
    private void transfer(int base, int receptor, int[] isyn, int[] init) {
        int shift = matrix.shift[receptor];
        for (int i = 0; i < n; i++) {
            int w = ring[base + i];
            if (w != 0) {
                ring[base + i] = 0;
                int input = w << shift;
                isyn[i] += delta ? input : FixedPoint.decay(input, init[i]);
            }
        }
    }

    private void addPostSpike(int i, int t) {
        int base = i * POST_HISTORY;
        int last = postCount[i];
        int decayed = StdpLut.multiply(postTrace[base + last],
                StdpLut.decay(stdp.lutMinus, t - postTime[base + last]));
        int trace = (short) (decayed + StdpLut.ONE);
        if (last < POST_HISTORY - 1) {
            last++;
            postCount[i] = last;
        } else {
            // the placeholder at entry 0 stays; the oldest real entry goes
            System.arraycopy(postTime, base + 2, postTime, base + 1, POST_HISTORY - 2);
            System.arraycopy(postTrace, base + 2, postTrace, base + 1, POST_HISTORY - 2);
        }
        postTime[base + last] = t;
        postTrace[base + last] = trace;
    }

    @Override
    public void receive(int key) {
        int tick = tick();
        if (tick == 0) {
            throw new IllegalStateException("key " + Integer.toHexString(key) + " arrived before the first step");
        }
        int row = matrix.row(key);
        if (row < 0) {
            unknownKeys++;
            return;
        }
        int time = tick - 1;
        int[] words = matrix.staticWords;
        for (int s = matrix.staticRowStart[row], end = matrix.staticRowStart[row + 1]; s < end; s++) {
            int word = words[s];
            add(time + matrix.delay(word), matrix.receptor(word), matrix.index(word), word >>> 16);
        }
        int first = matrix.plasticRowStart[row];
        int end = matrix.plasticRowStart[row + 1];
        if (first < end) {
            int lastPreTime = matrix.preTime[row];
            int lastPreTrace = matrix.preTrace[row];
            int decayed = StdpLut.multiply(lastPreTrace, StdpLut.decay(stdp.lutPlus, time - lastPreTime));
            matrix.preTime[row] = time;
            matrix.preTrace[row] = (short) (decayed + StdpLut.ONE);
            for (int s = first; s < end; s++) {
                int control = matrix.plasticControl[s];
                int d = matrix.delay(control);
                int w = updated(matrix.plasticWeight[s], control, time, lastPreTime, lastPreTrace, true);
                matrix.plasticWeight[s] = w;
                add(time + d, matrix.receptor(control), matrix.index(control), w);
            }
        }
        synapticEvents += (end - first) + matrix.staticRowStart[row + 1] - matrix.staticRowStart[row];
    }

    /** Adds a weight to a ring-buffer entry, saturating at 0xFFFF. */
    private void add(int atTick, int receptor, int neuron, int w) {
        int index = (atTick & slotMask) << (matrix.indexBits + 1) | receptor << matrix.indexBits | neuron;
        int sum = ring[index] + w;
        if (sum > RING_MAX) {
            sum = RING_MAX;
            saturations++;
        }
        ring[index] = sum;
    }

    /**
     * The weight {@code w} of a plastic synapse (control word {@code control}) after the pair rule
     * for a pre spike at {@code time}, the row's previous one being at {@code lastPreTime} with
     * trace {@code lastPreTrace}; depression only if {@code depress}.
     */
    private int updated(int w, int control, int time, int lastPreTime, int lastPreTrace, boolean depress) {
        int d = matrix.delay(control);
        int r = matrix.receptor(control);
        int post = matrix.index(control);
        int begin = lastPreTime >= d ? lastPreTime - d : 0;
        int end = time >= d ? time - d : 0;
        int base = post * POST_HISTORY;
        int e = postCount[post];
        while (e > 0 && postTime[base + e] > begin) {
            e--;
        }
        boolean valid = e != 0;
        int prevTime = postTime[base + e];
        int prevTrace = postTrace[base + e];
        for (int k = e + 1; k <= postCount[post] && postTime[base + k] <= end; k++) {
            int sinceLastPre = postTime[base + k] + d - lastPreTime;
            if (sinceLastPre != 0) {
                w = potentiate(w, r, StdpLut.multiply(lastPreTrace, StdpLut.decay(stdp.lutPlus, sinceLastPre)));
            }
            prevTime = postTime[base + k];
            prevTrace = postTrace[base + k];
            valid = true;
        }
        if (depress && valid) {
            w = depress(w, r, StdpLut.multiply(prevTrace, StdpLut.decay(stdp.lutMinus, time - prevTime - d)));
        }
        return w & RING_MAX;
    }

    private int potentiate(int w, int r, int decayed) {
        int change = stdp.multiplicative
                ? (int) (((long) (stdp.wMax[r] - w) * stdp.aPlus[r] * decayed) >> (15 + StdpLut.FRACTION_BITS))
                : StdpLut.multiply(stdp.aPlus[r], decayed);
        return Math.min(stdp.wMax[r], w + change);
    }

    private int depress(int w, int r, int decayed) {
        int change = stdp.multiplicative
                ? (int) (((long) (w - stdp.wMin[r]) * stdp.aMinus[r] * decayed) >> (15 + StdpLut.FRACTION_BITS))
                : StdpLut.multiply(stdp.aMinus[r], decayed);
        return Math.max(stdp.wMin[r], w - change);
    }

    /**
     * A plastic synapse's weight with the potentiation due by step {@code now} applied (the post
     * spikes that have reached it since its row's last pre spike), as a pre spike at {@code now}
     * would apply it; nothing is changed. Depression waits for a real pre spike.
     */
    public int weightAt(int synapse, int now) {
        int row = Arrays.binarySearch(matrix.plasticRowStart, synapse);
        if (row < 0) {
            row = -row - 2;
        } else {
            while (matrix.plasticRowStart[row + 1] == synapse) {
                row++; // skip empty rows that start at the same synapse
            }
        }
        return updated(matrix.plasticWeight[synapse], matrix.plasticControl[synapse], now, matrix.preTime[row],
                matrix.preTrace[row], false);
    }

    // accessors for an image codec, a recorder and tests: the live arrays

    /** The neuron region, for an image encoder. */
    public LifParameters parameters() {
        return parameters;
    }

    /** The synapse regions (plastic weights and row headers change as the core runs). */
    public SynapticMatrix matrix() {
        return matrix;
    }

    /** The STDP region, or null without plastic synapses. */
    public StdpParameters stdp() {
        return stdp;
    }

    /** Membrane potentials, S16.15 mV. */
    public int[] v() {
        return v;
    }

    /** Excitatory currents (nA) or, between steps, zero for delta synapses; S16.15. */
    public int[] isynE() {
        return isynE;
    }

    public int[] isynI() {
        return isynI;
    }

    /** Refractory counters, steps. */
    public int[] refract() {
        return refract;
    }

    /** Ring buffers, indexed {@code slot << (indexBits + 1) | receptor << indexBits | neuron}. */
    public int[] ring() {
        return ring;
    }

    /** The constants derived at start. */
    public LifConstants constants() {
        return constants;
    }

    /** Per neuron, the index of the last entry of its post-synaptic history (0: only the placeholder). */
    public int[] postCount() {
        return postCount;
    }

    /** Post-synaptic history: step of entry {@code e} of neuron {@code i} at {@code i * POST_HISTORY + e}. */
    public int[] postTime() {
        return postTime;
    }

    /** Post-synaptic traces, in the STDP format, laid out as {@link #postTime()}. */
    public int[] postTrace() {
        return postTrace;
    }

    /** Ring-buffer additions that saturated. */
    public long saturations() {
        return saturations;
    }

    /** Keys received that no row listens to. */
    public long unknownKeys() {
        return unknownKeys;
    }

    /** Synapses processed by received keys. */
    public long synapticEvents() {
        return synapticEvents;
    }
}
