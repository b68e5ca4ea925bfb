package org.engram.simulator;

/**
 * The version of Engram that is running, as the jar's manifest states it
 * ({@code Implementation-Version}); {@link #UNKNOWN} when the classes do not come from a jar that
 * states one (a build tree, the tests).
 */
public final class EngramVersion {
    public static final String UNKNOWN = "unknown";

    private EngramVersion() {}

    /** The running version, or {@link #UNKNOWN}. */
    public static String current() {
        String v = EngramVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? UNKNOWN : v;
    }
}
