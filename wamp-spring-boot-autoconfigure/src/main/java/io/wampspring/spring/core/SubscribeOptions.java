package io.wampspring.spring.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.wampspring.spring.annotation.Match;

/**
 * Options of a subscription made through {@link WampTemplate#subscribe}, as SUBSCRIBE.Options: the match policy
 * ({@code match}), and whether the topic's retained event is delivered right after subscribing
 * ({@code get_retained}). Any other option can be passed with {@link #with(String, Object)}.
 */
public record SubscribeOptions(Match match, boolean getRetained, Map<String, Object> others) {

    public static final SubscribeOptions DEFAULTS = new SubscribeOptions(Match.EXACT, false, Map.of());

    public SubscribeOptions {
        others = Map.copyOf(others);
    }

    public SubscribeOptions withMatch(Match policy) {
        return new SubscribeOptions(policy, getRetained, others);
    }

    public SubscribeOptions withGetRetained(boolean value) {
        return new SubscribeOptions(match, value, others);
    }

    /** Any other option, passed as given (the options above have methods of their own). */
    public SubscribeOptions with(String option, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(others);
        more.put(option, value);
        return new SubscribeOptions(match, getRetained, more);
    }

    /** The SUBSCRIBE.Options: only what differs from the defaults. */
    public Map<String, Object> toMap() {
        Map<String, Object> options = new LinkedHashMap<>(others);
        if (match != Match.EXACT) {
            options.put("match", match.name().toLowerCase(Locale.ROOT));
        }
        if (getRetained) {
            options.put("get_retained", true);
        }
        return options;
    }
}
