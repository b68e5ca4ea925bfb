/**
 * JMH microbenchmarks of the loops that bound Engram's engines, small enough to time on their
 * own; the whole-network benchmarks are the {@code engram bench} command and {@code bench/}.
 *
 * <p>May import: JMH and the JDK. A benchmark reproduces the access pattern it measures rather
 * than calling the engines, whose internals are not public.
 */
package org.engram.microbenchmarks;
