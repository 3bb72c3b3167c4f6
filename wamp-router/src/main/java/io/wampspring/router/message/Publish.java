package io.wampspring.router.message;

import java.util.Map;

/** The WAMP PUBLISH message. */
public record Publish(long request, Map<String, Object> options, String topic, Payload payload) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.PUBLISH;
    }
}
