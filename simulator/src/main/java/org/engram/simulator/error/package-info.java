/**
 * The user-error family: {@link org.engram.simulator.error.UserError} marks an exception as bad
 * input rather than a bug (the command line prints its message on one line and exits with code 2),
 * and {@link org.engram.simulator.error.InvalidNetworkException} is a network description that
 * breaks a rule. A leaf: every package of every module may import it, and it imports only
 * {@code java.*}.
 */
package org.engram.simulator.error;
