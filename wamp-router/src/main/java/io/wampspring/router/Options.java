package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;

/** Reading options and building router errors. */
final class Options {

    private Options() {
    }

    static boolean flag(Map<String, Object> options, String key, boolean absent) {
        return options.get(key) instanceof Boolean value ? value : absent;
    }

    static String string(Map<String, Object> options, String key, String absent) {
        return options.get(key) instanceof String value ? value : absent;
    }

    /** An ERROR from the router, with a human-readable message as its single argument. */
    static ErrorMessage error(MessageType requestType, long request, String uri, String message) {
        return new ErrorMessage(requestType, request, Map.of(), uri, Payload.of(List.of(message), null));
    }
}
