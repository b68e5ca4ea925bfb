/**
 * HLOP, Hebbian learning based orthogonal projection (Xiao et al., ICLR 2024, arXiv 2402.11984):
 * the lateral circuit of one layer and the projection it applies to presynaptic traces, the spiking
 * network it protects, the continual-learning protocol that measures it, and the trained network
 * as an ordinary network for the simulator.
 *
 * <ul>
 *   <li>{@link org.engram.models.hlop.SubspaceRule} holds one layer's parameters: input
 *       dimension, Hebbian learning rate, Hebbian iterations per batch.</li>
 *   <li>{@link org.engram.models.hlop.SubspaceNeurons} holds the lateral weights {@code H} (one
 *       row per subspace neuron), learns them with Oja's subspace rule, grows them task by task and
 *       projects traces onto the orthogonal complement of the earlier tasks' subspace.</li>
 *   <li>{@link org.engram.models.hlop.SpikingMlp} is the bias-free network of discrete-time LIF
 *       neurons trained by DSR with SGD on the spikes of the {@link org.engram.models.hlop.RateCode},
 *       projecting each layer's presynaptic traces when given the layers' circuits.</li>
 *   <li>{@link org.engram.models.hlop.PermutedTasks} is the permuted-digit protocol: tasks one
 *       after another ({@link org.engram.models.hlop.Digits} in, a listener told every step), HLOP
 *       against sequential fine-tuning and joint training, the accuracy matrix with ACC and BWT, the
 *       accuracies after every epoch.</li>
 *   <li>{@link org.engram.models.hlop.NetworkExport} turns a trained network and the digits to show
 *       it into a {@code Network} (LIF cells with the subtractive reset, static weights, the input as
 *       spike trains) and decodes the classes from a run's recording.</li>
 *   <li>{@link org.engram.models.hlop.InvalidHlopException} is the user error for bad parameters
 *       and inputs.</li>
 * </ul>
 *
 * <p>May import: EJML ({@code org.ejml.data}, {@code org.ejml.dense.row}, {@code org.ejml.sparse.csc},
 * {@code org.ejml.ops}, {@code org.ejml.interfaces.decomposition}), the simulator's description
 * ({@code network}, {@code neuron}, {@code connector}, {@code synapse}), its recordings
 * ({@code record}), {@code org.engram.simulator.error.UserError} and the JDK; no engine, no other
 * model.
 *
 * <p>Invariants: every random choice comes from the generator seeded at construction; rows of
 * earlier tasks never change once a new task begins; the projection uses only those rows, so the
 * first task is not projected; training and the exported network see the same input spikes.
 */
package org.engram.models.hlop;
