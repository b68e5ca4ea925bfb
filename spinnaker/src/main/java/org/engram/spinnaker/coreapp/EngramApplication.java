package org.engram.spinnaker.coreapp;

import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.image.EngramBinary;

/** Where an emulator learns to run Engram's core application. */
public final class EngramApplication {
    private EngramApplication() {}

    /**
     * {@code options} with Engram's core application registered: cores started with a binary
     * whose header names {@link EngramBinary#IDENTIFIER} run {@link EngramCore}.
     */
    public static EmulatorOptions register(EmulatorOptions options) {
        return options.withApplication(EngramBinary.IDENTIFIER, core -> new EngramCore());
    }
}
