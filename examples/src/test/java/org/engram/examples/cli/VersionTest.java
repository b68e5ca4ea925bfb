package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionTest {
    /**
     * {@code engram --version} prints the project's version (passed in by the build as
     * engram.version) and the commit it was built from: an abbreviated hash in a git checkout,
     * "unknown" outside one.
     */
    @Test
    void versionPrintsTheProjectVersionAndTheCommit() {
        String expected = System.getProperty("engram.version");
        assertNotNull(expected, "the build passes the project version as engram.version");
        CliRun r = engram("--version");
        assertEquals(0, r.code(), r.err());
        String line = r.out().strip();
        String prefix = "engram " + expected + " (commit ";
        assertTrue(line.startsWith(prefix) && line.endsWith(")"), line);
        String commit = line.substring(prefix.length(), line.length() - 1);
        assertTrue(commit.matches("[0-9a-f]{7,40}|unknown"), "commit: " + commit);
    }
}
