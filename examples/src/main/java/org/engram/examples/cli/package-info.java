/**
 * The {@code engram} command line ({@link org.engram.examples.cli.Engram}): one class per command
 * and subcommand ({@code RunCommand}, {@code Ca3RunCommand}, {@code SpinnakerVersionCommand}, ...),
 * the options several commands share as picocli mixins ({@code EngineOptions}, {@code OutputOptions},
 * {@code Ca3RunOptions}, {@code BoardConnection}, {@code MemoryLocation}), and {@code ErrorReport}, the
 * one way a command fails: {@code engram: } and one line on standard error, exit code 2 for the
 * user's errors (bad options, bad files, unreachable hosts, too small a heap), 1 for a bug.
 * {@code RunOutput} writes the run directory of {@code run}, {@code demo} and {@code ca3 run}:
 * staged, sized before the run, committed whole, the previous run's leftovers removed;
 * {@code RunOutputException} says why a run cannot be written as asked. {@code PynnServer} is the
 * line protocol of {@code engram pynn-server}, the Java side of PyNN's {@code pyNN.engram} backend
 * (pynn/ at the project's root).
 *
 * <p>Invariants: an option's own rule is checked while parsing (a converter or a setter) and
 * options that depend on each other before anything is read or written, so a bad command line
 * writes nothing; picocli reports them (parameter exceptions), never a model's exception.
 *
 * <p>May import the simulator's entry points ({@code engine.Mode}, {@code Simulator},
 * {@code Simulation}), its description, JSON, recordings and errors; {@code models.ca3},
 * {@code models.sparsey} and {@code models.data};
 * {@code spinnaker}'s host packages and, for {@code engram board-emulator}, {@code deploy} and
 * {@code pynn-server}'s emulator target only, its emulator;
 * {@code viz}; {@code examples.bench}; picocli, progressbar, and Jackson (to read a run's
 * summary.json).
 */
package org.engram.examples.cli;
