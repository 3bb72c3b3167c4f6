package io.wampspring.router.message;

import java.util.Map;

/** The WAMP HELLO message. */
public record Hello(String realm, Map<String, Object> details) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
