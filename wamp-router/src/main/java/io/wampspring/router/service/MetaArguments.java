package io.wampspring.router.service;

import java.util.List;
import java.util.Map;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.WampException;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Payload;
import io.wampspring.router.serialization.MessageCodec;
import org.jspecify.annotations.Nullable;

/** Reads the positional arguments of a meta procedure call, failing with {@code wamp.error.invalid_argument}. */
final class MetaArguments {

    private final String procedure;
    private final List<Object> args;

    MetaArguments(String procedure, Payload payload) {
        this.procedure = procedure;
        this.args = payload.args() != null ? payload.args() : List.of();
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

    @SuppressWarnings("unchecked")
    Map<String, Object> optionalDict(int index, String name) {
        if (index >= args.size() || args.get(index) == null) {
            return Map.of();
        }
        if (args.get(index) instanceof Map<?, ?> map) {
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

    private WampException invalid(String message) {
        return new WampException(WampUris.INVALID_ARGUMENT, procedure + ": " + message);
    }
}
