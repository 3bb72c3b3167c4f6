package io.wampspring.router.message;

import java.util.Map;

/** The WAMP AUTHENTICATE message. */
public record Authenticate(String signature, Map<String, Object> extra) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.AUTHENTICATE;
    }
}
