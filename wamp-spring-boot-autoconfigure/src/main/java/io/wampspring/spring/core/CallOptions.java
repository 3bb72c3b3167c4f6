package io.wampspring.spring.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of a call: the CALL.Options dictionary, passed to the dealer as given, and how the call is canceled when
 * its future is cancelled.
 */
public record CallOptions(Map<String, Object> options, CancelMode cancelMode) {

    public static final CallOptions DEFAULTS = new CallOptions(Map.of());

    public CallOptions {
        options = Map.copyOf(options);
    }

    public CallOptions(Map<String, Object> options) {
        this(options, CancelMode.KILL);
    }

    public CallOptions with(String option, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(options);
        more.put(option, value);
        return new CallOptions(more, cancelMode);
    }

    /** The dealer cancels the call after {@code timeout} ({@code timeout} option, in ms): it fails with wamp.error.timeout. */
    public CallOptions withTimeout(Duration timeout) {
        return with("timeout", timeout.toMillis());
    }

    /** Asks the dealer to tell the callee who calls ({@code disclose_me}). */
    public CallOptions withDiscloseMe() {
        return with("disclose_me", true);
    }

    public CallOptions withCancelMode(CancelMode mode) {
        return new CallOptions(options, mode);
    }
}
