package io.wampspring.spring.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of a publication. {@code acknowledge} makes the broker confirm (the returned future then carries the
 * publication id, or the broker's error); {@code excludeMe} (default true) keeps the event from the template's own
 * session. Any other option of the spec can be passed with {@link #with(String, Object)}.
 */
public record PublishOptions(boolean acknowledge, boolean excludeMe, Map<String, Object> others) {

    public static final PublishOptions DEFAULTS = new PublishOptions(false, true, Map.of());

    public PublishOptions {
        others = Map.copyOf(others);
    }

    public PublishOptions withAcknowledge(boolean value) {
        return new PublishOptions(value, excludeMe, others);
    }

    public PublishOptions withExcludeMe(boolean value) {
        return new PublishOptions(acknowledge, value, others);
    }

    public PublishOptions with(String option, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(others);
        more.put(option, value);
        return new PublishOptions(acknowledge, excludeMe, more);
    }

    /** The PUBLISH.Options dictionary; defaults are left out, as clients do. */
    public Map<String, Object> toMap() {
        Map<String, Object> options = new LinkedHashMap<>(others);
        if (acknowledge) {
            options.put("acknowledge", true);
        }
        if (!excludeMe) {
            options.put("exclude_me", false);
        }
        return options;
    }
}
