package io.wampspring.sample.interop;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a client got back for a call, normalized with {@link Values#normalize}: a result (error null) or an error
 * (its URI, args and kwargs). Absent args/kwargs are empty: autobahn-js cannot tell them apart.
 */
record WampReply(@Nullable String error, List<Object> args, Map<String, Object> kwargs) {

    static WampReply result(@Nullable Object args, @Nullable Object kwargs) {
        return new WampReply(null, Values.normalizeList(args), Values.normalizeMap(kwargs));
    }

    static WampReply error(String uri, @Nullable Object args, @Nullable Object kwargs) {
        return new WampReply(uri, Values.normalizeList(args), Values.normalizeMap(kwargs));
    }

    boolean isError() {
        return error != null;
    }

    /** The first positional result. */
    @Nullable Object first() {
        return args.isEmpty() ? null : args.get(0);
    }
}
