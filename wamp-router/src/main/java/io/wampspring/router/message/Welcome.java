package io.wampspring.router.message;

import java.util.Map;

/** The WAMP WELCOME message. */
public record Welcome(long session, Map<String, Object> details) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}
