package org.engram.spinnaker.coreapp;

import org.engram.simulator.engine.fixed.Core;
import org.engram.simulator.engine.fixed.NeuronCore;
import org.engram.spinnaker.emulator.ApplicationCore;
import org.engram.spinnaker.emulator.CoreApplication;
import org.engram.spinnaker.emulator.MulticastPacket;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.image.DataImage;
import org.engram.spinnaker.image.ImageFormat;
import org.engram.spinnaker.image.RecordingRegion;
import org.engram.spinnaker.image.SystemRegion;
import org.engram.spinnaker.scp.Signal;

/**
 * One emulated core running Engram's application, as the ARM build will run it.
 *
 * <p><b>Start.</b> {@code user0} holds the image's address; the SDRAM block allocated there
 * bounds it. The image is read and checked ({@link DataImage#read}, {@link CoreImage#decode}),
 * the RECORDING header is written, and the core asks for the board's timer (a run of 0 ticks
 * exits at once). A bad image ends the core with a run-time error, its reason in the emulator's
 * log.
 *
 * <p><b>Each tick</b> the core steps once, sends each key its step emitted as a multicast packet
 * into its chip's router, records the step's spike bits (and v), and after the last run tick
 * exits. Packets that arrive are the keys of the tick just run: the board's timer delivers all of
 * them before the next tick, as the fixed engine's {@link Core} requires.
 */
final class EngramCore implements CoreApplication {
    private Core core;
    private int runTicks;
    private RecordingRegion.Writer recording;

    @Override
    public void run(ApplicationCore c) {
        long address = c.user(0);
        long blockBytes = c.sdramBlockBytes(address);
        if (blockBytes == 0) {
            throw new IllegalStateException(String.format("core %s: user0 0x%08X is in no allocated SDRAM block; "
                    + "expected the address of its data image", c.location(), address));
        }
        DataImage image = DataImage.read(c::readSdram, address, blockBytes);
        SystemRegion system = SystemRegion.of(image);
        core = CoreImage.decode(image);
        runTicks = system.runTicks();
        recording = new RecordingRegion.Writer(image.regionAddress(ImageFormat.RECORDING),
                image.region(ImageFormat.RECORDING).sizeWords(),
                RecordingRegion.spikeWords(system.size(), system.recordsSpikes()),
                RecordingRegion.vWords(system.size(), system.recordsV()), c::writeSdram);
        recording.start();
        if (runTicks == 0) {
            c.exit();
        } else {
            c.startTimer();
        }
    }

    @Override
    public void signal(ApplicationCore c, Signal signal) {
        if (signal != Signal.TIMER) {
            return;
        }
        int sent = core.step();
        int[] keys = core.emitted();
        for (int k = 0; k < sent; k++) {
            c.sendMulticast(MulticastPacket.of(keys[k]));
        }
        recording.record(core.spikeBits(), core instanceof NeuronCore n ? n.v() : null);
        if (core.tick() == runTicks) {
            c.exit();
        }
    }

    @Override
    public void receive(ApplicationCore c, MulticastPacket packet) {
        core.receive(packet.key());
    }
}
