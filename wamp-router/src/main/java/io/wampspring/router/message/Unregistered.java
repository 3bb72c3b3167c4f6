package io.wampspring.router.message;

import java.util.Map;

/** The WAMP UNREGISTERED message. */
public record Unregistered(long request, Map<String, Object> details) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.UNREGISTERED;
    }
}
