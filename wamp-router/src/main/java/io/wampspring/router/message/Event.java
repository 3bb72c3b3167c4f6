package io.wampspring.router.message;

import java.util.Map;

/** The WAMP EVENT message. */
public record Event(long subscription, long publication, Map<String, Object> details, Payload payload) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.EVENT;
    }
}
