package io.wampspring.router.message;

import java.util.Map;

/** The WAMP INTERRUPT message. */
public record Interrupt(long request, Map<String, Object> options) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.INTERRUPT;
    }
}
