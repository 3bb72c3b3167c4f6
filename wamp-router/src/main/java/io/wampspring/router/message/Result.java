package io.wampspring.router.message;

import java.util.Map;

/** The WAMP RESULT message. */
public record Result(long request, Map<String, Object> details, Payload payload) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.RESULT;
    }
}
