/**
 * The JSON network format: reading with errors that name the file, the JSON path and the
 * expectation, and writing.
 *
 * <p>May import: the description packages. Never {@code build} or {@code engine}.
 */
package org.engram.simulator.json;
