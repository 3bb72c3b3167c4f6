package io.wampspring.router.service;

import java.util.List;
import java.util.Map;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.WampException;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Payload;
import io.wampspring.router.serialization.MessageCodec;
import org.jspecify.annotations.Nullable;

/**
 * Reads the arguments of a meta procedure call (positional, keyword, and the caller the dealer disclosed), failing
 * with {@code wamp.error.invalid_argument}. Null values count as absent.
 */
final class MetaArguments {

    private final String procedure;
    private final List<Object> args;
    private final Map<String, Object> kwargs;
    private final Map<String, Object> details;

    MetaArguments(String procedure, Payload payload) {
        this(procedure, payload, Map.of());
    }

    MetaArguments(String procedure, Payload payload, Map<String, Object> details) {
        this.procedure = procedure;
        this.args = payload.args() != null ? payload.args() : List.of();
        this.kwargs = payload.kwargs() != null ? payload.kwargs() : Map.of();
        this.details = details;
    }

    /** The caller's session id, which the dealer discloses to the router's services. */
    long caller() {
        Long caller = MessageCodec.idValue(details.get("caller"));
        if (caller == null) {
            throw new WampException(WampUris.NOT_AUTHORIZED, procedure + " needs a disclosed caller");
        }
        return caller;
    }

    /** An id, also as the integral float a JavaScript client's MessagePack or CBOR encoder makes of it. */
    long id(int index, String name) {
        Long id = MessageCodec.idValue(argument(index, name));
        if (id != null) {
            return id;
        }
        throw invalid(name + " must be an integer id");
    }

    String string(int index, String name) {
        if (argument(index, name) instanceof String value) {
            return value;
        }
        throw invalid(name + " must be a string");
    }

    /**
     * The {@code match} of the optional options dictionary at {@code index}, as on REGISTER or SUBSCRIBE: exact when
     * absent.
     */
    MatchPolicy matchOption(int index) {
        Object match = optionalDict(index, "options").get("match");
        if (match == null) {
            return MatchPolicy.EXACT;
        }
        MatchPolicy policy = match instanceof String name ? MatchPolicy.fromWire(name) : null;
        if (policy == null) {
            throw invalid("unknown match policy '" + match + "'");
        }
        return policy;
    }

    Map<String, Object> optionalDict(int index, String name) {
        return dict(index < args.size() ? args.get(index) : null, name);
    }

    /** Whether the argument at {@code index} is there and not null. */
    boolean has(int index) {
        return index < args.size() && args.get(index) != null;
    }

    /** The optional list at {@code index}, or null when absent. */
    @SuppressWarnings("unchecked")
    @Nullable List<Object> optionalList(int index, String name) {
        Object value = index < args.size() ? args.get(index) : null;
        if (value == null || value instanceof List<?>) {
            return (List<Object>) value;
        }
        throw invalid(name + " must be a list");
    }

    /** The optional list of strings at {@code index}, or null when absent. */
    @Nullable List<String> optionalStrings(int index, String name) {
        List<Object> list = optionalList(index, name);
        if (list != null && !list.stream().allMatch(String.class::isInstance)) {
            throw invalid(name + " must be a list of strings");
        }
        return list == null ? null : list.stream().map(String.class::cast).toList();
    }

    /** The keyword argument {@code name}, or null when absent. */
    @Nullable Object keyword(String name) {
        return kwargs.get(name);
    }

    /** The optional string keyword argument {@code name}, or {@code absent}. */
    @Nullable String keywordString(String name, @Nullable String absent) {
        Object value = kwargs.get(name);
        if (value == null) {
            return absent;
        }
        if (value instanceof String string) {
            return string;
        }
        throw invalid(name + " must be a string");
    }

    /** The optional dictionary keyword argument {@code name}, empty when absent. */
    Map<String, Object> keywordDict(String name) {
        return dict(kwargs.get(name), name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dict(@Nullable Object value, String name) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw invalid(name + " must be a dictionary");
    }

    private @Nullable Object argument(int index, String name) {
        if (index >= args.size()) {
            throw invalid("missing argument " + index + " (" + name + ")");
        }
        return args.get(index);
    }

    WampException invalid(String message) {
        return new WampException(WampUris.INVALID_ARGUMENT, procedure + ": " + message);
    }
}
