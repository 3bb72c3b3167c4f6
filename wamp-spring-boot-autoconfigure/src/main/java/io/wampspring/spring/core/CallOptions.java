package io.wampspring.spring.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options of a call: the CALL.Options dictionary, passed to the dealer as given. */
public record CallOptions(Map<String, Object> options) {

    public static final CallOptions DEFAULTS = new CallOptions(Map.of());

    public CallOptions {
        options = Map.copyOf(options);
    }

    public CallOptions with(String option, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(options);
        more.put(option, value);
        return new CallOptions(more);
    }
}
