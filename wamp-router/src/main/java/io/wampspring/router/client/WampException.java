package io.wampspring.router.client;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A WAMP application error: an error URI with optional args and kwargs. Thrown by a procedure, it becomes the ERROR
 * its caller receives, unchanged; a failed call completes with it.
 */
public class WampException extends RuntimeException {

    private final String uri;
    private final List<Object> args;
    private final Map<String, Object> kwargs;

    public WampException(String uri, String message) {
        this(uri, List.of(message), Map.of());
    }

    @SuppressWarnings("unchecked")
    public WampException(String uri, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        super(describe(uri, args));
        this.uri = uri;
        this.args = args != null ? (List<Object>) args : List.of();
        this.kwargs = kwargs != null ? (Map<String, Object>) kwargs : Map.of();
    }

    private static String describe(String uri, @Nullable List<?> args) {
        return args != null && !args.isEmpty() && args.get(0) instanceof String message ? uri + ": " + message : uri;
    }

    /** The error URI, such as {@code wamp.error.no_such_procedure} or an application's own. */
    public String uri() {
        return uri;
    }

    public List<Object> args() {
        return args;
    }

    public Map<String, Object> kwargs() {
        return kwargs;
    }
}
