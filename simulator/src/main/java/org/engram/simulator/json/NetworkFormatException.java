package org.engram.simulator.json;

import org.engram.simulator.error.UserError;

/**
 * A network file is malformed or breaks a rule: names the file, the JSON path and what was
 * expected, e.g. {@code net.json: $.populations[1].params.tau_n: unknown parameter of IF_curr_exp;
 * expected one of cm, tau_m, ...}.
 */
public class NetworkFormatException extends RuntimeException implements UserError {
    public NetworkFormatException(String source, String path, String message) {
        super(source + ": " + path + ": " + message);
    }
}
