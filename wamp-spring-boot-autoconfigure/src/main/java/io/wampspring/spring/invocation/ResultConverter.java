package io.wampspring.spring.invocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.WampPayloadConverter;
import io.wampspring.spring.core.WampResult;
import org.jspecify.annotations.Nullable;

/** A procedure's result (returned, streamed or sent as progress) as a payload: {@code [value]}, or a WampResult's. */
final class ResultConverter {

    private final WampPayloadConverter converter;

    ResultConverter(WampPayloadConverter converter) {
        this.converter = converter;
    }

    Payload toPayload(@Nullable Object value) {
        if (value == null) {
            return Payload.EMPTY;
        }
        if (value instanceof WampResult result) {
            List<Object> args = new ArrayList<>(result.args().size());
            result.args().forEach(arg -> args.add(converter.toPayload(arg)));
            Map<String, Object> kwargs = new LinkedHashMap<>();
            result.kwargs().forEach((key, arg) -> kwargs.put(key, converter.toPayload(arg)));
            return Payload.of(args, kwargs.isEmpty() ? null : kwargs);
        }
        List<Object> args = new ArrayList<>(1);
        args.add(converter.toPayload(value));
        return Payload.of(args, null);
    }
}
