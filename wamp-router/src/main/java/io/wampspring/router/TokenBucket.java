package io.wampspring.router;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket of {@code burst} tokens refilled at {@code ratePerSecond}: each message takes one, a message that
 * finds none is over the rate. Kept as the time the bucket will next be full (the "generic cell rate algorithm"),
 * one long instead of a token count and a refill time, with no timer. Not thread-safe: one session's messages are
 * handled one at a time.
 */
final class TokenBucket {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier nanoClock;
    /** Time one token takes to come back. */
    private final long interval;
    /** How far ahead of now the bucket's full time may run: the burst, less the token taken now. */
    private final long tolerance;
    /** When every token taken so far will have come back. */
    private long fullAt;

    TokenBucket(int ratePerSecond, int burst, LongSupplier nanoClock) {
        if (ratePerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.nanoClock = nanoClock;
        this.interval = Math.max(1, SECOND / ratePerSecond);
        this.tolerance = (burst - 1) * interval;
        this.fullAt = nanoClock.getAsLong();
    }

    /** Takes a token; false (taking none) when the bucket is empty. */
    boolean tryTake() {
        long now = nanoClock.getAsLong();
        long start = fullAt - now > 0 ? fullAt : now;
        if (start - now > tolerance) {
            return false;
        }
        fullAt = start + interval;
        return true;
    }
}
