package io.wampspring.router.message;

import java.util.Map;

/** The WAMP CHALLENGE message. */
public record Challenge(String authMethod, Map<String, Object> extra) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.CHALLENGE;
    }
}
