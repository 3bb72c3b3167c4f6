package io.wampspring.router.message;

import java.util.Map;

/** The WAMP REGISTER message. */
public record Register(long request, Map<String, Object> options, String procedure) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.REGISTER;
    }
}
