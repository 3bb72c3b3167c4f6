package io.wampspring.router.message;

import java.util.Map;

/** The WAMP SUBSCRIBE message. */
public record Subscribe(long request, Map<String, Object> options, String topic) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.SUBSCRIBE;
    }
}
