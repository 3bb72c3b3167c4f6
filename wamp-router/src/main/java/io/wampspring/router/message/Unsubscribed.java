package io.wampspring.router.message;

import java.util.Map;

/** The WAMP UNSUBSCRIBED message. */
public record Unsubscribed(long request, Map<String, Object> details) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.UNSUBSCRIBED;
    }
}
