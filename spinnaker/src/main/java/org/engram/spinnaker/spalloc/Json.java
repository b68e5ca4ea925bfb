package org.engram.spinnaker.spalloc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The protocol's JSON: one mapper, and values shortened for messages. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Longest piece of a server's JSON quoted in a message. */
    static final int QUOTE_CHARS = 120;

    private Json() {}

    /** The JSON text of {@code node}, cut to {@link #QUOTE_CHARS} characters. */
    static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= QUOTE_CHARS ? s : s.substring(0, QUOTE_CHARS) + "…";
    }

    /** A non-negative integer field of an object, or the error naming the command and field. */
    static int natural(JsonNode object, String command, String field) {
        return natural(object.path(field), command + ": field '" + field + "'");
    }

    /** A non-negative integer element of an array, or the error naming the command and array. */
    static int natural(JsonNode array, int index, String command, String what) {
        return natural(array.path(index), command + ": " + what + " " + abbreviate(array) + ", element " + index);
    }

    private static int natural(JsonNode v, String where) {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new SpallocException(where + " is " + abbreviate(v) + "; expected a non-negative integer");
        }
        return v.intValue();
    }
}
