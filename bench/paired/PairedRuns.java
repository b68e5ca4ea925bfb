import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * Two builds of Engram in one JVM, each in its own class loader, running the same benchmark in
 * alternation: on a shared machine whose speed drifts, the ratio of neighbouring runs is far
 * steadier than either build's own timings. Prints each build's minimum and median wall time of
 * {@code sim.run} and the median (with quartiles) of the paired ratios B/A.
 *
 * <p>Usage: {@code java bench/paired/PairedRuns.java A.jar B.jar NAME MS REPS [MODE] [NEURONS]
 * [THREADS_A THREADS_B]} (see bench/paired.sh); THREADS ({@code auto} or a number, for builds
 * that take it; {@code -} for a build's default) compares thread counts, of one build given twice,
 * or one thread of this build with a build from before threads. Three untimed pairs come first.
 */
public class PairedRuns {
    /** A build's entry points; {@code threads} is the thread count to ask for, or null for the default. */
    private record Build(Method build, Method mode, Method create, Object threads) {}

    private static Build load(String jar, String threads) throws Exception {
        ClassLoader cl = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()},
                ClassLoader.getPlatformClassLoader());
        Class<?> networks = cl.loadClass("org.engram.examples.bench.BenchNetworks");
        Class<?> network = cl.loadClass("org.engram.simulator.network.Network");
        Class<?> mode = cl.loadClass("org.engram.simulator.engine.Mode");
        Class<?> simulator = cl.loadClass("org.engram.simulator.engine.Simulator");
        if (threads == null) {
            return new Build(networks.getMethod("build", String.class, int.class, long.class),
                    mode.getMethod("byName", String.class), simulator.getMethod("create", network, mode, double.class),
                    null);
        }
        Class<?> threadCount = cl.loadClass("org.engram.simulator.engine.Threads");
        return new Build(networks.getMethod("build", String.class, int.class, long.class),
                mode.getMethod("byName", String.class),
                simulator.getMethod("create", network, mode, double.class, threadCount),
                threadCount.getMethod("parse", String.class).invoke(null, threads));
    }

    /** A THREADS argument: {@code -} asks for the build's default, as builds before threads have. */
    private static String threadsOf(String arg) {
        return arg.equals("-") ? null : arg;
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    /** Builds and runs once; returns the wall seconds of the run and stores the spike count. */
    private static double once(Build b, String name, int neurons, String mode, double ms, long[] spikes)
            throws Exception {
        Object net = b.build().invoke(null, name, neurons, 1L);
        Object sim = b.threads() == null ? b.create().invoke(null, net, b.mode().invoke(null, mode), 0.1)
                : b.create().invoke(null, net, b.mode().invoke(null, mode), 0.1, b.threads());
        Method run = sim.getClass().getMethod("run", double.class);
        run.setAccessible(true);
        long t0 = System.nanoTime();
        run.invoke(sim, ms);
        double wall = (System.nanoTime() - t0) / 1e9;
        spikes[0] = ((Number) call(call(call(sim, "recording"), "stats"), "spikes")).longValue();
        return wall;
    }

    public static void main(String[] a) throws Exception {
        if (a.length < 5 || a.length == 8) {
            System.err.println("usage: PairedRuns A.jar B.jar NAME MS REPS [MODE] [NEURONS] [THREADS_A THREADS_B]");
            System.exit(2);
        }
        Build first = load(a[0], a.length > 8 ? threadsOf(a[7]) : null);
        Build second = load(a[1], a.length > 8 ? threadsOf(a[8]) : null);
        String name = a[2];
        double ms = Double.parseDouble(a[3]);
        int reps = Integer.parseInt(a[4]);
        String mode = a.length > 5 ? a[5] : "event";
        int neurons = a.length > 6 ? Integer.parseInt(a[6]) : 4000;
        double[] wa = new double[reps];
        double[] wb = new double[reps];
        double[] ratio = new double[reps];
        long[] sa = {0};
        long[] sb = {0};
        for (int r = -3; r < reps; r++) {
            double x = once(first, name, neurons, mode, ms, sa);
            double y = once(second, name, neurons, mode, ms, sb);
            if (r >= 0) {
                wa[r] = x;
                wb[r] = y;
                ratio[r] = y / x;
            }
        }
        Arrays.sort(wa);
        Arrays.sort(wb);
        Arrays.sort(ratio);
        if (a.length > 8) {
            System.out.printf("threads: A %s, B %s%n", a[7], a[8]);
        }
        System.out.printf("%s %s %d neurons %.0f ms: A min %.4f med %.4f (spikes %d) | B min %.4f med %.4f (spikes %d)"
                + " | B/A median %.3f [quartiles %.3f %.3f]%n", name, mode, neurons, ms, wa[0], wa[reps / 2], sa[0],
                wb[0], wb[reps / 2], sb[0], ratio[reps / 2], ratio[reps / 4], ratio[3 * reps / 4]);
    }
}
