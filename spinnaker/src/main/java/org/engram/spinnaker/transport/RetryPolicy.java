package org.engram.spinnaker.transport;

/**
 * How requests are windowed and retried.
 *
 * @param timeoutMs time to wait for a reply before sending again (SpiNNMan: 1000)
 * @param retries resends after the first attempt before giving up (SpiNNMan: 10)
 * @param window most requests in flight at once (SpiNNMan: 8; SCAMP has 8 transient tags)
 * @param retryDelayMs wait before resending after a transient return code (SpiNNMan: 100)
 */
public record RetryPolicy(long timeoutMs, int retries, int window, long retryDelayMs) {
    /** SpiNNMan's and JavaSpiNNaker's values. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(1000, 10, 8, 100);
    /** More than 8 outstanding reply-expecting requests can exhaust SCAMP's transient tags. */
    public static final int MAX_WINDOW = 8;

    public RetryPolicy {
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw new IllegalArgumentException("timeout " + timeoutMs + " ms outside 1..600000 ms");
        }
        if (retries < 0 || retries > 1000) {
            throw new IllegalArgumentException("retries " + retries + " outside 0..1000");
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window " + window + " outside 1.." + MAX_WINDOW
                    + " (SCAMP has 8 transient IP tags per Ethernet chip)");
        }
        if (retryDelayMs < 0 || retryDelayMs > timeoutMs) {
            throw new IllegalArgumentException("retry delay " + retryDelayMs + " ms outside 0..timeout");
        }
    }

    /** Most sends of one request: the first plus the retries. */
    public int maxAttempts() {
        return retries + 1;
    }

    public RetryPolicy withTimeoutMs(long t) {
        return new RetryPolicy(t, retries, window, Math.min(retryDelayMs, t));
    }

    public RetryPolicy withRetries(int r) {
        return new RetryPolicy(timeoutMs, r, window, retryDelayMs);
    }

    public RetryPolicy withWindow(int w) {
        return new RetryPolicy(timeoutMs, retries, w, retryDelayMs);
    }

    public RetryPolicy withRetryDelayMs(long d) {
        return new RetryPolicy(timeoutMs, retries, window, d);
    }
}
