package io.wampspring.router.message;

import java.util.Map;

/** The WAMP INVOCATION message. */
public record Invocation(long request, long registration, Map<String, Object> details, Payload payload) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.INVOCATION;
    }
}
