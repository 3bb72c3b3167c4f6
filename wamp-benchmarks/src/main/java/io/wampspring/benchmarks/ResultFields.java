package io.wampspring.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code name=value} fields of one result line ({@code BENCH ...}, {@code SESSIONS ...}). */
public final class ResultFields {

    private final Map<String, String> fields;
    private final String line;

    private ResultFields(Map<String, String> fields, String line) {
        this.fields = fields;
        this.line = line;
    }

    public static ResultFields parse(String prefix, String line) {
        if (!line.startsWith(prefix)) {
            throw new IllegalArgumentException("not a " + prefix.trim() + " line: " + line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.substring(prefix.length()).trim().split("\\s+")) {
            int eq = field.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("malformed field '" + field + "' in: " + line);
            }
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return new ResultFields(fields, line);
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    public String get(String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing field " + key + " in: " + line);
        }
        return value;
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public long getLong(String key) {
        return Long.parseLong(get(key));
    }

    public double getDouble(String key) {
        return Double.parseDouble(get(key));
    }
}
