package io.wampspring.router.message;

import java.util.Map;

/** The WAMP CALL message. */
public record Call(long request, Map<String, Object> options, String procedure, Payload payload) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.CALL;
    }
}
