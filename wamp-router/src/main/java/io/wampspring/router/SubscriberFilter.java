package io.wampspring.router;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.serialization.MessageCodec;
import org.jspecify.annotations.Nullable;

/**
 * A publisher's black- and whitelists ({@code eligible}, {@code eligible_authid}, {@code eligible_authrole},
 * {@code exclude}, {@code exclude_authid}, {@code exclude_authrole}) as hash sets: each subscriber is checked in
 * O(1) whatever the lists' lengths. An absent list does not restrict; a present one, even empty, does. A subscriber
 * receives the event only if it is in every eligible list present and in no exclude list (exclusion wins).
 */
public record SubscriberFilter(@Nullable Set<Long> eligible, @Nullable Set<String> eligibleAuthid,
        @Nullable Set<String> eligibleAuthrole, @Nullable Set<Long> exclude, @Nullable Set<String> excludeAuthid,
        @Nullable Set<String> excludeAuthrole) {

    public static final SubscriberFilter NONE = new SubscriberFilter(null, null, null, null, null, null);

    /** The lists of PUBLISH.Options; a list of the wrong type is an {@link IllegalArgumentException}. */
    static SubscriberFilter of(Map<String, Object> options) {
        if (!options.containsKey("eligible") && !options.containsKey("eligible_authid")
                && !options.containsKey("eligible_authrole") && !options.containsKey("exclude")
                && !options.containsKey("exclude_authid") && !options.containsKey("exclude_authrole")) {
            return NONE;
        }
        return new SubscriberFilter(ids(options, "eligible"), strings(options, "eligible_authid"),
                strings(options, "eligible_authrole"), ids(options, "exclude"), strings(options, "exclude_authid"),
                strings(options, "exclude_authrole"));
    }

    public boolean isNone() {
        return this == NONE || equals(NONE);
    }

    /** Whether the filter names sessions by id: such an event is not kept in history, where ids mean nothing. */
    public boolean namesSessions() {
        return eligible != null || exclude != null;
    }

    public boolean admits(long sessionId, AuthIdentity identity) {
        return (eligible == null || eligible.contains(sessionId))
                && (eligibleAuthid == null || eligibleAuthid.contains(identity.authid()))
                && (eligibleAuthrole == null || eligibleAuthrole.contains(identity.authrole()))
                && (exclude == null || !exclude.contains(sessionId))
                && (excludeAuthid == null || !excludeAuthid.contains(identity.authid()))
                && (excludeAuthrole == null || !excludeAuthrole.contains(identity.authrole()));
    }

    private static @Nullable Set<Long> ids(Map<String, Object> options, String key) {
        List<?> list = list(options, key);
        if (list == null) {
            return null;
        }
        Set<Long> ids = new HashSet<>(list.size() * 2);
        for (Object item : list) {
            if (item instanceof Long || item instanceof Integer) {
                ids.add(((Number) item).longValue());
                continue;
            }
            // a JavaScript client's MessagePack or CBOR encoder sends an id beyond 2^32 as a float
            Long id = MessageCodec.idValue(item);
            if (id == null) {
                throw new IllegalArgumentException("option '" + key + "' must be a list of session ids");
            }
            ids.add(id);
        }
        return ids;
    }

    private static @Nullable Set<String> strings(Map<String, Object> options, String key) {
        List<?> list = list(options, key);
        if (list == null) {
            return null;
        }
        Set<String> values = new HashSet<>(list.size() * 2);
        for (Object item : list) {
            if (!(item instanceof String value)) {
                throw new IllegalArgumentException("option '" + key + "' must be a list of strings");
            }
            values.add(value);
        }
        return values;
    }

    private static @Nullable List<?> list(Map<String, Object> options, String key) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("option '" + key + "' must be a list");
        }
        return list;
    }
}
