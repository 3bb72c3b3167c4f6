package io.wampspring.benchmarks.sessions;

import java.util.Locale;

import io.wampspring.benchmarks.ResultFields;

/**
 * What holding N idle sessions of one kind cost the server, printed as one machine-readable line:
 * <pre>SESSIONS target=servlet kind=wamp sessions=10000 open_s=... sessions_per_s=... rss_before_kb=...
 *   rss_open_kb=... rss_per_session_kb=... heap_before_kb=... heap_open_kb=... heap_per_session_kb=... errors=0</pre>
 * Both memory figures are read right after a full GC, before opening and with all N open; per session is the
 * difference over N. {@code open_s} is the time from the first connect to the last session ready.
 */
public record SessionsResult(String target, String kind, int sessions, double openSeconds, long rssBeforeBytes,
        long rssOpenBytes, long heapBeforeBytes, long heapOpenBytes, long errors) {

    public static final String PREFIX = "SESSIONS ";

    public double sessionsPerSecond() {
        return sessions / openSeconds;
    }

    public double rssPerSessionKb() {
        return (rssOpenBytes - rssBeforeBytes) / 1024.0 / sessions;
    }

    public double heapPerSessionKb() {
        return (heapOpenBytes - heapBeforeBytes) / 1024.0 / sessions;
    }

    public String toLine() {
        return String.format(Locale.ROOT, PREFIX + "target=%s kind=%s sessions=%d open_s=%.3f sessions_per_s=%.1f "
                + "rss_before_kb=%d rss_open_kb=%d rss_per_session_kb=%.2f heap_before_kb=%d heap_open_kb=%d "
                + "heap_per_session_kb=%.2f errors=%d",
                target, kind, sessions, openSeconds, sessionsPerSecond(), rssBeforeBytes / 1024, rssOpenBytes / 1024,
                rssPerSessionKb(), heapBeforeBytes / 1024, heapOpenBytes / 1024, heapPerSessionKb(), errors);
    }

    /** Parses a line written by {@link #toLine()} (memory to the KiB it shows). */
    public static SessionsResult parse(String line) {
        ResultFields fields = ResultFields.parse(PREFIX, line);
        return new SessionsResult(fields.get("target"), fields.get("kind"), fields.getInt("sessions"),
                fields.getDouble("open_s"), fields.getLong("rss_before_kb") * 1024,
                fields.getLong("rss_open_kb") * 1024, fields.getLong("heap_before_kb") * 1024,
                fields.getLong("heap_open_kb") * 1024, fields.getLong("errors"));
    }
}
