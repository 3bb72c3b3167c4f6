package io.wampspring.router.message;

import java.util.Map;

/** The WAMP YIELD message. */
public record Yield(long request, Map<String, Object> options, Payload payload) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.YIELD;
    }
}
