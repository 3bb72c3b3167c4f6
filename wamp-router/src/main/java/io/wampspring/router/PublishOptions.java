package io.wampspring.router;

import java.util.Map;

/**
 * PUBLISH.Options as the broker reads them; a value of the wrong type is an {@link IllegalArgumentException}, refused
 * with {@code wamp.error.invalid_argument}.
 */
record PublishOptions(boolean acknowledge, boolean excludeMe, boolean discloseMe, boolean retain,
        SubscriberFilter filter) {

    static PublishOptions of(Map<String, Object> options) {
        return new PublishOptions(flag(options, "acknowledge", false), flag(options, "exclude_me", true),
                flag(options, "disclose_me", false), flag(options, "retain", false), SubscriberFilter.of(options));
    }

    /** Whether the publisher asked for PUBLISHED or an ERROR, read leniently so that a bad option can be answered. */
    static boolean acknowledged(Map<String, Object> options) {
        return Boolean.TRUE.equals(options.get("acknowledge"));
    }

    private static boolean flag(Map<String, Object> options, String key, boolean absent) {
        Object value = options.get(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException("option '" + key + "' must be a boolean");
        }
        return flag;
    }
}
