package io.wampspring.router.message;

import java.util.Map;

/** The WAMP CANCEL message. */
public record Cancel(long request, Map<String, Object> options) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.CANCEL;
    }
}
