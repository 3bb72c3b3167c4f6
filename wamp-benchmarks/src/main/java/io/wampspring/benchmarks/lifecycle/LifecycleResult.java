package io.wampspring.benchmarks.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One lifecycle run, printed as one machine-readable line of {@code name=value} fields:
 * <pre>LIFECYCLE scenario=churn mode=fresh connections=50 duration_s=15.00 sessions=... sessions_per_s=...
 *   p50_ms=... p99_ms=... server_cpu_s=... server_cpu_us_per_session=... errors=0
 * LIFECYCLE scenario=callee-drop-fin repetitions=200 waiting=5 load_connections=16 load_calls_per_s=...
 *   samples=1000 p50_ms=... p99_ms=... max_ms=... errors=0</pre>
 * A field that could not be measured (no {@code --server-pid}) is {@code -}.
 */
public record LifecycleResult(Map<String, String> fields) {

    public static final String PREFIX = "LIFECYCLE ";

    public LifecycleResult {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        if (!fields.containsKey("scenario") || !fields.containsKey("errors")) {
            throw new IllegalArgumentException("a result names its scenario and errors: " + fields);
        }
    }

    public String scenario() {
        return fields.get("scenario");
    }

    public long errors() {
        return Long.parseLong(fields.get("errors"));
    }

    /** The field as a number, or NaN when it was not measured. */
    public double number(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no field " + name + " in " + fields);
        }
        return "-".equals(value) ? Double.NaN : Double.parseDouble(value);
    }

    public String toLine() {
        StringBuilder line = new StringBuilder(PREFIX);
        fields.forEach((name, value) -> line.append(name).append('=').append(value).append(' '));
        return line.toString().trim();
    }

    public static LifecycleResult parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a lifecycle line: " + line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int eq = field.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("malformed field '" + field + "' in: " + line);
            }
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return new LifecycleResult(fields);
    }
}
