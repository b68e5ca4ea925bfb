/**
 * Data sets the models learn from, and the reader of their file format.
 *
 * <ul>
 *   <li>{@link org.engram.models.data.Idx} reads IDX files (the format of the MNIST database):
 *       {@code idx3-ubyte} images into {@link org.engram.models.data.IdxImages} and
 *       {@code idx1-ubyte} labels, gzip-compressed or not, from a file or any stream.</li>
 *   <li>{@link org.engram.models.data.Mnist} is a set of digit images with their labels;
 *       {@link org.engram.models.data.Mnist#bundled()} reads the 10,000 digits shipped in this
 *       package's resources ({@code mnist-10k/}, provenance in its README).</li>
 * </ul>
 *
 * <p>May import: {@code org.engram.simulator.error.UserError} and the JDK; nothing else of the
 * simulator, and no other model (the models import this package, not the other way round).
 *
 * <p>Invariants: every count and dimension read from a header is checked before it sizes anything;
 * a file must hold exactly its header's payload; images and labels read together agree in count;
 * everything read is immutable.
 */
package org.engram.models.data;
