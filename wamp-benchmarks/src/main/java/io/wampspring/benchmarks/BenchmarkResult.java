package io.wampspring.benchmarks;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One measured run, printed as one machine-readable line:
 * <pre>BENCH scenario=echo round=1 connections=50 payload=64 warmup_s=5.0 duration_s=15.00 ops=... ops_per_s=...
 *   p50_us=... p99_us=... p999_us=... max_us=... errors=0</pre>
 * Latencies are per operation (request sent to reply received) in microseconds, from an HdrHistogram with 3
 * significant digits; {@code ops} counts the replies received within the measured {@code duration_s}.
 *
 * <p>A {@code pubsub-fanout} line has four more fields, {@code subscribers=100 window=16 events=... events_per_s=...}
 * (see {@link Fanout}); there an operation is one publication (PUBLISH sent to its PUBLISHED and its last EVENT
 * received) and {@code connections} counts the publishers.
 */
public record BenchmarkResult(String scenario, int round, int connections, int payload, double warmupSeconds,
        double durationSeconds, long ops, double opsPerSecond, double p50Micros, double p99Micros,
        double p999Micros, double maxMicros, long errors, @Nullable Fanout fanout) {

    public static final String PREFIX = "BENCH ";

    /**
     * What a fan-out run adds.
     *
     * @param subscribers     subscriber sessions
     * @param window          publications in flight at most
     * @param events          EVENTs received by all subscribers together within the measured window
     * @param eventsPerSecond {@code events} per second of the measured window
     */
    public record Fanout(int subscribers, int window, long events, double eventsPerSecond) {
    }

    /** A result without fan-out fields. */
    public BenchmarkResult(String scenario, int round, int connections, int payload, double warmupSeconds,
            double durationSeconds, long ops, double opsPerSecond, double p50Micros, double p99Micros,
            double p999Micros, double maxMicros, long errors) {
        this(scenario, round, connections, payload, warmupSeconds, durationSeconds, ops, opsPerSecond, p50Micros,
                p99Micros, p999Micros, maxMicros, errors, null);
    }

    public String toLine() {
        String line = String.format(Locale.ROOT, PREFIX + "scenario=%s round=%d connections=%d payload=%d "
                + "warmup_s=%.1f duration_s=%.2f ops=%d ops_per_s=%.1f p50_us=%.1f p99_us=%.1f p999_us=%.1f "
                + "max_us=%.1f errors=%d",
                scenario, round, connections, payload, warmupSeconds, durationSeconds, ops, opsPerSecond, p50Micros,
                p99Micros, p999Micros, maxMicros, errors);
        if (fanout != null) {
            line += String.format(Locale.ROOT, " subscribers=%d window=%d events=%d events_per_s=%.1f",
                    fanout.subscribers(), fanout.window(), fanout.events(), fanout.eventsPerSecond());
        }
        return line;
    }

    /** Parses a line written by {@link #toLine()}; fields it does not know (a script's tags) are ignored. */
    public static BenchmarkResult parse(String line) {
        ResultFields fields = ResultFields.parse(PREFIX, line);
        Fanout fanout = null;
        if (fields.has("events")) {
            fanout = new Fanout(fields.getInt("subscribers"), fields.getInt("window"), fields.getLong("events"),
                    fields.getDouble("events_per_s"));
        }
        return new BenchmarkResult(fields.get("scenario"), fields.getInt("round"), fields.getInt("connections"),
                fields.getInt("payload"), fields.getDouble("warmup_s"), fields.getDouble("duration_s"),
                fields.getLong("ops"), fields.getDouble("ops_per_s"), fields.getDouble("p50_us"),
                fields.getDouble("p99_us"), fields.getDouble("p999_us"), fields.getDouble("max_us"),
                fields.getLong("errors"), fanout);
    }
}
